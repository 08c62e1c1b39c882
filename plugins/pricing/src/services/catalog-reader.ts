/**
 * The catalogue as the scanner and the price checker read it: through the catalogue's read API
 * (`ArticleReads`, registered by the catalogue as `catalogReads`), never through its tables. The read API is
 * stateless, so one instance serves every kernel; only the shop's country (a kernel table) is read here.
 */
import { Shop, type EntityManager } from '@comptoir/kernel';
import { ArticleReads } from '@comptoir/catalog';
import { query } from '../sql.js';

const reads = new ArticleReads();
const shopNames = new WeakMap<object, string>();

/** `select country from <shop table> where id = 1`, names from the kernel's entity metadata (a plain read: no hydration per scan). */
function shopSql(em: EntityManager): string {
  const md = em.getMetadata();
  let sql = shopNames.get(md);
  if (!sql) {
    const meta = md.get(Shop.name);
    const q = (s: string) => em.getPlatform().quoteIdentifier(s);
    const col = (p: string) => q((meta.properties as Record<string, { fieldNames: string[] }>)[p].fieldNames[0]);
    sql = `select ${col('country')} as country from ${q(meta.tableName)} where ${col('id')} = 1`;
    shopNames.set(md, sql);
  }
  return sql;
}

export const catalogReader = {
  async shopCountry(em: EntityManager): Promise<string> {
    return (await query<{ country: string }>(em, shopSql(em)))[0]?.country ?? 'BE';
  },
  customerExists: (em: EntityManager, id: number) => reads.customerExists(em, id),
  /** The article carrying a barcode (exactly as given), or null. */
  articleIdByBarcode: (em: EntityManager, code: string) => reads.articleIdByBarcode(em, code),
  articleIdByCode: (em: EntityManager, code: string) => reads.articleIdByCode(em, code),
  facts: (em: EntityManager, ids: number[]) => reads.facts(em, ids),
  /** The article as the catalogue's API shows it (same shape as `ArticleService.view`), or null. */
  view: (em: EntityManager, id: number) => reads.view(em, id),
};
