/**
 * The till's benchmarks (`pnpm bench`, or `node --conditions=source --import tsx bench/pos.bench.ts`):
 *  1. Checkout of a 10-line ticket, one station after the other (the HTTP request with its Idempotency-Key, and
 *     the service alone in its transaction): p50/p99, throughput and CPU milliseconds per checkout; on SQLite
 *     beside raw better-sqlite3 doing the same writes in the same run (the ratio says what the layers cost);
 *  2. 20 stations checking out at once: checkouts per second, failures, number gaps or duplicates per station;
 *  3. X report and Z closure over a year of data (1,000,000 paid tickets, 4 stations) on both databases.
 * The machine is shared: the load average is recorded, and CPU time per checkout (process.cpuUsage around the
 * loop; the HTTP client runs in this process too) is the figure that depends least on the others' load.
 * Prints the figures and writes them to bench/results/<date>-pos.json. BENCH_POS_N sets the checkouts measured.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { Shop, type Dialect } from '@comptoir/kernel';
import catalog from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos, { type CheckoutService, type TicketService } from '@comptoir/pos';

const N = Number(process.env.BENCH_POS_N ?? 500);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => Math.round(x * 1000) / 1000;
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
/** CPU milliseconds this process spent since `from`, per item. */
const cpuMsPer = (from: NodeJS.CpuUsage, n: number) => {
  const u = process.cpuUsage(from);
  return Math.round(((u.user + u.system) / 1000 / n) * 1000) / 1000;
};
const sql = (tk: TestKernel, q: string, params: unknown[] = []) => tk.kernel.em().getConnection().execute(q, params as any[], 'all');

/** A shop with 10 articles, its first station registered, and a cashier signed in there. */
async function shop(dialect: Dialect) {
  const tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos] });
  await tk.admin.post('/api/stations', { name: 'Caisse 1' });
  const station = tk.admin.cookie('cpt_station')!;
  const cashier = await tk.userWith(['cashier']);
  cashier.setCookie('cpt_station', station);
  const articles: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = await tk.admin.post('/api/catalog/articles', { code: `B-${i}`, name: `Article ${i}`, vatCategory: i % 2 ? 'BE-6' : 'BE-21', unit: 'piece', price: 99 + i * 37, barcodes: [] });
    articles.push(r.body.id);
  }
  return { tk, cashier, articles, stationId: Number((await sql(tk, 'select id from kernel_station order by id limit 1'))[0].id) };
}

/** Open tickets of 10 lines, made through the service (what is measured is the checkout). */
async function prepare(tk: TestKernel, stationId: number, articles: number[], n: number): Promise<Array<{ id: number; total: number }>> {
  const tickets = tk.kernel.container.resolve<TicketService>('posTickets');
  const actor = { userId: null, user: null, lang: 'fr' as const, stationId, permissions: new Set<string>() };
  const out = [];
  for (let i = 0; i < n; i++) {
    const em = tk.kernel.em();
    let t = await tickets.open(em, actor);
    for (const a of articles) t = await tickets.addLine(em, t.id, { articleId: a, quantity: 1000 + (i % 3) * 1000 }, actor);
    out.push({ id: t.id, total: t.total });
  }
  return out;
}

async function checkoutHttp(c: TestClient, t: { id: number; total: number }) {
  const key = randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      // A socket the server closed while idle may fail once; the same key makes the retry safe (that is its point).
      const r = await c.request('POST', `/api/pos/tickets/${t.id}/checkout`, { tenders: [{ method: 'card', amount: t.total }] }, { 'idempotency-key': key });
      if (r.status !== 201) throw new Error(`checkout ${r.status} ${JSON.stringify(r.body)}`);
      return;
    } catch (e) {
      if (attempt > 2 || !String((e as Error).cause ?? e).includes('ECONNRESET')) throw e;
    }
  }
}

/** A harmless request after a long pause, so that a socket closed while idle is replaced before measuring. */
async function poke(c: TestClient) {
  for (let i = 0; i < 3; i++) {
    try {
      await c.get('/api/pos/payment-methods');
      return;
    } catch { /* closed while idle: the next try opens a new one */ }
  }
}

/** The same writes as a checkout, straight through better-sqlite3 (one transaction, prepared statements). */
function rawSqlite(n: number): { perSec: number; p50: number; p99: number; cpuMsPerCheckout: number } {
  const fromKernel = createRequire(new URL('../kernel/package.json', import.meta.url));
  const fromMikro = createRequire(fromKernel.resolve('@mikro-orm/better-sqlite'));
  const Database = createRequire(fromMikro.resolve('@mikro-orm/knex'))('better-sqlite3');
  const dir = mkdtempSync(join(tmpdir(), 'pos-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  // The kernel's settings (kernel/src/db/orm.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(`create table seq (series text, year int, last int, primary key (series, year));
    create table ticket (id integer primary key, status text, number text, total int, base int, vat int, closed_at text);
    create table line (id integer primary key, ticket_id int, article_id int, quantity int, unit_price int, vat_rate int, total int);
    create table payment (id integer primary key, ticket_id int, method text, amount int);
    create table day_total (station int, day text, key text, amount int, count int, primary key (station, day, key));
    create table head (chain text primary key, seq int, hash text);
    create table entry (id integer primary key, chain text, seq int, payload text, hash text);
    insert into head values ('tickets', 0, '');`);
  const s = {
    ticket: db.prepare("insert into ticket (status, total) values ('open', 0)"),
    line: db.prepare('insert into line (ticket_id, article_id, quantity, unit_price, vat_rate, total) values (?, ?, ?, ?, ?, ?)'),
    seq: db.prepare('insert into seq values (?, ?, 1) on conflict (series, year) do update set last = last + 1 returning last'),
    paid: db.prepare("update ticket set status = 'paid', number = ?, total = ?, base = ?, vat = ?, closed_at = ? where id = ?"),
    payment: db.prepare('insert into payment (ticket_id, method, amount) values (?, ?, ?)'),
    total: db.prepare('insert into day_total values (?, ?, ?, ?, ?) on conflict (station, day, key) do update set amount = amount + excluded.amount, count = count + excluded.count'),
    head: db.prepare('update head set seq = seq + 1 where chain = ? returning seq, hash'),
    entry: db.prepare('insert into entry (chain, seq, payload, hash) values (?, ?, ?, ?)'),
    headHash: db.prepare('update head set hash = ? where chain = ?'),
  };
  const tickets = db.transaction(() => {
    const id = Number(s.ticket.run().lastInsertRowid);
    for (let i = 0; i < 10; i++) s.line.run(id, i, 1000, 99 + i * 37, 2100, 99 + i * 37);
    return id;
  });
  const checkout = db.transaction((id: number) => {
    const { last } = s.seq.get('T1', 2026);
    s.paid.run(`T1-2026-${last}`, 2000, 1700, 300, new Date().toISOString(), id);
    s.payment.run(id, 'card', 2000);
    for (const k of ['sales.total', 'pay.card', 'vat.2100.base', 'vat.2100.vat']) s.total.run(1, '2026-06-15', k, 2000, 1);
    const h = s.head.get('tickets');
    s.entry.run('tickets', h.seq, JSON.stringify({ id, total: 2000 }), `${h.hash}x`.slice(0, 64));
    s.headHash.run(`${h.hash}x`.slice(0, 64), 'tickets');
  });
  const ids = Array.from({ length: n }, () => tickets());
  const times: number[] = [];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const id of ids) {
    const t = performance.now();
    checkout(id);
    times.push(performance.now() - t);
  }
  const perSec = n / ((performance.now() - t0) / 1000);
  const cpu = cpuMsPer(c0, n);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { perSec: Math.round(perSec), p50: ms(pct(times, 50)), p99: ms(pct(times, 99)), cpuMsPerCheckout: cpu };
}

/** A year of data: 1,000,000 paid tickets over 4 stations and 365 days, with their running totals. */
async function yearOfData(tk: TestKernel, dialect: Dialect) {
  const days = 365;
  const keys = ['sales.total', 'refunds.total', 'rounding', 'discounts', 'vat.2100.base', 'vat.2100.vat', 'vat.600.base', 'vat.600.vat', 'pay.cash', 'pay.card', 'cash.float', 'duplicates'];
  if (dialect === 'postgresql') {
    await sql(tk, `insert into pos_ticket (station_id, status, kind, series, year, seq, number, note, displayed, opened_at, closed_at, business_day, total, base, vat, rounding, change_given, duplicates, version)
      select 1 + (i % 4), 'paid', 'sale', 'Y' || (1 + i % 4), 2025, i, 'Y-' || i, '', false, '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z',
        to_char(date '2025-01-01' + (i % ${days}), 'YYYY-MM-DD'), 2000, 1700, 300, 0, 0, 0, 1 from generate_series(1, 1000000) as i`);
    await sql(tk, `insert into pos_day_total (station_id, day, key, amount, count)
      select s, to_char(date '2025-01-01' + d, 'YYYY-MM-DD'), k, 1370000, 685 from generate_series(1, 4) s, generate_series(0, ${days - 1}) d, unnest(array['${keys.join("','")}']) k`);
  } else {
    await sql(tk, `with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000000)
      insert into pos_ticket (station_id, status, kind, series, year, seq, number, note, displayed, opened_at, closed_at, business_day, total, base, vat, rounding, change_given, duplicates, version)
      select 1 + (i % 4), 'paid', 'sale', 'Y' || (1 + i % 4), 2025, i, 'Y-' || i, '', 0, '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z',
        date('2025-01-01', '+' || (i % ${days}) || ' days'), 2000, 1700, 300, 0, 0, 0, 1 from n`);
    await sql(tk, `with recursive s(v) as (select 1 union all select v + 1 from s where v < 4), d(v) as (select 0 union all select v + 1 from d where v < ${days - 1}),
      k(v) as (${keys.map((k) => `select '${k}'`).join(' union all ')})
      insert into pos_day_total (station_id, day, key, amount, count) select s.v, date('2025-01-01', '+' || d.v || ' days'), k.v, 1370000, 685 from s, d, k`);
  }
}

/**
 * CPU milliseconds the database's server processes spent (PostgreSQL backends of this database, read from
 * /proc; Linux, server on this machine), by process id. The till's CPU plus the database's per checkout bound
 * what two idle cores could do, whatever the others' load is now.
 */
async function pgBackendCpu(tk: TestKernel): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const pids = await sql(tk, 'select pid from pg_stat_activity where datname = current_database()');
  for (const { pid } of pids as Array<{ pid: number }>) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(pid), ((Number(f[11]) + Number(f[12])) * 1000) / 100);
    } catch { /* not on this machine, or gone */ }
  }
  return out;
}
const pgCpuMsPer = (before: Map<number, number>, after: Map<number, number>, n: number) => {
  let ms = 0;
  for (const [pid, v] of after) ms += v - (before.get(pid) ?? 0);
  return after.size ? Math.round((ms / n) * 100) / 100 : null;
};

/** Checkouts through the service alone (no HTTP, no Idempotency-Key): what the till's write path costs. */
async function checkoutService(tk: TestKernel, stationId: number, tickets: Array<{ id: number; total: number }>) {
  const checkout = tk.kernel.container.resolve<CheckoutService>('posCheckout');
  const station = (await sql(tk, 'select id, number, name from kernel_station where id = ?', [stationId]))[0];
  const till = { stationId, stationNumber: Number(station.number), stationName: String(station.name), user: null, lang: 'fr' as const };
  const shop = await tk.kernel.em().findOneOrFail(Shop, { id: { $gt: 0 } });
  const times: number[] = [];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of tickets) {
    const s = performance.now();
    await checkout.checkout(tk.kernel.em(), t.id, [{ method: 'card', amount: t.total }], till, shop);
    times.push(performance.now() - s);
  }
  const perSec = tickets.length / ((performance.now() - t0) / 1000);
  return { p50Ms: ms(pct(times, 50)), p99Ms: ms(pct(times, 99)), perSec: Math.round(perSec), cpuMsPerCheckout: cpuMsPer(c0, tickets.length), n: tickets.length };
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(), node: process.version, machine: `${cpus().length} cores (shared)`, checkoutsMeasured: N, loadAverageAtStart: load(),
};
for (const dialect of testDialects()) {
  const out: Record<string, unknown> = { loadAverageAtStart: load() };
  const { tk, cashier, articles, stationId } = await shop(dialect);
  // 1. One station, sequential checkouts of 10-line tickets over HTTP, then through the service alone.
  const warm = await prepare(tk, stationId, articles, 20);
  for (const t of warm) await checkoutHttp(cashier, t);
  const tickets = await prepare(tk, stationId, articles, N);
  await poke(cashier);
  const times: number[] = [];
  const pg0 = dialect === 'postgresql' ? await pgBackendCpu(tk) : null;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of tickets) {
    const s = performance.now();
    await checkoutHttp(cashier, t);
    times.push(performance.now() - s);
  }
  const perSec = N / ((performance.now() - t0) / 1000);
  out.checkout10LinesHttp = {
    p50Ms: ms(pct(times, 50)), p99Ms: ms(pct(times, 99)), perSec: Math.round(perSec), cpuMsPerCheckout: cpuMsPer(c0, N), n: N,
    ...(pg0 ? { postgresCpuMsPerCheckout: pgCpuMsPer(pg0, await pgBackendCpu(tk), N) } : {}),
  };
  const service = await checkoutService(tk, stationId, await prepare(tk, stationId, articles, N));
  out.checkout10LinesService = service;
  if (dialect === 'sqlite') {
    const raw = rawSqlite(N);
    out.rawBetterSqlite3SameWrites = raw;
    out.ratioRawToHttpPerSec = Math.round((raw.perSec / perSec) * 10) / 10;
    out.ratioRawToServicePerSec = Math.round((raw.perSec / service.perSec) * 10) / 10;
    out.ratioHttpToRawCpuPerCheckout = Math.round(((out.checkout10LinesHttp as { cpuMsPerCheckout: number }).cpuMsPerCheckout / raw.cpuMsPerCheckout) * 10) / 10;
  }

  // 2. Twenty stations at once (each its own series): checkouts per second, and the numbers gapless.
  const stations: TestClient[] = [];
  const stationIds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const admin = tk.admin.fork();
    await admin.login('admin', tk.adminPassword);
    await admin.post('/api/stations', { name: `Caisse B${i}` });
    const c = await tk.userWith(['cashier']);
    c.setCookie('cpt_station', admin.cookie('cpt_station')!);
    stations.push(c);
    stationIds.push(Number((await sql(tk, 'select max(id) as id from kernel_station'))[0].id));
  }
  const per = Math.max(5, Math.floor(N / 20));
  const batches = await Promise.all(stationIds.map((id) => prepare(tk, id, articles.slice(0, 10), per)));
  await Promise.all(stations.map(poke));
  const pg1 = dialect === 'postgresql' ? await pgBackendCpu(tk) : null;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const failures: string[] = [];
  await Promise.all(stations.map(async (c, i) => {
    for (const t of batches[i]) await checkoutHttp(c, t).catch((e: Error) => failures.push(e.message));
  }));
  const concurrentPerSec = (20 * per) / ((performance.now() - t1) / 1000);
  const concurrentCpu = cpuMsPer(c1, 20 * per);
  const concurrentPgCpu = pg1 ? pgCpuMsPer(pg1, await pgBackendCpu(tk), 20 * per) : null;
  let gaps = 0;
  for (const id of stationIds) {
    const seqs = (await sql(tk, "select seq from pos_ticket where station_id = ? and status = 'paid' order by seq", [id])).map((r: any) => Number(r.seq));
    seqs.forEach((s: number, i: number) => { if (s !== i + 1) gaps++; });
  }
  out.concurrent20Stations = {
    checkoutsPerSec: Math.round(concurrentPerSec), checkouts: 20 * per, cpuMsPerCheckout: concurrentCpu,
    ...(concurrentPgCpu !== null ? { postgresCpuMsPerCheckout: concurrentPgCpu } : {}),
    failures: failures.length, numberingGapsOrDuplicates: gaps,
  };

  // 3. X and Z over a year of data.
  const s0 = performance.now();
  await yearOfData(tk, dialect);
  const seedMs = performance.now() - s0;
  await poke(tk.admin);
  const manager = await tk.userWith(['manager']);
  manager.setCookie('cpt_station', cashier.cookie('cpt_station')!);
  const xTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    const r = await manager.get('/api/pos/reports/x?scope=shop&period=year&date=2025-06-01');
    if (r.status !== 200 || r.body.sales.count < 1000000) throw new Error(`X ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    xTimes.push(performance.now() - s);
  }
  const z0 = performance.now();
  const z = await manager.post('/api/pos/closures', { scope: 'shop', period: 'year', date: '2025-06-01' });
  const zMs = performance.now() - z0;
  if (z.status !== 201) throw new Error(`Z ${z.status} ${JSON.stringify(z.body)}`);
  out.yearOfData = { tickets: 1_000_000, seedMs: Math.round(seedMs), xShopYearMs: { p50: ms(pct(xTimes, 50)), max: ms(Math.max(...xTimes)) }, zShopYearMs: ms(zMs) };
  out.loadAverageAtEnd = load();
  results[dialect] = out;
  console.log(dialect, JSON.stringify(out));
  await tk.close();
}

console.log(JSON.stringify(results, null, 2));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().slice(0, 10)}-pos.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${file}`);
