// Mutation testing of the 'money' target (see targets.mjs); run with `pnpm mutation money`.
import { strykerConfig } from './base.mjs';

export default strykerConfig('money');
