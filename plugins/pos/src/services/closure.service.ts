import { canonicalJson, sealRows, type EntityManager, type JournalAnchor, type Journal, type Kernel, type Sequences, type User } from '@comptoir/kernel';
import { getPosHooks } from '../hooks.js';
import { businessDay, isDay, periodOf, type Period, type PeriodKind } from '../domain/business-day.js';
import { PosErrors } from '../messages.js';
import { insertReturningId, isConstraintError, query } from '../sql.js';
import { grandTotals, sumDayTotals } from './running-totals.js';

/** Whose figures: one station's, or the whole shop's. */
export type Scope = { kind: 'station'; stationId: number; stationNumber: number } | { kind: 'shop' };

/** An X report (a reading) or the figures a Z closure freezes. */
export interface ClosureReport {
  scope: 'station' | 'shop';
  stationId: number | null;
  period: Period;
  sales: { total: number; count: number };
  refunds: { total: number; count: number };
  net: number;
  vat: Array<{ rate: number; base: number; vat: number }>;
  payments: Array<{ method: string; amount: number; count: number }>;
  rounding: number;
  discounts: number;
  cash: { float: number; deposits: number; withdrawals: number; noSale: number; sales: number; expected: number };
  duplicates: number;
  corrections: number;
  /** Perpetual grand totals up to the end of the period (every sale and refund ever recorded in the scope). */
  grandTotals: { sales: number; refunds: number; net: number };
  /** Tickets parked before the end of the period and still waiting. */
  parked: Array<{ id: number; stationId: number; parkedAt: string; total: number }>;
}

/** A Z closure as stored. */
export interface ClosureView extends ClosureReport {
  id: number;
  number: string;
  createdAt: string;
  userId: number | null;
  /** Each journal chain's last entry when the Z was taken: printed, and an anchor `journal verify` checks. */
  journalHeads: Record<string, { seq: number; hash: string }>;
  cashCount: { counts: Record<string, number>; counted: number; expected: number; difference: number; explanation: string } | null;
  signature: string;
}

/** A cash count by denomination (cents → how many). */
export interface CashCountInput {
  counts: Record<string, number>;
  explanation?: string;
}

/** X reports and Z closures, per station and per shop, over a day, month, year or any period. */
export class ClosureService {
  private readonly kernel: Kernel;
  private readonly journal: Journal;
  private readonly sequences: Sequences;
  private readonly clock: { now(): Date };

  constructor({ kernel, journal, sequences, clock }: { kernel: Kernel; journal: Journal; sequences: Sequences; clock: { now(): Date } }) {
    this.kernel = kernel;
    this.journal = journal;
    this.sequences = sequences;
    this.clock = clock;
  }

  /** The period asked for, checked (`day` defaults to today). */
  period(kind: PeriodKind, day?: string, to?: string): Period {
    const d = day ?? businessDay(this.clock.now());
    if (!isDay(d) || (kind === 'period' && (!to || !isDay(to) || to < d))) throw PosErrors.periodInvalid();
    return periodOf(kind, d, to);
  }

  /** An X report: the figures of the scope and period, read from the running totals (no reset, nothing written). */
  async report(em: EntityManager, scope: Scope, period: Period): Promise<ClosureReport> {
    const stationId = scope.kind === 'station' ? scope.stationId : null;
    const totals = await sumDayTotals(em, stationId, period.from, period.to);
    const amount = (k: string) => totals.get(k)?.amount ?? 0;
    const count = (k: string) => totals.get(k)?.count ?? 0;
    const rates = new Map<number, { rate: number; base: number; vat: number }>();
    const payments: ClosureReport['payments'] = [];
    for (const [key, v] of totals) {
      const vat = /^vat\.(\d+)\.(base|vat)$/.exec(key);
      if (vat) {
        const r = rates.get(Number(vat[1])) ?? { rate: Number(vat[1]), base: 0, vat: 0 };
        r[vat[2] as 'base' | 'vat'] += v.amount;
        rates.set(r.rate, r);
      }
      if (key.startsWith('pay.') && (v.amount || v.count)) payments.push({ method: key.slice(4), amount: v.amount, count: v.count });
    }
    const cash = {
      float: amount('cash.float'), deposits: amount('cash.deposit'), withdrawals: amount('cash.withdrawal'), noSale: count('cash.no-sale'), sales: amount('pay.cash'), expected: 0,
    };
    cash.expected = cash.float + cash.deposits + cash.withdrawals + cash.sales;
    const parked = await query<{ id: number; station_id: number; parked_at: string; total: number }>(em,
      `select id, station_id, parked_at, total from pos_ticket where status = 'parked' and parked_at < ? ${stationId === null ? '' : 'and station_id = ?'} order by parked_at`,
      stationId === null ? [`${period.to}T24`] : [`${period.to}T24`, stationId]);
    return {
      scope: scope.kind, stationId, period,
      sales: { total: amount('sales.total'), count: count('sales.total') },
      refunds: { total: amount('refunds.total'), count: count('refunds.total') },
      net: amount('sales.total') + amount('refunds.total'),
      vat: [...rates.values()].sort((a, b) => b.rate - a.rate),
      payments: payments.sort((a, b) => a.method.localeCompare(b.method)),
      rounding: amount('rounding'), discounts: amount('discounts'), cash,
      duplicates: count('duplicates'), corrections: count('corrections'),
      grandTotals: await grandTotals(em, stationId, period.to),
      parked: parked.map((p) => ({ id: Number(p.id), stationId: Number(p.station_id), parkedAt: String(p.parked_at), total: Number(p.total) })),
    };
  }

  /**
   * A Z closure: freezes the report, the perpetual grand totals and the journal chains' head hashes in one
   * transaction, journaled in the `closures` chain; refused if the scope's period is already closed (the database
   * refuses it too), and an interruption leaves nothing.
   */
  async close(em: EntityManager, scope: Scope, period: Period, user: User | null, cashCount?: CashCountInput): Promise<ClosureView> {
    const stationKey = scope.kind === 'station' ? scope.stationId : 0;
    const what = `${scope.kind === 'station' ? `La caisse ${scope.stationNumber}` : 'Le magasin'} (${period.from}${period.to !== period.from ? ` → ${period.to}` : ''})`;
    try {
      return await em.transactional(async (tem) => {
        const existing = await query<{ id: number }>(tem,
          'select id from pos_closure where station_key = ? and period = ? and period_from = ? and period_to = ?', [stationKey, period.kind, period.from, period.to]);
        if (existing.length) throw PosErrors.alreadyClosed(what);
        const report = await this.report(tem, scope, period);
        const heads = await query<{ chain: string; last_seq: number; last_hash: string }>(tem, 'select chain, last_seq, last_hash from kernel_journal_head order by chain');
        const journalHeads = Object.fromEntries(heads.map((h) => [h.chain, { seq: Number(h.last_seq), hash: h.last_hash }]));
        const now = this.clock.now();
        const number = await this.sequences.next(tem, scope.kind === 'station' ? `Z${scope.stationNumber}` : 'ZSHOP', Number(period.to.slice(0, 4)));
        const id = await insertReturningId(tem,
          `insert into pos_closure (station_key, station_id, period, period_from, period_to, number, totals, grand_total, grand_sales, grand_refunds, journal_heads, user_id, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [stationKey, scope.kind === 'station' ? scope.stationId : null, period.kind, period.from, period.to, number.formatted, canonicalJson(report),
            report.grandTotals.net, report.grandTotals.sales, report.grandTotals.refunds, canonicalJson(journalHeads), user?.id ?? null, now.toISOString()]);
        const seals = [await sealRows(tem, { table: 'pos_closure', column: 'id', value: id, columns: ['id', 'station_key', 'period', 'period_from', 'period_to', 'number', 'totals', 'grand_total', 'grand_sales', 'grand_refunds', 'journal_heads', 'created_at'] })];
        if (cashCount && scope.kind === 'station') {
          const counted = Object.entries(cashCount.counts).reduce((s, [d, c]) => s + Number(d) * c, 0);
          await insertReturningId(tem,
            `insert into pos_cash_count (station_id, closure_id, business_day, counts, counted, expected, difference, explanation, user_id, at)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [scope.stationId, id, period.to, canonicalJson(cashCount.counts), counted, report.cash.expected, counted - report.cash.expected, cashCount.explanation ?? '', user?.id ?? null, now.toISOString()]);
          seals.push(await sealRows(tem, { table: 'pos_cash_count', column: 'closure_id', value: id, columns: ['id', 'station_id', 'closure_id', 'counts', 'counted', 'expected', 'difference', 'explanation'] }));
        }
        await getPosHooks(this.kernel).closing.promise({ em: tem, closureId: id, report });
        const entry = await this.journal.append(tem, {
          chain: 'closures', type: 'pos.z', userId: user?.id ?? null, stationId: scope.kind === 'station' ? scope.stationId : null,
          payload: { number: number.formatted, scope: scope.kind, period, net: report.net, grandTotals: report.grandTotals, journalHeads, seals },
        });
        const view = await this.get(tem, id);
        return { ...view, signature: entry.hash };
      });
    } catch (e) {
      if (isConstraintError(e)) throw PosErrors.alreadyClosed(what);
      throw e;
    }
  }

  /** A stored Z. */
  async get(em: EntityManager, id: number): Promise<ClosureView> {
    const rows = await query<Record<string, unknown>>(em, 'select * from pos_closure where id = ?', [id]);
    if (!rows.length) throw PosErrors.ticketNotFound(`Z ${id}`);
    const r = rows[0];
    const counts = await query<Record<string, unknown>>(em, 'select * from pos_cash_count where closure_id = ?', [id]);
    const entry = await query<{ hash: string }>(em, "select hash from kernel_journal_entry where chain = 'closures' and type = 'pos.z' and payload like ?", [`%"number":"${String(r.number)}"%`]);
    const c = counts[0];
    return {
      ...(JSON.parse(String(r.totals)) as ClosureReport),
      id: Number(r.id), number: String(r.number), createdAt: String(r.created_at), userId: r.user_id == null ? null : Number(r.user_id),
      journalHeads: JSON.parse(String(r.journal_heads)) as Record<string, { seq: number; hash: string }>,
      cashCount: c ? { counts: JSON.parse(String(c.counts)) as Record<string, number>, counted: Number(c.counted), expected: Number(c.expected), difference: Number(c.difference), explanation: String(c.explanation) } : null,
      signature: entry[0]?.hash ?? '',
    };
  }

  /** The Zs, newest first. */
  async list(em: EntityManager, limit = 100): Promise<Array<{ id: number; number: string; stationId: number | null; period: string; from: string; to: string; createdAt: string }>> {
    const rows = await query<Record<string, unknown>>(em, `select id, number, station_id, period, period_from, period_to, created_at from pos_closure order by id desc limit ${Math.min(500, Math.max(1, limit | 0))}`);
    return rows.map((r) => ({ id: Number(r.id), number: String(r.number), stationId: r.station_id == null ? null : Number(r.station_id), period: String(r.period), from: String(r.period_from), to: String(r.period_to), createdAt: String(r.created_at) }));
  }
}

/**
 * The journal's anchors kept by the Zs: every chain must still reach the entry each Z recorded, with that hash,
 * so a chain deleted or rewritten as a whole (head included) no longer passes `journal verify`.
 */
export async function closureAnchors(em: EntityManager): Promise<JournalAnchor[]> {
  const rows = await query<{ number: string; journal_heads: string }>(em, 'select number, journal_heads from pos_closure order by id');
  return rows.flatMap((r) => Object.entries(JSON.parse(r.journal_heads) as Record<string, { seq: number; hash: string }>)
    .filter(([, h]) => h.seq > 0)
    .map(([chain, h]) => ({ chain, seq: h.seq, hash: h.hash, source: `Z ${r.number}` })));
}
