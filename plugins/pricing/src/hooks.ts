import { AsyncSeriesHook, AsyncSeriesWaterfallHook, convertPrice, defineHooks, lineTotal, type EntityManager, type User } from '@comptoir/kernel';
import type { LocalizedText } from '@comptoir/catalog';
import type { PriceBook, PriceRule, PriceRuleKind } from './domain/index.js';

/**
 * The rule that gave a line's price: one of the engine's, or `pack` (the pack's own price) or `label` (the price
 * printed on an in-store label).
 */
export type LineRule = Omit<PriceRule, 'kind'> & { kind: PriceRuleKind | 'pack' | 'label' };

/** A priced line as the pricing plugin hands it to the till, the invoice and the taps of `priceLine`. */
export interface LineQuote {
  articleId: number;
  customerId: number | null;
  /** Thousandths, negative for returns. */
  quantity: number;
  /** Day of the sale, 'YYYY-MM-DD'. */
  date: string;
  /** The list in force (forced, the customer's, or the default one). */
  priceListCode: string;
  /** VAT rate of the article in basis points (2100 = 21 %). */
  vatRate: number;
  /** Cents on the side of VAT that `includesVat` says; null when the article has no price. */
  unitPrice: number | null;
  includesVat: boolean;
  unitPriceIncl: number | null;
  unitPriceExcl: number | null;
  /** Cents on the same side; for a pack with its own price, that price (not unit price × quantity). */
  lineTotal: number | null;
  /** The rule that gave the price, with its explanation in each language. */
  rule: LineRule;
  /** Changes made by taps of `priceLine`, in order ("promotion −10 %"). */
  adjustments: Array<{ by: string; explanation: LocalizedText }>;
}

/** What a `priceLine` tap knows about the line besides the quote. */
export interface PriceLineContext {
  /** The caller's entity manager (transactional when the caller is inside a sale). */
  em: EntityManager;
  /** Why the line is priced: a price check, a scanned code, a pack, or a line added for an associated article. */
  source: 'quote' | 'scan' | 'pack' | 'associated';
  article: { id: number; code: string; name: string; unit: string; vatCategory: string; familyId: number | null };
  pack: { id: number; barcode: string; quantity: number } | null;
  /** The rows the engine priced from (this article's, and the customer's). */
  book: PriceBook;
}

/** A batch of a supplier's catalogue written, inside its transaction. */
export interface CatalogueImportedEvent {
  em: EntityManager;
  user: User | null;
  createdArticleIds: number[];
  updatedArticleIds: number[];
}

/** The pricing plugin's extension points. */
export interface PricingHooks {
  /** Every line the plugin prices goes through this waterfall: a tap returns the line, changed or not. */
  priceLine: AsyncSeriesWaterfallHook<[LineQuote, PriceLineContext]>;
  /**
   * Articles created or changed by an import, batch by batch, inside the batch's transaction. The import writes
   * with batched SQL, so the catalogue's `articleSaving` / `articleSaved` hooks do not run for these articles.
   */
  catalogueImported: AsyncSeriesHook<[CatalogueImportedEvent]>;
}

/** Reach the pricing plugin's hooks with `getPricingHooks(kernel)`. */
export const getPricingHooks: (host: object) => Readonly<PricingHooks> = defineHooks<PricingHooks>(() => ({
  priceLine: new AsyncSeriesWaterfallHook<[LineQuote, PriceLineContext]>(['line', 'context']),
  catalogueImported: new AsyncSeriesHook<[CatalogueImportedEvent]>(['event']),
}));

/**
 * The line at another unit price, for `priceLine` taps: the other side of VAT and the total are recomputed
 * (half-up), and the change is recorded in `adjustments` with who made it and why.
 */
export function repriceLine(line: LineQuote, unitPrice: number, by: string, explanation: LocalizedText): LineQuote {
  const incl = line.includesVat ? unitPrice : convertPrice(unitPrice, line.vatRate, 'excl');
  const excl = line.includesVat ? convertPrice(unitPrice, line.vatRate, 'incl') : unitPrice;
  return {
    ...line,
    unitPrice, unitPriceIncl: incl, unitPriceExcl: excl,
    lineTotal: lineTotal({ unitPrice, quantity: line.quantity }),
    adjustments: [...line.adjustments, { by, explanation }],
  };
}
