/**
 * Catalogue benchmark: 100,000 articles written through the catalogue's bulk API, then name-fragment searches
 * (one to three word fragments in any order, accents and case ignored) timed in-process (server-side: the
 * search service with its queries) and over HTTP, at p50 and p99, on SQLite and PostgreSQL.
 * Hits are counted up to the search's cap (1,000); `cappedShare` is the share of searches matching more.
 * Prints the figures and writes bench/results/<date>-search.json.
 *
 *   node --conditions=source --import tsx bench/search.bench.ts        (BENCH_ARTICLES=20000 for a quicker run)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startTestKernel, testDialects } from '@comptoir/kernel/testing';
import catalog, { makeEan13, type ArticleBatchService, type ArticleDraft, type ArticleService } from '@comptoir/catalog';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 2_000);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => Math.round(x * 1000) / 1000;
const stats = (xs: number[]) => ({ p50: ms(pct(xs, 50)), p90: ms(pct(xs, 90)), p99: ms(pct(xs, 99)), max: ms(Math.max(...xs)), n: xs.length });

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ITEMS = ['Bière blonde', 'Bière brune', 'Triple', 'Kriek', 'Saison', 'Limonade', 'Cola', 'Tonic', 'Jus d’orange', 'Pâtes', 'Riz', 'Farine', 'Café moulu', 'Biscuits', 'Savon', 'Shampooing', 'Dentifrice', 'Amandes', 'Noix', 'Lentilles'];
const BRANDS = ['Clairval', 'Maredval', 'Ardenne', 'Hesbaye', 'Polder', 'Meuse', 'Semois', 'Condroz', 'Gaume', 'Famenne', 'Brabant', 'Hainaut'];
const SIZES = ['25 cl', '33 cl', '75 cl', '1 l', '1,5 l', '250 g', '500 g', '1 kg', '75 ml', '250 ml'];
const name = (i: number) => `${ITEMS[i % ITEMS.length]} ${BRANDS[(i * 7) % BRANDS.length]} ${SIZES[(i * 3) % SIZES.length]} n° ${i}`;

async function timed(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** What a person types: fragments (4+ letters) of one to three words of an article's name, in any order. */
function queries(n: number): string[] {
  const random = rng(11);
  return Array.from({ length: n }, () => {
    const words = name(1 + Math.floor(random() * ARTICLES)).split(' ').filter((w) => w.length >= 3 && w !== 'n°');
    const count = 1 + Math.floor(random() * 3);
    const picked = Array.from({ length: count }, () => words[Math.floor(random() * words.length)]);
    return picked.map((w) => (random() < 0.5 ? w.slice(0, Math.max(3, w.length - 2)) : w)).reverse().join(' ').toLowerCase();
  });
}

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, machine: `${cpus().length} cores, ${cpus()[0]?.model ?? ''}`.trim(), loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100), articles: ARTICLES };
const qs = queries(SEARCHES);
for (const dialect of testDialects()) {
  const tk = await startTestKernel(dialect, { plugins: [catalog] });
  const batch = tk.kernel.container.resolve<ArticleBatchService>('catalogArticleBatch');
  const articles = tk.kernel.container.resolve<ArticleService>('catalogArticles');
  const t0 = performance.now();
  for (let start = 1; start <= ARTICLES; start += 1000) {
    const create: ArticleDraft[] = [];
    for (let i = start; i < Math.min(start + 1000, ARTICLES + 1); i++) {
      create.push({ code: `ART-${String(i).padStart(6, '0')}`, name: name(i), vatCategory: i % 3 ? 'BE-21' : 'BE-6', price: 49 + (i % 2500), barcodes: [{ code: makeEan13(`548${String(i).padStart(9, '0')}`), kind: 'ean13' }] });
    }
    await tk.kernel.em().fork().transactional((em) => batch.save(em, { create, update: [] }, null));
  }
  const writeMs = performance.now() - t0;
  await tk.kernel.em().getConnection().execute(dialect === 'postgresql' ? 'analyze' : 'analyze');
  console.log(`${dialect}: ${ARTICLES} articles written through the bulk API in ${Math.round(writeMs)} ms`);

  for (const q of qs.slice(0, 100)) await articles.search(tk.kernel.em().fork(), { q, pageSize: 50 }); // warm-up
  let hits = 0;
  let capped = 0;
  const inProcess = await timed(qs.length, async (i) => {
    const r = await articles.search(tk.kernel.em().fork(), { q: qs[i], pageSize: 50 });
    hits += r.total;
    if (r.totalCapped) capped++;
  });
  const client = tk.anonymous();
  await client.login('admin', tk.adminPassword);
  const http = await timed(Math.min(qs.length, 1000), async (i) => {
    const r = await client.get(`/api/catalog/articles?q=${encodeURIComponent(qs[i])}&pageSize=50`);
    if (r.status !== 200) throw new Error(`search: ${r.status}`);
  });
  results[dialect] = {
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    bulkWriteMs: Math.round(writeMs), bulkRowsPerSec: Math.round(ARTICLES / (writeMs / 1000)),
    meanHits: Math.round(hits / qs.length), cappedShare: Math.round((capped / qs.length) * 1000) / 1000, searchServerMs: stats(inProcess), searchHttpMs: stats(http), sampleQueries: qs.slice(0, 8),
  };
  console.log(dialect, JSON.stringify(results[dialect]));
  await tk.close();
}

console.log(JSON.stringify(results, null, 2));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const out = join(dir, `${new Date().toISOString().slice(0, 10)}-search.json`);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${out}`);
