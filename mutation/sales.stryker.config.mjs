// Mutation testing of the 'sales' target (see targets.mjs); run with `pnpm mutation sales`.
import { strykerConfig } from './base.mjs';

export default strykerConfig('sales');
