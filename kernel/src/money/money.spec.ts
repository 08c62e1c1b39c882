import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MoneyError } from './errors.js';
import {
  cashRound,
  convertPrice,
  documentTotals,
  lineTotal,
  roundHalfUp,
  vatBreakdown,
  type DocumentLine,
  type VatBreakdown,
  type VatLine,
} from './money.js';

/** Runs `fn` and returns the MoneyError code it throws (undefined when it does not throw). */
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return undefined;
}

/** Negation that never produces -0 (so toBe/toEqual comparisons stay meaningful). */
const neg = (x: number): number => (x === 0 ? 0 : -x);
const absBig = (x: bigint): bigint => (x < 0n ? -x : x);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Every VAT rate of Belgium and France, written out independently of country.ts. */
const SHOP_RATES = [2100, 2000, 1200, 1000, 600, 550, 210, 0];

/** Checks that q is n/d rounded to the nearest integer, ties away from zero — without dividing. */
function expectRoundedQuotient(q: bigint, n: bigint, d: bigint): void {
  const twiceRemainder = 2n * absBig(n - q * d);
  expect(twiceRemainder <= absBig(d)).toBe(true);
  if (twiceRemainder === absBig(d)) expect(absBig(q * d) > absBig(n)).toBe(true);
}

/** Checks the reconciliation invariants of a breakdown built from `lines`. */
function expectReconciled(breakdown: VatBreakdown, lines: readonly VatLine[], pricesIncludeVat: boolean): void {
  const amounts = lines.map((l) => l.amount);
  for (const r of breakdown.rates) {
    expect(r.base + r.vat).toBe(r.total);
    const groupSum = sum(lines.filter((l) => l.vatRate === r.rate).map((l) => l.amount));
    if (pricesIncludeVat) {
      expect(r.total).toBe(groupSum);
      expectRoundedQuotient(BigInt(r.vat), BigInt(r.total) * BigInt(r.rate), 10000n + BigInt(r.rate));
    } else {
      expect(r.base).toBe(groupSum);
      expectRoundedQuotient(BigInt(r.vat), BigInt(r.base) * BigInt(r.rate), 10000n);
    }
  }
  expect(breakdown.base + breakdown.vat).toBe(breakdown.total);
  expect(breakdown.base).toBe(sum(breakdown.rates.map((r) => r.base)));
  expect(breakdown.vat).toBe(sum(breakdown.rates.map((r) => r.vat)));
  expect(breakdown.total).toBe(sum(breakdown.rates.map((r) => r.total)));
  if (pricesIncludeVat) expect(breakdown.total).toBe(sum(amounts));
  else expect(breakdown.base).toBe(sum(amounts));
  const expectedRates = [...new Set(lines.map((l) => l.vatRate))].sort((a, b) => b - a);
  expect(breakdown.rates.map((r) => r.rate)).toEqual(expectedRates);
}

const negateBreakdown = (b: VatBreakdown): VatBreakdown => ({
  rates: b.rates.map((r) => ({ rate: r.rate, base: neg(r.base), vat: neg(r.vat), total: neg(r.total) })),
  base: neg(b.base),
  vat: neg(b.vat),
  total: neg(b.total),
});

const rateArb = fc.constantFrom(...SHOP_RATES);
const amountArb = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
);
const vatLineArb = fc.record({ amount: amountArb, vatRate: rateArb });

/** Arbitrary document line: prices incl. negatives, fractional quantities, optional valid discount. */
const documentLineArb: fc.Arbitrary<DocumentLine> = fc
  .record({
    unitPrice: fc.oneof(fc.integer({ min: -50_000, max: 50_000 }), fc.integer({ min: -2_000_000_000, max: 2_000_000_000 })),
    quantity: fc.oneof(fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: -1_000_000, max: 1_000_000 })),
    vatRate: rateArb,
    discount: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({ kind: fc.constant('rate' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
      fc.record({ kind: fc.constant('amount' as const), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
    ),
  })
  .map(({ unitPrice, quantity, vatRate, discount }): DocumentLine => {
    if (discount.kind === 'rate') return { unitPrice, quantity, vatRate, discountRate: discount.value };
    if (discount.kind === 'amount') {
      // A discount amount never larger than the line: a fraction of floor(|price × qty| / 1000).
      const floorGross = Number(absBig(BigInt(unitPrice) * BigInt(quantity)) / 1000n);
      return { unitPrice, quantity, vatRate, discountAmount: Math.floor(floorGross * discount.value) };
    }
    return { unitPrice, quantity, vatRate };
  });

describe('roundHalfUp', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [7n, 2n, 4n],
    [10n, 4n, 3n],
    [-10n, 4n, -3n],
    [9n, 4n, 2n],
    [-9n, 4n, -2n],
    [11n, 4n, 3n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [-1n, 3n, 0n],
    [-2n, 3n, -1n],
    [0n, 7n, 0n],
    [2n ** 70n + 1n, 2n, 2n ** 69n + 1n],
  ])('rounds %s / %s to %s', (n, d, expected) => {
    expect(roundHalfUp(n, d)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(codeOf(() => roundHalfUp(1n, 0n))).toBe('DIVISION_BY_ZERO');
  });

  it('matches Math.round on small non-negative quotients', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        expect(roundHalfUp(BigInt(n), BigInt(d))).toBe(BigInt(Math.round(n / d)));
      }),
    );
  });

  it('returns the nearest integer, ties away from zero, for huge values', () => {
    const big = fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n });
    fc.assert(
      fc.property(big, big.filter((d) => d !== 0n), (n, d) => {
        expectRoundedQuotient(roundHalfUp(n, d), n, d);
      }),
    );
  });

  it('rounds negatives as the mirror of positives', () => {
    const big = fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n });
    fc.assert(
      fc.property(big, big.filter((d) => d !== 0n), (n, d) => {
        expect(roundHalfUp(-n, d)).toBe(-roundHalfUp(n, d));
        expect(roundHalfUp(n, -d)).toBe(-roundHalfUp(n, d));
      }),
    );
  });
});

describe('lineTotal', () => {
  it.each([
    ['3 × 1.49 €', { unitPrice: 149, quantity: 3000 }, 447],
    ['1.250 kg at 12.99 €/kg', { unitPrice: 1299, quantity: 1250 }, 1624],
    ['0.333 kg at 9.99 €/kg', { unitPrice: 999, quantity: 333 }, 333],
    ['0.250 kg at 0.99 €/kg', { unitPrice: 99, quantity: 250 }, 25],
    ['0.150 kg at 0.03 €/kg', { unitPrice: 3, quantity: 150 }, 0],
    ['exact half cent rounds up', { unitPrice: 1, quantity: 500 }, 1],
    ['negative price, half cent', { unitPrice: -1, quantity: 500 }, -1],
    ['negative quantity, half cent', { unitPrice: 1, quantity: -500 }, -1],
    ['returned 1.250 kg at 12.99 €/kg', { unitPrice: 1299, quantity: -1250 }, -1624],
    ['10 % off 3 × 1.49 €', { unitPrice: 149, quantity: 3000, discountRate: 1000 }, 402],
    ['15 % off 12.30 € (discount 1.845 → 1.85)', { unitPrice: 1230, quantity: 1000, discountRate: 1500 }, 1045],
    ['refund of 15 % off 12.30 €', { unitPrice: 1230, quantity: -1000, discountRate: 1500 }, -1045],
    ['refund by negative price of 15 % off 12.30 €', { unitPrice: -1230, quantity: 1000, discountRate: 1500 }, -1045],
    ['0 % discount', { unitPrice: 149, quantity: 3000, discountRate: 0 }, 447],
    ['100 % discount', { unitPrice: 149, quantity: 3000, discountRate: 10000 }, 0],
    ['0.50 € off 3 × 1.49 €', { unitPrice: 149, quantity: 3000, discountAmount: 50 }, 397],
    ['refund of 0.50 € off 3 × 1.49 €', { unitPrice: 149, quantity: -3000, discountAmount: 50 }, -397],
    ['discount equal to the line', { unitPrice: 149, quantity: 3000, discountAmount: 447 }, 0],
    ['product above 2^53, safe result', { unitPrice: 123_456_789_012, quantity: 987_654 }, 121_932_591_494_858],
    ['max safe price × 0.5', { unitPrice: Number.MAX_SAFE_INTEGER, quantity: 500 }, 4_503_599_627_370_496],
    ['max safe price × -0.003', { unitPrice: Number.MAX_SAFE_INTEGER, quantity: -3 }, -27_021_597_764_223],
  ])('%s', (_label, line, expected) => {
    expect(lineTotal(line)).toBe(expected);
  });

  it('throws MONEY_UNSAFE when the line total is not a safe integer', () => {
    expect(codeOf(() => lineTotal({ unitPrice: Number.MAX_SAFE_INTEGER, quantity: 2000 }))).toBe('MONEY_UNSAFE');
  });

  it.each([
    ['fractional price', { unitPrice: 1.5, quantity: 1000 }, 'MONEY_NOT_INTEGER'],
    ['NaN price', { unitPrice: NaN, quantity: 1000 }, 'MONEY_NOT_INTEGER'],
    ['infinite price', { unitPrice: Infinity, quantity: 1000 }, 'MONEY_NOT_INTEGER'],
    ['price as text', { unitPrice: '149' as unknown as number, quantity: 1000 }, 'MONEY_NOT_INTEGER'],
    ['unsafe price', { unitPrice: 2 ** 53, quantity: 1000 }, 'MONEY_UNSAFE'],
    ['fractional quantity', { unitPrice: 149, quantity: 1.5 }, 'QUANTITY_INVALID'],
    ['discount rate above 100 %', { unitPrice: 149, quantity: 1000, discountRate: 10001 }, 'DISCOUNT_INVALID'],
    ['negative discount rate', { unitPrice: 149, quantity: 1000, discountRate: -1 }, 'DISCOUNT_INVALID'],
    ['fractional discount rate', { unitPrice: 149, quantity: 1000, discountRate: 12.5 }, 'DISCOUNT_INVALID'],
    ['negative discount amount', { unitPrice: 149, quantity: 1000, discountAmount: -1 }, 'DISCOUNT_INVALID'],
    ['fractional discount amount', { unitPrice: 149, quantity: 1000, discountAmount: 0.5 }, 'DISCOUNT_INVALID'],
    ['both discounts', { unitPrice: 149, quantity: 1000, discountRate: 1000, discountAmount: 10 }, 'DISCOUNT_INVALID'],
    ['discount larger than the line', { unitPrice: 149, quantity: 3000, discountAmount: 448 }, 'DISCOUNT_INVALID'],
    ['discount larger than a refund line', { unitPrice: 149, quantity: -3000, discountAmount: 448 }, 'DISCOUNT_INVALID'],
  ])('rejects %s', (_label, line, code) => {
    expect(codeOf(() => lineTotal(line))).toBe(code);
  });

  it('gives a readable error message', () => {
    expect(() => lineTotal({ unitPrice: 1.5, quantity: 1000 })).toThrow(/whole number of cents, got 1\.5/);
  });

  it('matches a float oracle where floats are exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), (p, q) => {
        const product = p * q; // |product| ≤ 10^12: exact in a double
        const expected = Math.sign(product) * Math.round(Math.abs(product) / 1000);
        expect(lineTotal({ unitPrice: p, quantity: q })).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });

  it('is within half a cent of the exact product, ties away from zero, for any safe inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: -(2 ** 22), max: 2 ** 22 }), (p, q) => {
        expectRoundedQuotient(BigInt(lineTotal({ unitPrice: p, quantity: q })), BigInt(p) * BigInt(q), 1000n);
      }),
    );
  });

  it('mirrors exactly for refunds (negative price or quantity), with any discount', () => {
    fc.assert(
      fc.property(documentLineArb, (line) => {
        const total = lineTotal(line);
        expect(lineTotal({ ...line, unitPrice: neg(line.unitPrice) })).toBe(neg(total));
        expect(lineTotal({ ...line, quantity: neg(line.quantity) })).toBe(neg(total));
      }),
    );
  });

  it('applies discounts to the magnitude of the line', () => {
    fc.assert(
      fc.property(documentLineArb, (line) => {
        const gross = lineTotal({ unitPrice: line.unitPrice, quantity: line.quantity });
        const net = lineTotal(line);
        expect(Math.abs(net) <= Math.abs(gross)).toBe(true);
        expect(net === 0 || Math.sign(net) === Math.sign(gross)).toBe(true);
        if (line.discountAmount !== undefined) expect(Math.abs(gross) - Math.abs(net)).toBe(line.discountAmount);
        if (line.discountRate !== undefined) {
          expectRoundedQuotient(BigInt(gross - net), BigInt(gross) * BigInt(line.discountRate), 10000n);
        }
      }),
    );
  });
});

describe('vatBreakdown', () => {
  it('3 × 1.49 € at 21 % incl. VAT → base 3.69, VAT 0.78, total 4.47', () => {
    const lines = [149, 149, 149].map((amount) => ({ amount, vatRate: 2100 }));
    expect(vatBreakdown(lines, true)).toEqual({
      rates: [{ rate: 2100, base: 369, vat: 78, total: 447 }],
      base: 369,
      vat: 78,
      total: 447,
    });
  });

  it('computes VAT on the document total, not per line (10 × 0.99 € at 21 %: 1.72, not 10 × 0.17)', () => {
    const lines = Array.from({ length: 10 }, () => ({ amount: 99, vatRate: 2100 }));
    expect(vatBreakdown(lines, true)).toEqual({
      rates: [{ rate: 2100, base: 818, vat: 172, total: 990 }],
      base: 818,
      vat: 172,
      total: 990,
    });
  });

  it('Belgian counter receipt with several rates, incl. VAT, sorted by descending rate', () => {
    // bread 2.90 (6 %), restaurant 18.50 (12 %), newspaper 2.50 (0 %), 2 beers 3.60 (21 %), 3 buns 3.45 (6 %)
    const lines = [
      { amount: 290, vatRate: 600 },
      { amount: 1850, vatRate: 1200 },
      { amount: 250, vatRate: 0 },
      { amount: 360, vatRate: 2100 },
      { amount: 345, vatRate: 600 },
    ];
    expect(vatBreakdown(lines, true)).toEqual({
      rates: [
        { rate: 2100, base: 298, vat: 62, total: 360 }, // 360 × 21/121 = 62.48
        { rate: 1200, base: 1652, vat: 198, total: 1850 }, // 1850 × 12/112 = 198.21
        { rate: 600, base: 599, vat: 36, total: 635 }, // 635 × 6/106 = 35.94
        { rate: 0, base: 250, vat: 0, total: 250 },
      ],
      base: 2799,
      vat: 296,
      total: 3095,
    });
  });

  it('French invoice excl. VAT with 20 %, 10 %, 5.5 % and 2.1 %', () => {
    const lines = [
      { amount: 1999, vatRate: 550 },
      { amount: 4550, vatRate: 2000 },
      { amount: 1000, vatRate: 1000 },
      { amount: 300, vatRate: 210 },
    ];
    expect(vatBreakdown(lines, false)).toEqual({
      rates: [
        { rate: 2000, base: 4550, vat: 910, total: 5460 },
        { rate: 1000, base: 1000, vat: 100, total: 1100 },
        { rate: 550, base: 1999, vat: 110, total: 2109 }, // 109.945 → 110
        { rate: 210, base: 300, vat: 6, total: 306 }, // 6.3 → 6
      ],
      base: 7849,
      vat: 1126,
      total: 8975,
    });
  });

  it('rounds an exact half cent of VAT away from zero (0.42 € at 12 % incl.: VAT 4.5 cents → 5)', () => {
    expect(vatBreakdown([{ amount: 42, vatRate: 1200 }], true).rates).toEqual([{ rate: 1200, base: 37, vat: 5, total: 42 }]);
    expect(vatBreakdown([{ amount: -42, vatRate: 1200 }], true).rates).toEqual([{ rate: 1200, base: -37, vat: -5, total: -42 }]);
  });

  it('credit note: 3 × -1.49 € at 21 % mirrors the sale', () => {
    const lines = [-149, -149, -149].map((amount) => ({ amount, vatRate: 2100 }));
    expect(vatBreakdown(lines, true)).toEqual({
      rates: [{ rate: 2100, base: -369, vat: -78, total: -447 }],
      base: -369,
      vat: -78,
      total: -447,
    });
  });

  it('keeps a rate whose lines cancel out', () => {
    const lines = [
      { amount: 447, vatRate: 2100 },
      { amount: -447, vatRate: 2100 },
      { amount: 100, vatRate: 600 },
    ];
    expect(vatBreakdown(lines, true)).toEqual({
      rates: [
        { rate: 2100, base: 0, vat: 0, total: 0 },
        { rate: 600, base: 94, vat: 6, total: 100 }, // 100 × 6/106 = 5.66
      ],
      base: 94,
      vat: 6,
      total: 100,
    });
  });

  it('empty document', () => {
    expect(vatBreakdown([], true)).toEqual({ rates: [], base: 0, vat: 0, total: 0 });
    expect(vatBreakdown([], false)).toEqual({ rates: [], base: 0, vat: 0, total: 0 });
  });

  it.each([
    [{ amount: 100, vatRate: 10001 }, 'RATE_INVALID'],
    [{ amount: 100, vatRate: -1 }, 'RATE_INVALID'],
    [{ amount: 100, vatRate: 5.5 }, 'RATE_INVALID'],
    [{ amount: 1.5, vatRate: 2100 }, 'MONEY_NOT_INTEGER'],
  ])('rejects %o with %s', (line, code) => {
    expect(codeOf(() => vatBreakdown([line], true))).toBe(code);
  });

  it('throws MONEY_UNSAFE when a sum leaves the safe range', () => {
    const line = { amount: Number.MAX_SAFE_INTEGER, vatRate: 0 };
    expect(codeOf(() => vatBreakdown([line, line], true))).toBe('MONEY_UNSAFE');
  });

  it('always reconciles to the cent, prices incl. or excl. VAT', () => {
    fc.assert(
      fc.property(fc.array(vatLineArb, { maxLength: 30 }), fc.boolean(), (lines, incl) => {
        expectReconciled(vatBreakdown(lines, incl), lines, incl);
      }),
      { numRuns: 500 },
    );
  });

  it('negating every line negates the breakdown exactly', () => {
    fc.assert(
      fc.property(fc.array(vatLineArb, { maxLength: 30 }), fc.boolean(), (lines, incl) => {
        const negated = lines.map((l) => ({ amount: neg(l.amount), vatRate: l.vatRate }));
        expect(vatBreakdown(negated, incl)).toEqual(negateBreakdown(vatBreakdown(lines, incl)));
      }),
    );
  });

  it('does not depend on line order', () => {
    fc.assert(
      fc.property(fc.array(vatLineArb, { maxLength: 30 }), fc.boolean(), (lines, incl) => {
        expect(vatBreakdown([...lines].reverse(), incl)).toEqual(vatBreakdown(lines, incl));
      }),
    );
  });
});

describe('cashRound', () => {
  it.each([
    [1233, 1235, 2],
    [1232, 1230, -2],
    [-1233, -1235, -2],
    [-1232, -1230, 2],
    [1230, 1230, 0],
    [1231, 1230, -1],
    [1234, 1235, 1],
    [1235, 1235, 0],
    [1236, 1235, -1],
    [1237, 1235, -2],
    [1238, 1240, 2],
    [1239, 1240, 1],
    [-1231, -1230, 1],
    [-1234, -1235, -1],
    [-1236, -1235, 1],
    [-1238, -1240, -2],
    [0, 0, 0],
    [2, 0, -2],
    [-2, 0, 2],
    [3, 5, 2],
  ])('rounds %i cents to %i (difference %i) with a 5-cent step', (cents, rounded, difference) => {
    expect(cashRound(cents, 5)).toEqual({ rounded, difference });
  });

  it('rounds ties away from zero with an even step', () => {
    expect(cashRound(15, 10)).toEqual({ rounded: 20, difference: 5 });
    expect(cashRound(-15, 10)).toEqual({ rounded: -20, difference: -5 });
  });

  it('is the identity with a 1-cent step', () => {
    expect(cashRound(1233, 1)).toEqual({ rounded: 1233, difference: 0 });
  });

  it('handles the largest amounts and refuses results that are not safe', () => {
    expect(cashRound(Number.MAX_SAFE_INTEGER, 5)).toEqual({ rounded: 9_007_199_254_740_990, difference: -1 });
    expect(codeOf(() => cashRound(Number.MAX_SAFE_INTEGER, 1000))).toBe('MONEY_UNSAFE');
  });

  it.each([0, -5, 2.5, NaN])('rejects the step %s', (step) => {
    expect(codeOf(() => cashRound(100, step))).toBe('CASH_STEP_INVALID');
  });

  it('rejects non-integer amounts', () => {
    expect(codeOf(() => cashRound(12.33, 5))).toBe('MONEY_NOT_INTEGER');
  });

  const cashArb = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.maxSafeInteger());

  it('always yields the nearest multiple of 5, within ±2 cents', () => {
    fc.assert(
      fc.property(cashArb, (cents) => {
        const { rounded, difference } = cashRound(cents, 5);
        expect(rounded % 5 === 0).toBe(true);
        expect(Math.abs(difference) <= 2).toBe(true);
        expect(rounded - difference).toBe(cents);
        // no other multiple of 5 is closer
        expect(Math.abs(cents - (rounded - 5)) > Math.abs(difference)).toBe(true);
        expect(Math.abs(cents - (rounded + 5)) > Math.abs(difference)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('mirrors negatives and is idempotent, for any step', () => {
    // Away from the safe limit, so that rounding up by up to a step stays safe.
    const farFromLimit = fc.oneof(
      fc.integer({ min: -100_000, max: 100_000 }),
      fc.integer({ min: -(Number.MAX_SAFE_INTEGER - 100), max: Number.MAX_SAFE_INTEGER - 100 }),
    );
    fc.assert(
      fc.property(farFromLimit, fc.integer({ min: 1, max: 100 }), (cents, step) => {
        const positive = cashRound(cents, step);
        const negative = cashRound(neg(cents), step);
        expect(negative).toEqual({ rounded: neg(positive.rounded), difference: neg(positive.difference) });
        expect(cashRound(positive.rounded, step)).toEqual({ rounded: positive.rounded, difference: 0 });
      }),
    );
  });
});

describe('convertPrice', () => {
  it.each([
    [1000, 2100, 'excl', 1210],
    [1210, 2100, 'incl', 1000],
    [149, 2100, 'incl', 123], // VAT 25.86 → 26
    [42, 1200, 'incl', 37], // VAT exactly 4.5 → 5
    [-42, 1200, 'incl', -37],
    [999, 550, 'excl', 1054], // VAT 54.945 → 55
    [-999, 550, 'excl', -1054],
    [1000, 210, 'incl', 979], // VAT 20.57 → 21
    [1000, 0, 'incl', 1000],
    [1000, 0, 'excl', 1000],
  ] as const)('converts %i cents at %i bp from %s VAT to %i', (cents, rate, from, expected) => {
    expect(convertPrice(cents, rate, from)).toBe(expected);
  });

  it('rejects bad input', () => {
    expect(codeOf(() => convertPrice(100, 2100, 'gross' as 'incl'))).toBe('RATE_INVALID');
    expect(codeOf(() => convertPrice(100, 21.5, 'incl'))).toBe('RATE_INVALID');
    expect(codeOf(() => convertPrice(1.5, 2100, 'incl'))).toBe('MONEY_NOT_INTEGER');
  });

  const priceArb = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

  it('agrees with a single-line VAT breakdown', () => {
    fc.assert(
      fc.property(priceArb, rateArb, (cents, rate) => {
        const line = [{ amount: cents, vatRate: rate }];
        expect(convertPrice(cents, rate, 'incl')).toBe(vatBreakdown(line, true).base);
        expect(convertPrice(cents, rate, 'excl')).toBe(vatBreakdown(line, false).total);
      }),
    );
  });

  it('recovers the price excl. VAT after adding VAT', () => {
    fc.assert(
      fc.property(priceArb, rateArb, (cents, rate) => {
        expect(convertPrice(convertPrice(cents, rate, 'excl'), rate, 'incl')).toBe(cents);
      }),
      { numRuns: 1000 },
    );
  });

  it('mirrors negatives', () => {
    fc.assert(
      fc.property(priceArb, rateArb, fc.constantFrom('incl' as const, 'excl' as const), (cents, rate, from) => {
        expect(convertPrice(neg(cents), rate, from)).toBe(neg(convertPrice(cents, rate, from)));
      }),
    );
  });
});

describe('documentTotals', () => {
  it('Belgian counter sale incl. VAT, with cash rounding', () => {
    const totals = documentTotals(
      [
        { unitPrice: 149, quantity: 3000, vatRate: 2100 }, // 3 × 1.49 = 4.47
        { unitPrice: 1299, quantity: 1250, vatRate: 600 }, // 1.250 kg × 12.99 = 16.24
      ],
      { pricesIncludeVat: true, country: 'BE' },
    );
    const rates = [
      { rate: 2100, base: 369, vat: 78, total: 447 },
      { rate: 600, base: 1532, vat: 92, total: 1624 }, // 1624 × 6/106 = 91.92
    ];
    expect(totals).toEqual({
      lineTotals: [447, 1624],
      breakdown: { rates, base: 1901, vat: 170, total: 2071 },
      rates,
      base: 1901,
      vat: 170,
      total: 2071,
      cash: { rounded: 2070, difference: -1 },
    });
  });

  it('Belgian credit note mirrors the sale, cash rounding included', () => {
    const totals = documentTotals(
      [
        { unitPrice: 149, quantity: -3000, vatRate: 2100 },
        { unitPrice: 1299, quantity: -1250, vatRate: 600 },
      ],
      { pricesIncludeVat: true, country: 'BE' },
    );
    expect(totals.lineTotals).toEqual([-447, -1624]);
    expect(totals.rates).toEqual([
      { rate: 2100, base: -369, vat: -78, total: -447 },
      { rate: 600, base: -1532, vat: -92, total: -1624 },
    ]);
    expect(totals.cash).toEqual({ rounded: -2070, difference: 1 });
  });

  it('a cash total of 12.33 € is charged 12.35 € in Belgium, 12.33 € in France', () => {
    const lines = [{ unitPrice: 1233, quantity: 1000, vatRate: 600 }];
    expect(documentTotals(lines, { pricesIncludeVat: true, country: 'BE' }).cash).toEqual({ rounded: 1235, difference: 2 });
    expect(documentTotals(lines, { pricesIncludeVat: true, country: 'FR' }).cash).toBeNull();
    expect(documentTotals(lines, { pricesIncludeVat: true }).cash).toBeNull();
  });

  it('French invoice excl. VAT with discounts', () => {
    const totals = documentTotals(
      [
        { unitPrice: 2500, quantity: 4000, vatRate: 2000, discountRate: 1000 }, // 100.00 − 10 %
        { unitPrice: 6000, quantity: 1500, vatRate: 2000, discountAmount: 500 }, // 1.5 h × 60.00 − 5.00
        { unitPrice: 1999, quantity: 1000, vatRate: 550 },
      ],
      { pricesIncludeVat: false, country: 'FR' },
    );
    expect(totals.lineTotals).toEqual([9000, 8500, 1999]);
    expect(totals.rates).toEqual([
      { rate: 2000, base: 17500, vat: 3500, total: 21000 },
      { rate: 550, base: 1999, vat: 110, total: 2109 },
    ]);
    expect([totals.base, totals.vat, totals.total]).toEqual([19499, 3610, 23109]);
    expect(totals.cash).toBeNull();
  });

  it('rejects an unknown country', () => {
    const lines = [{ unitPrice: 100, quantity: 1000, vatRate: 0 }];
    expect(codeOf(() => documentTotals(lines, { pricesIncludeVat: true, country: 'DE' as 'BE' }))).toBe('COUNTRY_UNKNOWN');
  });

  const optionsArb = fc.record({
    pricesIncludeVat: fc.boolean(),
    country: fc.constantFrom('BE' as const, 'FR' as const, undefined),
  });

  it('line totals, VAT breakdown, totals and cash rounding always reconcile to the cent', () => {
    fc.assert(
      fc.property(fc.array(documentLineArb, { maxLength: 25 }), optionsArb, (lines, options) => {
        const totals = documentTotals(lines, options);
        expect(totals.lineTotals).toEqual(lines.map((l) => lineTotal(l)));
        const vatLines = lines.map((l, i) => ({ amount: totals.lineTotals[i], vatRate: l.vatRate }));
        expectReconciled(totals.breakdown, vatLines, options.pricesIncludeVat);
        expect([totals.base, totals.vat, totals.total]).toEqual([totals.breakdown.base, totals.breakdown.vat, totals.breakdown.total]);
        if (options.pricesIncludeVat) expect(sum(totals.lineTotals)).toBe(totals.total);
        else expect(sum(totals.lineTotals)).toBe(totals.base);
        if (options.country === 'BE') {
          expect(totals.cash).not.toBeNull();
          const { rounded, difference } = totals.cash!;
          expect(rounded % 5 === 0).toBe(true);
          expect(Math.abs(difference) <= 2).toBe(true);
          expect(rounded).toBe(totals.total + difference);
        } else {
          expect(totals.cash).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a credit note (all quantities negated) is the exact mirror of the sale', () => {
    fc.assert(
      fc.property(fc.array(documentLineArb, { maxLength: 25 }), optionsArb, (lines, options) => {
        const sale = documentTotals(lines, options);
        const credit = documentTotals(
          lines.map((l) => ({ ...l, quantity: neg(l.quantity) })),
          options,
        );
        expect(credit.lineTotals).toEqual(sale.lineTotals.map(neg));
        expect(credit.breakdown).toEqual(negateBreakdown(sale.breakdown));
        expect(credit.cash).toEqual(sale.cash && { rounded: neg(sale.cash.rounded), difference: neg(sale.cash.difference) });
      }),
    );
  });
});
