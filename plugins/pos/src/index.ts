// Public API of @comptoir/pos: the plugin (default export), its hooks, services and domain rules.
import { posPlugin } from './plugin.js';

export default posPlugin;
export { posPlugin };
export * from './entities/index.js';
export { getPosHooks, type PosHooks, type CommittedEvent, type DrawerEvent, type ClosingEvent, type TicketSnapshot } from './hooks.js';
export { BUILT_IN_METHODS, settle, isRefusal, type PaymentMethod, type Tender, type Settlement, type SettledPayment, type SettlementRefusal } from './domain/tenders.js';
export { businessDay, periodOf, type Period, type PeriodKind } from './domain/business-day.js';
export { ticketTotals, pricedLineTotal, refundLineTotal } from './domain/ticket-totals.js';
export type { TicketService, TicketView, LineView, PaymentView, LineInput } from './services/ticket.service.js';
export type { CheckoutService, CheckoutResult, Till } from './services/checkout.service.js';
export type { RefundService, RefundInput } from './services/refund.service.js';
export type { CashService, CashMovementView } from './services/cash.service.js';
export type { ClosureService, ClosureReport, ClosureView, Scope } from './services/closure.service.js';
export { receiptData, type Receipt } from './services/receipt.js';
