import type { EntityManager } from '@comptoir/kernel';

/**
 * Raw SQL on the entity manager's connection, inside its transaction when it has one. Used on the till's hot paths (adding lines, checkout, reports), where the unit of
 * work would cost more than the work itself.
 */
export async function query<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await em.getConnection().execute(sql, params as any[], 'all', em.getTransactionContext())) as unknown as T[];
}

/** Runs a statement that returns no rows. */
export async function run(em: EntityManager, sql: string, params: unknown[] = []): Promise<void> {
  await em.getConnection().execute(sql, params as any[], 'run', em.getTransactionContext());
}

/** `?, ?, ?` for n parameters. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Splits a list into chunks of at most `size` (SQL parameter limits, one transaction per batch). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The database a connection talks to, for the few statements that differ. */
export function dialectOf(em: EntityManager): 'sqlite' | 'postgresql' {
  return em.getPlatform().constructor.name.toLowerCase().includes('postgre') ? 'postgresql' : 'sqlite';
}

/** Booleans as each database wants them in raw SQL parameters. */
export function sqlBool(em: EntityManager, value: boolean): boolean | number {
  return dialectOf(em) === 'postgresql' ? value : value ? 1 : 0;
}

/** The id of the row an insert just made (`returning id` works on both databases). */
export async function insertReturningId(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows = await query<{ id: number }>(em, `${sql} returning id`, params);
  return Number(rows[0].id);
}

/** True when an error is a database constraint refusing a write (unique, check), on either database. */
export function isConstraintError(e: unknown): boolean {
  const err = e as { code?: string; name?: string; message?: string };
  return err?.name === 'UniqueConstraintViolationException' || err?.name === 'CheckConstraintViolationException'
    || err?.code === '23505' || err?.code === '23514' || /constraint/i.test(err?.message ?? '');
}
