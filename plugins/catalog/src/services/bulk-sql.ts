// Batched writes through the entities' metadata, without the unit of work (the kernel's `sql` helpers): a batch of
// thousands of rows tracked as managed entities would cost more than writing them.
import { sql } from '@comptoir/kernel';

export const { chunks, insertRows, updateRows } = sql;
