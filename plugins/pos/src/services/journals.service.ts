import type { EntityManager } from '@comptoir/kernel';
import { businessDay } from '../domain/business-day.js';
import { ticketTotals } from '../domain/ticket-totals.js';
import { query } from '../sql.js';
import { paidIn, type ReportScope } from './stats.service.js';

/** One entry of the cash book: money into (`in`) or out of (`out`) a drawer, and what the drawer then holds. */
export interface CashBookEntry {
  stationId: number;
  day: string;
  /** ISO instant. */
  at: string;
  kind: 'sale' | 'refund' | 'correction' | 'float' | 'deposit' | 'withdrawal' | 'no-sale';
  /** The ticket's number, or the movement's reason. */
  reference: string;
  /** Cents handed over into the drawer (a sale's cash tender, a float, a deposit). */
  in: number;
  /** Cents taken out (change, a cash refund, a withdrawal). */
  out: number;
  /** What the drawer holds after this entry, since the day's start (the float is the day's first entry). */
  balance: number;
}

/** The cash book of a period: every entry, then each station's day closing on the X report's expected cash. */
export interface CashBook extends ReportScope {
  entries: CashBookEntry[];
  days: Array<{ stationId: number; day: string; in: number; out: number; balance: number }>;
  totals: { in: number; out: number; net: number };
  stations: Record<string, string>;
}

/** The receipts journal: what each payment method brought in per station and day (the X report's `pay.*`). */
export interface ReceiptsJournal extends ReportScope {
  methods: string[];
  rows: Array<{ day: string; stationId: number; amounts: Record<string, number>; count: number; total: number }>;
  totals: { amounts: Record<string, number>; count: number; total: number };
  stations: Record<string, string>;
}

/** The sales journal: every ticket (sales and refunds) with its totals per VAT rate. */
export interface SalesJournal extends ReportScope {
  rates: number[];
  tickets: Array<{
    id: number; number: string; kind: 'sale' | 'refund'; day: string; at: string; stationId: number;
    total: number; base: number; vat: number; rounding: number; rates: Record<string, { base: number; vat: number }>;
  }>;
  totals: { total: number; base: number; vat: number; rounding: number; rates: Record<string, { base: number; vat: number }> };
  stations: Record<string, string>;
}

type Raw = Record<string, unknown>;
const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** The instant a business day starts in the shop's time, as an ISO string (a day starts at 22:00 or 23:00 UTC the day before). */
function dayStartUtc(day: string): string {
  // Brussels is UTC+1 or UTC+2: start two hours early and step to the first instant of that business day.
  const t = Date.parse(`${day}T00:00:00Z`) - 2 * 3600_000;
  for (let h = 0; h <= 3; h++) {
    const at = new Date(t + h * 3600_000);
    if (businessDay(at) === day) return at.toISOString();
  }
  return new Date(t).toISOString();
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
}

/** The cash book and the journals of the till, each summed or listed by the database from indexed columns. */
export class JournalsService {
  /** Names of the stations, by id. */
  async stationNames(em: EntityManager): Promise<Record<string, string>> {
    const rows = await query<{ id: number; name: string }>(em, 'select id, name from kernel_station');
    return Object.fromEntries(rows.map((r) => [String(r.id), String(r.name)]));
  }

  /**
   * The cash book: each cash tender (in: what was handed over; out: the change), cash refund, float, deposit,
   * withdrawal and drawer opening of the period, and each payment correction to or from cash on the day it was
   * made (as the X counts it), with the drawer's balance per station and day; each day closes on the X report's
   * expected cash.
   */
  async cashBook(em: EntityManager, scope: ReportScope): Promise<CashBook> {
    const paid = paidIn(scope);
    const tenders = await query<Raw>(em,
      `select t.station_id, t.business_day as day, t.closed_at as at, t.kind, t.number, p.id, p.amount, p.tendered
       from pos_ticket t join pos_payment p on p.ticket_id = t.id
       where ${paid.where} and p.method = 'cash' and p.correction_of_id is null`, paid.params);
    const moves = await query<Raw>(em,
      `select id, station_id, business_day as day, at, kind, amount, reason from pos_cash_movement
       where business_day >= ? and business_day <= ? ${scope.stationId === null ? '' : 'and station_id = ?'}`,
      scope.stationId === null ? [scope.from, scope.to] : [scope.from, scope.to, scope.stationId]);
    // Corrections are rare: each batch of new payments (one correction) with the payments it replaced, found by
    // the index on correction_of_id, then placed on the day it was made.
    const corrections = await query<Raw>(em,
      `select b.ticket_id, b.at, t.station_id, t.number, sum(case when p.id >= b.first_id then p.amount else -p.amount end) as amount
       from (select ticket_id, correction_of_id as of_id, min(id) as first_id, min(created_at) as at from pos_payment
             where correction_of_id is not null and created_at >= ? and created_at < ? group by ticket_id, correction_of_id) b
       join pos_payment p on p.ticket_id = b.ticket_id and p.id >= b.of_id and (p.id < b.first_id or p.correction_of_id = b.of_id)
       join pos_ticket t on t.id = b.ticket_id
       where p.method = 'cash' ${scope.stationId === null ? '' : 'and t.station_id = ?'}
       group by b.ticket_id, b.at, t.station_id, t.number`,
      scope.stationId === null ? [dayStartUtc(scope.from), dayStartUtc(nextDay(scope.to))] : [dayStartUtc(scope.from), dayStartUtc(nextDay(scope.to)), scope.stationId]);

    const entries: Array<Omit<CashBookEntry, 'balance'> & { order: number }> = [];
    for (const r of tenders) {
      const amount = n(r.amount);
      const refund = r.kind === 'refund';
      entries.push({
        stationId: n(r.station_id), day: String(r.day), at: String(r.at), kind: refund ? 'refund' : 'sale', reference: String(r.number),
        in: refund ? 0 : n(r.tendered), out: refund ? -amount : n(r.tendered) - amount, order: n(r.id),
      });
    }
    for (const r of moves) {
      const amount = n(r.amount);
      entries.push({
        stationId: n(r.station_id), day: String(r.day), at: String(r.at), kind: r.kind as CashBookEntry['kind'], reference: String(r.reason ?? ''),
        in: Math.max(0, amount), out: Math.max(0, -amount), order: n(r.id),
      });
    }
    for (const r of corrections) {
      const amount = n(r.amount);
      const at = String(r.at);
      const day = businessDay(new Date(at));
      if (!amount || day < scope.from || day > scope.to) continue;
      entries.push({ stationId: n(r.station_id), day, at, kind: 'correction', reference: String(r.number), in: Math.max(0, amount), out: Math.max(0, -amount), order: 0 });
    }
    entries.sort((a, b) => a.day.localeCompare(b.day) || a.stationId - b.stationId || a.at.localeCompare(b.at) || a.order - b.order);
    const out: CashBookEntry[] = [];
    const days: CashBook['days'] = [];
    for (const e of entries) {
      let d = days[days.length - 1];
      if (!d || d.day !== e.day || d.stationId !== e.stationId) days.push(d = { stationId: e.stationId, day: e.day, in: 0, out: 0, balance: 0 });
      d.in += e.in;
      d.out += e.out;
      d.balance += e.in - e.out;
      const { order: _order, ...entry } = e;
      out.push({ ...entry, balance: d.balance });
    }
    const tin = days.reduce((s, d) => s + d.in, 0);
    const tout = days.reduce((s, d) => s + d.out, 0);
    return { ...scope, entries: out, days, totals: { in: tin, out: tout, net: tin - tout }, stations: await this.stationNames(em) };
  }

  /** The receipts journal, read from the running totals the X and Z read (so it is theirs to the cent, corrections included). */
  async receipts(em: EntityManager, scope: ReportScope): Promise<ReceiptsJournal> {
    const rows = await query<Raw>(em,
      `select day, station_id, key, amount, count from pos_day_total
       where day >= ? and day <= ? and key like 'pay.%' ${scope.stationId === null ? '' : 'and station_id = ?'} order by day, station_id`,
      scope.stationId === null ? [scope.from, scope.to] : [scope.from, scope.to, scope.stationId]);
    const methods = new Set<string>();
    const out: ReceiptsJournal['rows'] = [];
    const totals: ReceiptsJournal['totals'] = { amounts: {}, count: 0, total: 0 };
    for (const r of rows) {
      const amount = n(r.amount);
      const count = n(r.count);
      if (!amount && !count) continue;
      const method = String(r.key).slice(4);
      methods.add(method);
      let row = out[out.length - 1];
      if (!row || row.day !== String(r.day) || row.stationId !== n(r.station_id)) out.push(row = { day: String(r.day), stationId: n(r.station_id), amounts: {}, count: 0, total: 0 });
      row.amounts[method] = (row.amounts[method] ?? 0) + amount;
      row.count += count;
      row.total += amount;
      totals.amounts[method] = (totals.amounts[method] ?? 0) + amount;
      totals.count += count;
      totals.total += amount;
    }
    const order = ['cash', 'card'];
    const sorted = [...methods].sort((a, b) => ((order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99)) || a.localeCompare(b));
    return { ...scope, methods: sorted, rows: out, totals, stations: await this.stationNames(em) };
  }

  /** The sales journal: the tickets in number order per station and day, each with its VAT per rate (as on its receipt). */
  async salesJournal(em: EntityManager, scope: ReportScope): Promise<SalesJournal> {
    const paid = paidIn(scope);
    const tickets = await query<Raw>(em,
      `select t.id, t.number, t.kind, t.business_day, t.closed_at, t.station_id, t.total, t.base, t.vat, t.rounding from pos_ticket t
       where ${paid.where} order by t.business_day, t.station_id, t.year, t.seq`, paid.params);
    const sums = await query<Raw>(em,
      `select t.id, l.vat_rate, sum(l.total - l.ticket_discount) as s from pos_ticket t join pos_ticket_line l on l.ticket_id = t.id
       where ${paid.where} group by t.id, l.vat_rate`, paid.params);
    const byTicket = new Map<number, Array<{ total: number; vatRate: number }>>();
    for (const s of sums) {
      const list = byTicket.get(n(s.id)) ?? [];
      list.push({ total: n(s.s), vatRate: n(s.vat_rate) });
      byTicket.set(n(s.id), list);
    }
    const rates = new Set<number>();
    const totals: SalesJournal['totals'] = { total: 0, base: 0, vat: 0, rounding: 0, rates: {} };
    const out = tickets.map((t) => {
      const breakdown = ticketTotals(byTicket.get(n(t.id)) ?? []);
      const perRate: Record<string, { base: number; vat: number }> = {};
      for (const r of breakdown.rates) {
        rates.add(r.rate);
        perRate[r.rate] = { base: r.base, vat: r.vat };
        const tr = totals.rates[r.rate] ??= { base: 0, vat: 0 };
        tr.base += r.base;
        tr.vat += r.vat;
      }
      const row = {
        id: n(t.id), number: String(t.number), kind: t.kind as 'sale' | 'refund', day: String(t.business_day), at: String(t.closed_at), stationId: n(t.station_id),
        total: n(t.total), base: n(t.base), vat: n(t.vat), rounding: n(t.rounding), rates: perRate,
      };
      totals.total += row.total; totals.base += row.base; totals.vat += row.vat; totals.rounding += row.rounding;
      return row;
    });
    return { ...scope, rates: [...rates].sort((a, b) => b - a), tickets: out, totals, stations: await this.stationNames(em) };
  }
}
