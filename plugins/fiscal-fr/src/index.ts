// Public API of @comptoir/fiscal-fr: the plugin (default export) and its services' types.
import { fiscalFrPlugin } from './plugin.js';

export default fiscalFrPlugin;
export { fiscalFrPlugin };
export { TRAINING_BANNER } from './messages.js';
export type { TrainingService, TrainingStatus, TrainingTicket } from './services/training.service.js';
export type { ClosureSignature } from './services/closure-signature.js';
