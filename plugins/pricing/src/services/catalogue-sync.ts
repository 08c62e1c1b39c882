/**
 * One price home: the catalogue's article `price` (VAT included) is the retail price, and the default list's base
 * price is that same value, not a copy. Pricing stores no base row in the default list: it reads the article's
 * price in its place and writes a base price saved from its screens through the catalogue's service. These are the
 * helpers both sides of that rule share (plus the pack-barcode guard on the catalogue's article hook).
 */
import { NotFoundError, ValidationError, convertPrice, type EntityManager } from '@comptoir/kernel';
import { Article, findVatCategory } from '@comptoir/catalog';
import { ArticlePack, type PriceList } from '../entities/index.js';
import { M } from '../messages.js';

/** Base rows: threshold 0 (or one unit) and no period. */
export const isBaseRow = (r: { minQuantity: number; validFrom: string | null; validTo: string | null }) => r.minQuantity <= 1000 && r.validFrom === null && r.validTo === null;

export async function articleOf(em: EntityManager, id: number): Promise<Article> {
  const a = await em.findOne(Article, { id });
  if (!a) throw new NotFoundError('ARTICLE_NOT_FOUND', M.articleNotFound(id));
  return a;
}

/** A catalogue price (VAT included) as a list shows it (without VAT for a list without VAT). */
export function onListSide(list: Pick<PriceList, 'includesVat'>, price: number, vatCategory: string): number {
  return list.includesVat ? price : convertPrice(price, findVatCategory(vatCategory)?.rate ?? 0, 'incl');
}

/** A list's price as the catalogue stores it (VAT included). */
export function onCatalogueSide(list: Pick<PriceList, 'includesVat'>, price: number, vatCategory: string): number {
  return list.includesVat ? price : convertPrice(price, findVatCategory(vatCategory)?.rate ?? 0, 'excl');
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
