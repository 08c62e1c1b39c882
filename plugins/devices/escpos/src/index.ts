// Public API of @comptoir/device-escpos: the plugin (default export), the driver, the renderer, the decoder and the simulator.
import { escposPlugin } from './plugin.js';

export default escposPlugin;
export { escposPlugin };
export { escposDriver, testPage } from './driver.js';
export { renderEscPos, type EscPosOptions, type EscPosJob, type EscPosCodePage } from './render.js';
export { decodeEscPos, type Decoded, type DecodedReceipt } from './decode.js';
export { stateOf, DLE_EOT, STATUS_BITS } from './status.js';
export { PrinterSimulator, type PrinterSimulatorOptions, type PrinterCondition } from './simulator.js';
