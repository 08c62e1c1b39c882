import type { EntityManager } from '@comptoir/kernel';
import { SHOP_TIME_ZONE } from '../domain/business-day.js';
import type { StatsAxis } from '../domain/stats-axes.js';
import { query } from '../sql.js';

export { STATS_AXES, type StatsAxis } from '../domain/stats-axes.js';

/** Which tickets a report reads: paid between two business days (inclusive), of one station or (null) the shop. */
export interface ReportScope {
  from: string;
  to: string;
  stationId: number | null;
}

/** One group's figures. Money in cents (VAT included unless `Base`), quantities in thousandths. */
export interface StatsFigures {
  /** Sales (VAT included) and their base (VAT excluded); null where it has no meaning (payment methods). */
  sales: number;
  salesBase: number | null;
  /** Sale tickets in the group. */
  tickets: number;
  /** Refunds (negative) and their base, refund tickets. */
  refunds: number;
  refundsBase: number | null;
  refundTickets: number;
  /** Sales + refunds. */
  net: number;
  netBase: number | null;
  /** Net quantity sold (refunds taken off), or null (payment methods). */
  quantity: number | null;
  /** Sales ÷ sale tickets, rounded half up. */
  averageBasket: number;
}

/** One row of the statistics: the group's key (hour `09`, day, article id, VAT rate…), its label, its figures. */
export interface StatsRow extends StatsFigures {
  key: string;
  label: string;
}

/** The statistics of a period grouped by one axis, with the period's totals (those of the X report). */
export interface StatsReport extends ReportScope {
  axis: StatsAxis;
  rows: StatsRow[];
  totals: StatsFigures;
}

type Raw = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/**
 * SQL of a VAT amount included in `s` cents at `r` basis points, rounded half up away from zero: the kernel's
 * `vatBreakdown` on prices with VAT, so that the report's VAT is the X's to the cent.
 */
export function vatSql(s: string, r: string): string {
  const n = `cast(${s} as bigint)`;
  return `(case when ${s} >= 0 then (2 * ${n} * ${r} + 10000 + ${r}) / (2 * (10000 + ${r})) else -((2 * (-${n}) * ${r} + 10000 + ${r}) / (2 * (10000 + ${r}))) end)`;
}

/** The `where` of paid tickets in the scope (the index on business_day, station_id serves it). */
export function paidIn(scope: ReportScope, alias = 't'): { where: string; params: unknown[] } {
  const params: unknown[] = [scope.from, scope.to];
  let where = `${alias}.status = 'paid' and ${alias}.business_day >= ? and ${alias}.business_day <= ?`;
  if (scope.stationId !== null) { where += ` and ${alias}.station_id = ?`; params.push(scope.stationId); }
  return { where, params };
}

/** Table and column names of the catalogue's articles, families and customers, from their metadata (read only). */
function catalogNames(em: EntityManager) {
  const md = em.getMetadata();
  const q = (s: string) => em.getPlatform().quoteIdentifier(s);
  const of = (entity: string, props: string[]) => {
    const meta = md.find(entity);
    if (!meta) return null;
    const props_ = meta.properties as Record<string, { fieldNames: string[] }>;
    return { table: q(meta.tableName), ...Object.fromEntries(props.map((p) => [p, q(props_[p].fieldNames[0])])) } as Record<string, string>;
  };
  return { article: of('Article', ['id', 'family']), family: of('Family', ['id', 'name']), customer: of('Customer', ['id', 'postalCode']) };
}

const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone: SHOP_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/**
 * Statistics of the till over a period, grouped by hour of day, day, article, family, cashier, VAT rate, payment
 * method, customer postal code or station; every figure summed by the database (a year of tickets is never read
 * into memory), refunds apart from sales.
 *
 * What reconciles with the X report of the same scope and period, to the cent: the totals (read from the
 * tickets: sales, refunds, bases, ticket counts); the rows of every axis read per ticket (hour, day, cashier,
 * station, postal code); the rows by VAT rate (VAT computed per ticket and rate, as the checkout does); the rows
 * by payment method (the tenders, rounding included, as `pay.*` of the X — a payment corrected on a later day
 * counts here with the ticket's day, on the X with the day of the correction). By article and by family the
 * VAT-included figures add up to the totals; the bases are computed per line, so they may differ from the
 * totals' base (per ticket and rate) by a few cents.
 */
export class StatsService {
  /** `labels` names what has no name in the data (no article, no family, no customer, a payment method's label). */
  async stats(em: EntityManager, scope: ReportScope, axis: StatsAxis, labels: (what: 'none' | 'method', key: string) => string): Promise<StatsReport> {
    const paid = paidIn(scope);
    const totals = await this.byTicket(em, paid, null, '', "''");
    const total = totals[0] ? figures(totals[0]) : figures({});
    let rows: Raw[];
    const cat = catalogNames(em);
    switch (axis) {
      case 'hour': {
        // Grouped by hour in UTC by the database (at most 24 × 366 groups a year), then by the shop's hour here.
        const utc = await this.byTicket(em, paid, 'substr(t.closed_at, 1, 13)', '', "''");
        const byHour = new Map<string, Raw>();
        for (const r of utc) {
          const hour = hourOf.format(new Date(`${String(r.k)}:00:00Z`));
          const acc = byHour.get(hour);
          byHour.set(hour, acc ? addRaw(acc, r) : { ...r, k: hour, label: `${hour}:00` });
        }
        rows = [...byHour.values()];
        break;
      }
      case 'day': rows = await this.byTicket(em, paid, 't.business_day', '', 'max(t.business_day)'); break;
      case 'cashier': rows = await this.byTicket(em, paid, 'coalesce(t.cashier_id, 0)', 'left join kernel_user u on u.id = t.cashier_id', 'max(u.display_name)'); break;
      case 'station': rows = await this.byTicket(em, paid, 't.station_id', 'left join kernel_station s on s.id = t.station_id', 'max(s.name)'); break;
      case 'postcode':
        rows = cat.customer
          ? await this.byTicket(em, paid, `coalesce(c.${cat.customer.postalCode}, '')`, `left join ${cat.customer.table} c on c.${cat.customer.id} = t.customer_id`, `max(coalesce(c.${cat.customer.postalCode}, ''))`)
          : await this.byTicket(em, paid, null, '', "''");
        break;
      case 'article': rows = await this.byLine(em, paid, 'coalesce(l.article_id, 0)', '', 'max(l.name)'); break;
      case 'family':
        rows = cat.article && cat.family
          ? await this.byLine(em, paid, `coalesce(f.${cat.family.id}, 0)`,
            `left join ${cat.article.table} a on a.${cat.article.id} = l.article_id left join ${cat.family.table} f on f.${cat.family.id} = a.${cat.article.family}`, `max(f.${cat.family.name})`)
          : await this.byLine(em, paid, null, '', "''");
        break;
      case 'vat': rows = await this.byRate(em, paid); break;
      case 'payment': rows = await this.byPayment(em, paid); break;
    }
    const out = rows.map((r): StatsRow => {
      const key = String(r.k ?? '');
      let label = r.label == null ? '' : String(r.label);
      if (axis === 'payment') label = labels('method', key);
      else if (axis === 'vat') label = key;
      else if (!label || (axis === 'article' && key === '0')) label = labels('none', key);
      return { key, label, ...figures(r, axis === 'payment') };
    });
    const chrono = axis === 'hour' || axis === 'day';
    out.sort((a, b) => (chrono ? a.key.localeCompare(b.key) : axis === 'vat' ? Number(b.key) - Number(a.key) : b.net - a.net || a.label.localeCompare(b.label)));
    if (axis === 'payment') {
      // The tenders add up to the tickets plus the cash rounding: the totals are theirs (the X's payments).
      const sum = (k: keyof StatsFigures) => out.reduce((s, r) => s + (r[k] as number), 0);
      total.sales = sum('sales'); total.refunds = sum('refunds'); total.net = total.sales + total.refunds;
      total.salesBase = total.refundsBase = total.netBase = total.quantity = null;
      total.averageBasket = average(total.sales, total.tickets);
    }
    return { ...scope, axis, rows: out, totals: total };
  }

  /**
   * Figures per ticket attribute (`key` over the tickets aliased `t`): the money from the tickets alone, the
   * quantity from their lines in a second query (one join of a year's lines is cheaper than a subquery per ticket).
   */
  private async byTicket(em: EntityManager, paid: { where: string; params: unknown[] }, key: string | null, joins: string, label: string): Promise<Raw[]> {
    const k = key ?? "''";
    const group = key ? `group by ${key}` : '';
    const money = await query<Raw>(em,
      `select ${k} as k, ${label} as label,
        sum(case when t.kind = 'sale' then t.total else 0 end) as sales, sum(case when t.kind = 'sale' then t.base else 0 end) as sales_base,
        sum(case when t.kind = 'sale' then 1 else 0 end) as tickets,
        sum(case when t.kind = 'refund' then t.total else 0 end) as refunds, sum(case when t.kind = 'refund' then t.base else 0 end) as refunds_base,
        sum(case when t.kind = 'refund' then 1 else 0 end) as refund_tickets
       from pos_ticket t ${joins} where ${paid.where} ${group}`, paid.params);
    const quantities = await query<Raw>(em,
      `select ${k} as k, sum(l.quantity) as quantity from pos_ticket t join pos_ticket_line l on l.ticket_id = t.id ${joins} where ${paid.where} ${group}`, paid.params);
    const byKey = new Map(quantities.map((q) => [String(q.k), q.quantity]));
    return money.map((r) => ({ ...r, quantity: byKey.get(String(r.k)) ?? 0 }));
  }

  /** Figures per line attribute (article, family): VAT-included totals exact, bases per line. */
  private byLine(em: EntityManager, paid: { where: string; params: unknown[] }, key: string | null, joins: string, label: string): Promise<Raw[]> {
    // What the line earned: its total less its share of the ticket discount.
    const net = '(l.total - l.ticket_discount)';
    const base = `${net} - ${vatSql(net, 'l.vat_rate')}`;
    return query<Raw>(em,
      `select ${key ?? "''"} as k, ${label} as label,
        sum(case when t.kind = 'sale' then ${net} else 0 end) as sales, sum(case when t.kind = 'sale' then ${base} else 0 end) as sales_base,
        count(distinct case when t.kind = 'sale' then t.id end) as tickets,
        sum(case when t.kind = 'refund' then ${net} else 0 end) as refunds, sum(case when t.kind = 'refund' then ${base} else 0 end) as refunds_base,
        count(distinct case when t.kind = 'refund' then t.id end) as refund_tickets, sum(l.quantity) as quantity
       from pos_ticket t join pos_ticket_line l on l.ticket_id = t.id ${joins}
       where ${paid.where} ${key ? `group by ${key}` : ''}`, paid.params);
  }

  /** Figures per VAT rate: each ticket's lines summed per rate, the VAT of each sum rounded as the checkout does. */
  private byRate(em: EntityManager, paid: { where: string; params: unknown[] }): Promise<Raw[]> {
    const base = `x.s - ${vatSql('x.s', 'x.vat_rate')}`;
    return query<Raw>(em,
      `select x.vat_rate as k, sum(case when x.kind = 'sale' then x.s else 0 end) as sales, sum(case when x.kind = 'sale' then ${base} else 0 end) as sales_base,
        sum(case when x.kind = 'sale' then 1 else 0 end) as tickets,
        sum(case when x.kind = 'refund' then x.s else 0 end) as refunds, sum(case when x.kind = 'refund' then ${base} else 0 end) as refunds_base,
        sum(case when x.kind = 'refund' then 1 else 0 end) as refund_tickets, sum(x.q) as quantity
       from (select t.id, t.kind, l.vat_rate, sum(l.total - l.ticket_discount) as s, sum(l.quantity) as q
             from pos_ticket t join pos_ticket_line l on l.ticket_id = t.id where ${paid.where} group by t.id, t.kind, l.vat_rate) x
       group by x.vat_rate`, paid.params);
  }

  /** Figures per payment method: the tenders in force (a corrected payment counts as corrected). */
  private byPayment(em: EntityManager, paid: { where: string; params: unknown[] }): Promise<Raw[]> {
    return query<Raw>(em,
      `select p.method as k, sum(case when t.kind = 'sale' then p.amount else 0 end) as sales, count(distinct case when t.kind = 'sale' then t.id end) as tickets,
        sum(case when t.kind = 'refund' then p.amount else 0 end) as refunds, count(distinct case when t.kind = 'refund' then t.id end) as refund_tickets
       from pos_ticket t join pos_payment p on p.ticket_id = t.id and p.status = 'active'
       where ${paid.where} group by p.method`, paid.params);
  }
}

function average(sales: number, tickets: number): number {
  return tickets ? Math.sign(sales) * Math.floor((2 * Math.abs(sales) + tickets) / (2 * tickets)) : 0;
}

function figures(r: Raw, noBase = false): StatsFigures {
  const sales = num(r.sales);
  const refunds = num(r.refunds);
  const tickets = num(r.tickets);
  const salesBase = noBase ? null : num(r.sales_base);
  const refundsBase = noBase ? null : num(r.refunds_base);
  return {
    sales, salesBase, tickets, refunds, refundsBase, refundTickets: num(r.refund_tickets), net: sales + refunds,
    netBase: salesBase === null || refundsBase === null ? null : salesBase + refundsBase,
    quantity: noBase ? null : num(r.quantity), averageBasket: average(sales, tickets),
  };
}

function addRaw(a: Raw, b: Raw): Raw {
  const out: Raw = { ...a };
  for (const k of ['sales', 'sales_base', 'tickets', 'refunds', 'refunds_base', 'refund_tickets', 'quantity']) out[k] = num(a[k]) + num(b[k]);
  return out;
}
