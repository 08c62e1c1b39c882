import type { PluginContext, RouteContext, RouteRegistrar } from '@comptoir/kernel';
import { getDeviceDrivers } from '../drivers.js';
import { DeviceErrors } from '../messages.js';
import type { DeviceMonitor } from '../services/device-monitor.js';
import type { DeviceInput, DeviceService } from '../services/device.service.js';
import type { DeviceStatuses } from '../services/device-status.js';
import { DeviceError, type Device } from '../types.js';
import { deviceBody, deviceUpdateBody, idParams } from './schemas.js';

/** A device with its last known state. */
const withStatus = (statuses: DeviceStatuses) => (d: Device) => ({ ...d, status: statuses.get(d.id) });

/** Devices: configuration (`devices.configure`), state and the test button (`devices.use`). */
export function deviceRoutes(r: RouteRegistrar, { container, kernel }: PluginContext): void {
  const devices = container.resolve<DeviceService>('devices');
  const statuses = container.resolve<DeviceStatuses>('devicesStatuses');
  const monitor = container.resolve<DeviceMonitor>('devicesMonitor');

  r.get('/drivers', {
    permission: 'devices.configure', summary: 'The enabled drivers: the kinds of device and the connections each handles',
    handler: async () => getDeviceDrivers(kernel).list().map((d) => ({ name: d.name, label: d.label, kinds: d.kinds, connections: d.connections })),
  });
  r.get<{ Querystring: { scope?: 'station' | 'shop' } }>('/', {
    permission: 'devices.use', summary: 'This station’s devices (its own and the shared ones), or every device of the shop (scope=shop), with their state',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { scope: { type: 'string', enum: ['station', 'shop'], default: 'station' } } } },
    handler: async (req, ctx) => (await devices.list(ctx.em, req.query.scope === 'shop' || !ctx.station ? undefined : ctx.station.id)).map(withStatus(statuses)),
  });
  r.get<{ Params: { id: number } }>('/:id', {
    permission: 'devices.use', summary: 'A device with its state', schema: { params: idParams },
    handler: async (req, ctx) => withStatus(statuses)(await devices.get(ctx.em, req.params.id)),
  });
  r.post<{ Body: DeviceInput }>('/', {
    permission: 'devices.configure', summary: 'Add a device to a station (or shared: stationId null)', status: 201, schema: { body: deviceBody },
    handler: async (req, ctx) => withStatus(statuses)(await ctx.transactional((em) => devices.create(em, req.body))),
  });
  r.put<{ Params: { id: number }; Body: DeviceInput & { version: number } }>('/:id', {
    permission: 'devices.configure', summary: 'Change a device (with the version read; 409 VERSION_CONFLICT if it changed meanwhile)',
    schema: { params: idParams, body: deviceUpdateBody },
    handler: async (req, ctx) => withStatus(statuses)(await ctx.transactional((em) => devices.update(em, req.params.id, req.body, req.body.version))),
  });
  r.delete<{ Params: { id: number } }>('/:id', {
    permission: 'devices.configure', summary: 'Delete a device that never printed (one with jobs is deactivated instead: 409 DEVICES_DEVICE_IN_USE)',
    schema: { params: idParams },
    handler: async (req, ctx) => { await ctx.transactional((em) => devices.remove(em, req.params.id)); },
  });
  r.post<{ Params: { id: number } }>('/:id/test', {
    permission: 'devices.use', summary: 'The test button: prints a test page (a printer) or asks the device how it is; answers its state',
    schema: { params: idParams },
    handler: async (req, ctx) => testDevice(await devices.get(ctx.em, req.params.id), ctx),
  });

  async function testDevice(device: Device, ctx: RouteContext) {
    const driver = devices.driverOf(device);
    if (driver.test) {
      try {
        const seen = await driver.test(device, ctx.lang);
        statuses.set(device, seen && seen.state !== 'unknown' ? seen.state : 'online', seen?.detail);
      } catch (e) {
        const err = e instanceof DeviceError ? e : new DeviceError('DEVICE_ERROR', 'error', (e as Error).message);
        statuses.set(device, err.state, err.message);
        throw DeviceErrors.deviceFailed(device.name, err.message);
      }
    }
    const status = driver.test ? statuses.get(device.id) : await monitor.probe(device);
    return { ...device, status };
  }
}
