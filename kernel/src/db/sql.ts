import type { EntityManager } from '@mikro-orm/core';

/** Runs raw SQL on the entity manager's connection, inside its transaction when it has one; returns the rows. */
export async function query<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await em.getConnection().execute(sql, params as any[], 'all', em.getTransactionContext())) as unknown as T[];
}

/** Runs a raw SQL statement that returns no rows. */
export async function run(em: EntityManager, sql: string, params: unknown[] = []): Promise<void> {
  await em.getConnection().execute(sql, params as any[], 'run', em.getTransactionContext());
}
