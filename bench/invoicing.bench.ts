/**
 * Invoicing's benchmarks (`node --conditions=source --import tsx bench/invoicing.bench.ts`), on SQLite and, when
 * COMPTOIR_TEST_PG is set, PostgreSQL:
 *  1. PDF of an issued invoice of 10 and of 100 lines over HTTP, beside the kernel's receipt preview PDF in the same
 *     run (the ratio says what the A4 document costs against the smallest PDF the server makes);
 *  2. the Peppol UBL of a 10-line invoice, built, checked and written;
 *  3. the first page of the invoice list, and of the overdue list, with BENCH_INVOICES issued invoices (default
 *     100,000, inserted with SQL), beside GET /api/session (a signed-in request that reads nothing) in the same run.
 * Prints p50/p99 (ms) and requests per second, the load average, and writes bench/results/<date>-invoicing.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import type { Dialect } from '@comptoir/kernel';
import catalog from '@comptoir/catalog';
import sales from '@comptoir/sales';
import invoicing from '@comptoir/invoicing';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x: number) => Math.round(x * 100) / 100;
const sql = (tk: TestKernel, q: string, params: unknown[] = []) => tk.kernel.em().getConnection().execute(q, params as any[], 'all');

/** Times `n` sequential GETs of a path; p50/p99 in ms and requests per second. */
async function time(c: TestClient, path: string, n = ROUNDS) {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await c.request('GET', path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    times.push(performance.now() - t0);
  }
  return { p50: round(pct(times, 50)), p99: round(pct(times, 99)), perSecond: round(n / ((performance.now() - start) / 1000)) };
}

async function issuedInvoice(tk: TestKernel, customerId: number, articles: number[], lines: number): Promise<number> {
  const doc = await tk.admin.post('/api/invoicing/documents', { type: 'invoice', customerId, lines: Array.from({ length: lines }, (_, i) => ({ articleId: articles[i % articles.length], quantity: 1000 + i })) });
  if (doc.status !== 201) throw new Error(JSON.stringify(doc.body));
  const res = await tk.admin.request('POST', `/api/invoicing/documents/${doc.body.id}/issue`, { version: doc.body.version }, { 'idempotency-key': randomUUID() });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return doc.body.id;
}

/** Many issued invoices, written with multi-row SQL (the issuing path is measured by the tests' bursts, not here). */
async function fill(tk: TestKernel, customerId: number, n: number): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < n; start += 500) {
    const rows: unknown[] = [];
    const count = Math.min(500, n - start);
    for (let i = 0; i < count; i++) {
      const seq = 1_000_000 + start + i;
      const day = `2025-${String(1 + (seq % 12)).padStart(2, '0')}-${String(1 + (seq % 28)).padStart(2, '0')}`;
      rows.push('invoice', 'issued', 'BENCH', 2025, seq, `BENCH-2025-${seq}`, day, day, customerId, 'Client', 12100, seq % 3 === 0 ? 12100 : 0, 'fr', 'BE', now, now);
    }
    await sql(tk,
      `insert into invoicing_document (type, status, series, year, seq, number, date, due_date, customer_id, customer_name, total, paid_total, lang, country, created_at, updated_at)
       values ${Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`, rows);
  }
}

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, machine: `${cpus().length} cores (shared)`, invoices: INVOICES, rounds: ROUNDS };
for (const dialect of testDialects() as Dialect[]) {
  const load = loadavg().map(round);
  const tk = await startTestKernel(dialect, { plugins: [catalog, sales, invoicing] });
  try {
    await tk.admin.put('/api/shop', { name: 'Épicerie du Marché', street: 'Place du Marché 1', postalCode: '5000', city: 'Namur', country: 'BE', language: 'fr', vatNumber: 'BE0123456749' });
    const articles: number[] = [];
    for (let i = 0; i < 20; i++) articles.push((await tk.admin.post('/api/catalog/articles', { code: `B-${i}`, name: `Article de banc ${i}`, vatCategory: i % 3 ? 'BE-21' : 'BE-6', unit: 'piece', price: 99 + i * 37, barcodes: [] })).body.id);
    const customer = (await tk.admin.post('/api/catalog/customers', { name: 'Café du Coin SRL', kind: 'company', country: 'BE', language: 'fr', street: 'Rue Haute 12', postalCode: '1000', city: 'Bruxelles', vatNumber: 'BE0403170701' })).body.id;
    const ten = await issuedInvoice(tk, customer, articles, 10);
    const hundred = await issuedInvoice(tk, customer, articles, 100);
    const out: Record<string, unknown> = { loadBefore: load };
    out.receiptPdfBaseline = await time(tk.admin, '/api/print/templates/kernel.receipt/preview?lang=fr&format=pdf');
    out.invoicePdf10 = await time(tk.admin, `/api/invoicing/documents/${ten}/print`);
    out.invoicePdf100 = await time(tk.admin, `/api/invoicing/documents/${hundred}/print`);
    out.ubl10 = await time(tk.admin, `/api/invoicing/documents/${ten}/ubl`);
    const t0 = performance.now();
    await fill(tk, customer, INVOICES);
    out.fillSeconds = round((performance.now() - t0) / 1000);
    out.sessionBaseline = await time(tk.admin, '/api/session');
    out.listFirstPage = await time(tk.admin, '/api/invoicing/documents?type=invoice');
    out.listOverdue = await time(tk.admin, '/api/invoicing/documents?paymentStatus=overdue');
    out.listPage1000 = await time(tk.admin, '/api/invoicing/documents?type=invoice&page=1000');
    out.loadAfter = loadavg().map(round);
    results[dialect] = out;
    console.log(dialect, JSON.stringify(out, null, 2));
  } finally {
    await tk.close();
  }
}
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().slice(0, 10)}-invoicing.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written ${file}`);
