/**
 * The till's reports over a year of data (`node --conditions=source --import tsx bench/pos-stats.bench.ts`): a shop
 * of 4 stations with BENCH_STATS_TICKETS paid tickets (default 120,000: about 330 a day) of 5 lines and a payment
 * each, then every statistics axis, the cash book, the receipts and sales journals over the whole year through
 * HTTP, beside the X report of the same year in the same run (the ratio is steadier than the milliseconds on a
 * shared machine). Prints the figures and writes them to bench/results/<date>-pos-stats.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import type { Dialect } from '@comptoir/kernel';
import catalog from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '@comptoir/pos';

const TICKETS = Number(process.env.BENCH_STATS_TICKETS ?? 120_000);
const RUNS = 3;
const sql = (tk: TestKernel, q: string, params: unknown[] = []) => tk.kernel.em().getConnection().execute(q, params as any[], 'all');
const ms = (x: number) => Math.round(x * 10) / 10;

/** A year of tickets (2025), 5 lines each at 21 % and 6 %, one cash or card payment each, over 4 stations and 12 hours. */
async function seed(tk: TestKernel, dialect: Dialect, articles: number[]): Promise<void> {
  const pg = dialect === 'postgresql';
  const series = pg ? `generate_series(1, ${TICKETS}) as i` : `n`;
  const withN = pg ? '' : `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${TICKETS}) `;
  const day = pg ? `to_char(date '2025-01-01' + (i % 365), 'YYYY-MM-DD')` : `date('2025-01-01', '+' || (i % 365) || ' days')`;
  const hour = pg ? `lpad(((6 + i % 12))::text, 2, '0')` : `printf('%02d', 6 + i % 12)`;
  await sql(tk, `${withN}insert into pos_ticket (station_id, status, kind, series, year, seq, number, customer_id, cashier_id, note, displayed, opened_at, closed_at, business_day, total, base, vat, rounding, change_given, duplicates, version)
    select 1 + (i % 4), 'paid', 'sale', 'Y' || (1 + i % 4), 2025, i, 'Y-' || i, null, 1 + (i % 3), '', ${pg ? 'false' : '0'}, ${day} || 'T' || ${hour} || ':10:00.000Z',
      ${day} || 'T' || ${hour} || ':10:00.000Z', ${day}, 2150, 1864, 286, 0, 0, 0, 1 from ${series}`);
  // Lines: 3 at 21 % (500 each) and 2 at 6 % (325 each): 2150 a ticket.
  const a = (k: number) => articles[k % articles.length];
  await sql(tk, `insert into pos_ticket_line (ticket_id, position, article_id, code, name, quantity, unit_price, vat_rate, price_fixed, ext, total, refunded_quantity, note, origin)
    select t.id, p.position, p.article_id, '', 'Article', 1000, p.price, p.rate, ${pg ? 'false' : '0'}, '{}', p.price, 0, '', 'scan'
    from pos_ticket t cross join (select 1 as position, ${a(0)} as article_id, 500 as price, 2100 as rate union all select 2, ${a(1)}, 500, 2100
      union all select 3, ${a(2)}, 500, 2100 union all select 4, ${a(3)}, 325, 600 union all select 5, ${a(4)}, 325, 600) p
    where t.series like 'Y%'`);
  await sql(tk, `insert into pos_payment (ticket_id, method, amount, tendered, status, user_id, created_at)
    select id, case when id % 2 = 0 then 'cash' else 'card' end, total, total, 'active', null, closed_at from pos_ticket where series like 'Y%'`);
  // The running totals the X reads, for the same year.
  await sql(tk, `insert into pos_day_total (station_id, day, key, amount, count)
    select t.station_id, t.business_day, k.key, sum(case when k.key = 'sales.total' or p.method = substr(k.key, 5) then p.amount else 0 end), count(*)
    from pos_ticket t join pos_payment p on p.ticket_id = t.id cross join (select 'sales.total' as key union all select 'pay.cash' union all select 'pay.card') k
    where t.series like 'Y%' group by t.station_id, t.business_day, k.key`);
  // PostgreSQL's autovacuum analyzes a table this size on its own; a shop's SQLite file is never analyzed.
  if (pg) await sql(tk, 'analyze');
}

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, machine: `${cpus().length} cores (shared)`, tickets: TICKETS, lines: TICKETS * 5 };
for (const dialect of testDialects()) {
  const tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos] });
  await tk.admin.post('/api/stations', { name: 'Caisse 1' });
  const fam = (await tk.admin.post('/api/catalog/families', { code: 'F1', name: 'Famille 1' })).body;
  const articles: number[] = [];
  for (let i = 0; i < 5; i++) {
    articles.push((await tk.admin.post('/api/catalog/articles', { code: `S-${i}`, name: `Article ${i}`, vatCategory: i < 3 ? 'BE-21' : 'BE-6', unit: 'piece', price: 500, familyId: i % 2 ? fam.id : null, barcodes: [] })).body.id);
  }
  const s0 = performance.now();
  await seed(tk, dialect, articles);
  const seedMs = performance.now() - s0;
  const manager = await tk.userWith(['manager']);
  manager.setCookie('cpt_station', tk.admin.cookie('cpt_station')!);
  const time = async (path: string, check: (body: any) => boolean) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const r = await manager.get(path);
      times.push(performance.now() - s);
      if (r.status !== 200 || !check(r.body)) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    return ms(Math.min(...times));
  };
  const year = 'from=2025-01-01&to=2025-12-31';
  const out: Record<string, unknown> = { seedMs: Math.round(seedMs), loadBefore: loadavg().map((l) => Math.round(l * 100) / 100) };
  const x = await time('/api/pos/reports/x?scope=shop&period=year&date=2025-06-01', (b) => b.sales.count === TICKETS);
  out.xShopYearMs = x;
  const axes: Record<string, number> = {};
  for (const axis of ['hour', 'day', 'article', 'family', 'cashier', 'vat', 'payment', 'postcode', 'station']) {
    axes[axis] = await time(`/api/pos/reports/stats?axis=${axis}&${year}`, (b) => b.totals.tickets === TICKETS);
  }
  out.statsShopYearMs = axes;
  out.cashBookOneStationMonthMs = await time('/api/pos/reports/cash-book?scope=station&stationId=1&from=2025-06-01&to=2025-06-30', (b) => b.entries.length > 0);
  out.receiptsShopYearMs = await time(`/api/pos/reports/receipts?${year}`, (b) => b.rows.length > 0);
  out.salesJournalShopMonthMs = await time('/api/pos/reports/sales-journal?from=2025-06-01&to=2025-06-30', (b) => b.tickets.length > 0);
  out.salesJournalShopYearCsvMs = await time(`/api/pos/reports/sales-journal?${year}&format=csv`, (b) => typeof b === 'string' && b.length > 0);
  out.ratioToX = Object.fromEntries(Object.entries(axes).map(([k, v]) => [k, Math.round((v / x) * 10) / 10]));
  out.loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);
  results[dialect] = out;
  console.log(dialect, JSON.stringify(out));
  await tk.close();
}

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().slice(0, 10)}-pos-stats.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${file}`);
