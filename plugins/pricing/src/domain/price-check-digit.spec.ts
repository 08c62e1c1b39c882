import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { priceCheckDigit } from './price-check-digit.js';

describe('priceCheckDigit (GS1 4-digit price field, factors 2- 2- 3 5-)', () => {
  it.each([
    // price, products worked by hand (2-, 2-, 3, 5-), sum × 3, check digit
    ['2875', 9], // GS1 example: 4 + 5 + 1 + 3 = 13, × 3 = 39
    ['0199', 0], // 0 + 2 + 7 + 1 = 10, × 3 = 30
    ['1234', 9], // 2 + 4 + 9 + 8 = 23, × 3 = 69
    ['0450', 9], // 0 + 8 + 5 + 0 = 13, × 3 = 39
    ['9999', 6], // 7 + 7 + 7 + 1 = 22, × 3 = 66
    ['0000', 0],
    ['0005', 9], // 5 at the 5- position: 25 → 5 − 2 = 3; 3 × 3 = 9
    ['0600', 3], // 6 at a 2- position: 12 → 2 − 1 = 1; 0 + 1 + 0 + 0 = 1, × 3 = 3
  ])('price %s has check digit %i', (price, expected) => {
    expect(priceCheckDigit(price)).toBe(expected);
  });

  it('uses the weighted products of each factor', () => {
    // Each digit alone in each position: the tables of GS1 §7.9.3, times 3.
    const twoMinus = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
    const three = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
    const fiveMinus = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];
    for (let d = 0; d <= 9; d++) {
      expect(priceCheckDigit(`${d}000`)).toBe((twoMinus[d] * 3) % 10);
      expect(priceCheckDigit(`0${d}00`)).toBe((twoMinus[d] * 3) % 10);
      expect(priceCheckDigit(`00${d}0`)).toBe((three[d] * 3) % 10);
      expect(priceCheckDigit(`000${d}`)).toBe((fiveMinus[d] * 3) % 10);
    }
  });

  it('catches any single wrong price digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const price = String(n).padStart(4, '0');
        const wrong = price.slice(0, pos) + String((Number(price[pos]) + delta) % 10) + price.slice(pos + 1);
        expect(priceCheckDigit(wrong)).not.toBe(priceCheckDigit(price));
      }),
    );
  });

  it('refuses anything but four digits', () => {
    expect(() => priceCheckDigit('287')).toThrow(RangeError);
    expect(() => priceCheckDigit('28750')).toThrow(RangeError);
    expect(() => priceCheckDigit('28a5')).toThrow('expected exactly 4 digits, got "28a5"');
  });
});
