// Mutation testing of the 'pricing' target (see targets.mjs); run with `pnpm mutation pricing`.
import { strykerConfig } from './base.mjs';

export default strykerConfig('pricing');
