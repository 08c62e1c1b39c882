import { Shop, type EntityManager, type Kernel, type Language, type PrintService } from '@comptoir/kernel';
import { BUILT_IN_METHODS, getPosHooks, receiptData, type CheckoutService, type CommittedEvent, type DrawerEvent, type Receipt, type TicketService } from '@comptoir/pos';
import { getSalesHooks, type CommittingEvent } from '@comptoir/sales';
import type { Device } from '../types.js';
import type { DeviceService } from './device.service.js';
import type { PrintJob, PrintQueue } from './print-queue.js';

/** Where a station's drawer opens: the printer it hangs off and the pin. */
export interface DrawerTarget {
  printer: Device;
  pin: 2 | 5;
}

/** How long a receipt job reserved with its sale waits for its document before the worker builds it itself. */
export const RECEIPT_GRACE_MS = 10_000;

/**
 * The till's side of the devices. Inside the sale's transaction (the sale contract's `committing`), a receipt job is
 * reserved on the station's receipt printer: it commits with the sale or not at all. After the commit (pos's
 * `committed`), the job gets the receipt and the drawer's kick when cash changed hands, and is sent; if the server
 * stops in between, the worker builds the receipt from the sale after `RECEIPT_GRACE_MS`. A drawer opened without a
 * sale (pos's `drawerOpened`, after its commit) is kicked too. Nothing prints for a sale that rolled back.
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
    getSalesHooks(this.kernel).committing.tapPromise('devices', (e) => this.reserve(e));
    this.queue.receiptSource = (em, number) => this.rebuild(em, number);
    const hooks = getPosHooks(this.kernel);
    hooks.committed.tapPromise('devices', (e) => this.committed(e).then(() => undefined));
    hooks.drawerOpened.tapPromise('devices', (e) => this.drawerOpened(e).then(() => undefined));
  }

  /**
   * Inside the sale's transaction: reserves the receipt's job on the station's printer (the till's tickets and
   * refunds). The till's services are looked up here, not taken in the constructor: the till may be disabled.
   */
  async reserve(e: CommittingEvent): Promise<void> {
    if ((e.record.kind !== 'ticket' && e.record.kind !== 'refund') || !e.record.number || !this.kernel.container.hasRegistration('posTickets')) return;
    const ticket = await this.kernel.container.resolve<TicketService>('posTickets').get(e.em, Number(e.record.id));
    const printer = await this.devices.forStation(e.em, ticket.stationId, 'receipt-printer');
    if (!printer) return;
    await this.queue.enqueue(e.em, { deviceId: printer.id, stationId: ticket.stationId, source: 'receipt', reference: e.record.number, document: null }, RECEIPT_GRACE_MS);
  }

  /** After the commit: fills the reserved receipt job (or queues one) and the drawer's kick; returns the jobs written. */
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
        // The job reserved with the sale; a printer added since, or a worker that already built it, is handled here.
        if (!(await this.queue.fill(tem, e.receipt.number, printer.id, document, kick)) && !(await this.queue.hasReceipt(tem, e.receipt.number))) {
          jobs.push(await this.queue.enqueue(tem, { deviceId: printer.id, stationId: e.ticket.stationId, source: 'receipt', reference: e.receipt.number, document, drawerPin: kick }));
        }
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

  /** A paid ticket's receipt, as first printed, built again from the sale (its journal signature included). */
  async rebuild(em: EntityManager, number: string) {
    const ticket = await this.kernel.container.resolve<TicketService>('posTickets').byNumber(em, number);
    const shop = (await em.findOne(Shop, { id: 1 }))!;
    const receipt = await this.kernel.container.resolve<CheckoutService>('posCheckout').receipt(em, ticket, shop, null);
    return this.receiptDocument(em, receipt);
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
