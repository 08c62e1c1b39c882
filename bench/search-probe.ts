/**
 * Probe of single article searches on 100,000 articles (the names of bench/search.bench.ts): each query run
 * alone 15 times, median and minimum, through the search service and, for comparison, through the SQL the
 * service used before the count was capped (exact count + sorting every match), and its SQL today without
 * loading the page's 50 articles. Less sensitive to a loaded
 * machine than the percentiles of the bench. Prints the figures and writes bench/results/<date>-search-probe.json.
 *
 *   node --conditions=source --import tsx bench/search-probe.ts        (BENCH_ARTICLES=20000 for a quicker run)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startTestKernel, testDialects } from '@comptoir/kernel/testing';
import catalog, { makeEan13, searchWords, type ArticleBatchService, type ArticleDraft, type ArticleService } from '@comptoir/catalog';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const ITEMS = ['Bière blonde', 'Bière brune', 'Triple', 'Kriek', 'Saison', 'Limonade', 'Cola', 'Tonic', 'Jus d’orange', 'Pâtes', 'Riz', 'Farine', 'Café moulu', 'Biscuits', 'Savon', 'Shampooing', 'Dentifrice', 'Amandes', 'Noix', 'Lentilles'];
const BRANDS = ['Clairval', 'Maredval', 'Ardenne', 'Hesbaye', 'Polder', 'Meuse', 'Semois', 'Condroz', 'Gaume', 'Famenne', 'Brabant', 'Hainaut'];
const SIZES = ['25 cl', '33 cl', '75 cl', '1 l', '1,5 l', '250 g', '500 g', '1 kg', '75 ml', '250 ml'];
const name = (i: number) => `${ITEMS[i % ITEMS.length]} ${BRANDS[(i * 7) % BRANDS.length]} ${SIZES[(i * 3) % SIZES.length]} n° ${i}`;
const QUERIES = ['41842', 'kriek famenne', 'famenne', 'bière', 'biere brune 33', 'e', 'zzz'];
const RUNS = 15;
const ms = (x: number) => Math.round(x * 100) / 100;

async function probe(fn: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return { median: ms(xs[Math.floor(xs.length / 2)]), min: ms(xs[0]) };
}

const results: Record<string, unknown> = { date: new Date().toISOString(), articles: ARTICLES, runs: RUNS };
for (const dialect of testDialects()) {
  const tk = await startTestKernel(dialect, { plugins: [catalog] });
  const batch = tk.kernel.container.resolve<ArticleBatchService>('catalogArticleBatch');
  const articles = tk.kernel.container.resolve<ArticleService>('catalogArticles');
  for (let start = 1; start <= ARTICLES; start += 1000) {
    const create: ArticleDraft[] = [];
    for (let i = start; i < Math.min(start + 1000, ARTICLES + 1); i++) {
      create.push({ code: `ART-${String(i).padStart(6, '0')}`, name: name(i), vatCategory: 'BE-21', price: 100, barcodes: [{ code: makeEan13(`548${String(i).padStart(9, '0')}`), kind: 'ean13' }] });
    }
    await tk.kernel.em().fork().transactional((em) => batch.save(em, { create, update: [] }, null));
  }
  const conn = tk.kernel.em().getConnection();
  await conn.execute('analyze');
  const pg = dialect === 'postgresql';
  const rows: Record<string, unknown> = { loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
  for (const q of QUERIES) {
    const words = searchWords(q);
    const likes = words.map((w) => `%${w}%`);
    const where = pg ? words.map(() => 'a.search_text like ?').join(' and ') : `a.id in (select rowid from catalog_article_fts where ${words.map(() => 'search_text like ?').join(' and ')})`;
    const before = async () => {
      await conn.execute(`select a.id from catalog_article a where ${where} order by a.name, a.id limit 51 offset 0`, likes);
      return conn.execute(`select count(*) as n from catalog_article a where ${where}`, likes);
    };
    // The service's SQL without loading the page's articles (see ArticleService.search).
    const after = async () => {
      const from = pg ? 'catalog_article a' : 'catalog_article_fts f cross join catalog_article a on a.id = f.rowid';
      const cond = words.map(() => (pg ? 'a.search_text like ?' : 'f.search_text like ?')).join(' and ');
      const [{ n: m }] = (await conn.execute(`select count(*) as n from (select 1 from ${from} where ${cond} limit 1001) c`, likes)) as Array<{ n: number | string }>;
      const many = Number(m) > 1000;
      const walk = words.map(() => "(a.search_text || '') like ?").join(' and ');
      return conn.execute(`select a.id from ${many ? `catalog_article a${pg ? '' : ' indexed by catalog_article_name_index'}` : from} where ${many ? walk : cond} order by a.name, a.id limit 51 offset 0`, likes);
    };
    const [{ n }] = (await before()) as Array<{ n: number | string }>;
    const r = await articles.search(tk.kernel.em().fork(), { q, pageSize: 50 });
    rows[q] = {
      matches: Number(n), answer: { total: r.total, totalCapped: r.totalCapped, hasMore: r.hasMore },
      serviceMs: await probe(() => articles.search(tk.kernel.em().fork(), { q, pageSize: 50 })),
      sqlMs: await probe(after),
      beforeSqlMs: await probe(before),
      servicePage10Ms: await probe(() => articles.search(tk.kernel.em().fork(), { q, pageSize: 50, page: 10 })),
    };
    console.log(dialect, q, JSON.stringify(rows[q]));
  }
  results[dialect] = rows;
  await tk.close();
}
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const out = join(dir, `${new Date().toISOString().slice(0, 10)}-search-probe.json`);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${out}`);
