import { DeviceSchema } from './device.entity.js';
import { PrintJobSchema } from './print-job.entity.js';

export { DeviceRow, DeviceSchema } from './device.entity.js';
export { PrintJobRow, PrintJobSchema } from './print-job.entity.js';

export const devicesEntities = [DeviceSchema, PrintJobSchema];
