/**
 * Scan to line shown, in Chromium, with 100,000 articles (`node --conditions=source --import tsx bench/pos-scan.bench.ts`):
 * the sale screen of a real shell served by an in-process kernel (SQLite, or PostgreSQL with COMPTOIR_TEST_PG and
 * BENCH_SCAN_DB=postgresql), 100,000 articles with their EAN-13 seeded through the catalogue's bulk API
 * (`catalogArticleBatch`), then BENCH_SCAN_N scans (default 200) sent as a scanner sends them (keys a millisecond
 * apart, then Enter) from inside the page. Measured in the page: from the scan's Enter to the new line in the
 * sale screen's DOM at the next frame; beside it, the server's part (the POST …/lines request's duration from the
 * Resource Timing API), so the difference says what the browser adds, and the cheapest signed-in round trip
 * (GET /api/pos/payment-methods) as a baseline of the same run and load. Tickets of 20 lines (a new one after each 20).
 * Prints the figures with the load average and writes bench/results/<date>-pos-scan.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startTestKernel } from '@comptoir/kernel/testing';
import type { Dialect, EntityManager } from '@comptoir/kernel';
import catalog, { makeEan13, type ArticleBatchService } from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '@comptoir/pos';
import { discoverInstallation, findShellDir } from '../kernel/src/plugin/discover.js';

const ARTICLES = Number(process.env.BENCH_SCAN_ARTICLES ?? 100_000);
const N = Number(process.env.BENCH_SCAN_N ?? 200);
const PER_TICKET = 20;
const dialect = (process.env.BENCH_SCAN_DB ?? 'sqlite') as Dialect;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const ean = (i: number) => makeEan13(`54${String(i).padStart(10, '0')}`);

const root = join(import.meta.dirname, '..');
const installation = await discoverInstallation(root);
const tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos], shellDir: findShellDir(root), uiDirs: installation.uiDirs });
const t0 = performance.now();
const batch = tk.kernel.container.resolve<ArticleBatchService>('catalogArticleBatch');
for (let from = 0; from < ARTICLES; from += 5000) {
  const create = Array.from({ length: Math.min(5000, ARTICLES - from) }, (_, k) => {
    const i = from + k;
    return { code: `S-${i}`, name: `Article ${i} ${['pomme', 'poire', 'pain', 'lait', 'bière'][i % 5]}`, vatCategory: i % 2 ? 'BE-6' : 'BE-21', unit: 'piece' as const, price: 50 + (i % 2000), barcodes: [{ code: ean(i), kind: 'ean13' as const }] };
  });
  await tk.kernel.em().transactional((em: EntityManager) => batch.save(em, { create, update: [] }, null));
}
const seedSeconds = (performance.now() - t0) / 1000;
console.log(`seeded ${ARTICLES} articles in ${r1(seedSeconds)} s`);

await tk.admin.request('PUT', '/api/shop', { name: 'Banc d’essai', country: 'BE', language: 'fr' }, {});
await tk.admin.post('/api/stations', { name: 'Caisse 1' });
const station = tk.admin.cookie('cpt_station')!;
await tk.userWith(['manager'], { username: 'bench' });
const browser = await chromium.launch({ executablePath: process.env.COMPTOIR_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'fr-BE' });
const page = await context.newPage();
await page.goto(tk.baseUrl);
await page.getByTestId('login-username').fill('bench');
await page.getByTestId('login-password').fill('pw-bench-secret');
await page.getByTestId('login-submit').click();
await page.getByTestId('nav-toggle').waitFor({ state: 'attached', timeout: 30_000 }).catch(async (e) => { await page.screenshot({ path: '/tmp/pf-bench.png' }); throw e; });
await context.addCookies([{ name: 'cpt_station', value: station, url: tk.baseUrl }]);

/** Opens the sale screen afresh, on no ticket (the previous one cancelled). */
async function freshSale(): Promise<void> {
  await page.evaluate(async () => {
    const session = await (await fetch('/api/session')).json();
    const open = await (await fetch('/api/pos/tickets')).json();
    for (const t of open) await fetch(`/api/pos/tickets/${t.id}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: '{}' });
  });
  await page.goto(`${tk.baseUrl}/#/pos/sale`);
  await page.reload();
  await page.getByTestId('pos-scan').waitFor({ timeout: 30_000 });
}

/**
 * One scan from inside the page: keys then Enter; resolves with [Enter → line in the DOM at the next frame, the
 * POST's duration]. Plain JavaScript in a string: what tsx compiles would name its functions with a helper the page lacks.
 */
const SCAN = `(code, expected) => new Promise((resolve, reject) => {
  const find = (root) => {
    const hit = root.querySelector('cpt-pos-sale');
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
    return null;
  };
  const sale = find(document);
  const lines = () => sale.shadowRoot.querySelectorAll('[data-testid="pos-line"]').length;
  performance.clearResourceTimings();
  const target = document.activeElement ?? document.body;
  for (const key of code) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  const start = performance.now();
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
  const tick = () => {
    if (lines() >= expected) {
      const end = performance.now();
      const post = performance.getEntriesByType('resource').filter((e) => e.name.includes('/lines')).at(-1);
      resolve([end - start, post ? post.duration : NaN]);
    } else if (performance.now() > start + 10000) reject(new Error('no line ' + expected + ' after 10 s'));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;
const scanOnce = (code: string, expected: number) => page.evaluate(`(${SCAN})(${JSON.stringify(code)}, ${expected})`) as Promise<[number, number]>;

const total: number[] = [];
const server: number[] = [];
// Warm-up: one ticket not measured.
await freshSale();
for (let k = 1; k <= 5; k++) await scanOnce(ean(ARTICLES - k), k);
for (let i = 0; i < N; i++) {
  if (i % PER_TICKET === 0) await freshSale();
  const [t, s] = await scanOnce(ean(Math.floor((i * 7919) % ARTICLES)), (i % PER_TICKET) + 1);
  total.push(t);
  server.push(s);
}
// Baseline in the same run and load: the cheapest signed-in round trip from the page (GET /api/pos/payment-methods).
const floor = await page.evaluate(`(async () => {
  const out = [];
  for (let i = 0; i < 100; i++) { const t = performance.now(); await (await fetch('/api/pos/payment-methods')).json(); out.push(performance.now() - t); }
  return out;
})()`) as number[];
await browser.close();
await tk.close();

const results = {
  date: new Date().toISOString(), node: process.version, machine: `${cpus().length} cores (shared)`, loadAverage: loadavg().map(r1), database: dialect,
  articles: ARTICLES, seedSeconds: r1(seedSeconds), scans: N, linesPerTicket: PER_TICKET,
  scanToLineMs: { p50: r1(pct(total, 50)), p95: r1(pct(total, 95)), p99: r1(pct(total, 99)), max: r1(Math.max(...total)) },
  serverPostMs: { p50: r1(pct(server, 50)), p95: r1(pct(server, 95)) },
  browserShareP50: r1(pct(total, 50) - pct(server, 50)),
  baselineGetMs: { p50: r1(pct(floor, 50)), p95: r1(pct(floor, 95)) },
  ratioP95ToBaseline: r1(pct(total, 95) / pct(floor, 95)),
  target: 'p95 < 50 ms',
};
console.log(JSON.stringify(results, null, 2));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${results.date.slice(0, 10)}-pos-scan-${dialect}.json`), `${JSON.stringify(results, null, 2)}\n`);
