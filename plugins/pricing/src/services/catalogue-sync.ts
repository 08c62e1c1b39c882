/**
 * The catalogue's `price` and the default list's base price are one price seen from two plugins: the catalogue
 * keeps "the" retail price, the default list prices everyone without a list of their own. Each change to one
 * is copied to the other inside the same transaction; a copy that would change nothing is not written, so the
 * two taps never chase each other.
 */
import { NotFoundError, ValidationError, convertPrice, type EntityManager, type User } from '@comptoir/kernel';
import { Article, findVatCategory, type ArticleService } from '@comptoir/catalog';
import { ArticlePack, ListPrice, PriceList } from '../entities/index.js';
import { M } from '../messages.js';

/** Base rows: threshold 0 (or one unit) and no period. */
const isBaseRow = (r: ListPrice) => r.minQuantity <= 1000 && r.validFrom === null && r.validTo === null;

/** Of an article's rows in one list, the base row the catalogue's price is read from and copied to (the lowest). */
export function baseRowOf(rows: readonly ListPrice[]): ListPrice | null {
  return rows.filter(isBaseRow).sort((a, b) => a.minQuantity - b.minQuantity)[0] ?? null;
}

export async function articleOf(em: EntityManager, id: number): Promise<Article> {
  const a = await em.findOne(Article, { id });
  if (!a) throw new NotFoundError('ARTICLE_NOT_FOUND', M.articleNotFound(id));
  return a;
}

/** The catalogue price (VAT included) a default-list price stands for. */
function catalogueSide(list: PriceList, price: number, vatCategory: string): number {
  return list.includesVat ? price : convertPrice(price, findVatCategory(vatCategory)?.rate ?? 0, 'excl');
}

/** After an article is written: its catalogue price becomes the default list's base price. */
export async function syncDefaultPriceFromArticle(em: EntityManager, article: Article): Promise<void> {
  const list = await em.findOne(PriceList, { isDefault: true });
  if (!list) return;
  const rows = await em.find(ListPrice, { priceList: list, articleId: article.id, minQuantity: { $lte: 1000 }, validFrom: null, validTo: null }, { orderBy: { minQuantity: 'asc' } });
  const row = rows[0] ?? null;
  if (article.price === null) {
    if (row) await em.remove(row).flush();
    return;
  }
  if (row && catalogueSide(list, row.unitPrice, article.vatCategory) === article.price) return;
  const unitPrice = list.includesVat ? article.price : convertPrice(article.price, findVatCategory(article.vatCategory)?.rate ?? 0, 'incl');
  if (row) {
    row.unitPrice = unitPrice;
    row.updatedAt = new Date();
  } else {
    em.create(ListPrice, { priceList: list, articleId: article.id, minQuantity: 0, unitPrice, validFrom: null, validTo: null, updatedAt: new Date() });
  }
  await em.flush();
}

/** After a list price is written: a default-list base price becomes the catalogue's price. */
export async function syncArticleFromDefaultPrice(em: EntityManager, row: ListPrice, article: Article, articles: ArticleService, user: User | null): Promise<void> {
  if (!row.priceList.isDefault || !isBaseRow(row)) return;
  const price = catalogueSide(row.priceList, row.unitPrice, article.vatCategory);
  if (article.price === price) return;
  await articles.update(em, article.id, { price }, user);
}

/** Before an article is written: none of its barcodes may be a pack's. */
export async function refusePackBarcodes(em: EntityManager, article: Article): Promise<void> {
  if (!article.barcodes.isInitialized()) return;
  const codes = article.barcodes.getItems().map((b) => b.code);
  if (!codes.length) return;
  const packs = await em.find(ArticlePack, { barcode: { $in: codes } });
  if (!packs.length) return;
  const owners = new Map((await em.find(Article, { id: { $in: packs.map((p) => p.articleId) } })).map((a) => [a.id, a.code]));
  throw new ValidationError(packs.map((p) => ({
    field: `barcodes.${codes.indexOf(p.barcode)}`, code: 'BARCODE_TAKEN', message: M.barcodeOfPack(p.barcode, owners.get(p.articleId) ?? String(p.articleId)),
  })));
}
