// Public API of @comptoir/devices: the plugin (default export), the driver contract and registry, transports, services.
import { devicesPlugin } from './plugin.js';

export default devicesPlugin;
export { devicesPlugin };
export * from './types.js';
export { getDeviceDrivers, DriverRegistry } from './drivers.js';
export { CODE_PAGE_NUMBER, encodeText, decodeByte } from './codepages.js';
export { openTransport, sttyArgs, type Transport, type TransportOptions } from './transports/transport.js';
export { retryDelay, RETRY, LEASE_MS, DRAWER_WINDOW_MS, type PrintQueue, type PrintJob, type JobInput, type JobStatus, type JobSource } from './services/print-queue.js';
export type { DeviceService, DeviceInput } from './services/device.service.js';
export type { DeviceStatuses, DeviceStatusEvent } from './services/device-status.js';
export type { TillPrinting, DrawerTarget } from './services/till-printing.js';
export { displayPair, type CustomerDisplays } from './services/customer-display.js';
export { DeviceRow, PrintJobRow } from './entities/index.js';
