/**
 * Catalogue benchmark: 100,000 articles written through the catalogue's bulk API, then name-fragment searches
 * (one to three word fragments in any order, accents and case ignored) timed in-process (server-side: the
 * search service with its queries) and over HTTP, at p50 and p99, with the CPU time per search, on SQLite and PostgreSQL.
 * Hits are counted up to the search's cap (1,000); `cappedShare` is the share of searches matching more.
 * Prints the figures and writes bench/results/<date>-search.json.
 *
 *   node --conditions=source --import tsx bench/search.bench.ts        (BENCH_ARTICLES=20000 for a quicker run)
 */
import { performance } from 'node:perf_hooks';
import { startTestKernel, testDialects } from '@comptoir/kernel/testing';
import catalog, { makeEan13, type ArticleBatchService, type ArticleDraft, type ArticleService } from '@comptoir/catalog';
import { load, machine, ms, pgServerCpuMs, rng, stats, timed, writeResults } from './lib.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 2_000);

const ITEMS = ['Bière blonde', 'Bière brune', 'Triple', 'Kriek', 'Saison', 'Limonade', 'Cola', 'Tonic', 'Jus d’orange', 'Pâtes', 'Riz', 'Farine', 'Café moulu', 'Biscuits', 'Savon', 'Shampooing', 'Dentifrice', 'Amandes', 'Noix', 'Lentilles'];
const BRANDS = ['Clairval', 'Maredval', 'Ardenne', 'Hesbaye', 'Polder', 'Meuse', 'Semois', 'Condroz', 'Gaume', 'Famenne', 'Brabant', 'Hainaut'];
const SIZES = ['25 cl', '33 cl', '75 cl', '1 l', '1,5 l', '250 g', '500 g', '1 kg', '75 ml', '250 ml'];
const name = (i: number) => `${ITEMS[i % ITEMS.length]} ${BRANDS[(i * 7) % BRANDS.length]} ${SIZES[(i * 3) % SIZES.length]} n° ${i}`;

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

const results: Record<string, unknown> = { ...machine(), articles: ARTICLES };
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
  const serverCpuBefore = await pgServerCpuMs(tk.db.databaseUrl);
  const inProcess = await timed(qs.length, async (i) => {
    const r = await articles.search(tk.kernel.em().fork(), { q: qs[i], pageSize: 50 });
    hits += r.total;
    if (r.totalCapped) capped++;
  });
  const serverCpuAfter = await pgServerCpuMs(tk.db.databaseUrl);
  const client = tk.anonymous();
  await client.login('admin', tk.adminPassword);
  const http = await timed(Math.min(qs.length, 1000), async (i) => {
    const r = await client.get(`/api/catalog/articles?q=${encodeURIComponent(qs[i])}&pageSize=50`);
    if (r.status !== 200) throw new Error(`search: ${r.status}`);
  });
  results[dialect] = {
    loadAverage: load(),
    bulkWriteMs: Math.round(writeMs), bulkRowsPerSec: Math.round(ARTICLES / (writeMs / 1000)),
    meanHits: Math.round(hits / qs.length), cappedShare: Math.round((capped / qs.length) * 1000) / 1000, searchServerMs: stats(inProcess.wall), searchHttpMs: stats(http.wall),
    // CPU time of this process per search (the whole search on SQLite; the driver's side on PostgreSQL, whose
    // server's CPU time is given as a mean, from /proc, as its clock ticks are too coarse for one search).
    searchCpuMs: stats(inProcess.cpu),
    ...(serverCpuBefore !== null && serverCpuAfter !== null ? { postgresServerCpuMsPerSearch: ms((serverCpuAfter - serverCpuBefore) / qs.length) } : {}), sampleQueries: qs.slice(0, 8),
  };
  console.log(dialect, JSON.stringify(results[dialect]));
  await tk.close();
}

console.log(JSON.stringify(results, null, 2));
writeResults('search', results);
