// The kernel's raw-SQL helpers, used on the till's hot paths (adding lines, checkout, reports), where the unit of
// work would cost more than the work itself.
import { sql } from '@comptoir/kernel';

export const { query, run, placeholders, chunks, dialectOf, sqlBool, insertReturningId } = sql;

/** True when an error is a database constraint refusing a write (unique, check), on either database. */
export function isConstraintError(e: unknown): boolean {
  const err = e as { code?: string; name?: string; message?: string };
  return err?.name === 'UniqueConstraintViolationException' || err?.name === 'CheckConstraintViolationException'
    || err?.code === '23505' || err?.code === '23514' || /constraint/i.test(err?.message ?? '');
}
