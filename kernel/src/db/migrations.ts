import type { MikroORM } from '@mikro-orm/core';
import { KernelError } from '../errors.js';
import { query, run } from './sql.js';

export type Dialect = 'sqlite' | 'postgresql';

/** One schema change of a plugin for one dialect: SQL statements run in order inside a transaction. */
export interface Migration {
  name: string;
  statements: string[];
}

/** Declares a migration; names sort in the order they run (e.g. '0001-init'). */
export function defineMigration(name: string, statements: string[]): Migration {
  if (!/^\d{4}-[a-z0-9-]+$/.test(name)) throw new TypeError(`Migration name '${name}' must look like 0001-what-it-does`);
  return Object.freeze({ name, statements });
}

const LEDGER_SQL: Record<Dialect, string> = {
  sqlite: `create table if not exists kernel_migration (plugin text not null, name text not null, applied_at text not null, primary key (plugin, name))`,
  postgresql: `create table if not exists kernel_migration (plugin varchar(64) not null, name varchar(128) not null, applied_at varchar(32) not null, primary key (plugin, name))`,
};

/** Applies the migrations of the given plugins, in the order given, each at most once. Returns what ran. */
export async function runMigrations(
  orm: MikroORM,
  dialect: Dialect,
  plugins: Array<{ name: string; migrations?: Partial<Record<Dialect, Migration[]>> }>,
): Promise<string[]> {
  const em = orm.em.fork();
  await run(em, LEDGER_SQL[dialect]);
  const rows = await query<{ plugin: string; name: string }>(em, 'select plugin, name from kernel_migration');
  const done = new Set(rows.map((r) => `${r.plugin}/${r.name}`));
  const ran: string[] = [];
  for (const p of plugins) {
    const list = [...(p.migrations?.[dialect] ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const m of list) {
      const key = `${p.name}/${m.name}`;
      if (done.has(key)) continue;
      try {
        await orm.em.fork().transactional(async (tem) => {
          for (const sql of m.statements) await run(tem, sql);
          await run(tem, 'insert into kernel_migration (plugin, name, applied_at) values (?, ?, ?)',
            [p.name, m.name, new Date().toISOString()]);
        });
      } catch (e) {
        throw new KernelError('MIGRATION_FAILED', `Migration ${key} (${dialect}) failed: ${(e as Error).message}`);
      }
      ran.push(key);
    }
  }
  return ran;
}
