import { describe, it, expect } from 'vitest';
import { priceFor, RETAIL_LIST, WHOLESALE_LIST, type PriceBook, type PriceQuery } from './engine.js';
import { explainPrice } from './explanation.js';
import { PricingError } from './errors.js';

// What the surviving mutants of `pnpm mutation pricing` showed unpinned in the engine: a date given as a list
// (a repeated query parameter), the default list missing behind a customer's list, a catalogue price recorded
// as absent, the message of a price that is not whole cents, and an explanation without a list name.

const ORVAL = 1; // 21 %
const CAFE = 10;

const book = (extra: Partial<PriceBook> = {}): PriceBook => ({
  lists: [RETAIL_LIST, WHOLESALE_LIST],
  prices: [{ listCode: 'retail', articleId: ORVAL, minQuantity: 0, unitPrice: 250 }],
  customerPrices: [],
  customerLists: {},
  defaultListCode: 'retail',
  basePrices: { [ORVAL]: 250 },
  ...extra,
});

const query = (over: Partial<PriceQuery> = {}): PriceQuery => ({
  articleId: ORVAL, vatRate: 2100, customerId: null, quantity: 1000, date: '2026-06-15', ...over,
});

/** The error `fn` throws. */
function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected an error, nothing was thrown');
}

describe('the day of the sale', () => {
  it('is refused when it comes as a list, as a repeated query parameter would give it', () => {
    const error = errorOf(() => priceFor(query({ date: ['2026-06-15'] as unknown as string }), book()));
    expect(error).toBeInstanceOf(PricingError);
    expect(error.message).toBe('The date of the sale must be a \'YYYY-MM-DD\' date, got ["2026-06-15"].');
  });
});

describe('the default list behind a customer’s own list', () => {
  it('is named when it is missing and the customer’s list has no price for the article', () => {
    const error = errorOf(() => priceFor(query({ customerId: CAFE }), book({ customerLists: { [CAFE]: 'wholesale' }, defaultListCode: 'gone' })));
    expect(error.message).toBe("Price list 'gone' does not exist (the default list).");
  });
});

describe('the catalogue price, the last fallback', () => {
  it('is no price when the catalogue records it as absent', () => {
    const quote = priceFor(query(), book({ prices: [], basePrices: { [ORVAL]: undefined as unknown as null } }));
    expect(quote).toMatchObject({ unitPrice: null, unitPriceIncl: null, unitPriceExcl: null, rule: { kind: 'none', explanation: { en: 'no price' } } });
  });

  it('names the unit price when a row holds a fraction of a cent', () => {
    const error = errorOf(() => priceFor(query(), book({ prices: [{ listCode: 'retail', articleId: ORVAL, minQuantity: 0, unitPrice: 2.5 }] })));
    expect(error.message).toBe('The unit price must be a whole number of cents, got 2.5.');
  });
});

describe('an explanation asked without a list name', () => {
  it('starts with the tier', () => {
    expect(explainPrice({ kind: 'break', minQuantity: 6000 })).toEqual({ fr: ', palier à partir de 6', nl: ', staffel vanaf 6', en: ', break from 6' });
    expect(explainPrice({ kind: 'default-list', minQuantity: null })).toEqual({
      fr: ' (liste par défaut), prix de base', nl: ' (standaardlijst), basisprijs', en: ' (default list), base price',
    });
  });
});
