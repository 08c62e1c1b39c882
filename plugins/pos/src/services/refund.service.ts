import type { EntityManager, Journal, Shop } from '@comptoir/kernel';
import { PosErrors } from '../messages.js';
import { refundLineTotal, ticketTotals } from '../domain/ticket-totals.js';
import type { Tender } from '../domain/tenders.js';
import { insertReturningId, isConstraintError, query, run, sqlBool } from '../sql.js';
import { settleOrThrow, type CheckoutResult, type CheckoutService, type Till } from './checkout.service.js';
import type { TicketService } from './ticket.service.js';

/** What to refund: some lines (quantities in thousandths) or, without lines, everything not yet refunded. */
export interface RefundInput {
  ticketId?: number;
  number?: string;
  lines?: Array<{ lineId: number; quantity: number }>;
  tenders: Tender[];
  reason?: string;
}

/**
 * Refunds: a new, numbered ticket with negative lines pointing at the sold ones, in one transaction with the
 * refunded tenders; never more than was sold across every refund (checked here, and by the database's
 * `refunded_quantity <= quantity` constraint under concurrent refunds).
 */
export class RefundService {
  private readonly tickets: TicketService;
  private readonly checkout: CheckoutService;
  private readonly clock: { now(): Date };

  constructor({ posTickets, posCheckout, clock }: { posTickets: TicketService; posCheckout: CheckoutService; journal: Journal; clock: { now(): Date } }) {
    this.tickets = posTickets;
    this.checkout = posCheckout;
    this.clock = clock;
  }

  /** Refunds (part of) a paid sale. */
  async refund(em: EntityManager, input: RefundInput, till: Till, shop: Shop): Promise<CheckoutResult> {
    return em.transactional(async (tem) => {
      const sale = input.ticketId !== undefined ? await this.tickets.get(tem, input.ticketId) : await this.tickets.byNumber(tem, input.number ?? '');
      if (sale.status !== 'paid' || sale.kind !== 'sale') throw PosErrors.ticketNotPaid(sale.number ?? String(sale.id));
      const wanted = input.lines?.length
        ? input.lines
        : sale.lines.filter((l) => l.refundedQuantity < l.quantity).map((l) => ({ lineId: l.id, quantity: l.quantity - l.refundedQuantity }));
      if (!wanted.length || wanted.some((w) => w.quantity <= 0)) throw PosErrors.refundEmpty();
      const id = await insertReturningId(tem,
        `insert into pos_ticket (station_id, status, kind, refund_of_id, customer_id, cashier_id, note, displayed, opened_at, total, base, vat, rounding, change_given, duplicates, version)
         values (?, 'paying', 'refund', ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 1)`,
        [till.stationId, sale.id, sale.customerId, till.user?.id ?? null, input.reason ?? '', sqlBool(tem, false), this.clock.now().toISOString()]);
      const lines: Array<{ total: number; vatRate: number }> = [];
      let position = 0;
      for (const w of wanted) {
        const sold = sale.lines.find((l) => l.id === w.lineId);
        if (!sold) throw PosErrors.lineNotFound(w.lineId);
        // Read again under the row's lock: another refund of the same sale may have committed since.
        let updated: Array<{ before: number }>;
        try {
          updated = await query<{ before: number }>(tem,
            'update pos_ticket_line set refunded_quantity = refunded_quantity + ? where id = ? and refunded_quantity + ? <= quantity returning refunded_quantity - ? as before',
            [w.quantity, sold.id, w.quantity, w.quantity]);
        } catch (e) {
          if (isConstraintError(e)) throw PosErrors.refundTooMuch(sold.code, 0);
          throw e;
        }
        if (!updated.length) {
          const now = await query<{ r: number }>(tem, 'select refunded_quantity as r from pos_ticket_line where id = ?', [sold.id]);
          throw PosErrors.refundTooMuch(sold.code, sold.quantity - Number(now[0].r));
        }
        // What the line really earned: its total less its share of the ticket discount, prorated.
        const total = refundLineTotal(sold.total - sold.ticketDiscount, sold.quantity, Number(updated[0].before), w.quantity);
        await run(tem,
          `insert into pos_ticket_line (ticket_id, position, article_id, code, name, quantity, unit_price, vat_rate, discount_rate, discount_amount, total, refunded_quantity, refund_of_line_id, note, origin)
           values (?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, 0, ?, '', 'refund')`,
          [id, ++position, sold.articleId, sold.code, sold.name, -w.quantity, sold.unitPrice, sold.vatRate, total, sold.id]);
        lines.push({ total, vatRate: sold.vatRate });
      }
      const totals = ticketTotals(lines);
      const settlement = settleOrThrow(-totals.total, input.tenders, this.checkout.methods(), this.checkout.cashStep(shop), true);
      return this.checkout.finalize(tem, id, { kind: 'refund', totals, settlement, till, shop, refundOf: sale });
    });
  }
}
