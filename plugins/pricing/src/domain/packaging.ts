/**
 * Packed quantities (a case of 24 sold as one scan) and associated articles (the deposit that goes with a
 * bottle, the crate that goes with a case).
 */
import { assertCents, assertQuantity, lineTotal, roundHalfUp, toSafeCents } from '@comptoir/kernel';
import type { PriceQuote } from './engine.js';
import { PricingError } from './errors.js';

export interface PackInput {
  /** Units in the pack, in thousandths: a case of 24 = 24000. */
  readonly packQuantity: number;
  /** Price of the whole pack in cents, on the same side of VAT as `unitQuote`; null when the pack has no price of its own. */
  readonly packPrice: number | null;
  /** The engine's quote for one unit. */
  readonly unitQuote: PriceQuote;
}

/**
 * The line to sell for a pack. `lineTotal` is authoritative: with a pack price it is exactly that price, and
 * `unitPrice` (pack price / units, half-up) is only shown; 24 × 0.83 = 19.92 but the case costs 19.99.
 */
export interface PackLine {
  /** Thousandths, = packQuantity. */
  readonly quantity: number;
  readonly unitPrice: number | null;
  readonly includesVat: boolean;
  readonly lineTotal: number | null;
  /** 'pack' when the pack has its own price, 'unit' when it is the unit quote × units, 'none' without any price. */
  readonly priceSource: 'pack' | 'unit' | 'none';
}

/** The line for one pack: its own price when it has one, else the unit quote for every unit in it. */
export function resolvePack(input: PackInput): PackLine {
  const { packQuantity, packPrice, unitQuote } = input;
  if (!Number.isSafeInteger(packQuantity) || packQuantity <= 0) {
    throw new PricingError(
      'PACK_QUANTITY_INVALID',
      `A pack must hold a positive whole number of thousandths (a case of 24 = 24000), got ${String(packQuantity)}.`,
    );
  }
  const includesVat = unitQuote.includesVat;
  if (packPrice !== null) {
    assertCents(packPrice, 'pack price');
    const unitPrice = toSafeCents(roundHalfUp(BigInt(packPrice) * 1000n, BigInt(packQuantity)), 'unit price');
    return { quantity: packQuantity, unitPrice, includesVat, lineTotal: packPrice, priceSource: 'pack' };
  }
  if (unitQuote.unitPrice === null) {
    return { quantity: packQuantity, unitPrice: null, includesVat, lineTotal: null, priceSource: 'none' };
  }
  return {
    quantity: packQuantity,
    unitPrice: unitQuote.unitPrice,
    includesVat,
    lineTotal: lineTotal({ unitPrice: unitQuote.unitPrice, quantity: packQuantity }),
    priceSource: 'unit',
  };
}

/** "Selling one of `articleId` also sells `ratio` thousandths of `associatedArticleId`" (1000 = one per unit). */
export interface ArticleAssociation {
  readonly articleId: number;
  readonly associatedArticleId: number;
  readonly ratio: number;
}

/** A line added for an associated article. */
export interface AssociatedLine {
  readonly articleId: number;
  /** Thousandths; negative when the main line is a return. */
  readonly quantity: number;
}

/**
 * Lines to add when `quantity` (thousandths, negative for returns) of `articleId` is sold: one per article
 * directly associated with it, quantity = quantity × ratio / 1000 rounded half-up (away from zero).
 * Only one level: the associations of an associated article are not followed (a bottle's deposit has no deposit).
 * An article associated twice gets one line, from its first association; an article is never its own
 * association; lines that round to zero are left out.
 */
export function associatedLines(articleId: number, associations: readonly ArticleAssociation[], quantity: number): AssociatedLine[] {
  assertQuantity(quantity);
  const lines: AssociatedLine[] = [];
  const seen = new Set<number>();
  for (const association of associations) {
    if (association.articleId !== articleId) continue;
    const { associatedArticleId, ratio } = association;
    if (!Number.isSafeInteger(ratio) || ratio <= 0) {
      throw new PricingError(
        'ASSOCIATION_RATIO_INVALID',
        `The association of article ${associatedArticleId} with article ${articleId} must have a positive whole ratio in thousandths (1000 = one per unit), got ${String(ratio)}.`,
      );
    }
    if (associatedArticleId === articleId || seen.has(associatedArticleId)) continue;
    seen.add(associatedArticleId);
    const associatedQuantity = Number(roundHalfUp(BigInt(quantity) * BigInt(ratio), 1000n));
    if (associatedQuantity !== 0) lines.push({ articleId: associatedArticleId, quantity: associatedQuantity });
  }
  return lines;
}
