// Public API of @comptoir/device-display: the plugin (default export), the driver and the simulator.
import { displayPlugin } from './plugin.js';

export default displayPlugin;
export { displayPlugin };
export { displayDriver, displayBytes, displayLine } from './driver.js';
export { DisplaySimulator } from './simulator.js';
export { CMD, WIDTH, LINES } from './commands.js';
