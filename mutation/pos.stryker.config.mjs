// Mutation testing of the 'pos' target (see targets.mjs); run with `pnpm mutation pos`.
import { strykerConfig } from './base.mjs';

export default strykerConfig('pos');
