import { describe, it, expect } from 'vitest';
import { MoneyError } from '@comptoir/kernel';
import { associatedLines, resolvePack } from './packaging.js';
import { unitPriceFor } from './unit-price.js';
import { PricingError } from './errors.js';

// The sentences a manager reads when a pack, an association or a content is refused, and the amounts too large
// to show, word for word.

/** The error `fn` throws, as code and message. */
function refusal(fn: () => unknown): { type: string; code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof PricingError || error instanceof MoneyError) return { type: error.name, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('nothing was thrown');
}

const quote = (unitPrice: number | null) => ({ unitPrice, includesVat: true, unitPriceIncl: unitPrice, unitPriceExcl: unitPrice, rule: { kind: 'list' } }) as never;

describe('legal unit prices', () => {
  it('name the unit of the content that is refused', () => {
    expect(refusal(() => unitPriceFor({ price: 249, contentQuantity: -250, contentUnit: 'kg' }))).toEqual({
      type: 'PricingError', code: 'UNIT_PRICE_CONTENT_INVALID',
      message: 'The content must be a positive whole number of thousandths of a kg (33 cl = 330), got -250.',
    });
    expect(refusal(() => unitPriceFor({ price: 1.49, contentQuantity: 330, contentUnit: 'l' })).message).toBe('The price must be a whole number of cents, got 1.49.');
  });

  it('say when the price per unit is too large to handle', () => {
    expect(refusal(() => unitPriceFor({ price: Number.MAX_SAFE_INTEGER, contentQuantity: 1, contentUnit: 'kg' })).message)
      .toBe('The unit price (9007199254740991000 cents) is too large to be handled safely (limit ±9007199254740991 cents).');
  });
});

describe('packs', () => {
  it('name the quantity that is refused, and a pack price that is not whole cents', () => {
    expect(refusal(() => resolvePack({ packQuantity: -24000, packPrice: 1999, unitQuote: quote(110) }))).toEqual({
      type: 'PricingError', code: 'PACK_QUANTITY_INVALID', message: 'A pack must hold a positive whole number of thousandths (a case of 24 = 24000), got -24000.',
    });
    expect(refusal(() => resolvePack({ packQuantity: 24000, packPrice: 19.99, unitQuote: quote(110) })).message).toBe('The pack price must be a whole number of cents, got 19.99.');
    expect(refusal(() => resolvePack({ packQuantity: 1, packPrice: Number.MAX_SAFE_INTEGER, unitQuote: quote(110) })).message)
      .toBe('The unit price (9007199254740991000 cents) is too large to be handled safely (limit ±9007199254740991 cents).');
  });

  it('sell a pack of one at its own price', () => {
    expect(resolvePack({ packQuantity: 1000, packPrice: 250, unitQuote: quote(110) })).toEqual({ quantity: 1000, unitPrice: 250, includesVat: true, lineTotal: 250, priceSource: 'pack' });
  });
});

describe('associated articles', () => {
  it('name both articles and the ratio that is refused', () => {
    expect(refusal(() => associatedLines(7, [{ articleId: 7, associatedArticleId: 9, ratio: 0 }], 1000))).toEqual({
      type: 'PricingError', code: 'ASSOCIATION_RATIO_INVALID',
      message: 'The association of article 9 with article 7 must have a positive whole ratio in thousandths (1000 = one per unit), got 0.',
    });
  });

  it('check only the associations of the article sold', () => {
    expect(associatedLines(7, [{ articleId: 8, associatedArticleId: 9, ratio: -1 }, { articleId: 7, associatedArticleId: 9, ratio: 1000 }], 2000))
      .toEqual([{ articleId: 9, quantity: 2000 }]);
  });

  it('refuse a quantity that is not whole thousandths', () => {
    expect(refusal(() => associatedLines(7, [], 1.5)).code).toBe('QUANTITY_INVALID');
  });
});
