export * from './ticket.entity.js';
export * from './ticket-line.entity.js';
export * from './payment.entity.js';
export * from './cash-movement.entity.js';
export * from './day-total.entity.js';
export * from './closure.entity.js';
export * from './cash-count.entity.js';
export * from './quick-key-layout.entity.js';

import { TicketSchema } from './ticket.entity.js';
import { TicketLineSchema } from './ticket-line.entity.js';
import { PaymentSchema } from './payment.entity.js';
import { CashMovementSchema } from './cash-movement.entity.js';
import { DayTotalSchema } from './day-total.entity.js';
import { ClosureSchema } from './closure.entity.js';
import { CashCountSchema } from './cash-count.entity.js';
import { QuickKeyLayoutSchema } from './quick-key-layout.entity.js';

/** Every table the till owns. */
export const posEntities = [TicketSchema, TicketLineSchema, PaymentSchema, CashMovementSchema, DayTotalSchema, ClosureSchema, CashCountSchema, QuickKeyLayoutSchema];
