/**
 * Pricing benchmark: a supplier catalogue of 100,000 articles imported (CSV through the import service, then the
 * same file again), then barcode resolution (`resolveScan`: EAN articles, cases, scale labels) and price
 * computation (`quote`: lists, breaks, customer prices) per lookup at p50 and p99, in-process and over HTTP,
 * on SQLite and PostgreSQL, with the CPU time of the import (this process, and the PostgreSQL server from /proc).
 * Prints the figures and writes bench/results/<date>-pricing.json.
 *
 *   node --conditions=source --import tsx bench/pricing.bench.ts        (BENCH_ARTICLES=20000 for a quicker run)
 */
import { performance } from 'node:perf_hooks';
import { startTestKernel, testDialects } from '@comptoir/kernel/testing';
import catalog, { makeEan13 } from '@comptoir/catalog';
import pricing, { encodeScan, type ImportService, type PricingService } from '../plugins/pricing/src/index.js';
import { cpuMs, load, machine, pgServerCpuMs, rng, stats, timed, writeResults } from './lib.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 5_000);

const FAMILIES = [
  { code: 'BIE', name: 'Bières', vat: '21', items: ['Bière blonde', 'Bière brune', 'Triple', 'Kriek', 'Saison'], sizes: ['25 cl', '33 cl', '75 cl'] },
  { code: 'SOF', name: 'Softs', vat: '6', items: ['Limonade', 'Cola', 'Tonic', 'Jus d’orange'], sizes: ['33 cl', '1 l', '1,5 l'] },
  { code: 'EPI', name: 'Épicerie', vat: '6', items: ['Pâtes', 'Riz', 'Farine', 'Café moulu', 'Biscuits'], sizes: ['250 g', '500 g', '1 kg'] },
  { code: 'HYG', name: 'Hygiène', vat: '21', items: ['Savon', 'Shampooing', 'Dentifrice'], sizes: ['75 ml', '250 ml', '500 ml'] },
  { code: 'VRA', name: 'Vrac', vat: '6', items: ['Amandes', 'Noix', 'Lentilles', 'Raisins secs'], sizes: [] },
];
const BRANDS = ['Clairval', 'Maredval', 'Ardenne', 'Hesbaye', 'Polder', 'Meuse', 'Semois', 'Condroz'];

/** The supplier's file: code, EAN, name, family, VAT, unit, prices, content; a case of 24 on every tenth row. */
function supplierCsv(n: number): { csv: string; eans: string[]; cases: string[]; plus: string[] } {
  const random = rng(42);
  const lines = ['code;ean;name;family;vat;unit;purchase;retail;wholesale;case_ean;case_qty;content'];
  const eans: string[] = [];
  const cases: string[] = [];
  const plus: string[] = [];
  const euros = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
  for (let i = 1; i <= n; i++) {
    const f = FAMILIES[i % FAMILIES.length];
    const bulk = f.code === 'VRA';
    const size = bulk ? '' : f.sizes[i % f.sizes.length];
    const name = `${f.items[i % f.items.length]} ${BRANDS[i % BRANDS.length]} n° ${i}${size ? ` ${size}` : ''}`;
    const retail = 49 + Math.floor(random() * 2500);
    const wholesale = Math.round(retail / 1.21 * 0.85);
    const purchase = Math.round(wholesale * 0.7);
    // Bulk articles carry the scale's PLU as an internal code (PLU-1000 … PLU-99999).
    const barcode = bulk ? `PLU-${String(i).padStart(4, '0')}` : makeEan13(`548${String(i).padStart(9, '0')}`);
    (bulk ? plus : eans).push(barcode);
    const caseEan = !bulk && i % 10 === 1 ? makeEan13(`549${String(i).padStart(9, '0')}`) : '';
    if (caseEan) cases.push(caseEan);
    lines.push([`SUP-${String(i).padStart(6, '0')}`, barcode, name, f.code, f.vat, bulk ? 'kg' : 'pc', euros(purchase), euros(retail), euros(wholesale), caseEan, caseEan ? '24' : '', size].join(';'));
  }
  return { csv: lines.join('\n'), eans, cases, plus };
}

const mapping = {
  code: 'code', barcode: 'ean', name: 'name', familyCode: 'family', vatCategory: 'vat', unit: 'unit', purchasePrice: 'purchase',
  retailPrice: 'retail', wholesalePrice: 'wholesale', packBarcode: 'case_ean', packQuantity: 'case_qty', content: 'content',
};

const results: Record<string, unknown> = { ...machine(), articles: ARTICLES, lookups: LOOKUPS };
const file = supplierCsv(ARTICLES);
console.log(`supplier file: ${ARTICLES} rows, ${(file.csv.length / 1e6).toFixed(1)} MB`);

for (const dialect of testDialects()) {
  const tk = await startTestKernel(dialect, { plugins: [catalog, pricing] });
  for (const f of FAMILIES) await tk.admin.post('/api/catalog/families', { code: f.code, name: f.name });
  const imports = tk.kernel.container.resolve<ImportService>('pricingImport');
  const service = tk.kernel.container.resolve<PricingService>('pricingService');
  const request = { format: 'csv' as const, content: Buffer.from(file.csv).toString('base64'), mapping };

  const pgCpu0 = await pgServerCpuMs(tk.db.databaseUrl);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const first = await imports.import(tk.kernel.em(), request, null);
  const importMs = performance.now() - t0;
  const importCpuMs = cpuMs(cpu0);
  const pgCpu1 = await pgServerCpuMs(tk.db.databaseUrl);
  const t1 = performance.now();
  const again = await imports.import(tk.kernel.em(), request, null);
  const rerunMs = performance.now() - t1;
  console.log(`${dialect}: import ${Math.round(importMs)} ms (${first.created} created, ${first.rejected.length} rejected), rerun ${Math.round(rerunMs)} ms (${again.unchanged} unchanged)`);
  if (first.created !== ARTICLES || again.unchanged !== ARTICLES) throw new Error(`import: ${JSON.stringify({ ...first, rejected: first.rejected.slice(0, 3) })}`);

  // A fresh signed-in client: the import can outlast the server's keep-alive, and fetch may still hand out an idle
  // socket the server closed meanwhile (ECONNRESET): the first attempt then fails and a second one gets a new socket.
  const admin = tk.anonymous();
  await admin.login('admin', tk.adminPassword).catch(() => admin.login('admin', tk.adminPassword));
  // Breaks, a trade customer with prices of their own: what a quote has to weigh.
  const ids: number[] = (await tk.kernel.em().getConnection().execute('select id from catalog_article order by id')).map((r: any) => r.id);
  const customer = (await admin.post('/api/catalog/customers', { name: 'Café du Commerce SRL', kind: 'company', country: 'BE' })).body;
  await admin.put(`/api/pricing/customers/${customer.id}/terms`, { priceListCode: 'wholesale' });
  for (let i = 0; i < 500; i++) {
    const articleId = ids[(i * 197) % ids.length];
    await admin.post('/api/pricing/prices', { priceListCode: 'wholesale', articleId, minQuantity: 24000, unitPrice: 80 + (i % 50) });
    if (i % 5 === 0) await admin.post('/api/pricing/customer-prices', { customerId: customer.id, articleId, unitPrice: 70 + (i % 40) });
  }

  const random = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const weighed = { name: 'Article pesé', type: 'weight' as const, pattern: '21AAAAAWWWWWC' };
  const codes = Array.from({ length: LOOKUPS }, (_, i) => {
    if (i % 10 < 7) return pick(file.eans);
    if (i % 10 < 8) return pick(file.cases);
    const plu = pick(file.plus).slice(4);
    const label = encodeScan(weighed, { articleRef: plu.padStart(5, '0').slice(-5), weight: 100 + Math.floor(random() * 1500) });
    return label.ok && Number(plu) < 100_000 ? label.barcode : pick(file.eans);
  });
  const em = () => tk.kernel.em();
  for (const c of codes.slice(0, 200)) await service.resolveScan(em(), c); // warm-up
  const scans = await timed(codes.length, async (i) => { await service.resolveScan(em(), codes[i], { customerId: i % 2 ? customer.id : null }); });
  const quotes = await timed(LOOKUPS, async (i) => {
    await service.quote(em(), { articleId: pick(ids), customerId: i % 2 ? customer.id : null, quantity: [1000, 6000, 24000][i % 3] });
  });
  const client = tk.anonymous();
  await client.login('admin', tk.adminPassword);
  const httpScans = await timed(Math.min(LOOKUPS, 2000), async (i) => {
    const r = await client.get(`/api/pricing/scan/${codes[i]}`);
    if (r.status !== 200) throw new Error(`scan ${codes[i]}: ${r.status} ${JSON.stringify(r.body)}`);
  });
  const httpQuotes = await timed(Math.min(LOOKUPS, 2000), async (i) => {
    const r = await client.get(`/api/pricing/quote?article=${pick(ids)}&customer=${customer.id}&quantity=${[1000, 24000][i % 2]}`);
    if (r.status !== 200) throw new Error(`quote: ${r.status}`);
  });

  results[dialect] = {
    loadAverage: load(),
    importMs: Math.round(importMs), importCpuMs: Math.round(importCpuMs),
    ...(pgCpu0 !== null && pgCpu1 !== null ? { importPostgresServerCpuMs: pgCpu1 - pgCpu0 } : {}), importRowsPerSec: Math.round(ARTICLES / (importMs / 1000)), reimportUnchangedMs: Math.round(rerunMs),
    resolveScanMs: stats(scans.wall), quoteMs: stats(quotes.wall), scanHttpMs: stats(httpScans.wall), quoteHttpMs: stats(httpQuotes.wall),
  };
  console.log(dialect, JSON.stringify(results[dialect]));
  await tk.close();
}

console.log(JSON.stringify(results, null, 2));
writeResults('pricing', results);
