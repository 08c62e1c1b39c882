import type { Kernel } from '@comptoir/kernel';
import type { Device } from '../types.js';
import { DeviceError } from '../types.js';
import type { DeviceService } from './device.service.js';
import type { DeviceStatuses } from './device-status.js';
import type { PrintQueue } from './print-queue.js';

/** How often idle devices are asked how they are (paper, cover), so that the cashier sees a problem before printing. */
export const MONITOR_INTERVAL_MS = 20_000;

/** Asks every active device whose driver answers status queries, now and then, and records the answers. */
export class DeviceMonitor {
  private readonly kernel: Kernel;
  private readonly devices: DeviceService;
  private readonly statuses: DeviceStatuses;
  private readonly queue: PrintQueue;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;

  constructor({ kernel, devices, devicesStatuses, devicesPrintQueue }: { kernel: Kernel; devices: DeviceService; devicesStatuses: DeviceStatuses; devicesPrintQueue: PrintQueue }) {
    this.kernel = kernel;
    this.queue = devicesPrintQueue;
    this.devices = devices;
    this.statuses = devicesStatuses;
  }

  start(intervalMs = MONITOR_INTERVAL_MS): void {
    this.timer = setInterval(() => { this.round ??= this.probeAll().finally(() => { this.round = null; }); }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }

  /** Asks one device now; records and returns its state. */
  async probe(device: Device): Promise<ReturnType<DeviceStatuses['get']>> {
    const driver = this.devices.driverOf(device);
    try {
      if (driver.status) {
        const s = await driver.status(device);
        this.statuses.set(device, s.state, s.detail);
      }
    } catch (e) {
      const err = e instanceof DeviceError ? e : new DeviceError('DEVICE_ERROR', 'error', (e as Error).message);
      this.statuses.set(device, err.state, err.message);
    }
    return this.statuses.get(device.id);
  }

  private async probeAll(): Promise<void> {
    try {
      const devices = (await this.devices.list(this.kernel.em())).filter((d) => d.active && d.connection.type !== 'via' && !this.queue.isBusy(d.id));
      await Promise.all(devices.map((d) => this.probe(d).catch(() => undefined)));
    } catch (e) {
      this.kernel.log.warn({ err: e }, 'devices: status round failed');
    }
  }
}
