// Every migration of this package, per dialect, in order.
import s0001 from './sqlite/0001-init.js';
import p0001 from './postgresql/0001-init.js';

export const migrations = {
  sqlite: [s0001],
  postgresql: [p0001],
};
