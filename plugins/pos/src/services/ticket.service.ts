import { canonicalJson, convertPrice, isCountryCode, isMoneyError, type EntityManager, type Journal, type Language, type Settings, type User } from '@comptoir/kernel';
import { Article, Customer } from '@comptoir/catalog';
import type { DocumentDiscount, SaleDocument, SaleLine, SalesBuilder } from '@comptoir/sales';
import { businessDay } from '../domain/business-day.js';
import { PosErrors } from '../messages.js';
import { SaleScreenErrors } from '../sale-errors.js';
import { discountShare, pricedLineTotal, ticketTotals } from '../domain/ticket-totals.js';
import { ticketDiscountShare, ticketDiscountShares } from '../domain/ticket-discount.js';
import { query, run, insertReturningId, sqlBool } from '../sql.js';
import type { TicketStatus } from '../entities/index.js';

/** A ticket as the API and the screens see it. */
export interface TicketView {
  id: number;
  stationId: number;
  status: TicketStatus;
  kind: 'sale' | 'refund';
  number: string | null;
  refundOfId: number | null;
  customerId: number | null;
  /** The customer's name, as the ticket shows it (null without a customer). */
  customerName: string | null;
  cashierId: number | null;
  note: string;
  displayed: boolean;
  openedAt: string;
  parkedAt: string | null;
  closedAt: string | null;
  businessDay: string | null;
  total: number;
  base: number;
  vat: number;
  rounding: number;
  change: number;
  duplicates: number;
  /** The ticket discount as granted: a rate in basis points or an amount in cents (one of them, or neither). */
  discountRate: number | null;
  discountAmount: number | null;
  /** What the ticket discount takes off, in cents (Σ the lines' `ticketDiscount`); `total` is after it. */
  discount: number;
  version: number;
  lines: LineView[];
  payments: PaymentView[];
}

/** A ticket line as shown. */
export interface LineView {
  id: number;
  position: number;
  articleId: number | null;
  code: string;
  name: string;
  quantity: number;
  unitPrice: number;
  vatRate: number;
  discountRate: number | null;
  discountAmount: number | null;
  fixedAmount: number | null;
  priceFixed: boolean;
  parentLineId: number | null;
  ext: Record<string, unknown>;
  total: number;
  /** The line's share of the ticket discount, in cents (`total` is before it). */
  ticketDiscount: number;
  refundedQuantity: number;
  refundOfLineId: number | null;
  note: string;
  origin: string;
}

/** A payment as shown (corrected ones stay, marked). */
export interface PaymentView {
  id: number;
  method: string;
  amount: number;
  tendered: number;
  status: 'active' | 'corrected';
  correctionOfId: number | null;
}

/** What the cashier keys to add a line: an article (by id, or by a scanned or typed code), a quantity, maybe a price. */
export interface LineInput {
  articleId?: number;
  code?: string;
  quantity?: number;
  unitPrice?: number;
  discountRate?: number | null;
  discountAmount?: number | null;
  note?: string;
}

/** Who acts, where, with which rights. */
export interface Actor {
  userId: number | null;
  user: User | null;
  lang: Language;
  stationId: number;
  permissions: ReadonlySet<string>;
}

const n = (v: unknown) => (v == null ? null : Number(v));

/** Tickets in progress on the server: lines, discounts, customer, park and resume, cancellation. */
export class TicketService {
  private readonly sales: SalesBuilder;
  private readonly journal: Journal;
  private readonly settings: Settings;
  private readonly clock: { now(): Date };

  constructor({ salesBuilder, journal, settings, clock }: { salesBuilder: SalesBuilder; journal: Journal; settings: Settings; clock: { now(): Date } }) {
    this.sales = salesBuilder;
    this.journal = journal;
    this.settings = settings;
    this.clock = clock;
  }

  /** Opens a new ticket on the station. */
  async open(em: EntityManager, actor: Actor, input: { customerId?: number | null; note?: string } = {}): Promise<TicketView> {
    const id = await insertReturningId(em,
      `insert into pos_ticket (station_id, status, kind, customer_id, cashier_id, note, displayed, opened_at, total, base, vat, rounding, change_given, duplicates, version)
       values (?, 'open', 'sale', ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 1)`,
      [actor.stationId, input.customerId ?? null, actor.userId, input.note ?? '', sqlBool(em, false), this.clock.now().toISOString()]);
    return this.get(em, id);
  }

  /** A ticket with its lines and payments. */
  async get(em: EntityManager, id: number): Promise<TicketView> {
    const rows = await query<Record<string, unknown>>(em, 'select * from pos_ticket where id = ?', [id]);
    if (!rows.length) throw PosErrors.ticketNotFound(id);
    const lines = await query<Record<string, unknown>>(em, 'select * from pos_ticket_line where ticket_id = ? order by position, id', [id]);
    const payments = await query<Record<string, unknown>>(em, 'select * from pos_payment where ticket_id = ? order by id', [id]);
    const customerId = n(rows[0].customer_id);
    // Read through the catalogue's entity (its table is the catalogue's to write).
    const customer = customerId === null ? null : await em.findOne(Customer, { id: customerId }, { fields: ['id', 'name'] });
    return toView(rows[0], lines, payments, customer?.name ?? null);
  }

  /** The ticket with this number (as printed under the receipt's barcode). */
  async byNumber(em: EntityManager, number: string): Promise<TicketView> {
    const rows = await query<{ id: number }>(em, 'select id from pos_ticket where number = ?', [number.trim()]);
    if (!rows.length) throw PosErrors.ticketNotFound(number);
    return this.get(em, Number(rows[0].id));
  }

  /** Tickets of a status: the station's open ones, or the shop's parked ones (visible from every station). */
  async list(em: EntityManager, status: TicketStatus, stationId?: number): Promise<TicketView[]> {
    const rows = await query<{ id: number }>(em,
      `select id from pos_ticket where status = ? ${stationId ? 'and station_id = ?' : ''} order by id desc limit 200`,
      stationId ? [status, stationId] : [status]);
    return Promise.all(rows.map((r) => this.get(em, Number(r.id))));
  }

  /**
   * Adds what a scanned or typed code (or an article) turns out to be, through the sale contract: `resolveCode`
   * (weighed and priced labels, packs, customer cards), `priceLine` and `composeLines` (deposits, associated
   * articles) — every line the contract composes is stored, the requested one first.
   */
  async addLine(em: EntityManager, ticketId: number, input: LineInput, actor: Actor): Promise<TicketView> {
    return em.transactional(async (tem) => {
      const t = await this.editable(tem, ticketId);
      const built = await this.sales.build(tem, {
        channel: 'till', customerId: n(t.customer_id),
        lines: [{
          ...(input.code !== undefined ? { code: input.code } : { articleId: input.articleId }),
          ...(input.quantity !== undefined ? { quantity: input.quantity } : {}),
          ...(input.unitPrice !== undefined ? { unitPrice: input.unitPrice } : {}),
          ...(input.discountRate != null ? { discountRate: input.discountRate } : {}),
          ...(input.discountAmount != null ? { discountAmount: input.discountAmount } : {}),
        }],
      }, { user: actor.user, lang: actor.lang });
      const pos = await query<{ p: number | null }>(tem, 'select max(position) as p from pos_ticket_line where ticket_id = ?', [ticketId]);
      let position = Number(pos[0]?.p ?? 0);
      const ids = new Map<string, number>();
      // The till shows and prints the article's code (the line's own code is what was scanned, which may be a label).
      const articleIds = built.document.lines.map((l) => l.articleId).filter((id): id is number => id !== null);
      const codes = new Map((articleIds.length ? await tem.find(Article, { id: { $in: articleIds } }, { fields: ['id', 'code'] }) : []).map((a) => [a.id, a.code]));
      for (const line of built.document.lines) {
        const stored = storedLine(line);
        if (line.origin === 'scan' || line.origin === 'typed' || line.origin === 'manual') await this.checkDiscount(tem, stored, actor);
        const id = await insertReturningId(tem,
          `insert into pos_ticket_line (ticket_id, position, article_id, code, name, quantity, unit_price, vat_rate, discount_rate, discount_amount, fixed_amount, price_fixed, parent_line_id, ext, total, refunded_quantity, note, origin)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
          [ticketId, ++position, line.articleId, (line.articleId !== null ? codes.get(line.articleId) : null) ?? line.code ?? '', line.description, stored.quantity, stored.unitPrice, line.vatRate,
            stored.discountRate, stored.discountAmount, stored.fixedAmount, sqlBool(tem, line.priceFixed), line.parentLineId ? ids.get(line.parentLineId) ?? null : null,
            canonicalJson(line.ext ?? {}), this.total(stored), ids.size === 0 ? input.note ?? '' : '', line.origin]);
        ids.set(line.id, id);
      }
      let version = Number(t.version);
      if (built.document.customerId !== n(t.customer_id)) {
        await this.bump(tem, ticketId, version, 'customer_id = ?', [built.document.customerId]);
        version++;
      }
      await this.retotal(tem, ticketId, version);
      return this.get(tem, ticketId);
    });
  }

  /** Changes a line's quantity, discount or note. */
  async updateLine(em: EntityManager, ticketId: number, lineId: number, input: Omit<LineInput, 'articleId' | 'code'>, actor: Actor): Promise<TicketView> {
    return em.transactional(async (tem) => {
      const t = await this.editable(tem, ticketId);
      const rows = await query<Record<string, unknown>>(tem, 'select * from pos_ticket_line where id = ? and ticket_id = ?', [lineId, ticketId]);
      if (!rows.length) throw PosErrors.lineNotFound(lineId);
      const r = rows[0];
      const line = {
        quantity: input.quantity ?? Number(r.quantity),
        unitPrice: input.unitPrice ?? Number(r.unit_price),
        vatRate: Number(r.vat_rate),
        discountRate: input.discountRate !== undefined ? input.discountRate : n(r.discount_rate),
        discountAmount: input.discountAmount !== undefined ? input.discountAmount : n(r.discount_amount),
        fixedAmount: n(r.fixed_amount),
      };
      const priceFixed = Boolean(r.price_fixed) || input.unitPrice !== undefined;
      // Another quantity may have another price (quantity breaks): the contract prices the line again.
      if (input.quantity !== undefined && input.unitPrice === undefined && !priceFixed && r.article_id != null && line.fixedAmount === null) {
        const priced = await this.sales.line(tem, { id: 'L1', articleId: Number(r.article_id), quantity: line.quantity }, { em: tem, user: actor.user, lang: actor.lang, document: await this.document(tem, n(t.customer_id)) });
        line.unitPrice = storedLine(priced).unitPrice;
      }
      if (input.discountRate != null) line.discountAmount = null;
      if (input.discountAmount != null) line.discountRate = null;
      await this.checkDiscount(tem, line, actor);
      if (t.displayed && line.quantity < Number(r.quantity) && !actor.permissions.has('pos.void')) throw PosErrors.voidAfterDisplay();
      await run(tem,
        'update pos_ticket_line set quantity = ?, unit_price = ?, price_fixed = ?, discount_rate = ?, discount_amount = ?, total = ?, note = ? where id = ?',
        [line.quantity, line.unitPrice, sqlBool(tem, priceFixed), line.discountRate, line.discountAmount, this.total(line), input.note ?? String(r.note ?? ''), lineId]);
      await this.retotal(tem, ticketId, Number(t.version));
      return this.get(tem, ticketId);
    });
  }

  /** Voids a line; once the total was shown to the customer this needs `pos.void` and is journaled. */
  async voidLine(em: EntityManager, ticketId: number, lineId: number, actor: Actor): Promise<TicketView> {
    return em.transactional(async (tem) => {
      const t = await this.editable(tem, ticketId);
      const rows = await query<Record<string, unknown>>(tem, 'select * from pos_ticket_line where id = ? and ticket_id = ?', [lineId, ticketId]);
      if (!rows.length) throw PosErrors.lineNotFound(lineId);
      if (t.displayed) {
        if (!actor.permissions.has('pos.void')) throw PosErrors.voidAfterDisplay();
        const r = rows[0];
        await this.journal.append(tem, {
          chain: 'tickets', type: 'pos.line.voided', userId: actor.userId, stationId: actor.stationId,
          payload: { ticketId, code: String(r.code), name: String(r.name), quantity: Number(r.quantity), total: Number(r.total) },
        });
      }
      await run(tem, 'delete from pos_ticket_line where id = ?', [lineId]);
      await this.retotal(tem, ticketId, Number(t.version));
      return this.get(tem, ticketId);
    });
  }

  /** Sets the customer, the note, or marks the total as shown to the customer. */
  async update(em: EntityManager, ticketId: number, input: { customerId?: number | null; note?: string; displayed?: boolean }): Promise<TicketView> {
    return em.transactional(async (tem) => {
      const t = await this.editable(tem, ticketId);
      await this.bump(tem, ticketId, Number(t.version),
        'customer_id = ?, note = ?, displayed = ?',
        [input.customerId !== undefined ? input.customerId : n(t.customer_id), input.note ?? String(t.note), sqlBool(tem, input.displayed === true ? true : Boolean(t.displayed))]);
      return this.get(tem, ticketId);
    });
  }

  /** Parks an open ticket: it leaves the station and waits, visible from every station. */
  async park(em: EntityManager, ticketId: number): Promise<TicketView> {
    return em.transactional(async (tem) => {
      const t = await this.editable(tem, ticketId);
      await this.bump(tem, ticketId, Number(t.version), "status = 'parked', parked_at = ?", [this.clock.now().toISOString()]);
      return this.get(tem, ticketId);
    });
  }

  /** Resumes a parked ticket on this station (the first station to ask gets it). */
  async resume(em: EntityManager, ticketId: number, actor: Actor): Promise<TicketView> {
    return em.transactional(async (tem) => {
      const rows = await query<{ id: number }>(tem,
        "update pos_ticket set status = 'open', parked_at = null, station_id = ?, version = version + 1 where id = ? and status = 'parked' returning id",
        [actor.stationId, ticketId]);
      if (!rows.length) {
        await this.get(tem, ticketId);
        throw PosErrors.ticketNotParked();
      }
      return this.get(tem, ticketId);
    });
  }

  /** Cancels a ticket before payment (`pos.cancel` once lines are on it); journaled with what it held. */
  async cancel(em: EntityManager, ticketId: number, actor: Actor, reason: string): Promise<TicketView> {
    return em.transactional(async (tem) => {
      const t = await this.get(tem, ticketId);
      if (t.status !== 'open' && t.status !== 'parked') throw PosErrors.ticketNotOpen(t.status);
      await this.bump(tem, ticketId, t.version, "status = 'cancelled', closed_at = ?", [this.clock.now().toISOString()], t.status);
      await this.journal.append(tem, {
        chain: 'tickets', type: 'pos.ticket.cancelled', userId: actor.userId, stationId: actor.stationId,
        payload: { ticketId, reason, total: t.total, lines: t.lines.map((l) => ({ code: l.code, quantity: l.quantity, total: l.total })) },
      });
      return this.get(tem, ticketId);
    });
  }

  private total(line: StoredLine): number {
    try {
      return pricedLineTotal(line);
    } catch (e) {
      if (isMoneyError(e)) throw PosErrors.discountInvalid(e.message);
      throw e;
    }
  }

  private async checkDiscount(em: EntityManager, line: StoredLine, actor: Actor): Promise<void> {
    if (line.discountRate == null && !line.discountAmount) return;
    const limit = await this.settings.get<number>(em, 'pos.discountLimit', 1000);
    let share: number;
    try {
      share = discountShare(line);
    } catch (e) {
      if (isMoneyError(e)) throw PosErrors.discountInvalid(e.message);
      throw e;
    }
    if (share > limit && !actor.permissions.has('pos.discount')) throw PosErrors.discountTooHigh(limit);
  }

  /** The sale document a ticket's line is priced in (its customer, today, the shop's country). */
  private async document(em: EntityManager, customerId: number | null): Promise<SaleDocument> {
    const rows = await query<{ country: string }>(em, 'select country from kernel_shop where id = 1');
    const country = rows[0] && isCountryCode(rows[0].country) ? rows[0].country : 'BE';
    return { channel: 'till', customerId, date: businessDay(this.clock.now()), country, pricesIncludeVat: true, lines: [], discount: null, resolved: [], ext: {} };
  }

  private async editable(em: EntityManager, ticketId: number): Promise<Record<string, unknown>> {
    const rows = await query<Record<string, unknown>>(em, 'select * from pos_ticket where id = ?', [ticketId]);
    if (!rows.length) throw PosErrors.ticketNotFound(ticketId);
    if (rows[0].status !== 'open') throw PosErrors.ticketNotOpen(String(rows[0].status));
    return rows[0];
  }

  /** Updates the ticket if nobody else changed it meanwhile (another station, another tab). */
  private async bump(em: EntityManager, id: number, version: number, set: string, params: unknown[], status = 'open'): Promise<void> {
    const rows = await query<{ id: number }>(em,
      `update pos_ticket set ${set}, version = version + 1 where id = ? and version = ? and status = ? returning id`, [...params, id, version, status]);
    if (!rows.length) throw PosErrors.concurrent();
  }

  /**
   * Sets or removes the ticket discount (a rate in basis points or an amount in cents), spread over the lines through
   * the sale contract; above `pos.discountLimit` it needs `pos.discount`.
   */
  async setDiscount(em: EntityManager, ticketId: number, input: { discountRate?: number | null; discountAmount?: number | null }, actor: Actor): Promise<TicketView> {
    return em.transactional(async (tem) => {
      const t = await this.editable(tem, ticketId);
      const rate = input.discountRate ?? null;
      const amount = input.discountAmount ?? null;
      if (rate !== null && amount !== null) throw SaleScreenErrors.discountBoth();
      const discount = documentDiscountOf(rate, amount);
      if (discount) {
        const lines = await query<{ total: number }>(tem, 'select total from pos_ticket_line where ticket_id = ?', [ticketId]);
        const limit = await this.settings.get<number>(tem, 'pos.discountLimit', 1000);
        if (ticketDiscountShare(discount, lines.reduce((s, l) => s + Number(l.total), 0)) > limit && !actor.permissions.has('pos.discount')) throw PosErrors.discountTooHigh(limit);
      }
      await this.bump(tem, ticketId, Number(t.version), 'discount_rate = ?, discount_amount = ?', [rate, amount]);
      await this.retotal(tem, ticketId, Number(t.version) + 1);
      return this.get(tem, ticketId);
    });
  }

  /** Recomputes the ticket's totals from its lines, the ticket discount spread over them. */
  private async retotal(em: EntityManager, id: number, version: number): Promise<void> {
    const [head] = await query<{ discount_rate: number | null; discount_amount: number | null }>(em, 'select discount_rate, discount_amount from pos_ticket where id = ?', [id]);
    const lines = await query<{ id: number; total: number; vat_rate: number; ticket_discount: number }>(em,
      'select id, total, vat_rate, ticket_discount from pos_ticket_line where ticket_id = ? order by position, id', [id]);
    const rows = lines.map((l) => ({ total: Number(l.total), vatRate: Number(l.vat_rate) }));
    const amount = n(head?.discount_amount);
    const subtotal = rows.reduce((s, l) => s + l.total, 0);
    if (amount !== null && amount > Math.abs(subtotal)) throw SaleScreenErrors.ticketDiscountTooLarge(amount, subtotal);
    const spread = ticketDiscountShares(rows, documentDiscountOf(n(head?.discount_rate), amount));
    for (const [i, l] of lines.entries()) {
      if (Number(l.ticket_discount) !== spread.shares[i]) await run(em, 'update pos_ticket_line set ticket_discount = ? where id = ?', [spread.shares[i], l.id]);
    }
    const t = ticketTotals(rows.map((l, i) => ({ total: l.total - spread.shares[i], vatRate: l.vatRate })));
    await this.bump(em, id, version, 'total = ?, base = ?, vat = ?, discount = ?', [t.total, t.base, t.vat, spread.discount]);
  }
}

/** Maps database rows to the view (both databases' types). */
export function toView(t: Record<string, unknown>, lines: Record<string, unknown>[], payments: Record<string, unknown>[], customerName: string | null = null): TicketView {
  return {
    id: Number(t.id), stationId: Number(t.station_id), status: t.status as TicketStatus, kind: t.kind as 'sale' | 'refund',
    number: (t.number as string | null) ?? null, refundOfId: n(t.refund_of_id), customerId: n(t.customer_id), customerName, cashierId: n(t.cashier_id),
    note: String(t.note ?? ''), displayed: Boolean(t.displayed), openedAt: String(t.opened_at), parkedAt: (t.parked_at as string | null) ?? null,
    closedAt: (t.closed_at as string | null) ?? null, businessDay: (t.business_day as string | null) ?? null,
    total: Number(t.total), base: Number(t.base), vat: Number(t.vat), rounding: Number(t.rounding), change: Number(t.change_given),
    duplicates: Number(t.duplicates), discountRate: n(t.discount_rate), discountAmount: n(t.discount_amount), discount: Number(t.discount ?? 0),
    version: Number(t.version),
    lines: lines.map((l) => ({
      id: Number(l.id), position: Number(l.position), articleId: n(l.article_id), code: String(l.code), name: String(l.name),
      quantity: Number(l.quantity), unitPrice: Number(l.unit_price), vatRate: Number(l.vat_rate), discountRate: n(l.discount_rate),
      discountAmount: n(l.discount_amount), fixedAmount: n(l.fixed_amount), priceFixed: Boolean(l.price_fixed), parentLineId: n(l.parent_line_id),
      ext: JSON.parse(String(l.ext ?? '{}')) as Record<string, unknown>, total: Number(l.total), ticketDiscount: Number(l.ticket_discount ?? 0),
      refundedQuantity: Number(l.refunded_quantity),
      refundOfLineId: n(l.refund_of_line_id), note: String(l.note ?? ''), origin: String(l.origin),
    })),
    payments: payments.map((p) => ({
      id: Number(p.id), method: String(p.method), amount: Number(p.amount), tendered: Number(p.tendered),
      status: p.status as 'active' | 'corrected', correctionOfId: n(p.correction_of_id),
    })),
  };
}


/** The ticket discount as the sale contract's document discount, or null. */
export function documentDiscountOf(rate: number | null, amount: number | null): DocumentDiscount | null {
  if (rate !== null) return { rate, by: 'till' };
  if (amount !== null) return { amount, by: 'till' };
  return null;
}

/** A line's money as stored: VAT included. */
interface StoredLine {
  quantity: number;
  unitPrice: number;
  vatRate: number;
  discountRate: number | null;
  discountAmount: number | null;
  fixedAmount: number | null;
}

/** A contract line as the till stores it: prices on the VAT-included side (a list without VAT is converted). */
function storedLine(l: SaleLine): StoredLine {
  const incl = (cents: number) => (l.includesVat ? cents : convertPrice(cents, l.vatRate, 'excl'));
  if (l.unitPrice === null) throw PosErrors.articleWithoutPrice(l.code ?? l.description);
  return {
    quantity: l.quantity, unitPrice: incl(l.unitPrice), vatRate: l.vatRate, discountRate: l.discountRate, discountAmount: l.discountAmount,
    fixedAmount: l.fixedAmount === null ? null : incl(l.fixedAmount),
  };
}

