import { Station, isUniqueViolation, sql, type EntityManager, type Kernel } from '@comptoir/kernel';
import { getDeviceDrivers } from '../drivers.js';
import { DeviceErrors } from '../messages.js';
import type { Connection, Device, DeviceDriver, DeviceKind } from '../types.js';
import type { DeviceStatuses } from './device-status.js';

const { query, run, insertReturningId, sqlBool } = sql;

/** What a person gives to add or change a device (checked by the route's schema first). */
export interface DeviceInput {
  stationId: number | null;
  kind: DeviceKind;
  name: string;
  driver: string;
  connection: Connection;
  options?: Record<string, unknown>;
  active?: boolean;
}

/** The devices of the shop, per station. */
export class DeviceService {
  private readonly kernel: Kernel;
  private readonly statuses: DeviceStatuses;

  constructor({ kernel, devicesStatuses }: { kernel: Kernel; devicesStatuses: DeviceStatuses }) {
    this.kernel = kernel;
    this.statuses = devicesStatuses;
  }

  /** Every device, or a station's (its own and the shared ones). */
  async list(em: EntityManager, stationId?: number): Promise<Device[]> {
    const rows = stationId === undefined
      ? await query<Record<string, unknown>>(em, 'select * from devices_device order by station_id, kind, name')
      : await query<Record<string, unknown>>(em, 'select * from devices_device where station_id = ? or station_id is null order by station_id, kind, name', [stationId]);
    return rows.map(deviceOf);
  }

  async get(em: EntityManager, id: number): Promise<Device> {
    const rows = await query<Record<string, unknown>>(em, 'select * from devices_device where id = ?', [id]);
    if (!rows.length) throw DeviceErrors.deviceNotFound(id);
    return deviceOf(rows[0]);
  }

  /** The station's active device of a kind (its own before a shared one), or null. */
  async forStation(em: EntityManager, stationId: number, kind: DeviceKind): Promise<Device | null> {
    const rows = await query<Record<string, unknown>>(em,
      `select * from devices_device where kind = ? and active = ? and (station_id = ? or station_id is null)
       order by case when station_id is null then 1 else 0 end, id limit 1`, [kind, sqlBool(em, true), stationId]);
    return rows.length ? deviceOf(rows[0]) : null;
  }

  async create(em: EntityManager, input: DeviceInput): Promise<Device> {
    await this.check(em, input);
    const now = new Date().toISOString();
    try {
      const id = await insertReturningId(em,
        'insert into devices_device (station_id, kind, name, driver, connection, options, active, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
        [input.stationId, input.kind, input.name.trim(), input.driver, JSON.stringify(input.connection), JSON.stringify(input.options ?? {}), sqlBool(em, input.active ?? true), now, now]);
      return this.get(em, id);
    } catch (e) {
      if (isUniqueViolation(e)) throw DeviceErrors.nameTaken(input.name);
      throw e;
    }
  }

  /** Changes a device if `version` is the stored one (409 VERSION_CONFLICT otherwise). */
  async update(em: EntityManager, id: number, input: DeviceInput, version: number): Promise<Device> {
    await this.get(em, id);
    await this.check(em, input, id);
    try {
      const rows = await query<{ id: number }>(em,
        `update devices_device set station_id = ?, kind = ?, name = ?, driver = ?, connection = ?, options = ?, active = ?, version = version + 1, updated_at = ?
         where id = ? and version = ? returning id`,
        [input.stationId, input.kind, input.name.trim(), input.driver, JSON.stringify(input.connection), JSON.stringify(input.options ?? {}), sqlBool(em, input.active ?? true), new Date().toISOString(), id, version]);
      if (!rows.length) throw DeviceErrors.versionConflict();
    } catch (e) {
      if (isUniqueViolation(e)) throw DeviceErrors.nameTaken(input.name);
      throw e;
    }
    this.statuses.forget(id);
    return this.get(em, id);
  }

  /** Deletes a device that never printed; one with jobs is deactivated instead (409 DEVICES_DEVICE_IN_USE). */
  async remove(em: EntityManager, id: number): Promise<void> {
    await this.get(em, id);
    const jobs = await query<{ n: number }>(em, 'select count(*) as n from devices_print_job where device_id = ?', [id]);
    if (Number(jobs[0].n) > 0) throw DeviceErrors.inUse();
    try {
      await run(em, 'delete from devices_device where id = ?', [id]);
    } catch (e) {
      // A job written between the count and the delete: the database refuses (foreign key, or trigger on SQLite).
      if (/devices_print_job_device_fk|foreign key/i.test((e as Error).message)) throw DeviceErrors.inUse();
      throw e;
    }
    this.statuses.forget(id);
  }

  /** The driver of a device, or DEVICES_DRIVER_UNKNOWN. */
  driverOf(device: Pick<Device, 'driver'>): DeviceDriver {
    const d = getDeviceDrivers(this.kernel).get(device.driver);
    if (!d) throw DeviceErrors.driverUnknown(device.driver);
    return d;
  }

  private async check(em: EntityManager, input: DeviceInput, id?: number): Promise<void> {
    if (input.stationId !== null && !(await em.findOne(Station, { id: input.stationId }))) throw DeviceErrors.stationNotFound(input.stationId);
    const driver = this.driverOf(input);
    if (!driver.kinds.includes(input.kind)) throw DeviceErrors.driverKind(driver.name, input.kind);
    if (!driver.connections.includes(input.connection.type)) throw DeviceErrors.driverConnection(driver.name, input.connection.type);
    if (input.connection.type === 'via') {
      const target = input.connection.deviceId === id ? null : await this.get(em, input.connection.deviceId).catch(() => null);
      if (!target || target.kind !== 'receipt-printer') throw DeviceErrors.viaTarget(input.connection.deviceId);
    }
  }
}

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** A stored row as a Device. */
export function deviceOf(r: Record<string, unknown>): Device {
  return {
    id: Number(r.id), stationId: r.station_id == null ? null : Number(r.station_id), kind: r.kind as DeviceKind, name: String(r.name),
    driver: String(r.driver), connection: parse(r.connection) as Connection, options: parse(r.options) as Record<string, unknown>,
    active: r.active === true || r.active === 1, version: Number(r.version),
  };
}
