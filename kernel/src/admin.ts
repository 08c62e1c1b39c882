import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { kernelEntities, Role } from './entities/index.js';
import { databaseConfig, openOrm, type DatabaseConfig } from './db/orm.js';
import { runMigrations } from './db/migrations.js';
import { Journal } from './journal/journal.js';
import { AuthService } from './auth/auth.service.js';
import { kernelPluginDefinition, SOFTWARE } from './kernel.js';

/** The kernel's tables without plugins or HTTP: what the CLI needs to repair an installation that cannot start. */
export interface AdminContext {
  orm: MikroORM;
  db: DatabaseConfig;
  journal: Journal;
  auth: AuthService;
  em(): EntityManager;
  roleNames(): Promise<string[]>;
  close(): Promise<void>;
}

/** Opens the installation's database with only the kernel's entities (migrating the kernel's tables). */
export async function openAdmin(opts: { dataDir: string; databaseUrl?: string }): Promise<AdminContext> {
  const db = databaseConfig(opts);
  const orm = await openOrm(db, kernelEntities);
  await runMigrations(orm, db.dialect, [kernelPluginDefinition]);
  const clock = { now: () => new Date() };
  const journal = new Journal({ clock, software: SOFTWARE });
  return {
    orm, db, journal,
    auth: new AuthService({ journal, clock }),
    em: () => orm.em.fork(),
    roleNames: async () => (await orm.em.fork().find(Role, {})).map((r) => r.name),
    close: () => orm.close(true),
  };
}
