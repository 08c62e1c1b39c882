import { afterCommit, sealRows, type EntityManager, type Journal, type Kernel, type Shop } from '@comptoir/kernel';
import { getPosHooks } from '../hooks.js';
import { businessDay } from '../domain/business-day.js';
import type { Tender } from '../domain/tenders.js';
import { resettle, roundingOf } from '../domain/correction.js';
import { PosErrors } from '../messages.js';
import { insertReturningId, query, run } from '../sql.js';
import { addDayTotals } from './running-totals.js';
import { SEALED_PAYMENT, type CheckoutService, type Till } from './checkout.service.js';
import type { Receipt } from './receipt.js';
import type { TicketService, TicketView } from './ticket.service.js';

/** A cash movement as shown. */
export interface CashMovementView {
  id: number;
  stationId: number;
  kind: 'float' | 'deposit' | 'withdrawal' | 'no-sale';
  amount: number;
  reason: string;
  userId: number | null;
  at: string;
  businessDay: string;
}

/** Cash outside sales (float, deposits, withdrawals, no-sale openings), reprints and payment corrections: all journaled. */
export class CashService {
  private readonly kernel: Kernel;
  private readonly journal: Journal;
  private readonly tickets: TicketService;
  private readonly checkout: CheckoutService;
  private readonly clock: { now(): Date };

  constructor({ kernel, journal, posTickets, posCheckout, clock }: { kernel: Kernel; journal: Journal; posTickets: TicketService; posCheckout: CheckoutService; clock: { now(): Date } }) {
    this.kernel = kernel;
    this.journal = journal;
    this.tickets = posTickets;
    this.checkout = posCheckout;
    this.clock = clock;
  }

  /** Records a float, a deposit or a withdrawal (amount > 0; withdrawals go out), or opens the drawer without a sale. */
  async movement(em: EntityManager, till: Till, input: { kind: CashMovementView['kind']; amount?: number; reason?: string }): Promise<CashMovementView> {
    const reason = (input.reason ?? '').trim();
    if ((input.kind === 'withdrawal' || input.kind === 'deposit' || input.kind === 'no-sale') && !reason) throw PosErrors.reasonRequired();
    const amount = input.kind === 'no-sale' ? 0 : (input.kind === 'withdrawal' ? -1 : 1) * (input.amount ?? 0);
    return em.transactional(async (tem) => {
      const now = this.clock.now();
      const day = businessDay(now);
      const id = await insertReturningId(tem,
        'insert into pos_cash_movement (station_id, kind, amount, reason, user_id, at, business_day) values (?, ?, ?, ?, ?, ?, ?)',
        [till.stationId, input.kind, amount, reason, till.user?.id ?? null, now.toISOString(), day]);
      await addDayTotals(tem, till.stationId, day, [{ key: `cash.${input.kind}`, amount, count: 1 }]);
      await this.journal.append(tem, {
        chain: 'tickets', type: input.kind === 'no-sale' ? 'pos.drawer.opened' : 'pos.cash.movement', userId: till.user?.id ?? null, stationId: till.stationId,
        payload: {
          kind: input.kind, amount, reason, day,
          seals: [await sealRows(tem, { table: 'pos_cash_movement', column: 'id', value: id, columns: ['id', 'station_id', 'kind', 'amount', 'reason', 'user_id', 'at', 'business_day'] })],
        },
      });
      if (input.kind === 'no-sale') afterCommit(tem, () => getPosHooks(this.kernel).drawerOpened.promise({ stationId: till.stationId, reason }));
      const rows = await query<Record<string, unknown>>(tem, 'select * from pos_cash_movement where id = ?', [id]);
      return movementView(rows[0]);
    });
  }

  /** The movements of a station's day. */
  async movements(em: EntityManager, stationId: number, day: string): Promise<CashMovementView[]> {
    const rows = await query<Record<string, unknown>>(em, 'select * from pos_cash_movement where station_id = ? and business_day = ? order by id', [stationId, day]);
    return rows.map(movementView);
  }

  /** A reprint: the receipt again, marked DUPLICATA with its counter, journaled. */
  async reprint(em: EntityManager, ticketId: number, till: Till, shop: Shop): Promise<Receipt> {
    return em.transactional(async (tem) => {
      const rows = await query<{ duplicates: number; number: string }>(tem,
        "update pos_ticket set duplicates = duplicates + 1 where id = ? and status = 'paid' returning duplicates, number", [ticketId]);
      if (!rows.length) {
        const t = await this.tickets.get(tem, ticketId);
        throw PosErrors.ticketNotPaid(t.number ?? String(t.id));
      }
      const duplicate = Number(rows[0].duplicates);
      await addDayTotals(tem, till.stationId, businessDay(this.clock.now()), [{ key: 'duplicates', amount: 0, count: 1 }]);
      await this.journal.append(tem, {
        chain: 'tickets', type: 'pos.duplicate', userId: till.user?.id ?? null, stationId: till.stationId,
        payload: { number: rows[0].number, duplicate },
      });
      return this.checkout.receipt(tem, await this.tickets.get(tem, ticketId), shop, duplicate);
    });
  }

  /** Corrects the payment methods of a paid ticket: the original payments stay, marked corrected; journaled. */
  async correctPayments(em: EntityManager, ticketId: number, tenders: readonly Tender[], till: Till, reason: string, shop: Shop): Promise<TicketView> {
    return em.transactional(async (tem) => {
      const t = await this.tickets.get(tem, ticketId);
      if (t.status !== 'paid') throw PosErrors.ticketNotPaid(t.number ?? String(t.id));
      const sign = t.kind === 'sale' ? 1 : -1;
      const before = t.payments.filter((p) => p.status === 'active');
      // The corrected tenders settle the ticket again: the cash rounding follows them (on the cash part only).
      const settlement = resettle(Math.abs(t.total), tenders, this.checkout.methods(), this.checkout.cashStep(shop), t.kind === 'refund');
      if ('code' in settlement) {
        if (settlement.code === 'CORRECTION_TOTAL') throw PosErrors.correctionTotal(settlement.expected);
        throw settlement.code === 'TENDER_UNKNOWN' ? PosErrors.tenderUnknown(settlement.method) : PosErrors.tenderNotRefundable(settlement.method);
      }
      const roundingBefore = roundingOf(t.total, t.payments);
      const roundingAfter = sign * settlement.rounding;
      const now = this.clock.now().toISOString();
      const marked = await query<{ id: number }>(tem, "update pos_payment set status = 'corrected' where ticket_id = ? and status = 'active' returning id", [ticketId]);
      if (marked.length !== before.length) throw PosErrors.concurrent();
      const seals = [];
      for (const p of settlement.payments) {
        const id = await insertReturningId(tem,
          'insert into pos_payment (ticket_id, method, amount, tendered, status, correction_of_id, user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
          [ticketId, p.method, sign * p.amount, sign * p.tendered, 'active', before[0]?.id ?? null, till.user?.id ?? null, now]);
        seals.push(await sealRows(tem, { table: 'pos_payment', column: 'id', value: id, columns: SEALED_PAYMENT }));
      }
      await addDayTotals(tem, t.stationId, businessDay(this.clock.now()), [
        ...before.map((p) => ({ key: `pay.${p.method}`, amount: -p.amount, count: -1 })),
        ...settlement.payments.map((p) => ({ key: `pay.${p.method}`, amount: sign * p.amount, count: 1 })),
        { key: 'rounding', amount: roundingAfter - roundingBefore, count: (roundingAfter ? 1 : 0) - (roundingBefore ? 1 : 0) },
        { key: 'corrections', amount: 0, count: 1 },
      ]);
      await this.journal.append(tem, {
        chain: 'tickets', type: 'pos.payment.corrected', userId: till.user?.id ?? null, stationId: till.stationId,
        payload: {
          number: t.number, reason,
          before: before.map((p) => ({ method: p.method, amount: p.amount })),
          after: settlement.payments.map((p) => ({ method: p.method, amount: sign * p.amount })),
          rounding: { before: roundingBefore, after: roundingAfter },
          seals,
        },
      });
      await run(tem, 'update pos_ticket set version = version + 1 where id = ?', [ticketId]);
      return this.tickets.get(tem, ticketId);
    });
  }
}

function movementView(r: Record<string, unknown>): CashMovementView {
  return {
    id: Number(r.id), stationId: Number(r.station_id), kind: r.kind as CashMovementView['kind'], amount: Number(r.amount), reason: String(r.reason),
    userId: r.user_id == null ? null : Number(r.user_id), at: String(r.at), businessDay: String(r.business_day),
  };
}
