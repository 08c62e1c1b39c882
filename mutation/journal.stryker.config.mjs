// Mutation testing of the 'journal' target (see targets.mjs); run with `pnpm mutation journal`.
import { strykerConfig } from './base.mjs';

export default strykerConfig('journal');
