/**
 * The price verifier digit of GS1 in-store price labels (GS1 General Specifications §7.9.3, "check digit
 * calculation for price/weight fields"), 4-digit price field. Scale labels print it just before the price
 * (`23 AAAAA K PPPP C`) so that a misread price is caught even when the code's own check digit happens to pass.
 *
 * Each price digit is replaced by a "weighted product" according to its position's weighting factor:
 * - factor 2-: d × 2, then units digit minus tens digit (mod 10): 0→0 1→2 2→4 3→6 4→8 5→9 6→1 7→3 8→5 9→7
 * - factor 3:  d × 3, units digit:                               0→0 1→3 2→6 3→9 4→2 5→5 6→8 7→1 8→4 9→7
 * - factor 5-: d × 5, then units digit minus tens digit (mod 10): 0→0 1→5 2→9 3→4 4→8 5→3 6→7 7→2 8→6 9→1
 * The four positions use the factors 2-, 2-, 3, 5-; the check digit is the units digit of 3 × (sum of products).
 *
 * Worked example, price 28.75 € → digits 2 8 7 5:
 *   2 (2-) → 4;  8 (2-) → 16 → 6 − 1 = 5;  7 (3) → 21 → 1;  5 (5-) → 25 → 5 − 2 = 3
 *   sum = 4 + 5 + 1 + 3 = 13;  13 × 3 = 39  →  price check digit 9
 *
 * Every factor maps the ten digits onto ten different products and 3 is invertible mod 10, so any single wrong
 * price digit changes the check digit.
 */

type Factor = { readonly multiplier: number; readonly fold: 'units' | 'minus' };

const FACTOR_2_MINUS: Factor = { multiplier: 2, fold: 'minus' };
const FACTOR_3: Factor = { multiplier: 3, fold: 'units' };
const FACTOR_5_MINUS: Factor = { multiplier: 5, fold: 'minus' };

/** Weighting factors of the four price digits, left to right. */
const FOUR_DIGIT_FACTORS: readonly Factor[] = [FACTOR_2_MINUS, FACTOR_2_MINUS, FACTOR_3, FACTOR_5_MINUS];

/** Weighted product of one digit: "units" keeps the units digit, "minus" subtracts the tens digit from it. */
function weightedProduct(digit: number, factor: Factor): number {
  const product = digit * factor.multiplier;
  const units = product % 10;
  const tens = Math.floor(product / 10);
  return factor.fold === 'units' ? units : (units - tens + 10) % 10;
}

/**
 * Price verifier digit of a 4-digit price field (GS1 §7.9.3), e.g. priceCheckDigit('2875') → 9.
 * @throws RangeError unless `price4` is exactly four ASCII digits.
 */
export function priceCheckDigit(price4: string): number {
  if (typeof price4 !== 'string' || !/^[0-9]{4}$/.test(price4)) {
    throw new RangeError(`priceCheckDigit: expected exactly 4 digits, got ${JSON.stringify(price4)}`);
  }
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += weightedProduct(price4.charCodeAt(i) - 48, FOUR_DIGIT_FACTORS[i]);
  return (sum * 3) % 10;
}
