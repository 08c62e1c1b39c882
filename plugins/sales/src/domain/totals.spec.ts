import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '@comptoir/kernel';
import { documentDiscount, lineAmounts, saleTotals, spread, type TotalsInput } from './totals.js';
import { SaleErrors } from './errors.js';
import { SALE_STAGES } from './stages.js';

type Line = TotalsInput['lines'][number];
let n = 0;
const line = (over: Partial<Line>): Line => ({
  id: `L${++n}`, description: 'Article', quantity: 1000, unitPrice: 100, includesVat: true, vatRate: 2100, fixedAmount: null, discountRate: null, discountAmount: null, ...over,
});
const doc = (lines: Line[], over: Partial<TotalsInput> = {}): TotalsInput => ({ lines, pricesIncludeVat: true, discount: null, country: 'BE', ...over });

describe('a line’s amounts', () => {
  it('is unit price × quantity, half-up, less its discount', () => {
    expect(lineAmounts(line({ unitPrice: 1799, quantity: 250 }), true)).toMatchObject({ unitPrice: 1799, gross: 450, discount: 0, total: 450 });
    expect(lineAmounts(line({ unitPrice: 1000, quantity: 3000, discountRate: 1000 }), true)).toMatchObject({ gross: 3000, discount: 300, total: 2700 });
    expect(lineAmounts(line({ unitPrice: 1000, quantity: 3000, discountAmount: 50 }), true)).toMatchObject({ gross: 3000, discount: 50, total: 2950 });
  });

  it('uses a pack’s own amount instead of unit price × quantity', () => {
    expect(lineAmounts(line({ unitPrice: 133, quantity: 24000, fixedAmount: 3199 }), true)).toMatchObject({ gross: 3199, total: 3199 });
  });

  it('converts a price on the other side of VAT to the document’s side, half-up', () => {
    // 10,00 € excluding 21 % VAT on a counter ticket: 12,10 € each.
    expect(lineAmounts(line({ unitPrice: 1000, includesVat: false, quantity: 2000 }), true)).toMatchObject({ unitPrice: 1210, total: 2420 });
    // 12,10 € including VAT on an invoice excluding VAT: 10,00 €.
    expect(lineAmounts(line({ unitPrice: 1210, includesVat: true, fixedAmount: 2420 }), false)).toMatchObject({ unitPrice: 1000, gross: 2000 });
  });

  it('mirrors a sale for a return', () => {
    expect(lineAmounts(line({ unitPrice: 1000, quantity: -3000, discountRate: 1000 }), true)).toMatchObject({ gross: -3000, discount: -300, total: -2700 });
  });

  it('refuses an unpriced line, two discounts, a rate above 100 % and a discount above the line, naming the line', () => {
    const refusal = (l: Partial<Line>) => { try { lineAmounts(line({ description: 'Triple 33 cl', ...l }), true); } catch (e) { return e as DomainError; } throw new Error('accepted'); };
    expect(refusal({ unitPrice: null })).toMatchObject({ code: 'SALE_LINE_NOT_PRICED', text: { fr: '« Triple 33 cl » n’a pas de prix : donnez-lui un prix dans le catalogue ou tapez-le.' } });
    expect(refusal({ discountRate: 100, discountAmount: 5 })).toMatchObject({ code: 'SALE_DISCOUNT_INVALID', text: { en: 'Triple 33 cl: a discount is a percentage or an amount, not both.' } });
    expect(refusal({ discountRate: 10001 })).toMatchObject({ code: 'SALE_DISCOUNT_INVALID', text: { nl: 'Triple 33 cl: het kortingspercentage moet tussen 0 en 100 % liggen.' } });
    expect(refusal({ discountRate: 12.5 }).code).toBe('SALE_DISCOUNT_INVALID');
    expect(refusal({ discountRate: -1 }).code).toBe('SALE_DISCOUNT_INVALID');
    expect(refusal({ unitPrice: 100, discountAmount: 101 })).toMatchObject({ code: 'SALE_DISCOUNT_TOO_LARGE', text: { fr: 'Triple 33 cl : la remise de 1,01\u00a0€ dépasse le montant de 1,00\u00a0€.' } });
    expect(lineAmounts(line({ unitPrice: 100, discountAmount: 100 }), true).total).toBe(0);
    expect(lineAmounts(line({ unitPrice: 100, quantity: -1000, discountAmount: 100 }), true).total).toBe(0);
    expect(lineAmounts(line({ unitPrice: 100, discountRate: 10000 }), true).total).toBe(0);
  });
});

describe('the refusals', () => {
  it('say what is wrong and what to do, in French, Dutch and English', () => {
    expect(SaleErrors.lineNotPriced({ id: 'L1', description: 'Eau' })).toMatchObject({ code: 'SALE_LINE_NOT_PRICED', status: 422, extra: { lineId: 'L1' }, text: {
      fr: '« Eau » n’a pas de prix : donnez-lui un prix dans le catalogue ou tapez-le.',
      nl: '\'Eau\' heeft geen prijs: geef het een prijs in de catalogus of typ ze in.',
      en: '\'Eau\' has no price: give it one in the catalogue or type it in.',
    } });
    expect(SaleErrors.discountBoth('Eau')).toMatchObject({ code: 'SALE_DISCOUNT_INVALID', status: 422, text: {
      fr: 'Eau : une remise est un pourcentage ou un montant, pas les deux.',
      nl: 'Eau: een korting is een percentage of een bedrag, niet beide.',
      en: 'Eau: a discount is a percentage or an amount, not both.',
    } });
    expect(SaleErrors.discountRate('Eau')).toMatchObject({ code: 'SALE_DISCOUNT_INVALID', status: 422, text: {
      fr: 'Eau : le pourcentage de remise doit être compris entre 0 et 100 %.',
      nl: 'Eau: het kortingspercentage moet tussen 0 en 100 % liggen.',
      en: 'Eau: the discount percentage must be between 0 and 100 %.',
    } });
    expect(SaleErrors.discountTooLarge('Eau', 250, 200)).toMatchObject({ code: 'SALE_DISCOUNT_TOO_LARGE', status: 422, text: {
      fr: 'Eau : la remise de 2,50\u00a0€ dépasse le montant de 2,00\u00a0€.',
      nl: 'Eau: de korting van €\u00a02,50 is groter dan het bedrag van €\u00a02,00.',
      en: 'Eau: the discount of €2.50 is larger than the amount of €2.00.',
    } });
  });
});

describe('the stages of composeLines', () => {
  it('run associated articles, then deposits, then promotions, then the last look', () => {
    expect(SALE_STAGES).toEqual({ associated: 100, deposits: 200, promotions: 300, final: 1000 });
    expect(Object.isFrozen(SALE_STAGES)).toBe(true);
  });
});

describe('a document’s discount', () => {
  it('takes a rate of the subtotal half-up, or an amount, with the subtotal’s sign', () => {
    expect(documentDiscount({ rate: 500 }, 1010)).toBe(51);
    expect(documentDiscount({ rate: 500 }, 1009)).toBe(50);
    expect(documentDiscount({ rate: 500 }, -1010)).toBe(-51);
    expect(documentDiscount({ amount: 200 }, 1000)).toBe(200);
    expect(documentDiscount({ amount: 200 }, -1000)).toBe(-200);
    expect(documentDiscount({ amount: 1000 }, 1000)).toBe(1000);
    expect(documentDiscount({}, 1000)).toBe(0);
    expect(documentDiscount(null, 1000)).toBe(0);
  });

  it('refuses both at once, a rate outside 0–100 % and an amount above the subtotal', () => {
    expect(() => documentDiscount({ rate: 1, amount: 1 }, 1000)).toThrow('document: a discount is a percentage or an amount, not both.');
    expect(() => documentDiscount({ rate: 10001 }, 1000)).toThrow('document: the discount percentage must be between 0 and 100 %.');
    expect(() => documentDiscount({ rate: -1 }, 1000)).toThrow(DomainError);
    expect(() => documentDiscount({ rate: 0.5 }, 1000)).toThrow(DomainError);
    expect(() => documentDiscount({ amount: 1001 }, -1000)).toThrow('document: the discount of €10.01 is larger than the amount of €10.00.');
  });

  it('is spread over the rates in proportion, odd cents to the largest remainders', () => {
    expect(spread(100, 300, [200, 100])).toEqual([67, 33]);
    expect(spread(100, 300, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(spread(1, 300, [100, 200])).toEqual([0, 1]);
    expect(spread(-100, -300, [-200, -100])).toEqual([-67, -33]);
    expect(spread(0, 300, [200, 100])).toEqual([0, 0]);
    expect(spread(10, 0, [200, -200])).toEqual([0, 0]);
    expect(spread(101, 300, [200, 100])).toEqual([67, 34]);
    expect(spread(2, 400, [100, 100, 100, 100])).toEqual([1, 1, 0, 0]);
    expect(spread(1, 300, [100, 100, 100])).toEqual([1, 0, 0]);
    expect(spread(2, 700, [100, 300, 300])).toEqual([0, 1, 1]);
    expect(spread(-101, -300, [-200, -100])).toEqual([-67, -34]);
  });
});

describe('a sale’s totals', () => {
  it('computes VAT per rate on the totals after the document discount, and the Belgian cash total', () => {
    const t = saleTotals(doc([
      line({ unitPrice: 149, quantity: 6000, vatRate: 2100 }), // 8,94
      line({ unitPrice: 1799, quantity: 250, vatRate: 600 }), // 4,50
      line({ unitPrice: 10, quantity: 6000, vatRate: 0 }), // 0,60
    ], { discount: { amount: 100 } }));
    expect(t.subtotal).toBe(1404);
    expect(t.discount).toBe(100);
    expect(t.discountByRate).toEqual([{ rate: 2100, amount: 64 }, { rate: 600, amount: 32 }, { rate: 0, amount: 4 }]);
    expect(t.rates).toEqual([
      { rate: 2100, base: 686, vat: 144, total: 830 },
      { rate: 600, base: 394, vat: 24, total: 418 },
      { rate: 0, base: 56, vat: 0, total: 56 },
    ]);
    expect(t).toMatchObject({ base: 1136, vat: 168, total: 1304, cash: { rounded: 1305, difference: 1 } });
  });

  it('lists the rates highest first whatever the order of the lines, and gives the odd cent to the highest rate on a tie', () => {
    const t = saleTotals(doc([line({ unitPrice: 100, vatRate: 0 }), line({ unitPrice: 100, vatRate: 600 }), line({ unitPrice: 100, vatRate: 2100 })], { discount: { amount: 1 } }));
    expect(t.discountByRate).toEqual([{ rate: 2100, amount: 1 }, { rate: 600, amount: 0 }, { rate: 0, amount: 0 }]);
    expect(t.rates.map((r) => r.rate)).toEqual([2100, 600, 0]);
  });

  it('adds VAT on an invoice excluding VAT, and has no cash rounding in France', () => {
    const t = saleTotals(doc([line({ unitPrice: 1000, includesVat: false, quantity: 3000, vatRate: 2000 })], { pricesIncludeVat: false, country: 'FR' }));
    expect(t).toMatchObject({ subtotal: 3000, base: 3000, vat: 600, total: 3600, cash: null });
    expect(saleTotals(doc([line({})], { country: null })).cash).toBeNull();
  });

  const lineArb = fc.record({
    quantity: fc.integer({ min: -50_000, max: 50_000 }).filter((q) => q !== 0),
    unitPrice: fc.integer({ min: 0, max: 100_000 }),
    includesVat: fc.boolean(),
    vatRate: fc.constantFrom(2100, 1200, 600, 0, 2000, 550),
    discountRate: fc.option(fc.integer({ min: 0, max: 10000 })),
  }).map((l) => line({ ...l, discountRate: l.discountRate ?? null }));

  it('reconciles to the cent: lines − discount = Σ rates, base + VAT = total, per rate and overall', () => {
    fc.assert(fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.integer({ min: 0, max: 10000 }), fc.boolean(), (lines, incl, rate, byAmount) => {
      const subtotal = lines.reduce((s, l) => s + lineAmounts(l, incl).total, 0);
      const discount = byAmount ? { amount: Math.floor(Math.abs(subtotal) * rate / 10000) } : { rate };
      const t = saleTotals(doc(lines, { pricesIncludeVat: incl, discount }));
      expect(t.lines.reduce((s, l) => s + l.total, 0)).toBe(t.subtotal);
      for (const l of t.lines) expect(l.gross - l.discount).toBe(l.total);
      expect(t.discountByRate.reduce((s, r) => s + r.amount, 0)).toBe(t.discount);
      expect(Math.abs(t.discount)).toBeLessThanOrEqual(Math.abs(t.subtotal));
      for (const r of t.rates) expect(r.base + r.vat).toBe(r.total);
      expect(t.rates.reduce((s, r) => s + r.total, 0)).toBe(t.total);
      expect(t.rates.reduce((s, r) => s + r.vat, 0)).toBe(t.vat);
      expect(t.base + t.vat).toBe(t.total);
      expect(incl ? t.total : t.base).toBe(t.subtotal - t.discount);
      expect(Math.abs(t.cash!.rounded) % 5).toBe(0);
      expect(Math.abs(t.cash!.difference)).toBeLessThanOrEqual(2);
    }), { numRuns: 500 });
  });

  it('spreads any discount so that its parts add up to it, each part no further than a cent from its share', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 10000 }), (parts, rate) => {
      const subtotal = parts.reduce((s, p) => s + p, 0);
      const d = documentDiscount({ rate }, subtotal);
      const shares = spread(d, subtotal, parts);
      expect(shares.reduce((s, x) => s + x, 0)).toBe(subtotal === 0 ? 0 : d);
      if (subtotal !== 0) parts.forEach((p, i) => expect(Math.abs(shares[i] - d * p / subtotal)).toBeLessThan(1));
    }), { numRuns: 500 });
  });
});
