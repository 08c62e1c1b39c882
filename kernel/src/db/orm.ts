import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MikroORM, type EntitySchema, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { KernelError } from '../errors.js';
import type { Dialect } from './migrations.js';
import { afterCommitSubscriber } from './after-commit.js';

/** Where the installation keeps its data: an SQLite file, or a PostgreSQL server. */
export interface DatabaseConfig {
  dialect: Dialect;
  /** SQLite file path (or ':memory:'). */
  file?: string;
  /** PostgreSQL connection URL. */
  url?: string;
}

/** Picks the database: a PostgreSQL URL when given, else `<dataDir>/comptoir.sqlite`. */
export function databaseConfig(opts: { databaseUrl?: string; dataDir: string }): DatabaseConfig {
  const url = opts.databaseUrl?.trim();
  if (url) {
    if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgresql', url };
    if (url.startsWith('sqlite:')) return { dialect: 'sqlite', file: resolve(url.slice('sqlite:'.length).replace(/^\/\//, '')) };
    throw new KernelError('DATABASE_URL_INVALID',
      `Database URL '${url}' is not understood: use postgres://user@host:5432/db or sqlite:/path/to/file.sqlite`);
  }
  return { dialect: 'sqlite', file: resolve(opts.dataDir, 'comptoir.sqlite') };
}

/** Describes a database for people without printing a password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.dialect === 'sqlite') return `SQLite ${db.file}`;
  const u = new URL(db.url!);
  if (u.password) u.password = '***';
  return `PostgreSQL ${u.toString()}`;
}

/** Opens MikroORM on the configured database with the given entities (SQLite: WAL, foreign keys). */
export async function openOrm(db: DatabaseConfig, entities: EntitySchema<any, any>[], debug = false): Promise<MikroORM> {
  const common: Partial<Options> = {
    entities,
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug,
    ensureDatabase: false,
    // Effects that leave the process (events, prints) wait for the outermost transaction's commit.
    subscribers: [afterCommitSubscriber],
    // SQLite full-text tables (FTS5, `<table>_fts` and its shadow tables) have columns without a type, which the
    // schema generator cannot read; they are written by hand in migrations and no entity maps them.
    schemaGenerator: { skipTables: [/_fts($|_)/] },
  };
  try {
    if (db.dialect === 'sqlite') {
      if (db.file && db.file !== ':memory:') mkdirSync(dirname(db.file), { recursive: true });
      const orm = await MikroORM.init({
        ...common,
        driver: BetterSqliteDriver,
        dbName: db.file ?? ':memory:',
        pool: {
          min: 1,
          max: 1,
          afterCreate: (conn: any, done: (err: Error | null, conn: unknown) => void) => {
            try {
              conn.pragma('journal_mode = WAL');
              conn.pragma('synchronous = NORMAL');
              conn.pragma('foreign_keys = ON');
              conn.pragma('busy_timeout = 5000');
              done(null, conn);
            } catch (e) {
              done(e as Error, conn);
            }
          },
        },
      } as Options);
      return orm;
    }
    return await MikroORM.init({
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: db.url,
      pool: { min: 0, max: 10 },
    } as Options);
  } catch (e) {
    throw new KernelError('DATABASE_UNREACHABLE', `Cannot open the database (${describeDatabase(db)}): ${(e as Error).message}`);
  }
}
