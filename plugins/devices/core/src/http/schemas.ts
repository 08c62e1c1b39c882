/** JSON schemas of the device manager's routes: no coercion, unknown fields refused. */
import { schemas } from '@comptoir/kernel';
import { DEVICE_KINDS } from '../types.js';

export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: schemas.id } } as const;

/** A path to a device file: absolute, no `..`, no control characters. */
const devicePath = { type: 'string', minLength: 2, maxLength: 200, pattern: '^/(?!.*\\.\\./)[A-Za-z0-9._/+-]+$' } as const;

export const connection = {
  oneOf: [
    {
      type: 'object', required: ['type', 'host', 'port'], additionalProperties: false,
      properties: {
        type: { const: 'tcp' },
        host: { type: 'string', minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.:_-]+$' },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
      },
    },
    {
      type: 'object', required: ['type', 'path', 'baudRate', 'dataBits', 'parity', 'stopBits'], additionalProperties: false,
      properties: {
        type: { const: 'serial' },
        path: devicePath,
        baudRate: { type: 'integer', enum: [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] },
        dataBits: { type: 'integer', enum: [7, 8] },
        parity: { type: 'string', enum: ['none', 'even', 'odd'] },
        stopBits: { type: 'integer', enum: [1, 2] },
      },
    },
    { type: 'object', required: ['type', 'path'], additionalProperties: false, properties: { type: { const: 'usb' }, path: devicePath } },
    {
      type: 'object', required: ['type', 'deviceId'], additionalProperties: false,
      properties: { type: { const: 'via' }, deviceId: schemas.id, pin: { type: 'integer', enum: [2, 5] } },
    },
  ],
} as const;

export const deviceBody = {
  type: 'object', required: ['stationId', 'kind', 'name', 'driver', 'connection'], additionalProperties: false,
  properties: {
    stationId: { anyOf: [schemas.id, { type: 'null' }] },
    kind: { type: 'string', enum: [...DEVICE_KINDS] },
    name: { type: 'string', minLength: 1, maxLength: 80, pattern: '\\S' },
    driver: { type: 'string', minLength: 2, maxLength: 40, pattern: '^[a-z][a-z0-9-]+$' },
    connection,
    options: { type: 'object', maxProperties: 20 },
    active: { type: 'boolean' },
  },
} as const;

export const deviceUpdateBody = {
  ...deviceBody,
  required: [...deviceBody.required, 'version'],
  properties: { ...deviceBody.properties, version: schemas.id },
} as const;

export const jobsQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['open', 'pending', 'sending', 'done', 'cancelled'] },
    scope: { type: 'string', enum: ['station', 'shop'], default: 'station' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

export const targetBody = {
  type: 'object', additionalProperties: false,
  properties: { deviceId: schemas.id },
} as const;
