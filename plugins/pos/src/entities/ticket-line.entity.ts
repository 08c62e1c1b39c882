import { EntitySchema } from '@comptoir/kernel';

/** One line of a ticket, priced when added; a refund line points at the sold line it returns. */
export class TicketLine {
  id!: number;
  ticketId!: number;
  position!: number;
  articleId: number | null = null;
  code = '';
  name = '';
  /** Thousandths; negative on a refund. */
  quantity!: number;
  /** Cents, VAT included (the till sells with VAT). */
  unitPrice!: number;
  vatRate!: number;
  discountRate: number | null = null;
  discountAmount: number | null = null;
  /** The line's amount before its discount when it is not unit price × quantity (a pack, a price label), VAT included. */
  fixedAmount: number | null = null;
  /** The price was typed or printed on a label: changing the quantity does not price the line again. */
  priceFixed = false;
  /** The line this one was added for (a deposit's bottle, an associated article). */
  parentLineId: number | null = null;
  /** Each plugin's data about the line (the sale contract's `ext`), canonical JSON. */
  ext = '{}';
  total = 0;
  /**
   * This line's share of the ticket discount, in cents (same sign as `total`): the discount spread over the VAT rates
   * by the sale contract, then over each rate's lines; `total - ticketDiscount` is what the line really earned.
   */
  ticketDiscount = 0;
  /** How much of this sold line was refunded, across every refund (the database refuses more than sold). */
  refundedQuantity = 0;
  refundOfLineId: number | null = null;
  note = '';
  origin = 'scan';
}

export const TicketLineSchema = new EntitySchema<TicketLine>({
  class: TicketLine,
  tableName: 'pos_ticket_line',
  // Covers the statistics' aggregation by article and VAT rate (reports.service.ts): read from the index alone.
  indexes: [{ name: 'pos_ticket_line_stats_index', properties: ['ticketId', 'articleId', 'vatRate', 'quantity', 'total'] }],
  properties: {
    id: { type: 'integer', primary: true },
    ticketId: { type: 'integer', index: true },
    position: { type: 'integer' },
    articleId: { type: 'integer', nullable: true, index: true },
    code: { type: 'string', length: 64 },
    name: { type: 'string', length: 200 },
    quantity: { type: 'integer' },
    unitPrice: { type: 'integer' },
    vatRate: { type: 'integer' },
    discountRate: { type: 'integer', nullable: true },
    discountAmount: { type: 'integer', nullable: true },
    fixedAmount: { type: 'integer', nullable: true },
    priceFixed: { type: 'boolean' },
    parentLineId: { type: 'integer', nullable: true },
    ext: { type: 'text' },
    total: { type: 'integer' },
    ticketDiscount: { type: 'integer', default: 0 },
    refundedQuantity: { type: 'integer' },
    refundOfLineId: { type: 'integer', nullable: true, index: true },
    note: { type: 'text' },
    origin: { type: 'string', length: 32 },
  },
});
