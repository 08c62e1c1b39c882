import { AsyncSeriesHook, SyncWaterfallHook, defineHooks, type EntityManager } from '@comptoir/kernel';
import type { PaymentMethod } from './domain/tenders.js';
import type { Receipt } from './services/receipt.js';

/** A ticket as the hooks see it, with its lines and payments. */
export interface TicketSnapshot {
  id: number;
  kind: 'sale' | 'refund';
  number: string;
  stationId: number;
  customerId: number | null;
  refundOfId: number | null;
  total: number;
  lines: Array<{ id: number; articleId: number | null; code: string; quantity: number; total: number; refundOfLineId: number | null }>;
  payments: Array<{ method: string; amount: number }>;
}

/** A sale or refund committed: taps send what leaves the process (receipt, drawer, customer display). */
export interface CommittedEvent {
  ticket: TicketSnapshot;
  receipt: Receipt;
  /** The drawer should open (cash or a cheque changed hands). */
  openDrawer: boolean;
}

/** A drawer opened without a sale, after its journal entry committed. */
export interface DrawerEvent {
  stationId: number;
  reason: string;
}

/** A Z closure being written, inside its transaction: a tap may add to it, or throw to refuse it (nothing is kept). */
export interface ClosingEvent {
  em: EntityManager;
  closureId: number;
  report: unknown;
}

/** The till's extension points. */
export interface PosHooks {
  /** The payment methods offered; a plugin (prepaid account, gift voucher) appends its own. */
  paymentMethods: SyncWaterfallHook<[PaymentMethod[]]>;
  /**
   * After the commit, once the sale contract's `committed` ran: the receipt, the drawer, the customer display. (What
   * must commit with the sale — stock, deposits, prepaid — taps the contract's `committing`, see @comptoir/sales.)
   */
  committed: AsyncSeriesHook<[CommittedEvent]>;
  /** After a no-sale drawer opening committed. */
  drawerOpened: AsyncSeriesHook<[DrawerEvent]>;
  /** Inside a Z closure's transaction, before its journal entry. */
  closing: AsyncSeriesHook<[ClosingEvent]>;
}

/** The till's hooks for a kernel (created once per kernel). */
export const getPosHooks = defineHooks<PosHooks>(() => ({
  paymentMethods: new SyncWaterfallHook<[PaymentMethod[]]>(['methods']),
  committed: new AsyncSeriesHook<[CommittedEvent]>(['event']),
  drawerOpened: new AsyncSeriesHook<[DrawerEvent]>(['event']),
  closing: new AsyncSeriesHook<[ClosingEvent]>(['event']),
}));
