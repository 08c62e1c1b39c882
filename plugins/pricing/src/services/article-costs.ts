/**
 * What an article costs the shop and what it earns: the purchase prices the supplier imports stored (one per
 * supplier, VAT excluded) against the catalogue's price, VAT removed. Shown beside the article's form.
 */
import { NotFoundError, convertPrice, type EntityManager } from '@comptoir/kernel';
import { Supplier, type ArticleReads } from '@comptoir/catalog';
import { PurchasePrice } from '../entities/index.js';
import { M } from '../messages.js';

/** One supplier's cost of an article and the margin at the catalogue's price. */
export interface ArticleCost {
  supplierId: number | null;
  supplierCode: string | null;
  supplierName: string | null;
  /** Cents, VAT excluded. */
  unitPrice: number;
  /** Sale price without VAT minus the cost, in cents; null when the article has no price. */
  margin: number | null;
  /** The margin as a share of the sale price without VAT, in hundredths of a percent (3250 = 32.50 %). */
  marginRate: number | null;
  updatedAt: string;
}

export interface ArticleCosts {
  articleId: number;
  /** The catalogue's price without VAT, in cents (null when the article has no price). */
  priceExcl: number | null;
  costs: ArticleCost[];
}

/** The article's purchase prices with their margins (most recent first). */
export async function articleCosts(em: EntityManager, reads: ArticleReads, articleId: number): Promise<ArticleCosts> {
  const facts = (await reads.facts(em, [articleId])).get(articleId);
  if (!facts) throw new NotFoundError('ARTICLE_NOT_FOUND', M.articleNotFound(articleId));
  const priceExcl = facts.price === null ? null : convertPrice(facts.price, facts.vatRate, 'incl');
  const rows = await em.find(PurchasePrice, { articleId }, { orderBy: { updatedAt: 'desc', id: 'desc' } });
  const ids = rows.flatMap((r) => (r.supplierId === null ? [] : [r.supplierId]));
  const suppliers = new Map((ids.length ? await em.find(Supplier, { id: { $in: ids } }) : []).map((s) => [s.id, s]));
  return {
    articleId, priceExcl,
    costs: rows.map((r) => {
      const s = r.supplierId === null ? undefined : suppliers.get(r.supplierId);
      const margin = priceExcl === null ? null : priceExcl - r.unitPrice;
      return {
        supplierId: r.supplierId, supplierCode: s?.code ?? null, supplierName: s?.name ?? null, unitPrice: r.unitPrice, margin,
        marginRate: margin === null || !priceExcl ? null : Math.round((margin * 10_000) / priceExcl), updatedAt: r.updatedAt.toISOString(),
      };
    }),
  };
}
