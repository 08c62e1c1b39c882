import { Shop, formatMoney, type Kernel } from '@comptoir/kernel';
import { getPosHooks, type CommittedEvent } from '@comptoir/pos';
import { DeviceError } from '../types.js';
import type { DeviceService } from './device.service.js';
import type { DeviceStatuses } from './device-status.js';

const LABELS = {
  total: { fr: 'TOTAL', nl: 'TOTAAL', en: 'TOTAL' },
  change: { fr: 'Rendu', nl: 'Wisselgeld', en: 'Change' },
  thanks: { fr: 'Merci !', nl: 'Dank u!', en: 'Thank you!' },
} as const;

/** Two display lines: a label on the left, an amount on the right, `width` characters each. */
export function displayPair(left: string, right: string, width = 20): string {
  const r = right.replace(/[\u00A0\u202F]/g, ' ');
  return `${left.slice(0, Math.max(0, width - r.length - 1)).padEnd(width - r.length)}${r}`.slice(0, width);
}

/**
 * The customer display of the station: after a sale commits (pos's `committed`), the total and the change (or a
 * thank-you). Shown at once, not queued: a display shows the present, and a late total would mislead.
 */
export class CustomerDisplays {
  private readonly kernel: Kernel;
  private readonly devices: DeviceService;
  private readonly statuses: DeviceStatuses;

  constructor({ kernel, devices, devicesStatuses }: { kernel: Kernel; devices: DeviceService; devicesStatuses: DeviceStatuses }) {
    this.kernel = kernel;
    this.devices = devices;
    this.statuses = devicesStatuses;
  }

  tap(): void {
    getPosHooks(this.kernel).committed.tapPromise('devices-display', (e) => this.showSale(e));
  }

  /** Shows a paid sale's total and change on the station's display, if it has one. */
  async showSale(e: CommittedEvent): Promise<void> {
    const em = this.kernel.em();
    const display = await this.devices.forStation(em, e.ticket.stationId, 'customer-display');
    if (!display) return;
    const shop = await em.findOne(Shop, { id: 1 });
    const lang = (shop?.language ?? 'fr') as 'fr' | 'nl' | 'en';
    const locale = `${lang}-${shop?.country ?? 'BE'}`;
    const lines: [string, string] = [
      displayPair(LABELS.total[lang], formatMoney(e.receipt.total, locale)),
      e.receipt.change ? displayPair(LABELS.change[lang], formatMoney(e.receipt.change, locale)) : LABELS.thanks[lang],
    ];
    const driver = this.devices.driverOf(display);
    try {
      await driver.display?.(display, lines);
      this.statuses.set(display, 'online');
    } catch (err) {
      const d = err instanceof DeviceError ? err : new DeviceError('DEVICE_ERROR', 'error', (err as Error).message);
      this.statuses.set(display, d.state, d.message);
    }
  }
}
