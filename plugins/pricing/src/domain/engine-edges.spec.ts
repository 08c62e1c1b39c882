import { describe, it, expect } from 'vitest';
import { priceFor, RETAIL_LIST, WHOLESALE_LIST, type CustomerPrice, type PriceBook, type PriceQuery } from './engine.js';
import { isPricingError, PricingError } from './errors.js';

// The edges of the engine that the mutants of `pnpm mutation pricing` showed unpinned: whose customer price
// applies, how ties between customer rows are settled, and which dates are refused, with the message shown.

const ORVAL = 1; // 21 %
const CRATE = 2; // the crate Orval is delivered in, 21 %
const CAFE = 10;

const book = (customerPrices: CustomerPrice[], extra: Partial<PriceBook> = {}): PriceBook => ({
  lists: [RETAIL_LIST, WHOLESALE_LIST],
  prices: [
    { listCode: 'retail', articleId: ORVAL, minQuantity: 0, unitPrice: 250 },
    { listCode: 'retail', articleId: CRATE, minQuantity: 0, unitPrice: 900 },
  ],
  customerPrices,
  customerLists: {},
  defaultListCode: 'retail',
  basePrices: { [ORVAL]: 250, [CRATE]: 900 },
  ...extra,
});

const query = (over: Partial<PriceQuery> = {}): PriceQuery => ({
  articleId: ORVAL, vatRate: 2100, customerId: CAFE, quantity: 1000, date: '2026-06-15', ...over,
});

const customerRow = (over: Partial<CustomerPrice>): CustomerPrice => ({
  customerId: CAFE, articleId: ORVAL, minQuantity: 0, unitPrice: 200, includesVat: true, ...over,
});

/** The PricingError `fn` throws. */
function errorOf(fn: () => unknown): PricingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PricingError) return error;
    throw error;
  }
  throw new Error('expected a PricingError, nothing was thrown');
}

describe('a customer’s own prices in a book that holds several articles', () => {
  it('apply to their own article only', () => {
    // The café agreed a price for the crate, none for the beer: the beer stays at the list price.
    const several = book([customerRow({ articleId: CRATE, unitPrice: 700 })]);
    expect(priceFor(query({ articleId: ORVAL }), several)).toMatchObject({ unitPrice: 250, rule: { kind: 'list' } });
    expect(priceFor(query({ articleId: CRATE }), several)).toMatchObject({ unitPrice: 700, rule: { kind: 'customer' } });
  });

  it('apply to their own customer only', () => {
    const other = book([customerRow({ customerId: 11, unitPrice: 190 })]);
    expect(priceFor(query(), other).unitPrice).toBe(250);
    expect(priceFor(query({ customerId: 11 }), other).unitPrice).toBe(190);
  });
});

describe('ties between customer rows of the same threshold and first day', () => {
  it('the cheaper price wins when compared VAT included, whichever side each was agreed on, in any order', () => {
    // 200 incl. VAT against 170 excl. VAT = 206 incl. VAT: the 200 incl. is cheaper, though 170 < 200.
    const incl = customerRow({ unitPrice: 200, includesVat: true });
    const excl = customerRow({ unitPrice: 170, includesVat: false });
    for (const rows of [[incl, excl], [excl, incl]]) {
      expect(priceFor(query(), book(rows))).toMatchObject({ unitPrice: 200, unitPriceIncl: 200, unitPriceExcl: 165 });
    }
  });

  it('the period that ends first wins, and says until when', () => {
    const june = customerRow({ unitPrice: 210, validFrom: '2026-06-01', validTo: '2026-06-30' });
    const summer = customerRow({ unitPrice: 195, validFrom: '2026-06-01', validTo: '2026-08-31' });
    for (const rows of [[june, summer], [summer, june]]) {
      const quote = priceFor(query(), book(rows));
      expect([quote.unitPrice, quote.rule.validTo, quote.rule.explanation.fr]).toEqual([210, '2026-06-30', "prix client, jusqu'au 30/06/2026"]);
      expect(priceFor(query({ date: '2026-07-01' }), book(rows)).unitPrice).toBe(195);
    }
  });

  it('a period that ends beats one that never ends', () => {
    const forever = customerRow({ unitPrice: 180, validFrom: '2026-06-01' });
    const june = customerRow({ unitPrice: 210, validFrom: '2026-06-01', validTo: '2026-06-30' });
    for (const rows of [[forever, june], [june, forever]]) expect(priceFor(query(), book(rows)).unitPrice).toBe(210);
  });

  it('the later first day wins over an earlier one, and over none', () => {
    const always = customerRow({ unitPrice: 180 });
    const may = customerRow({ unitPrice: 230, validFrom: '2026-05-01' });
    const june = customerRow({ unitPrice: 220, validFrom: '2026-06-01' });
    for (const rows of [[always, may, june], [june, may, always]]) expect(priceFor(query(), book(rows)).unitPrice).toBe(220);
  });

  it('a base row at 0 and one at 1 piece are the same tier: the lower threshold shows', () => {
    const zero = customerRow({ unitPrice: 200, minQuantity: 0 });
    const one = customerRow({ unitPrice: 200, minQuantity: 1000 });
    for (const rows of [[zero, one], [one, zero]]) expect(priceFor(query(), book(rows)).rule.minQuantity).toBe(0);
  });
});

describe('dates', () => {
  const message = (what: string, got: string) => `The ${what} must be a 'YYYY-MM-DD' date, got ${JSON.stringify(got)}.`;

  it.each(['x2026-06-15', '2026-06-15x', '2026-06-15 ', '2026-13-01', '2026-00-10', '2026-06-32', '2026-06-00', '26-06-15', ''])(
    'refuses %j as the day of the sale', (date) => {
      const error = errorOf(() => priceFor(query({ date }), book([])));
      expect([error.code, error.message]).toEqual(['PRICE_DATE_INVALID', message('date of the sale', date)]);
    });

  it.each(['2026-01-01', '2026-12-31', '2026-10-31', '2026-02-29'])('accepts %j as a day', (date) => {
    expect(priceFor(query({ date }), book([])).unitPrice).toBe(250);
  });

  it('refuses a price row whose first or last day is not a date, naming which', () => {
    const badFrom = book([customerRow({ validFrom: 'x2026-06-01' })]);
    expect(errorOf(() => priceFor(query(), badFrom)).message).toBe(message('first day of a price', 'x2026-06-01'));
    const badTo = book([], { prices: [{ listCode: 'retail', articleId: ORVAL, minQuantity: 0, unitPrice: 250, validTo: '2026-06-31x' }] });
    expect(errorOf(() => priceFor(query({ customerId: null }), badTo)).message).toBe(message('last day of a price', '2026-06-31x'));
  });

  it('refuses a date that is not text', () => {
    expect(errorOf(() => priceFor(query({ date: 20260615 as unknown as string }), book([]))).message).toBe(message('date of the sale', 20260615 as unknown as string));
  });

  it('a row applies from its first day to its last day, both included', () => {
    const june = book([customerRow({ unitPrice: 199, validFrom: '2026-06-01', validTo: '2026-06-30' })]);
    expect(['2026-05-31', '2026-06-01', '2026-06-30', '2026-07-01'].map((date) => priceFor(query({ date }), june).unitPrice)).toEqual([250, 199, 199, 250]);
  });
});

describe('isPricingError', () => {
  it('recognises a pricing error and its code', () => {
    const error = errorOf(() => priceFor(query({ priceListCode: 'promo' }), book([])));
    expect(error.message).toBe("Price list 'promo' does not exist (asked for by the sale).");
    expect(isPricingError(error)).toBe(true);
    expect(isPricingError(error, 'PRICE_LIST_NOT_FOUND')).toBe(true);
    expect(isPricingError(error, 'PRICE_DATE_INVALID')).toBe(false);
  });

  it('refuses anything else, even an error carrying a pricing code', () => {
    expect(isPricingError(Object.assign(new Error('x'), { code: 'PRICE_LIST_NOT_FOUND' }), 'PRICE_LIST_NOT_FOUND')).toBe(false);
    expect(isPricingError(null)).toBe(false);
    expect(new PricingError('PRICE_DATE_INVALID', 'm').name).toBe('PricingError');
  });
});

describe('the list in force', () => {
  it('names the customer whose list is missing, and the default list when it is missing', () => {
    expect(errorOf(() => priceFor(query(), book([], { customerLists: { [CAFE]: 'horeca' } }))).message)
      .toBe("Price list 'horeca' does not exist (list of customer 10).");
    expect(errorOf(() => priceFor(query({ customerId: null }), book([], { defaultListCode: 'gone' }))).message)
      .toBe("Price list 'gone' does not exist (the default list).");
  });
});

describe('explanations, in the three languages', () => {
  it('a break with an end, from a list', () => {
    const promo = book([], { prices: [
      { listCode: 'retail', articleId: ORVAL, minQuantity: 0, unitPrice: 250 },
      { listCode: 'retail', articleId: ORVAL, minQuantity: 1500, unitPrice: 230, validTo: '2026-12-31' },
    ] });
    expect(priceFor(query({ customerId: null, quantity: 1500 }), promo).rule).toEqual({
      kind: 'break', listCode: 'retail', minQuantity: 1500, validTo: '2026-12-31',
      explanation: {
        fr: "détail, palier à partir de 1,5, jusqu'au 31/12/2026",
        nl: 'detailhandel, staffel vanaf 1,5, tot en met 31/12/2026',
        en: 'retail, break from 1.5, until 31/12/2026',
      },
    });
  });

  it('a threshold of one piece is the base price, anything above it a break', () => {
    const rows = (minQuantity: number) => book([], { prices: [{ listCode: 'retail', articleId: ORVAL, minQuantity, unitPrice: 240 }] });
    expect(priceFor(query({ customerId: null, quantity: 500 }), rows(1000)).rule).toMatchObject({ kind: 'list', explanation: { en: 'retail, base price' } });
    expect(priceFor(query({ customerId: null, quantity: 1000 }), rows(1001)).rule.kind).toBe('catalogue');
    expect(priceFor(query({ customerId: null, quantity: 1001 }), rows(1001)).rule).toMatchObject({ kind: 'break', explanation: { fr: 'détail, palier à partir de 1,001' } });
  });

  it('a customer price with an end but no break', () => {
    const until = book([customerRow({ validTo: '2026-07-14' })]);
    expect(priceFor(query(), until).rule.explanation).toEqual({
      fr: "prix client, jusqu'au 14/07/2026", nl: 'klantprijs, tot en met 14/07/2026', en: 'customer price, until 14/07/2026',
    });
  });
});
