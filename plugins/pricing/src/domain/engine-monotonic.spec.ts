import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { priceFor, RETAIL_LIST, WHOLESALE_LIST, type ListPrice, type PriceBook, type PriceQuery } from './engine.js';

// Decision (plugins/pricing/README.md, "Decisions"): a promotion never makes a larger quantity dearer per unit.
const BEER = 1;
const book = (prices: ListPrice[], customerPrices: PriceBook['customerPrices'] = []): PriceBook => ({
  lists: [RETAIL_LIST, WHOLESALE_LIST], prices, customerPrices, customerLists: {}, defaultListCode: 'retail', basePrices: { [BEER]: 120 },
});
const query = (over: Partial<PriceQuery>): PriceQuery => ({ articleId: BEER, vatRate: 2100, customerId: null, quantity: 1000, date: '2026-06-15', ...over });

describe('a promotion and quantity breaks', () => {
  const prices: ListPrice[] = [
    { listCode: 'retail', articleId: BEER, minQuantity: 1000, unitPrice: 110 },
    { listCode: 'retail', articleId: BEER, minQuantity: 6000, unitPrice: 105 },
    { listCode: 'retail', articleId: BEER, minQuantity: 1000, unitPrice: 99, validFrom: '2026-06-01', validTo: '2026-06-30' },
  ];

  it('gives 6 bottles the promotion’s 0,99 rather than the 1,05 break: never dearer per unit than 5', () => {
    const five = priceFor(query({ quantity: 5000 }), book(prices));
    const six = priceFor(query({ quantity: 6000 }), book(prices));
    expect(five).toMatchObject({ unitPrice: 99, rule: { kind: 'list', minQuantity: 1000, validTo: '2026-06-30' } });
    expect(six).toMatchObject({ unitPrice: 99, rule: { kind: 'list', minQuantity: 1000, validTo: '2026-06-30' } });
  });

  it('gives the break again once the promotion is over, and a break cheaper than the promotion wins', () => {
    expect(priceFor(query({ quantity: 6000, date: '2026-07-01' }), book(prices))).toMatchObject({ unitPrice: 105, rule: { kind: 'break', minQuantity: 6000 } });
    const deeper = [...prices, { listCode: 'retail', articleId: BEER, minQuantity: 12000, unitPrice: 95 }];
    expect(priceFor(query({ quantity: 12000 }), book(deeper))).toMatchObject({ unitPrice: 95, rule: { kind: 'break', minQuantity: 12000 } });
  });

  it('names the higher threshold when two thresholds give the same price', () => {
    const same = [{ listCode: 'retail', articleId: BEER, minQuantity: 1000, unitPrice: 100 }, { listCode: 'retail', articleId: BEER, minQuantity: 6000, unitPrice: 100 }];
    expect(priceFor(query({ quantity: 6000 }), book(same))).toMatchObject({ unitPrice: 100, rule: { kind: 'break', minQuantity: 6000 } });
    expect(priceFor(query({ quantity: 6000 }), book([...same].reverse()))).toMatchObject({ unitPrice: 100, rule: { kind: 'break', minQuantity: 6000 } });
  });

  it('keeps a dearer promotion on its own threshold: the latest price of a threshold is its price', () => {
    const raised = [{ listCode: 'retail', articleId: BEER, minQuantity: 1000, unitPrice: 100 }, { listCode: 'retail', articleId: BEER, minQuantity: 1000, unitPrice: 108, validFrom: '2026-06-01' }];
    expect(priceFor(query({}), book(raised))).toMatchObject({ unitPrice: 108 });
  });

  it('applies the same rule to a customer’s own prices', () => {
    const customerPrices = [
      { customerId: 7, articleId: BEER, minQuantity: 1000, unitPrice: 90, includesVat: true, validFrom: '2026-06-01', validTo: '2026-06-30' },
      { customerId: 7, articleId: BEER, minQuantity: 24000, unitPrice: 95, includesVat: true },
    ];
    expect(priceFor(query({ customerId: 7, quantity: 24000 }), book([], customerPrices))).toMatchObject({ unitPrice: 90, rule: { kind: 'customer', minQuantity: 1000 } });
  });

  it('never prices a larger quantity dearer per unit, whatever the rows and the day', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-06-${String(d).padStart(2, '0')}`);
    const row = fc.record({
      listCode: fc.constant('retail'), articleId: fc.constant(BEER), minQuantity: fc.constantFrom(0, 1000, 2000, 6000, 12000, 24000),
      unitPrice: fc.integer({ min: 1, max: 500 }), validFrom: fc.option(day), validTo: fc.option(day),
    });
    fc.assert(fc.property(fc.array(row, { maxLength: 8 }), day, fc.integer({ min: 1, max: 30_000 }), fc.integer({ min: 0, max: 30_000 }), (rows, date, small, more) => {
      // Rows only: the catalogue's price is a fallback for an article without any row, not a threshold.
      const b = { ...book(rows), basePrices: {} };
      const a = priceFor(query({ quantity: small, date }), b).unitPriceIncl;
      const c = priceFor(query({ quantity: small + more, date }), b).unitPriceIncl;
      if (a !== null) expect(c).toBeLessThanOrEqual(a);
    }), { numRuns: 500 });
  });
});
