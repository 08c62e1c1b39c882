// The kernel's raw-SQL helpers, used where the unit of work would cost more than the work itself: the per-scan
// price book and the batched import.
import { sql } from '@comptoir/kernel';

export const { query, run, placeholders, chunks, dialectOf, sqlBool } = sql;
