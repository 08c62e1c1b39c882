import { afterCommit, getCountryRules, isCountryCode, sealRows, type EntityManager, type Journal, type Kernel, type Language, type Sequences, type Shop, type User } from '@comptoir/kernel';
import type { BuiltSale, SaleDocument, SalesBuilder } from '@comptoir/sales';
import { getPosHooks, type TicketSnapshot } from '../hooks.js';
import { BUILT_IN_METHODS, isRefusal, settle, type PaymentMethod, type Settlement, type Tender } from '../domain/tenders.js';
import { businessDay } from '../domain/business-day.js';
import { pricedLineTotal, ticketTotals } from '../domain/ticket-totals.js';
import { PosErrors } from '../messages.js';
import { query, run } from '../sql.js';
import { addDayTotals, type TotalDelta } from './running-totals.js';
import { buildReceipt, type Receipt } from './receipt.js';
import { documentDiscountOf, type TicketService, type TicketView } from './ticket.service.js';

/** The station and person a checkout happens at. */
export interface Till {
  stationId: number;
  stationNumber: number;
  stationName: string;
  user: User | null;
  lang: Language;
}

/** A paid ticket and its receipt. */
export interface CheckoutResult {
  ticket: TicketView;
  receipt: Receipt;
}

/** Columns of a paid ticket that never change again, sealed by its journal entry. */
export const SEALED_TICKET = ['id', 'station_id', 'status', 'kind', 'series', 'year', 'seq', 'number', 'refund_of_id', 'customer_id', 'cashier_id', 'closed_at', 'business_day', 'total', 'base', 'vat', 'rounding', 'change_given'];
export const SEALED_LINE = ['id', 'ticket_id', 'article_id', 'code', 'name', 'quantity', 'unit_price', 'vat_rate', 'discount_rate', 'discount_amount', 'total', 'refund_of_line_id'];
export const SEALED_PAYMENT = ['id', 'ticket_id', 'method', 'amount', 'tendered', 'correction_of_id'];

/** The ticket series of a station: `T<station number>`, numbered per fiscal year. */
export const seriesOf = (stationNumber: number) => `T${stationNumber}`;

/**
 * Checkout: settles an open ticket with its tenders and makes it a paid, numbered sale in one transaction (ticket,
 * lines, payments, the station series' number, running totals, every `committing` tap, the journal entry); the
 * receipt and the drawer follow through `committed`, after the commit.
 */
export class CheckoutService {
  private readonly kernel: Kernel;
  private readonly sequences: Sequences;
  private readonly journal: Journal;
  private readonly tickets: TicketService;
  private readonly sales: SalesBuilder;
  private readonly clock: { now(): Date };

  constructor({ kernel, sequences, journal, posTickets, salesBuilder, clock }: { kernel: Kernel; sequences: Sequences; journal: Journal; posTickets: TicketService; salesBuilder: SalesBuilder; clock: { now(): Date } }) {
    this.kernel = kernel;
    this.sales = salesBuilder;
    this.sequences = sequences;
    this.journal = journal;
    this.tickets = posTickets;
    this.clock = clock;
  }

  /** The payment methods on offer: the built-in ones and those plugins add. */
  methods(): PaymentMethod[] {
    return getPosHooks(this.kernel).paymentMethods.call([...BUILT_IN_METHODS]);
  }

  /** The shop's cash rounding step (BE: 5 cents), or null. */
  cashStep(shop: Shop): number | null {
    return isCountryCode(shop.country) ? getCountryRules(shop.country).cashRoundingStep : null;
  }

  /** Pays an open ticket. */
  async checkout(em: EntityManager, ticketId: number, tenders: readonly Tender[], till: Till, shop: Shop): Promise<CheckoutResult> {
    return em.transactional(async (tem) => {
      const t = await this.tickets.get(tem, ticketId);
      if (t.status !== 'open') throw PosErrors.ticketNotOpen(t.status);
      if (!t.lines.length) throw PosErrors.ticketEmpty();
      const totals = ticketTotals(t.lines.map((l) => ({ total: l.total - l.ticketDiscount, vatRate: l.vatRate })));
      // The contract's `validate` taps may still refuse the sale (out of stock, serial missing) before anything is written.
      const built = await this.sales.finish(tem, saleDocument(t, shop), { user: till.user, lang: till.lang });
      const settlement = settleOrThrow(totals.total, tenders, this.methods(), this.cashStep(shop), false);
      // Take the ticket first: a concurrent checkout of the same ticket (two tabs) finds it gone.
      const taken = await query<{ id: number }>(tem, "update pos_ticket set status = 'paying' where id = ? and status = 'open' and version = ? returning id", [ticketId, t.version]);
      if (!taken.length) throw PosErrors.concurrent();
      return this.finalize(tem, ticketId, { kind: 'sale', totals, settlement, till, shop, refundOf: null, built, before: t });
    });
  }

  /**
   * Numbers, pays, totals and journals a ticket whose lines are written (sale or refund), inside the caller's
   * transaction; shared by checkout and refunds.
   */
  async finalize(em: EntityManager, ticketId: number, f: {
    kind: 'sale' | 'refund'; totals: ReturnType<typeof ticketTotals>; settlement: Settlement; till: Till; shop: Shop; refundOf: TicketView | null;
    /** The sale as the contract built it (a refund's is made here from its lines). */
    built?: BuiltSale;
    /** The ticket as read before paying (saves reading it again); a refund's is read here. */
    before?: TicketView;
  }): Promise<CheckoutResult> {
    const now = this.clock.now();
    const day = businessDay(now);
    const year = Number(day.slice(0, 4));
    const sign = f.kind === 'sale' ? 1 : -1;
    const number = await this.sequences.next(em, seriesOf(f.till.stationNumber), year);
    await run(em,
      `update pos_ticket set status = 'paid', kind = ?, series = ?, year = ?, seq = ?, number = ?, closed_at = ?, business_day = ?,
       total = ?, base = ?, vat = ?, rounding = ?, change_given = ?, cashier_id = ?, station_id = ?, version = version + 1 where id = ?`,
      [f.kind, number.series, number.year, number.value, number.formatted, now.toISOString(), day, f.totals.total, f.totals.base, f.totals.vat,
        sign * f.settlement.rounding, f.settlement.change, f.till.user?.id ?? null, f.till.stationId, ticketId]);
    const payments = f.settlement.payments;
    let paymentIds: number[] = [];
    if (payments.length) {
      const params: unknown[] = [];
      for (const p of payments) params.push(ticketId, p.method, sign * p.amount, sign * p.tendered, 'active', null, f.till.user?.id ?? null, now.toISOString());
      paymentIds = (await query<{ id: number }>(em,
        `insert into pos_payment (ticket_id, method, amount, tendered, status, correction_of_id, user_id, created_at) values ${payments.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} returning id`,
        params)).map((r) => Number(r.id)).sort((a, b) => a - b);
    }
    const deltas: TotalDelta[] = [
      { key: f.kind === 'sale' ? 'sales.total' : 'refunds.total', amount: f.totals.total, count: 1 },
      { key: 'rounding', amount: sign * f.settlement.rounding, count: f.settlement.rounding ? 1 : 0 },
      ...f.totals.rates.flatMap((r) => [
        { key: `vat.${r.rate}.base`, amount: r.base, count: 0 },
        { key: `vat.${r.rate}.vat`, amount: r.vat, count: 0 },
      ]),
      ...payments.map((p) => ({ key: `pay.${p.method}`, amount: sign * p.amount, count: 1 })),
    ];
    // The paid ticket as now stored, without reading it again when the caller had it.
    const t: TicketView = f.before
      ? {
        ...f.before, status: 'paid', kind: f.kind, number: number.formatted, closedAt: now.toISOString(), businessDay: day, total: f.totals.total, base: f.totals.base,
        vat: f.totals.vat, rounding: sign * f.settlement.rounding, change: f.settlement.change, cashierId: f.till.user?.id ?? null, stationId: f.till.stationId,
        version: f.before.version + 2,
        payments: payments.map((p, i) => ({ id: paymentIds[i], method: p.method, amount: sign * p.amount, tendered: sign * p.tendered, status: 'active' as const, correctionOfId: null })),
      }
      : await this.tickets.get(em, ticketId);
    const discounts = t.lines.reduce((s, l) => s + (pricedLineTotal({ quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, fixedAmount: l.fixedAmount }) - l.total + l.ticketDiscount), 0);
    if (discounts) deltas.push({ key: 'discounts', amount: discounts, count: 0 });
    await addDayTotals(em, f.till.stationId, day, deltas);

    const snapshot: TicketSnapshot = {
      id: t.id, kind: f.kind, number: number.formatted, stationId: f.till.stationId, customerId: t.customerId, refundOfId: t.refundOfId, total: t.total,
      lines: t.lines.map((l) => ({ id: l.id, articleId: l.articleId, code: l.code, quantity: l.quantity, total: l.total, refundOfLineId: l.refundOfLineId })),
      payments: t.payments.map((p) => ({ method: p.method, amount: p.amount })),
    };
    const hooks = getPosHooks(this.kernel);
    // Every plugin's `committing` taps (stock, deposits, prepaid) in this transaction; `committed` after it.
    const built = f.built ?? { document: saleDocument(t, f.shop), totals: this.sales.totals(saleDocument(t, f.shop)) };
    await this.sales.commit(em, built, { kind: f.kind === 'sale' ? 'ticket' : 'refund', id: ticketId, number: number.formatted }, f.till.user);

    // Last, so that the chain's head (one lock for the whole shop) is held for the shortest time.
    const seals = [
      await sealRows(em, { table: 'pos_ticket', column: 'id', value: ticketId, columns: SEALED_TICKET }),
      await sealRows(em, { table: 'pos_ticket_line', column: 'ticket_id', value: ticketId, columns: SEALED_LINE }),
      ...await Promise.all(t.payments.map((p) => sealRows(em, { table: 'pos_payment', column: 'id', value: p.id, columns: SEALED_PAYMENT }))),
    ];
    const entry = await this.journal.append(em, {
      chain: 'tickets', type: f.kind === 'sale' ? 'pos.ticket' : 'pos.refund', userId: f.till.user?.id ?? null, stationId: f.till.stationId,
      payload: {
        number: number.formatted, refundOf: f.refundOf?.number ?? null, customerId: t.customerId, day,
        total: t.total, base: t.base, vat: t.vat, rates: f.totals.rates.map((r) => ({ rate: r.rate, base: r.base, vat: r.vat })),
        rounding: t.rounding, change: t.change,
        lines: t.lines.map((l) => ({ code: l.code, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, total: l.total })),
        payments: t.payments.map((p) => ({ method: p.method, amount: p.amount, tendered: p.tendered })),
        seals,
      },
    });
    await run(em, 'update pos_ticket set signature = ? where id = ?', [entry.hash, ticketId]);
    const receipt = buildReceipt(t, f.shop, { stationName: f.till.stationName, cashier: f.till.user?.displayName ?? null, signature: entry.hash, refundOf: f.refundOf?.number ?? null, duplicate: null });
    const methods = this.methods();
    const openDrawer = payments.some((p) => methods.find((m) => m.code === p.method)?.opensDrawer);
    afterCommit(em, () => hooks.committed.promise({ ticket: snapshot, receipt, openDrawer }));
    return { ticket: t, receipt };
  }

  /** The receipt of a paid ticket, as first printed (from its journal entry's signature). */
  async receipt(em: EntityManager, t: TicketView, shop: Shop, duplicate: number | null): Promise<Receipt> {
    const rows = await query<{ hash: string; station_name: string | null; display_name: string | null; refund_of: string | null }>(em,
      `select t.signature as hash, s.name as station_name, u.display_name, r.number as refund_of
       from pos_ticket t
       left join kernel_station s on s.id = t.station_id
       left join kernel_user u on u.id = t.cashier_id
       left join pos_ticket r on r.id = t.refund_of_id
       where t.id = ?`, [t.id]);
    const r = rows[0];
    return buildReceipt(t, shop, { stationName: r?.station_name ?? null, cashier: r?.display_name ?? null, signature: r?.hash ?? '', refundOf: r?.refund_of ?? null, duplicate });
  }
}

/** Settles or throws the refusal as the till's error. */
export function settleOrThrow(due: number, tenders: readonly Tender[], methods: readonly PaymentMethod[], step: number | null, refund: boolean): Settlement {
  const s = settle(due, tenders, methods, step, refund);
  if (!isRefusal(s)) return s;
  switch (s.code) {
    case 'TENDER_UNKNOWN': throw PosErrors.tenderUnknown(s.method);
    case 'TENDER_EXCESS': throw PosErrors.tenderExcess(methods.find((m) => m.code === s.method)?.label ?? s.method, s.excess);
    case 'TENDER_NOT_REFUNDABLE': throw PosErrors.tenderNotRefundable(s.method);
    default: throw PosErrors.tenderShort(s.missing);
  }
}

/** A stored ticket as a sale document of the contract (prices with VAT; a refund's lines at their prorated amounts). */
export function saleDocument(t: TicketView, shop: Shop): SaleDocument {
  return {
    channel: 'till', customerId: t.customerId, date: t.businessDay ?? businessDay(new Date()), country: isCountryCode(shop.country) ? shop.country : 'BE',
    pricesIncludeVat: true, discount: documentDiscountOf(t.discountRate, t.discountAmount), resolved: [], ext: {},
    lines: t.lines.map((l) => ({
      id: `L${l.id}`, articleId: l.articleId, description: l.name, code: l.code || null, quantity: l.quantity, unitPrice: l.unitPrice, includesVat: true,
      vatRate: l.vatRate, fixedAmount: l.refundOfLineId ? l.total : l.fixedAmount, discountRate: l.refundOfLineId ? null : l.discountRate,
      discountAmount: l.refundOfLineId ? null : l.discountAmount, priceFixed: true, priceSource: null, origin: l.origin,
      parentLineId: l.parentLineId ? `L${l.parentLineId}` : null, ext: l.ext,
    })),
  };
}
