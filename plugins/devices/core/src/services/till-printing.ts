import { Shop, type EntityManager, type Kernel, type Language, type PrintService } from '@comptoir/kernel';
import { BUILT_IN_METHODS, getPosHooks, receiptData, type CommittedEvent, type DrawerEvent, type Receipt } from '@comptoir/pos';
import type { Device } from '../types.js';
import type { DeviceService } from './device.service.js';
import type { PrintJob, PrintQueue } from './print-queue.js';

/** Where a station's drawer opens: the printer it hangs off and the pin. */
export interface DrawerTarget {
  printer: Device;
  pin: 2 | 5;
}

/**
 * The till's side of the devices: after a sale commits, its receipt is queued on the station's receipt printer
 * (with the drawer's kick when cash changed hands); a drawer opened without a sale kicks it too. Taps pos's
 * `committed` and `drawerOpened` hooks, which run after the commit, so nothing prints for a sale that rolled back.
 */
export class TillPrinting {
  private readonly kernel: Kernel;
  private readonly devices: DeviceService;
  private readonly queue: PrintQueue;
  private readonly print: PrintService;

  constructor({ kernel, devices, devicesPrintQueue, print }: { kernel: Kernel; devices: DeviceService; devicesPrintQueue: PrintQueue; print: PrintService }) {
    this.kernel = kernel;
    this.devices = devices;
    this.queue = devicesPrintQueue;
    this.print = print;
  }

  /** Taps the till's hooks (called at registration; the hooks only fire when the till is enabled). */
  tap(): void {
    const hooks = getPosHooks(this.kernel);
    hooks.committed.tapPromise('devices', (e) => this.committed(e).then(() => undefined));
    hooks.drawerOpened.tapPromise('devices', (e) => this.drawerOpened(e).then(() => undefined));
  }

  /** Queues a committed sale's receipt (and the drawer kick); returns the jobs written. */
  async committed(e: CommittedEvent): Promise<PrintJob[]> {
    const em = this.kernel.em();
    const printer = await this.devices.forStation(em, e.ticket.stationId, 'receipt-printer');
    const drawer = e.openDrawer ? await this.drawerOf(em, e.ticket.stationId) : null;
    if (!printer && !drawer) return [];
    return em.transactional(async (tem) => {
      const jobs: PrintJob[] = [];
      if (printer) {
        const document = await this.receiptDocument(tem, e.receipt);
        const kick = drawer && drawer.printer.id === printer.id ? drawer.pin : null;
        jobs.push(await this.queue.enqueue(tem, { deviceId: printer.id, stationId: e.ticket.stationId, source: 'receipt', reference: e.receipt.number, document, drawerPin: kick }));
      }
      if (drawer && drawer.printer.id !== printer?.id) {
        jobs.push(await this.queue.enqueue(tem, { deviceId: drawer.printer.id, stationId: e.ticket.stationId, source: 'drawer', reference: e.receipt.number, document: null, drawerPin: drawer.pin }));
      }
      return jobs;
    });
  }

  /** Queues the kick of a drawer opened without a sale (its journal entry is the till's). */
  async drawerOpened(e: DrawerEvent): Promise<PrintJob | null> {
    const em = this.kernel.em();
    const drawer = await this.drawerOf(em, e.stationId);
    if (!drawer) return null;
    return this.queue.enqueue(em, { deviceId: drawer.printer.id, stationId: e.stationId, source: 'drawer', reference: e.reason.slice(0, 80), document: null, drawerPin: drawer.pin });
  }

  /** The receipt as the kernel's `kernel.receipt` template lays it out, in the shop's language. */
  async receiptDocument(em: EntityManager, receipt: Receipt, lang?: Language) {
    const shop = await em.findOne(Shop, { id: 1 });
    const language = lang ?? ((shop?.language ?? 'fr') as Language);
    // The till's methods as it offers them (built in, and those plugins add), for their names on paper.
    const methods = getPosHooks(this.kernel).paymentMethods.call([...BUILT_IN_METHODS]);
    const data = receiptData(receipt, (code) => methods.find((m) => m.code === code)?.label[language] ?? code);
    return this.print.render(em, 'kernel.receipt', { lang: language, data });
  }

  /** The station's drawer: a cash-drawer device plugged into a printer, else the station's receipt printer (pin 2). */
  async drawerOf(em: EntityManager, stationId: number): Promise<DrawerTarget | null> {
    const drawer = await this.devices.forStation(em, stationId, 'cash-drawer');
    if (drawer?.connection.type === 'via') {
      const printer = await this.devices.get(em, drawer.connection.deviceId);
      if (printer.active) return { printer, pin: drawer.connection.pin ?? 2 };
    }
    if (drawer) return null;
    const printer = await this.devices.forStation(em, stationId, 'receipt-printer');
    return printer ? { printer, pin: 2 } : null;
  }
}
