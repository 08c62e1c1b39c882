import type { EventBus } from '@comptoir/kernel';
import type { Device, DeviceState, DeviceStatus } from '../types.js';

/** The event browsers receive when a device's state changes (`GET /api/events`, type `devices.status`). */
export interface DeviceStatusEvent extends DeviceStatus {
  deviceId: number;
  stationId: number | null;
  name: string;
}

/**
 * The last known state of each device, kept in memory (a state is a fact about now, not history): drivers'
 * answers and print attempts set it, and each change is pushed over server-sent events to the station's
 * browsers (or, for a shared device, to everyone who may use devices).
 */
export class DeviceStatuses {
  private readonly states = new Map<number, DeviceStatus>();
  private readonly events: EventBus;

  constructor({ events }: { events: EventBus }) {
    this.events = events;
  }

  get(id: number): DeviceStatus {
    return this.states.get(id) ?? { state: 'unknown', at: new Date(0).toISOString() };
  }

  /** Records what a device said; publishes `devices.status` when its state or detail changed. */
  set(device: Pick<Device, 'id' | 'stationId' | 'name'>, state: DeviceState, detail?: string): void {
    const before = this.states.get(device.id);
    const now: DeviceStatus = { state, ...(detail ? { detail } : {}), at: new Date().toISOString() };
    this.states.set(device.id, now);
    if (before?.state === state && before?.detail === now.detail) return;
    const data: DeviceStatusEvent = { deviceId: device.id, stationId: device.stationId, name: device.name, ...now };
    this.events.publish({ type: 'devices.status', data, ...(device.stationId !== null ? { stationId: device.stationId } : {}), permission: 'devices.use' });
  }

  forget(id: number): void {
    this.states.delete(id);
  }
}
