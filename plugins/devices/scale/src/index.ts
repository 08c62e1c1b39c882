// Public API of @comptoir/device-scale: the plugin (default export), the driver, the protocol and the simulator.
import { scalePlugin } from './plugin.js';

export default scalePlugin;
export { scalePlugin };
export { scaleDriver, weigh, zero } from './driver.js';
export { ScaleSimulator, type ScaleState } from './simulator.js';
export { parseAnswer, weightAnswer, statusAnswer, REQUEST, STATUS, STX, CR, type Reading } from './protocol.js';
