// Batched reads and writes through the entities' metadata, without the unit of work (the kernel's `sql` helpers):
// an import touches thousands of rows per batch.
import { sql } from '@comptoir/kernel';

export const { selectRows, insertRows, updateRows } = sql;
