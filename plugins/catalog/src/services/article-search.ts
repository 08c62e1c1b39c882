/**
 * Article search: an exact barcode, else every word a fragment of the folded code and name, in any order; pages
 * by name then id; matches counted up to {@link SEARCH_COUNT_CAP}. Plain SQL through the entity metadata and
 * no entity hydrated, so that a search costs a few bounded queries however many of 100,000 articles match.
 */
import type { EntityManager } from '@comptoir/kernel';
import { Article } from '../entities/index.js';
import { searchWords } from '../search-text.js';
import type { ArticleReads } from './article-reads.js';
import type { ArticleView } from './article.service.js';

/** Matches are counted up to this many; past it a search answers "more than 1,000". */
export const SEARCH_COUNT_CAP = 1000;

/**
 * Rows of the name index read per page when a search matches more than the cap, before giving up on the walk
 * (matches clustered far down the alphabet: "tonic" on a catalogue where 5 % of the names start with it) and
 * sorting the matches found through the trigram index instead.
 */
export const SEARCH_WALK_ROWS = 2000;

export interface ArticleQuery {
  q?: string;
  familyId?: number;
  active?: boolean;
  page?: number;
  pageSize?: number;
}

/** One page of an article search. */
export interface ArticlePage {
  items: ArticleView[];
  /** How many articles match, counted up to {@link SEARCH_COUNT_CAP}. */
  total: number;
  /** More articles match than `total` (the count stopped at the cap). */
  totalCapped: boolean;
  /** A next page exists. */
  hasMore: boolean;
  page: number;
  pageSize: number;
}

interface SearchNames { table: string; id: string; name: string; family: string; active: string; searchText: string; fts: string; nameIndex: string; barcodes: string; barcodeCode: string; barcodeArticle: string; postgres: boolean }
const searchNameCache = new WeakMap<object, SearchNames>();

/** Table and column names of the article search, from the entity metadata (resolved once per database). */
function searchNames(em: EntityManager): SearchNames {
  const md = em.getMetadata();
  let n = searchNameCache.get(md);
  if (!n) {
    const platform = em.getPlatform();
    const q = (x: string) => platform.quoteIdentifier(x);
    const meta = md.get(Article.name);
    const col = (p: string) => q((meta.properties as Record<string, { fieldNames: string[] }>)[p].fieldNames[0]);
    const bc = md.get('Barcode');
    const bcol = (p: string) => q((bc.properties as Record<string, { fieldNames: string[] }>)[p].fieldNames[0]);
    n = {
      table: q(meta.tableName), id: col('id'), name: col('name'), family: col('family'), active: col('active'), searchText: col('searchText'),
      fts: q(`${meta.tableName}_fts`), nameIndex: q(`${meta.tableName}_name_index`), postgres: platform.constructor.name.toLowerCase().includes('postgre'),
      barcodes: q(bc.tableName), barcodeCode: bcol('code'), barcodeArticle: bcol('article'),
    };
    searchNameCache.set(md, n);
  }
  return n;
}

/**
 * Searches articles (see `ArticleService.search`). Words go through the trigram index (FTS5 on SQLite, pg_trgm
 * on PostgreSQL, migrations 0002-search):
 *
 * 1. one query reads at most the cap plus one matches, unsorted, through the trigram index, and sorts *those*
 *    by name for the page, with their count (`count(*) over ()`): when the search matches at most the cap, that
 *    is the whole answer;
 * 2. past the cap (a common fragment), the page is read by walking the name index for at most
 *    {@link SEARCH_WALK_ROWS} rows per page and filtering them: enough when matches are spread over the alphabet;
 * 3. when they are not (a fragment of the names' first word), the page is the first rows of every match sorted by
 *    name — the trigram index again, without a count.
 */
export async function searchArticles(em: EntityManager, query: ArticleQuery, deps: { reads: ArticleReads; familyAndDescendants(id: number): Promise<number[]> }): Promise<ArticlePage> {
  const page = Math.max(1, query.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, query.pageSize ?? 50));
  const offset = (page - 1) * pageSize;
  const empty = { items: [], total: 0, totalCapped: false, hasMore: false, page, pageSize };
  const q = query.q?.trim();
  const t = searchNames(em);
  const run = <T>(sql: string, p: unknown[]) => em.getConnection().execute(sql, p as any[], 'all', em.getTransactionContext()) as Promise<T[]>;
  const filters: string[] = [];
  const filterParams: unknown[] = [];
  let words: string[] = [];
  if (q) {
    const [byBarcode] = await run<{ id: number }>(`select ${t.barcodeArticle} as id from ${t.barcodes} where ${t.barcodeCode} = ?`, [q]);
    if (byBarcode) {
      filters.push(`a.${t.id} = ?`);
      filterParams.push(byBarcode.id);
    } else {
      words = searchWords(q);
      if (!words.length) return empty;
    }
  }
  if (query.familyId) {
    const ids = await deps.familyAndDescendants(query.familyId);
    filters.push(`a.${t.family} in (${ids.map(() => '?').join(', ')})`);
    filterParams.push(...ids);
  }
  if (query.active !== undefined) {
    filters.push(`a.${t.active} = ?`);
    filterParams.push(t.postgres ? query.active : Number(query.active));
  }
  const where = (c: string[]) => (c.length ? ` where ${c.join(' and ')}` : '');
  const answer = async (rows: Array<{ id: number }>, total: number, totalCapped: boolean): Promise<ArticlePage> => ({
    items: await deps.reads.views(em, rows.slice(0, pageSize).map((r) => Number(r.id))), total, totalCapped, hasMore: rows.length > pageSize, page, pageSize,
  });

  if (!words.length) {
    // A list (a family, active or not, a barcode): counted up to the cap, the page by the name index.
    const [c] = await run<{ n: number | string }>(`select count(*) as n from (select 1 from ${t.table} a${where(filters)} limit ${SEARCH_COUNT_CAP + 1}) c`, filterParams);
    const n = Number(c?.n ?? 0);
    const rows = n ? await run<{ id: number }>(`select a.${t.id} as id from ${t.table} a${where(filters)} order by a.${t.name}, a.${t.id} limit ? offset ?`, [...filterParams, pageSize + 1, offset]) : [];
    return answer(rows, Math.min(n, SEARCH_COUNT_CAP), n > SEARCH_COUNT_CAP);
  }

  const likes = words.map((w) => `%${w}%`);
  // On SQLite the FTS table drives the join (`cross join` keeps that order), so that `limit` stops reading it
  // early; `a.id in (select rowid …)` would read every match first.
  const from = !t.postgres ? `${t.fts} f cross join ${t.table} a on a.${t.id} = f.rowid` : `${t.table} a`;
  let matched: string[];
  let params: unknown[];
  if (t.postgres) {
    matched = [...words.map(() => `a.${t.searchText} like ?`), ...filters];
    params = [...likes, ...filterParams];
  } else {
    // FTS5's trigram tokenizer answers a phrase of three characters or more from its index alone (a substring is
    // a run of consecutive trigrams), several times faster than `like`, which re-reads each candidate's text.
    const long = words.filter((w) => [...w].length >= 3);
    const short = words.filter((w) => [...w].length < 3);
    matched = [...(long.length ? [`f.${t.fts} match ?`] : []), ...short.map(() => `f.${t.searchText} like ?`), ...filters];
    params = [...(long.length ? [long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ')] : []), ...short.map((w) => `%${w}%`), ...filterParams];
  }

  // 1. At most the cap plus one matches, their count, and the page among them.
  const first = await run<{ id: number; n: number | string }>(
    `select s.id as id, count(*) over () as n from (select a.${t.id} as id, a.${t.name} as name from ${from}${where(matched)} limit ${SEARCH_COUNT_CAP + 1}) s `
    + 'order by s.name, s.id limit ? offset ?', [...params, pageSize + 1, offset]);
  let matches = first.length ? Number(first[0].n) : 0;
  if (!first.length && offset > 0) {
    const [c] = await run<{ n: number | string }>(`select count(*) as n from (select 1 from ${from}${where(matched)} limit ${SEARCH_COUNT_CAP + 1}) c`, params);
    matches = Number(c?.n ?? 0);
  }
  if (matches <= SEARCH_COUNT_CAP) return answer(first, matches, false);

  // 2. Walk the first rows of the name index. `(… || '') like ?` is an expression the trigram index cannot
  // serve, so that PostgreSQL's planner walks the name index too.
  const scanned = words.map(() => `(w.${t.searchText} || '') like ?`);
  const walk = SEARCH_WALK_ROWS * page;
  const walked = await run<{ id: number }>(
    `select w.id as id from (select a.${t.id} as id, a.${t.name} as name, a.${t.searchText} from ${t.table} a${t.postgres ? '' : ` indexed by ${t.nameIndex}`}${where(filters)} `
    + `order by a.${t.name}, a.${t.id} limit ${walk}) w where ${scanned.join(' and ')} order by w.name, w.id limit ? offset ?`, [...filterParams, ...likes, pageSize + 1, offset]);
  if (walked.length > pageSize) return answer(walked, SEARCH_COUNT_CAP, true);

  // 3. Matches clustered past the walk: every match through the trigram index, sorted. On PostgreSQL a
  // materialized CTE keeps the planner from walking the name index again (it expects matches spread out).
  const sorted = t.postgres
    ? `with m as materialized (select a.${t.id} as id, a.${t.name} as name from ${from}${where(matched)}) select m.id as id from m order by m.name, m.id limit ? offset ?`
    : `select a.${t.id} as id from ${from}${where(matched)} order by a.${t.name}, a.${t.id} limit ? offset ?`;
  return answer(await run<{ id: number }>(sorted, [...params, pageSize + 1, offset]), SEARCH_COUNT_CAP, true);
}
