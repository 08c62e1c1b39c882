/**
 * The catalogue's fast read API for other plugins (the scanner, the price checker, the supplier import): rows
 * read as plain values through the entities' metadata, without hydrating entities (which costs ten times the
 * query itself on a busy till). Other plugins read the catalogue through this, never through its tables.
 */
import type { EntityManager } from '@comptoir/kernel';
import { Article, Barcode, Customer, Family, type ArticleUnit } from '../entities/index.js';
import { findVatCategory, type BarcodeKind } from '../domain/index.js';
import type { ArticleView } from './article.service.js';

/** The few article fields a price or a sale line needs. */
export interface ArticleFacts {
  id: number;
  code: string;
  name: string;
  unit: ArticleUnit;
  vatCategory: string;
  vatRate: number;
  /** The article's price in cents, VAT included: the one home of the retail price (the default list's base price). */
  price: number | null;
  familyId: number | null;
}

/** An article's row as a bulk writer compares it with a file. */
export interface ArticleRow {
  id: number;
  code: string;
  name: string;
  familyId: number | null;
  unit: ArticleUnit;
  vatCategory: string;
  price: number | null;
}

interface Table { table: string; cols: Record<string, string> }
interface Names { article: Table; barcode: Table; family: Table; customer: Table }

const cache = new WeakMap<object, Names>();

function names(em: EntityManager): Names {
  const md = em.getMetadata();
  let n = cache.get(md);
  if (!n) {
    const q = (s: string) => em.getPlatform().quoteIdentifier(s);
    const of = (entity: { name: string }, props: string[]): Table => {
      const meta = md.get(entity.name);
      const cols: Record<string, string> = {};
      for (const p of props) cols[p] = q((meta.properties as Record<string, { fieldNames: string[] }>)[p].fieldNames[0]);
      return { table: q(meta.tableName), cols };
    };
    n = {
      article: of(Article, ['id', 'code', 'name', 'description', 'family', 'unit', 'vatCategory', 'price', 'active', 'version', 'updatedAt']),
      barcode: of(Barcode, ['article', 'code', 'kind']),
      family: of(Family, ['id', 'name']),
      customer: of(Customer, ['id']),
    };
    cache.set(md, n);
  }
  return n;
}

async function query<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await em.getConnection().execute(sql, params as any[], 'all', em.getTransactionContext())) as unknown as T[];
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** SQL parameter lists stay under SQLite's limit. */
const CHUNK = 900;
async function inChunks<T, R>(items: readonly T[], fn: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await fn(items.slice(i, i + CHUNK))));
  return out;
}

interface RawArticle {
  id: number; code: string; name: string; description: string; family: number | null; unit: ArticleUnit;
  vat_category: string; price: number | null; active: boolean | number; version: number; updated_at: Date | number | string;
}

function selectArticles(n: Names): string {
  const c = n.article.cols;
  return `select ${c.id} as id, ${c.code} as code, ${c.name} as name, ${c.description} as description, ${c.family} as family, ${c.unit} as unit, `
    + `${c.vatCategory} as vat_category, ${c.price} as price, ${c.active} as active, ${c.version} as version, ${c.updatedAt} as updated_at from ${n.article.table}`;
}

const toFacts = (r: RawArticle): ArticleFacts => ({
  id: r.id, code: r.code, name: r.name, unit: r.unit, vatCategory: r.vat_category, vatRate: findVatCategory(r.vat_category)?.rate ?? 0, price: r.price, familyId: r.family,
});
const toRow = (r: RawArticle): ArticleRow => ({ id: r.id, code: r.code, name: r.name, familyId: r.family, unit: r.unit, vatCategory: r.vat_category, price: r.price });

/** Reads of the catalogue for other plugins; registered as `catalogReads`. */
export class ArticleReads {
  /** The article carrying a barcode (exactly as given), or null. */
  async articleIdByBarcode(em: EntityManager, code: string): Promise<number | null> {
    const n = names(em);
    const [row] = await query<{ id: number }>(em, `select ${n.barcode.cols.article} as id from ${n.barcode.table} where ${n.barcode.cols.code} = ?`, [code]);
    return row?.id ?? null;
  }

  /** The article with this code (exactly as given), or null. */
  async articleIdByCode(em: EntityManager, code: string): Promise<number | null> {
    const n = names(em);
    const [row] = await query<{ id: number }>(em, `select ${n.article.cols.id} as id from ${n.article.table} where ${n.article.cols.code} = ?`, [code]);
    return row?.id ?? null;
  }

  async customerExists(em: EntityManager, id: number): Promise<boolean> {
    const n = names(em);
    return (await query(em, `select 1 as x from ${n.customer.table} where ${n.customer.cols.id} = ?`, [id])).length > 0;
  }

  /** Facts of the given articles (missing ids are absent from the map). */
  async facts(em: EntityManager, ids: readonly number[]): Promise<Map<number, ArticleFacts>> {
    if (!ids.length) return new Map();
    const n = names(em);
    const rows = await inChunks([...new Set(ids)], (part) => query<RawArticle>(em, `${selectArticles(n)} where ${n.article.cols.id} in (${marks(part.length)})`, part));
    return new Map(rows.map((r) => [r.id, toFacts(r)]));
  }

  /** The article as the catalogue's API shows it (same shape as `ArticleService.view`) with its facts, or null. */
  async view(em: EntityManager, id: number): Promise<{ view: ArticleView; facts: ArticleFacts } | null> {
    const [found] = await this.viewsWithFacts(em, [id]);
    return found ?? null;
  }

  /**
   * The articles as the catalogue's API shows them, in the order of `ids` (ids not found are absent): three
   * queries (articles, their barcodes, their families), no entity hydrated — what a search page reads.
   */
  async views(em: EntityManager, ids: readonly number[]): Promise<ArticleView[]> {
    return (await this.viewsWithFacts(em, ids)).map((x) => x.view);
  }

  private async viewsWithFacts(em: EntityManager, ids: readonly number[]): Promise<Array<{ view: ArticleView; facts: ArticleFacts }>> {
    if (!ids.length) return [];
    const n = names(em);
    const unique = [...new Set(ids)];
    const rows = await inChunks(unique, (part) => query<RawArticle>(em, `${selectArticles(n)} where ${n.article.cols.id} in (${marks(part.length)})`, part));
    if (!rows.length) return [];
    const b = n.barcode.cols;
    const found = rows.map((r) => r.id);
    const barcodes = await inChunks(found, (part) => query<{ article: number; code: string; kind: BarcodeKind }>(em,
      `select ${b.article} as article, ${b.code} as code, ${b.kind} as kind from ${n.barcode.table} where ${b.article} in (${marks(part.length)})`, part));
    const familyIds = [...new Set(rows.flatMap((r) => (r.family === null ? [] : [r.family])))];
    const families = new Map((await inChunks(familyIds, (part) => query<{ id: number; name: string }>(em,
      `select ${n.family.cols.id} as id, ${n.family.cols.name} as name from ${n.family.table} where ${n.family.cols.id} in (${marks(part.length)})`, part))).map((f) => [f.id, f.name]));
    const codes = new Map<number, Array<{ code: string; kind: BarcodeKind }>>();
    for (const x of barcodes) {
      const list = codes.get(x.article) ?? [];
      list.push({ code: x.code, kind: x.kind });
      codes.set(x.article, list);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    return unique.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const f = toFacts(r);
      const updated = r.updated_at instanceof Date ? r.updated_at : new Date(typeof r.updated_at === 'string' && /^\d+$/.test(r.updated_at) ? Number(r.updated_at) : r.updated_at);
      return [{
        facts: f,
        view: {
          id: r.id, code: r.code, name: r.name, description: r.description, familyId: r.family, familyName: r.family === null ? null : families.get(r.family) ?? null,
          unit: r.unit, vatCategory: r.vat_category, vatRate: f.vatRate, barcodes: (codes.get(r.id) ?? []).sort((x, y) => x.code.localeCompare(y.code)),
          price: r.price === null ? null : Number(r.price), active: Boolean(r.active), version: Number(r.version), updatedAt: updated.toISOString(),
        },
      }];
    });
  }

  /** Articles by code (codes not found are absent). */
  async rowsByCode(em: EntityManager, codes: readonly string[]): Promise<ArticleRow[]> {
    const n = names(em);
    return (await inChunks([...new Set(codes)], (part) => query<RawArticle>(em, `${selectArticles(n)} where ${n.article.cols.code} in (${marks(part.length)})`, part))).map(toRow);
  }

  /** Articles by id (ids not found are absent). */
  async rowsById(em: EntityManager, ids: readonly number[]): Promise<ArticleRow[]> {
    const n = names(em);
    return (await inChunks([...new Set(ids)], (part) => query<RawArticle>(em, `${selectArticles(n)} where ${n.article.cols.id} in (${marks(part.length)})`, part))).map(toRow);
  }

  /** Which article carries each of these barcodes (barcodes nobody carries are absent). */
  async barcodeOwners(em: EntityManager, codes: readonly string[]): Promise<Array<{ code: string; articleId: number }>> {
    const n = names(em);
    const b = n.barcode.cols;
    return inChunks([...new Set(codes)], (part) => query<{ code: string; articleId: number }>(em, `select ${b.code} as code, ${b.article} as "articleId" from ${n.barcode.table} where ${b.code} in (${marks(part.length)})`, part));
  }
}
