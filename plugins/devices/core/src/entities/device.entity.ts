import { EntitySchema } from '@comptoir/kernel';

/** A device of the shop: its kind, its driver and how it is connected, per station. */
export class DeviceRow {
  id!: number;
  stationId: number | null = null;
  kind!: string;
  name!: string;
  driver!: string;
  /** JSON: the `Connection`. */
  connection!: string;
  /** JSON: the driver's options. */
  options = '{}';
  active = true;
  version = 1;
  createdAt!: string;
  updatedAt!: string;
}

export const DeviceSchema = new EntitySchema<DeviceRow>({
  class: DeviceRow,
  tableName: 'devices_device',
  indexes: [{ properties: ['stationId', 'kind'] }],
  uniques: [{ properties: ['stationId', 'name'] }],
  properties: {
    id: { type: 'integer', primary: true },
    stationId: { type: 'integer', nullable: true },
    kind: { type: 'string', length: 20 },
    name: { type: 'string', length: 80 },
    driver: { type: 'string', length: 40 },
    connection: { type: 'text' },
    options: { type: 'text', default: '{}' },
    active: { type: 'boolean', default: true },
    version: { type: 'integer', default: 1 },
    createdAt: { type: 'string', length: 32 },
    updatedAt: { type: 'string', length: 32 },
  },
});
