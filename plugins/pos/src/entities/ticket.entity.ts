import { EntitySchema } from '@comptoir/kernel';

/** Where a ticket is: being keyed, parked for later, paid (numbered, final) or cancelled before payment. */
export type TicketStatus = 'open' | 'parked' | 'paid' | 'cancelled';

/**
 * A till ticket: a sale, or a refund of (part of) a sale. It lives on the server from the first line, so a
 * reload or a tablet swap loses nothing; it gets its number from the station's series only when it is paid.
 */
export class Ticket {
  id!: number;
  stationId!: number;
  status: TicketStatus = 'open';
  kind: 'sale' | 'refund' = 'sale';
  series: string | null = null;
  year: number | null = null;
  seq: number | null = null;
  number: string | null = null;
  refundOfId: number | null = null;
  customerId: number | null = null;
  cashierId: number | null = null;
  note = '';
  /** The total was shown to the customer: voiding a line from now on needs `pos.void` and is journaled. */
  displayed = false;
  openedAt!: string;
  parkedAt: string | null = null;
  closedAt: string | null = null;
  businessDay: string | null = null;
  total = 0;
  base = 0;
  vat = 0;
  rounding = 0;
  changeGiven = 0;
  duplicates = 0;
  /** Ticket discount in basis points of the lines' subtotal (10 % = 1000); exclusive with `discountAmount`. */
  discountRate: number | null = null;
  /** Ticket discount in cents; exclusive with `discountRate`. */
  discountAmount: number | null = null;
  /** What the ticket discount takes off, in cents: the sum of the lines' `ticketDiscount` shares. */
  discount = 0;
  /** The hash of the ticket's journal entry, printed (shortened) on the receipt. */
  signature: string | null = null;
  version = 1;
}

export const TicketSchema = new EntitySchema<Ticket>({
  class: Ticket,
  tableName: 'pos_ticket',
  // The reports read paid tickets by day: without the status first, SQLite (which never analyzes a shop's database)
  // would rather scan every paid ticket through (status, station_id).
  indexes: [{ properties: ['status', 'stationId'] }, { properties: ['businessDay', 'stationId'] }, { name: 'pos_ticket_paid_day_index', properties: ['status', 'businessDay', 'stationId'] }],
  uniques: [{ properties: ['series', 'year', 'seq'] }],
  properties: {
    id: { type: 'integer', primary: true },
    stationId: { type: 'integer' },
    status: { type: 'string', length: 12 },
    kind: { type: 'string', length: 8 },
    series: { type: 'string', length: 64, nullable: true },
    year: { type: 'integer', nullable: true },
    seq: { type: 'integer', nullable: true },
    number: { type: 'string', length: 80, nullable: true, unique: true },
    refundOfId: { type: 'integer', nullable: true, index: true },
    customerId: { type: 'integer', nullable: true },
    cashierId: { type: 'integer', nullable: true },
    note: { type: 'text' },
    displayed: { type: 'boolean' },
    openedAt: { type: 'string', length: 32 },
    parkedAt: { type: 'string', length: 32, nullable: true },
    closedAt: { type: 'string', length: 32, nullable: true },
    businessDay: { type: 'string', length: 10, nullable: true },
    total: { type: 'integer' },
    base: { type: 'integer' },
    vat: { type: 'integer' },
    rounding: { type: 'integer' },
    changeGiven: { type: 'integer' },
    duplicates: { type: 'integer' },
    discountRate: { type: 'integer', nullable: true },
    discountAmount: { type: 'integer', nullable: true },
    discount: { type: 'integer', default: 0 },
    signature: { type: 'string', length: 64, nullable: true },
    version: { type: 'integer' },
  },
});
