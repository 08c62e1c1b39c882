/**
 * Fast reads of the catalogue for the scan and quote paths. Table and column names come from the catalogue's
 * entity metadata (resolved once per database), never typed by hand; rows are read as plain values, without
 * hydrating entities, which costs ten times the query itself on a busy till.
 */
import { Shop, type EntityManager } from '@comptoir/kernel';
import { Article, Barcode, Customer, Family, findVatCategory, type ArticleView, type BarcodeKind } from '@comptoir/catalog';
import { placeholders, query } from '../sql.js';
import type { ArticleFacts } from './facts.js';

interface Names {
  article: { table: string; cols: Record<string, string> };
  barcode: { table: string; cols: Record<string, string> };
  family: { table: string; cols: Record<string, string> };
  customer: { table: string; cols: Record<string, string> };
  shop: { table: string; cols: Record<string, string> };
}

const cache = new WeakMap<object, Names>();

function names(em: EntityManager): Names {
  const md = em.getMetadata();
  const key = md as object;
  let n = cache.get(key);
  if (!n) {
    const q = (s: string) => em.getPlatform().quoteIdentifier(s);
    const of = (entity: { name: string }, props: string[]) => {
      const meta = md.get(entity.name);
      const cols: Record<string, string> = {};
      for (const p of props) cols[p] = q((meta.properties as Record<string, { fieldNames: string[] }>)[p].fieldNames[0]);
      return { table: q(meta.tableName), cols };
    };
    n = {
      article: of(Article, ['id', 'code', 'name', 'description', 'family', 'unit', 'vatCategory', 'price', 'active', 'version', 'updatedAt']),
      barcode: of(Barcode, ['article', 'code', 'kind']),
      family: of(Family, ['id', 'name']),
      customer: of(Customer, ['id', 'code', 'name']),
      shop: of(Shop, ['id', 'country']),
    };
    cache.set(key, n);
  }
  return n;
}

interface ArticleRow {
  id: number; code: string; name: string; description: string; family: number | null; unit: ArticleView['unit'];
  vat_category: string; price: number | null; active: boolean | number; version: number; updated_at: Date | number | string;
}

function selectArticles(n: Names): string {
  const c = n.article.cols;
  return `select ${c.id} as id, ${c.code} as code, ${c.name} as name, ${c.description} as description, ${c.family} as family, ${c.unit} as unit, `
    + `${c.vatCategory} as vat_category, ${c.price} as price, ${c.active} as active, ${c.version} as version, ${c.updatedAt} as updated_at from ${n.article.table}`;
}

const facts = (r: ArticleRow): ArticleFacts => ({
  id: r.id, code: r.code, name: r.name, unit: r.unit, vatCategory: r.vat_category, vatRate: findVatCategory(r.vat_category)?.rate ?? 0, price: r.price, familyId: r.family,
});

/** The catalogue as the scanner and the price checker read it. */
export const catalogReader = {
  async shopCountry(em: EntityManager): Promise<string> {
    const n = names(em);
    const [row] = await query<{ country: string }>(em, `select ${n.shop.cols.country} as country from ${n.shop.table} where ${n.shop.cols.id} = 1`);
    return row?.country ?? 'BE';
  },

  async customerExists(em: EntityManager, id: number): Promise<boolean> {
    const n = names(em);
    return (await query(em, `select 1 as x from ${n.customer.table} where ${n.customer.cols.id} = ?`, [id])).length > 0;
  },

  /** The article carrying a barcode (exactly as given), or null. */
  async articleIdByBarcode(em: EntityManager, code: string): Promise<number | null> {
    const n = names(em);
    const [row] = await query<{ id: number }>(em, `select ${n.barcode.cols.article} as id from ${n.barcode.table} where ${n.barcode.cols.code} = ?`, [code]);
    return row?.id ?? null;
  },

  async articleIdByCode(em: EntityManager, code: string): Promise<number | null> {
    const n = names(em);
    const [row] = await query<{ id: number }>(em, `select ${n.article.cols.id} as id from ${n.article.table} where ${n.article.cols.code} = ?`, [code]);
    return row?.id ?? null;
  },

  async facts(em: EntityManager, ids: number[]): Promise<Map<number, ArticleFacts>> {
    if (!ids.length) return new Map();
    const n = names(em);
    const unique = [...new Set(ids)];
    const rows = await query<ArticleRow>(em, `${selectArticles(n)} where ${n.article.cols.id} in (${placeholders(unique.length)})`, unique);
    return new Map(rows.map((r) => [r.id, facts(r)]));
  },

  /** The article as the catalogue's API shows it (same shape as `ArticleService.view`), or null. */
  async view(em: EntityManager, id: number): Promise<{ view: ArticleView; facts: ArticleFacts } | null> {
    const n = names(em);
    const [r] = await query<ArticleRow>(em, `${selectArticles(n)} where ${n.article.cols.id} = ?`, [id]);
    if (!r) return null;
    const b = n.barcode.cols;
    const barcodes = await query<{ code: string; kind: BarcodeKind }>(em, `select ${b.code} as code, ${b.kind} as kind from ${n.barcode.table} where ${b.article} = ?`, [id]);
    const family = r.family === null ? null
      : (await query<{ name: string }>(em, `select ${n.family.cols.name} as name from ${n.family.table} where ${n.family.cols.id} = ?`, [r.family]))[0]?.name ?? null;
    const f = facts(r);
    const updated = r.updated_at instanceof Date ? r.updated_at : new Date(typeof r.updated_at === 'string' && /^\d+$/.test(r.updated_at) ? Number(r.updated_at) : r.updated_at);
    return {
      facts: f,
      view: {
        id: r.id, code: r.code, name: r.name, description: r.description, familyId: r.family, familyName: family, unit: r.unit, vatCategory: r.vat_category,
        vatRate: f.vatRate, barcodes: barcodes.sort((x, y) => x.code.localeCompare(y.code)), price: r.price, active: Boolean(r.active), version: r.version,
        updatedAt: updated.toISOString(),
      },
    };
  },
};
