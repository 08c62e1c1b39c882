import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MoneyError } from '@comptoir/kernel';
import { PricingError } from './errors.js';
import { formatUnitPrice, unitPriceFor } from './unit-price.js';

const NBSP = '\u00A0';

describe('unitPriceFor', () => {
  it.each([
    ['a 33 cl can at 1.49 €', 149, 330, 'l', 452], // 149 000 / 330 = 451.52
    ['6 × 25 cl at 5.99 €', 599, 1500, 'l', 399], // 599 000 / 1500 = 399.33
    ['a 75 cl bottle of wine at 8.99 €', 899, 750, 'l', 1199], // 899 000 / 750 = 1198.67
    ['250 g of coffee at 3.15 €', 315, 250, 'kg', 1260],
    ['1 kg of flour at 1.29 €', 129, 1000, 'kg', 129],
    ['2 kg at 0.05 €, exactly half a cent, rounded up', 5, 2000, 'kg', 3],
    ['2 kg at 0.03 €, exactly half a cent, rounded up', 3, 2000, 'kg', 2],
  ] as const)('%s → %i cents per unit', (_what, price, contentQuantity, contentUnit, expected) => {
    expect(unitPriceFor({ price, contentQuantity, contentUnit })).toBe(expected);
  });

  it('refuses an empty, negative or fractional content with a sentence', () => {
    expect(() => unitPriceFor({ price: 149, contentQuantity: 0, contentUnit: 'l' })).toThrow(
      'The content must be a positive whole number of thousandths of a litre (33 cl = 330), got 0.',
    );
    for (const contentQuantity of [-330, 0.5, Number.NaN]) {
      try {
        unitPriceFor({ price: 149, contentQuantity, contentUnit: 'kg' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(PricingError);
        expect((error as PricingError).code).toBe('UNIT_PRICE_CONTENT_INVALID');
      }
    }
  });

  it('refuses a price that is not whole cents', () => {
    expect(() => unitPriceFor({ price: 1.49, contentQuantity: 330, contentUnit: 'l' })).toThrow(MoneyError);
  });

  it('is off by at most half a cent per kg or litre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), (price, content) => {
        const perUnit = unitPriceFor({ price, contentQuantity: content, contentUnit: 'kg' });
        expect(Math.abs(perUnit * content - price * 1000)).toBeLessThanOrEqual(content / 2);
      }),
    );
  });
});

describe('formatUnitPrice', () => {
  it('prints the price per unit as on a shelf label', () => {
    expect(formatUnitPrice(452, 'l', 'fr-BE')).toBe(`4,52${NBSP}€/l`);
    expect(formatUnitPrice(1290, 'kg', 'fr-FR')).toBe(`12,90${NBSP}€/kg`);
    expect(formatUnitPrice(452, 'l', 'nl-BE')).toBe(`€${NBSP}4,52/l`);
    expect(formatUnitPrice(452, 'l', 'en-GB')).toBe('€4.52/l');
  });
});
