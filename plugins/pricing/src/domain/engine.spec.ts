import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { convertPrice, MoneyError } from '@comptoir/kernel';
import {
  priceFor,
  quoteLine,
  RETAIL_LIST,
  WHOLESALE_LIST,
  type CustomerPrice,
  type ListPrice,
  type PriceBook,
  type PriceList,
  type PriceQuery,
} from './engine.js';
import { PricingError } from './errors.js';

const HORECA: PriceList = { code: 'horeca', name: { fr: 'horeca', nl: 'horeca', en: 'catering' }, includesVat: false };

const BEER = 1; // Jupiler 25 cl, 21 %
const CHEESE = 2; // cheese sold by the kg, 6 %
const CANDLE = 3; // only a catalogue price
const MYSTERY = 4; // no price at all

const book: PriceBook = {
  lists: [RETAIL_LIST, WHOLESALE_LIST, HORECA],
  prices: [
    { listCode: 'retail', articleId: BEER, minQuantity: 1000, unitPrice: 110 },
    { listCode: 'retail', articleId: BEER, minQuantity: 1000, unitPrice: 115, validFrom: '2026-04-01' }, // price change
    { listCode: 'retail', articleId: BEER, minQuantity: 0, unitPrice: 100, validFrom: '2026-06-01', validTo: '2026-06-30' }, // promotion
    { listCode: 'wholesale', articleId: BEER, minQuantity: 1000, unitPrice: 80 },
    { listCode: 'wholesale', articleId: BEER, minQuantity: 24000, unitPrice: 75 },
    { listCode: 'wholesale', articleId: BEER, minQuantity: 120000, unitPrice: 70 },
    { listCode: 'horeca', articleId: BEER, minQuantity: 0, unitPrice: 78 },
    { listCode: 'retail', articleId: CHEESE, minQuantity: 1000, unitPrice: 1890 },
    { listCode: 'retail', articleId: CHEESE, minQuantity: 2500, unitPrice: 1750 },
  ],
  customerPrices: [
    { customerId: 10, articleId: BEER, minQuantity: 6000, unitPrice: 72, includesVat: false, validTo: '2026-12-31' },
    { customerId: 11, articleId: BEER, minQuantity: 1000, unitPrice: 120, includesVat: true },
  ],
  customerLists: { 10: 'wholesale', 12: 'horeca' },
  defaultListCode: 'retail',
  basePrices: { [BEER]: 105, [CHEESE]: 1990, [CANDLE]: 250, [MYSTERY]: null },
};

const query = (over: Partial<PriceQuery>): PriceQuery => ({
  articleId: BEER,
  vatRate: 2100,
  customerId: null,
  quantity: 1000,
  date: '2026-03-15',
  ...over,
});

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof PricingError || error instanceof MoneyError) return error.code;
    throw error;
  }
  return undefined;
}

describe('priceFor: a counter sale on the retail list', () => {
  it('charges the base price incl. VAT, and shows it excl. VAT too', () => {
    // 110 incl. 21 %: VAT = 110 × 2100 / 12100 = 19.09 → 19, so 91 excl.
    expect(priceFor(query({}), book)).toEqual({
      unitPrice: 110,
      includesVat: true,
      unitPriceIncl: 110,
      unitPriceExcl: 91,
      rule: {
        kind: 'list',
        listCode: 'retail',
        minQuantity: 1000,
        validTo: null,
        explanation: { fr: 'détail, prix de base', nl: 'detailhandel, basisprijs', en: 'retail, base price' },
      },
    });
  });

  it('follows a dated price change, a promotion inside it, and the end of the promotion', () => {
    const on = (date: string) => priceFor(query({ date }), book);
    expect(on('2026-03-31').unitPrice).toBe(110);
    expect(on('2026-04-01').unitPrice).toBe(115);
    expect(on('2026-06-01').unitPrice).toBe(100);
    expect(on('2026-06-30').unitPrice).toBe(100);
    expect(on('2026-07-01').unitPrice).toBe(115);
  });

  it('says until when a promotion runs', () => {
    const quote = priceFor(query({ date: '2026-06-15' }), book);
    // 100 incl.: VAT = 100 × 2100 / 12100 = 17.36 → 17, so 83 excl.
    expect([quote.unitPriceIncl, quote.unitPriceExcl]).toEqual([100, 83]);
    expect(quote.rule.validTo).toBe('2026-06-30');
    expect(quote.rule.explanation).toEqual({
      fr: "détail, prix de base, jusqu'au 30/06/2026",
      nl: 'detailhandel, basisprijs, tot en met 30/06/2026',
      en: 'retail, base price, until 30/06/2026',
    });
  });

  it('prices half a kilo at the price per kilo, and a fractional break as people write it', () => {
    expect(quoteLine(query({ articleId: CHEESE, vatRate: 600, quantity: 500 }), book).lineTotal).toBe(945);
    const quote = priceFor(query({ articleId: CHEESE, vatRate: 600, quantity: 3000 }), book);
    expect(quote.unitPrice).toBe(1750);
    expect(quote.rule.kind).toBe('break');
    expect(quote.rule.explanation).toEqual({
      fr: 'détail, palier à partir de 2,5',
      nl: 'detailhandel, staffel vanaf 2,5',
      en: 'retail, break from 2.5',
    });
  });
});

describe('priceFor: quantity breaks on the wholesale list', () => {
  const wholesale = (quantity: number) => priceFor(query({ priceListCode: 'wholesale', quantity }), book);

  it('applies the highest break reached, prices excl. VAT', () => {
    expect(wholesale(23000).unitPrice).toBe(80);
    expect(wholesale(24000).unitPrice).toBe(75);
    expect(wholesale(119000).unitPrice).toBe(75);
    expect(wholesale(120000).unitPrice).toBe(70);
  });

  it('explains the break, and gives the price incl. VAT', () => {
    // 75 excl. + 75 × 21 % = 15.75 → 16 VAT: 91 incl.
    expect(wholesale(24000)).toEqual({
      unitPrice: 75,
      includesVat: false,
      unitPriceIncl: 91,
      unitPriceExcl: 75,
      rule: {
        kind: 'break',
        listCode: 'wholesale',
        minQuantity: 24000,
        validTo: null,
        explanation: { fr: 'gros, palier à partir de 24', nl: 'groothandel, staffel vanaf 24', en: 'wholesale, break from 24' },
      },
    });
  });

  it('picks the break of a return by its size, and the line is negative', () => {
    const line = quoteLine(query({ priceListCode: 'wholesale', quantity: -24000 }), book);
    expect(line.quote.unitPrice).toBe(75);
    expect(line.lineTotal).toBe(-1800);
  });
});

describe('priceFor: customers', () => {
  it("uses the customer's list when the sale does not force one", () => {
    expect(priceFor(query({ customerId: 12 }), book).unitPrice).toBe(78);
    expect(priceFor(query({ customerId: 12 }), book).rule.listCode).toBe('horeca');
    expect(priceFor(query({ priceListCode: 'retail', customerId: 12 }), book).unitPrice).toBe(110);
  });

  it('a customer price from 6 applies from 6, until its last day', () => {
    // 72 excl. + 15.12 → 15 VAT: 87 incl.
    expect(priceFor(query({ customerId: 10, quantity: 6000 }), book)).toEqual({
      unitPrice: 72,
      includesVat: false,
      unitPriceIncl: 87,
      unitPriceExcl: 72,
      rule: {
        kind: 'customer',
        listCode: null,
        minQuantity: 6000,
        validTo: '2026-12-31',
        explanation: {
          fr: "prix client (à partir de 6), jusqu'au 31/12/2026",
          nl: 'klantprijs (vanaf 6), tot en met 31/12/2026',
          en: 'customer price (from 6), until 31/12/2026',
        },
      },
    });
    expect(priceFor(query({ customerId: 10, quantity: 5000 }), book).unitPrice).toBe(80);
    expect(priceFor(query({ customerId: 10, quantity: 24000, date: '2027-01-01' }), book).unitPrice).toBe(75);
  });

  it('an agreed customer price wins even over a cheaper promotion', () => {
    const quote = priceFor(query({ customerId: 11, date: '2026-06-15' }), book);
    expect([quote.unitPrice, quote.rule.kind]).toEqual([120, 'customer']);
    expect(quote.rule.explanation.fr).toBe('prix client');
  });

  it('a trade customer gets the retail price converted excl. VAT when the wholesale list has none', () => {
    // 1890 incl. 6 %: VAT = 1890 × 600 / 10600 = 106.98 → 107, so 1783 excl.; 1.5 kg × 17.83 = 26.745 → 26.75.
    const line = quoteLine(query({ customerId: 10, articleId: CHEESE, vatRate: 600, quantity: 1500 }), book);
    expect(line.quote).toMatchObject({ unitPrice: 1783, includesVat: false, unitPriceIncl: 1890, unitPriceExcl: 1783 });
    expect(line.quote.rule).toMatchObject({ kind: 'default-list', listCode: 'retail', minQuantity: 1000 });
    expect(line.quote.rule.explanation).toEqual({
      fr: 'détail (liste par défaut), prix de base',
      nl: 'detailhandel (standaardlijst), basisprijs',
      en: 'retail (default list), base price',
    });
    expect(line.lineTotal).toBe(2675);
  });
});

describe('priceFor: fallbacks', () => {
  it('falls back to the catalogue price incl. VAT', () => {
    // 250 incl. 21 %: VAT = 43.39 → 43, so 207 excl.
    expect(priceFor(query({ articleId: CANDLE }), book)).toMatchObject({ unitPrice: 250, unitPriceExcl: 207 });
    const trade = priceFor(query({ articleId: CANDLE, customerId: 10 }), book);
    expect(trade).toMatchObject({ unitPrice: 207, includesVat: false, unitPriceIncl: 250 });
    expect(trade.rule).toEqual({
      kind: 'catalogue',
      listCode: null,
      minQuantity: null,
      validTo: null,
      explanation: { fr: 'prix catalogue', nl: 'catalogusprijs', en: 'catalogue price' },
    });
  });

  it('says so when there is no price at all', () => {
    const line = quoteLine(query({ articleId: MYSTERY }), book);
    expect(line).toEqual({
      quote: {
        unitPrice: null,
        includesVat: true,
        unitPriceIncl: null,
        unitPriceExcl: null,
        rule: {
          kind: 'none',
          listCode: null,
          minQuantity: null,
          validTo: null,
          explanation: { fr: 'aucun prix', nl: 'geen prijs', en: 'no price' },
        },
      },
      lineTotal: null,
    });
    expect(priceFor(query({ articleId: 99 }), book).rule.kind).toBe('none');
  });

  it('of two prices starting the same day, applies the one that ends first, then the other', () => {
    const twoPromotions: PriceBook = {
      ...book,
      prices: [
        { listCode: 'retail', articleId: CANDLE, minQuantity: 1000, unitPrice: 240, validFrom: '2026-06-01', validTo: '2026-06-30' },
        { listCode: 'retail', articleId: CANDLE, minQuantity: 1000, unitPrice: 245, validFrom: '2026-06-01', validTo: '2026-06-07' },
      ],
    };
    expect(priceFor(query({ articleId: CANDLE, date: '2026-06-07' }), twoPromotions).unitPrice).toBe(245);
    expect(priceFor(query({ articleId: CANDLE, date: '2026-06-08' }), twoPromotions).unitPrice).toBe(240);
  });

  it('does not take a break of another quantity as a base price', () => {
    const onlyBreak: PriceBook = { ...book, prices: [{ listCode: 'retail', articleId: CANDLE, minQuantity: 12000, unitPrice: 200 }] };
    expect(priceFor(query({ articleId: CANDLE, quantity: 11000 }), onlyBreak).rule.kind).toBe('catalogue');
    expect(priceFor(query({ articleId: CANDLE, quantity: 12000 }), onlyBreak).unitPrice).toBe(200);
  });
});

describe('priceFor: bad input', () => {
  it('names a price list that does not exist', () => {
    expect(() => priceFor(query({ priceListCode: 'promo' }), book)).toThrow(
      "Price list 'promo' does not exist (asked for by the sale).",
    );
    expect(errorCode(() => priceFor(query({ customerId: 7 }), { ...book, customerLists: { 7: 'gone' } }))).toBe('PRICE_LIST_NOT_FOUND');
    expect(errorCode(() => priceFor(query({}), { ...book, defaultListCode: 'nope' }))).toBe('PRICE_LIST_NOT_FOUND');
  });

  it('refuses bad dates, rates and quantities', () => {
    expect(errorCode(() => priceFor(query({ date: '2026-3-15' }), book))).toBe('PRICE_DATE_INVALID');
    expect(errorCode(() => priceFor(query({ date: '15/03/2026' }), book))).toBe('PRICE_DATE_INVALID');
    const badRow: PriceBook = { ...book, prices: [{ listCode: 'retail', articleId: BEER, minQuantity: 0, unitPrice: 1, validTo: '31/12/2026' }] };
    expect(errorCode(() => priceFor(query({}), badRow))).toBe('PRICE_DATE_INVALID');
    expect(errorCode(() => priceFor(query({ vatRate: 21 / 100 }), book))).toBe('RATE_INVALID');
    expect(errorCode(() => priceFor(query({ quantity: 1.5 }), book))).toBe('QUANTITY_INVALID');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties on generated books: three lists, three articles, three customers, a handful of dates.

const DATES = ['2026-01-01', '2026-03-01', '2026-06-01', '2026-09-01', '2026-12-31'];
const LIST_CODES = ['retail', 'wholesale', 'horeca'];
const dateArb = fc.constantFrom(...DATES);
const optionalDateArb = fc.option(dateArb, { nil: null });
const minQuantityArb = fc.constantFrom(0, 1000, 6000, 12000, 24000);
const priceArb = fc.integer({ min: 0, max: 5000 });
const vatArb = fc.constantFrom(0, 550, 600, 1200, 2000, 2100);

const listPriceArb: fc.Arbitrary<ListPrice> = fc.record({
  listCode: fc.constantFrom(...LIST_CODES),
  articleId: fc.integer({ min: 1, max: 3 }),
  minQuantity: minQuantityArb,
  unitPrice: priceArb,
  validFrom: optionalDateArb,
  validTo: optionalDateArb,
});

const customerPriceArb = (includesVat: fc.Arbitrary<boolean>): fc.Arbitrary<CustomerPrice> =>
  fc.record({
    customerId: fc.integer({ min: 1, max: 3 }),
    articleId: fc.integer({ min: 1, max: 3 }),
    minQuantity: minQuantityArb,
    unitPrice: priceArb,
    includesVat,
    validFrom: optionalDateArb,
    validTo: optionalDateArb,
  });

const bookArb = (customerIncludesVat: fc.Arbitrary<boolean> = fc.boolean()): fc.Arbitrary<PriceBook> =>
  fc.record({
    lists: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()).map((flags) =>
      LIST_CODES.map((code, i) => ({ code, name: { fr: code, nl: code, en: code }, includesVat: flags[i] })),
    ),
    prices: fc.array(listPriceArb, { maxLength: 25 }),
    customerPrices: fc.array(customerPriceArb(customerIncludesVat), { maxLength: 10 }),
    customerLists: fc.dictionary(fc.constantFrom('1', '2', '3'), fc.constantFrom(...LIST_CODES)) as fc.Arbitrary<Record<number, string>>,
    defaultListCode: fc.constantFrom(...LIST_CODES),
    basePrices: fc.record({ 1: fc.option(priceArb, { nil: null }), 2: fc.option(priceArb, { nil: null }), 3: fc.option(priceArb, { nil: null }) }),
  });

const queryArb: fc.Arbitrary<PriceQuery> = fc.record(
  {
    articleId: fc.integer({ min: 1, max: 3 }),
    vatRate: vatArb,
    customerId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    quantity: fc.integer({ min: -50000, max: 50000 }),
    date: dateArb,
    priceListCode: fc.constantFrom(...LIST_CODES),
  },
  { requiredKeys: ['articleId', 'vatRate', 'customerId', 'quantity', 'date'] },
);

describe('priceFor: properties', () => {
  it('is deterministic: the same question on a copy of the book gets the same answer', () => {
    fc.assert(
      fc.property(queryArb, bookArb(), (q, b) => {
        expect(priceFor(structuredClone(q), structuredClone(b))).toEqual(priceFor(q, b));
      }),
    );
  });

  it('does not depend on the order of the rows in the book', () => {
    fc.assert(
      fc.property(queryArb, bookArb(), fc.gen(), (q, b, g) => {
        const shuffled: PriceBook = {
          ...b,
          lists: g(fc.shuffledSubarray, [...b.lists], { minLength: b.lists.length }),
          prices: g(fc.shuffledSubarray, [...b.prices], { minLength: b.prices.length }),
          customerPrices: g(fc.shuffledSubarray, [...b.customerPrices], { minLength: b.customerPrices.length }),
        };
        expect(priceFor(q, shuffled)).toEqual(priceFor(q, b));
      }),
      { numRuns: 300 },
    );
  });

  it('never charges more per unit for a larger quantity when the breaks of a list are degressive', () => {
    const degressiveArb = fc
      .tuple(
        fc.integer({ min: 1, max: 5000 }),
        fc.uniqueArray(fc.integer({ min: 1001, max: 200000 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 6, maxLength: 6 }),
      )
      .map(([base, thresholds, cuts]) => {
        const sorted = [...thresholds].sort((a, b) => a - b);
        let price = base;
        const rows: ListPrice[] = [{ listCode: 'wholesale', articleId: 1, minQuantity: 1000, unitPrice: base }];
        sorted.forEach((minQuantity, i) => {
          price = Math.max(0, price - cuts[i]);
          rows.push({ listCode: 'wholesale', articleId: 1, minQuantity, unitPrice: price });
        });
        return rows;
      });
    fc.assert(
      fc.property(
        degressiveArb,
        fc.integer({ min: -250000, max: 250000 }),
        fc.integer({ min: -250000, max: 250000 }),
        vatArb,
        (rows, a, b, vatRate) => {
          const [small, large] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a];
          const trade: PriceBook = { ...book, prices: rows, customerPrices: [] };
          const at = (quantity: number) => priceFor(query({ priceListCode: 'wholesale', quantity, vatRate }), trade).unitPrice!;
          expect(at(large)).toBeLessThanOrEqual(at(small));
        },
      ),
    );
  });

  it('a valid customer price always wins', () => {
    fc.assert(
      fc.property(queryArb, bookArb(), fc.integer({ min: 1, max: 3 }), customerPriceArb(fc.boolean()), (q, b, customerId, row) => {
        const quantity = Math.abs(q.quantity);
        // The row is made valid for the query: its day, its customer, its article and a threshold reached.
        const valid: CustomerPrice = {
          ...row,
          customerId,
          articleId: q.articleId,
          minQuantity: quantity <= 1000 ? Math.min(row.minQuantity, 1000) : Math.min(row.minQuantity, quantity),
          validFrom: row.validFrom !== null && row.validFrom! > q.date ? null : row.validFrom,
          validTo: row.validTo !== null && row.validTo! < q.date ? null : row.validTo,
        };
        const quote = priceFor({ ...q, customerId }, { ...b, customerPrices: [...b.customerPrices, valid] });
        expect(quote.rule.kind).toBe('customer');
        expect(quote.unitPrice).not.toBeNull();
      }),
    );
  });

  it('an expired or future promotion never applies', () => {
    const MARKER = 90000; // no generated price comes near: any quote ≥ 90000 came from the promotion
    fc.assert(
      fc.property(
        queryArb,
        bookArb(),
        fc.boolean(),
        fc.constantFrom(...LIST_CODES),
        fc.boolean(),
        (q, b, expired, listCode, forCustomer) => {
          const period = expired ? { validFrom: '2025-12-01', validTo: '2025-12-31' } : { validFrom: '2027-01-01', validTo: '2027-01-31' };
          const promo = { articleId: q.articleId, minQuantity: 0, unitPrice: MARKER, ...period };
          const withPromo: PriceBook = forCustomer
            ? { ...b, customerPrices: [...b.customerPrices, { ...promo, customerId: q.customerId ?? 1, includesVat: true }] }
            : { ...b, prices: [...b.prices, { ...promo, listCode }] };
          const quote = priceFor(q, withPromo);
          expect(quote).toEqual(priceFor(q, b));
          expect(quote.unitPriceExcl ?? 0).toBeLessThan(MARKER - 20000);
        },
      ),
    );
  });

  it('gives incl. and excl. prices that agree with the kernel conversion from the side the price was set on', () => {
    fc.assert(
      fc.property(queryArb, fc.boolean(), fc.gen(), (q, customerIncl, g) => {
        const b = g(bookArb, fc.constant(customerIncl));
        const quote = priceFor(q, b);
        if (quote.rule.kind === 'none') {
          expect([quote.unitPrice, quote.unitPriceIncl, quote.unitPriceExcl]).toEqual([null, null, null]);
          return;
        }
        const setIncl =
          quote.rule.kind === 'catalogue' ? true : quote.rule.kind === 'customer' ? customerIncl : b.lists.find((l) => l.code === quote.rule.listCode)!.includesVat;
        if (setIncl) expect(quote.unitPriceExcl).toBe(convertPrice(quote.unitPriceIncl!, q.vatRate, 'incl'));
        else expect(quote.unitPriceIncl).toBe(convertPrice(quote.unitPriceExcl!, q.vatRate, 'excl'));
        expect(quote.unitPrice).toBe(quote.includesVat ? quote.unitPriceIncl : quote.unitPriceExcl);
      }),
    );
  });
});
