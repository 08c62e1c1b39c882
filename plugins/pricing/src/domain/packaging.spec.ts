import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { PriceQuote } from './engine.js';
import { PricingError } from './errors.js';
import { associatedLines, resolvePack, type ArticleAssociation } from './packaging.js';

const quote = (unitPrice: number | null, includesVat = true): PriceQuote => ({
  unitPrice,
  includesVat,
  unitPriceIncl: unitPrice,
  unitPriceExcl: unitPrice,
  rule: { kind: unitPrice === null ? 'none' : 'list', listCode: null, minQuantity: null, validTo: null, explanation: { fr: '', nl: '', en: '' } },
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof PricingError) return error.code;
    throw error;
  }
  return undefined;
}

describe('resolvePack', () => {
  it('sells a case of 24 at its own price: the case total is kept to the cent', () => {
    // 19.99 / 24 = 0.8329 → 0.83 shown per bottle, but the line is 19.99, not 24 × 0.83 = 19.92.
    expect(resolvePack({ packQuantity: 24000, packPrice: 1999, unitQuote: quote(110) })).toEqual({
      quantity: 24000,
      unitPrice: 83,
      includesVat: true,
      lineTotal: 1999,
      priceSource: 'pack',
    });
  });

  it('sells a case without its own price at the unit price for 24', () => {
    expect(resolvePack({ packQuantity: 24000, packPrice: null, unitQuote: quote(75, false) })).toEqual({
      quantity: 24000,
      unitPrice: 75,
      includesVat: false,
      lineTotal: 1800,
      priceSource: 'unit',
    });
  });

  it('divides a weighed pack by its weight', () => {
    // 1.5 kg for 29.99: 29 990 / 1.5 = 1999.33 → 19.99 per kg.
    expect(resolvePack({ packQuantity: 1500, packPrice: 2999, unitQuote: quote(2100) })).toMatchObject({ unitPrice: 1999, lineTotal: 2999 });
  });

  it('has no price when neither the pack nor the unit has one', () => {
    expect(resolvePack({ packQuantity: 6000, packPrice: null, unitQuote: quote(null) })).toEqual({
      quantity: 6000,
      unitPrice: null,
      includesVat: true,
      lineTotal: null,
      priceSource: 'none',
    });
  });

  it('refuses an empty or fractional pack', () => {
    for (const packQuantity of [0, -24000, 24000.5]) {
      expect(codeOf(() => resolvePack({ packQuantity, packPrice: 1999, unitQuote: quote(110) }))).toBe('PACK_QUANTITY_INVALID');
    }
    expect(() => resolvePack({ packQuantity: 0, packPrice: 1999, unitQuote: quote(110) })).toThrow(
      'A pack must hold a positive whole number of thousandths (a case of 24 = 24000), got 0.',
    );
  });

  it('shows a unit price within half a cent of the pack price per unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 0, max: 1_000_000 }), (packQuantity, packPrice) => {
        const line = resolvePack({ packQuantity, packPrice, unitQuote: quote(1) });
        expect(line.lineTotal).toBe(packPrice);
        expect(Math.abs(line.unitPrice! * packQuantity - packPrice * 1000)).toBeLessThanOrEqual(packQuantity / 2);
      }),
    );
  });
});

describe('associatedLines', () => {
  const BOTTLE = 1;
  const CASE = 2;
  const BOTTLE_DEPOSIT = 901;
  const CRATE_DEPOSIT = 902;
  const associations: ArticleAssociation[] = [
    { articleId: BOTTLE, associatedArticleId: BOTTLE_DEPOSIT, ratio: 1000 },
    { articleId: CASE, associatedArticleId: CRATE_DEPOSIT, ratio: 1000 },
    { articleId: CASE, associatedArticleId: BOTTLE_DEPOSIT, ratio: 24000 },
    { articleId: BOTTLE_DEPOSIT, associatedArticleId: 903, ratio: 1000 }, // must never be followed
  ];

  it('adds the deposit of each bottle sold', () => {
    expect(associatedLines(BOTTLE, associations, 6000)).toEqual([{ articleId: BOTTLE_DEPOSIT, quantity: 6000 }]);
  });

  it('adds the crate and the 24 bottle deposits of each case, one level only', () => {
    expect(associatedLines(CASE, associations, 2000)).toEqual([
      { articleId: CRATE_DEPOSIT, quantity: 2000 },
      { articleId: BOTTLE_DEPOSIT, quantity: 48000 },
    ]);
  });

  it('gives the deposits back when a case is returned', () => {
    expect(associatedLines(CASE, associations, -1000)).toEqual([
      { articleId: CRATE_DEPOSIT, quantity: -1000 },
      { articleId: BOTTLE_DEPOSIT, quantity: -24000 },
    ]);
  });

  it('never adds an article twice, nor the article itself', () => {
    const twice: ArticleAssociation[] = [
      { articleId: BOTTLE, associatedArticleId: BOTTLE_DEPOSIT, ratio: 1000 },
      { articleId: BOTTLE, associatedArticleId: BOTTLE, ratio: 1000 },
      { articleId: BOTTLE, associatedArticleId: BOTTLE_DEPOSIT, ratio: 2000 },
    ];
    expect(associatedLines(BOTTLE, twice, 6000)).toEqual([{ articleId: BOTTLE_DEPOSIT, quantity: 6000 }]);
  });

  it('rounds the associated quantity half-up to the thousandth, and leaves out nothing-lines', () => {
    const lid: ArticleAssociation[] = [{ articleId: 5, associatedArticleId: 6, ratio: 1 }];
    expect(associatedLines(5, lid, 500)).toEqual([{ articleId: 6, quantity: 1 }]); // 0.5 → 1
    expect(associatedLines(5, lid, -500)).toEqual([{ articleId: 6, quantity: -1 }]);
    expect(associatedLines(5, lid, 499)).toEqual([]); // 0.499 → 0
    expect(associatedLines(5, [{ articleId: 5, associatedArticleId: 6, ratio: 500 }], 3000)).toEqual([{ articleId: 6, quantity: 1500 }]);
    expect(associatedLines(BOTTLE, associations, 0)).toEqual([]);
    expect(associatedLines(42, associations, 1000)).toEqual([]);
  });

  it('refuses a ratio that is not a positive whole number of thousandths', () => {
    for (const ratio of [0, -1000, 0.5]) {
      expect(codeOf(() => associatedLines(1, [{ articleId: 1, associatedArticleId: 2, ratio }], 1000))).toBe('ASSOCIATION_RATIO_INVALID');
    }
  });

  it('only lists direct associations of the article, each once, never itself', () => {
    const associationArb = fc.record({
      articleId: fc.integer({ min: 1, max: 4 }),
      associatedArticleId: fc.integer({ min: 1, max: 6 }),
      ratio: fc.integer({ min: 1, max: 50_000 }),
    });
    fc.assert(
      fc.property(fc.array(associationArb, { maxLength: 20 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: -100_000, max: 100_000 }), (list, article, quantity) => {
        const lines = associatedLines(article, list, quantity);
        const ids = lines.map((l) => l.articleId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).not.toContain(article);
        for (const line of lines) {
          expect(list.some((a) => a.articleId === article && a.associatedArticleId === line.articleId)).toBe(true);
          expect(Math.sign(line.quantity)).toBe(Math.sign(quantity));
        }
      }),
    );
  });
});
