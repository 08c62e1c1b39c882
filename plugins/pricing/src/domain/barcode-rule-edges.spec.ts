import { describe, it, expect } from 'vitest';
import { compileOrThrow, validateRule, type BarcodeRule, type BarcodeRuleType } from './barcode-rule.js';

// Each refusal of a barcode layout as the settings screen shows it: the code, the sentence and the values it
// names (params), and the edges of what is accepted.

const rule = (over: Partial<BarcodeRule>): BarcodeRule => ({ name: 'Balance', type: 'weight', pattern: '21AAAAAWWWWWC', ...over });
const refusal = (over: Partial<BarcodeRule>) => validateRule(rule(over));

describe('validateRule names what is wrong and where', () => {
  it.each<[Partial<BarcodeRule>, string, string, Record<string, unknown>]>([
    [{ name: 42 as unknown as string }, 'RULE_NAME_EMPTY', 'a rule needs a name', {}],
    [{ type: 'gift' as BarcodeRuleType }, 'RULE_UNKNOWN_TYPE', 'unknown type "gift"; expected one of weight, price, quantity, discount, customer, cashier, article', { value: 'gift' }],
    [{ encoding: 'upc' as 'any' }, 'RULE_UNKNOWN_ENCODING', 'unknown encoding "upc"; expected ean13, ean8 or any', { value: 'upc' }],
    [{ type: 'discount', pattern: '99NNNNNNDDDDC', discountUnit: 'euro' as 'cents' }, 'RULE_UNKNOWN_DISCOUNT_UNIT', 'unknown discount unit "euro"; expected percent or cents', { value: 'euro' }],
    [{ pattern: '21AAAAA-WWWWC' }, 'RULE_BAD_CHARACTER', 'pattern "21AAAAA-WWWWC" has "-" at position 8; use digits and the letters A W V P Q D N C K', { character: '-', position: 8 }],
    [{ pattern: '21AAAAAWWWWC', encoding: 'ean13' }, 'RULE_BAD_LENGTH', 'pattern 21AAAAAWWWWC has 12 characters, an EAN-13 layout needs 13', { encoding: 'ean13', length: 12, expectedLength: 13 }],
    [{ pattern: '2AAAAAAAAC', encoding: 'ean8', type: 'article' }, 'RULE_BAD_LENGTH', 'pattern 2AAAAAAAAC has 10 characters, an EAN-8 layout needs 8', { encoding: 'ean8', length: 10, expectedLength: 8 }],
    [{ pattern: '2', type: 'article' }, 'RULE_BAD_LENGTH', 'pattern 2 has 1 characters, expected 2 to 32', { encoding: 'any', length: 1, maxLength: 32 }],
    [{ pattern: 42 as unknown as string }, 'RULE_BAD_LENGTH', 'pattern "" has 0 characters, expected 2 to 32', { encoding: 'any', length: 0, maxLength: 32 }],
    [{ pattern: 'AAAAAAAWWWWWC' }, 'RULE_NO_PREFIX', 'pattern AAAAAAAWWWWWC must start with at least one literal digit (e.g. 21), otherwise it would capture ordinary barcodes', {}],
    [{ pattern: '21AAAAWWWWWCC' }, 'RULE_CHECK_DIGIT_MISPLACED', 'the check digit C must appear once, in last position (found at position 13)', { position: 13 }],
    [{ pattern: '21AAAAAWWWWCW' }, 'RULE_CHECK_DIGIT_MISPLACED', 'the check digit C must appear once, in last position (found at position 12)', { position: 12 }],
    [{ pattern: '2AAAAAAW', type: 'weight' }, 'RULE_CHECK_DIGIT_MISSING', 'an EAN-8 layout needs its check digit C in last position', { encoding: 'ean8' }],
    [{ pattern: '21AAWWAAAWWWC' }, 'RULE_FIELD_SPLIT', 'the A digits are not one run (positions 3 to 9 hold other characters); each field must be contiguous', { letter: 'A' }],
    [{ type: 'customer', pattern: '2900AAAAAAAAC' }, 'RULE_FIELD_NOT_ALLOWED', "a 'customer' rule cannot carry A; it may carry N", { letter: 'A' }],
    [{ pattern: '21AAAAWWWVVVC' }, 'RULE_FIELD_NOT_ALLOWED', 'a rule carries a weight W or a volume V, not both', { letter: 'V' }],
    [{ type: 'discount', pattern: '99NNNNNNNNNNC' }, 'RULE_FIELD_MISSING', "a 'discount' rule must carry D digits", { expected: 'D' }],
    [{ pattern: '21AAAAAAAAAAC' }, 'RULE_FIELD_MISSING', "a 'weight' rule must carry W or V digits", { expected: 'W or V' }],
    [{ pattern: '2WWWWWWWWWWWWW' }, 'RULE_FIELD_TOO_LONG', 'the W field has 13 digits, at most 12', { letter: 'W', maxLength: 12 }],
    [{ pattern: '23AAAAAKWWWWC' }, 'RULE_PRICE_CHECK_WITHOUT_PRICE', 'K is the price check digit of a price field PPPP, and this pattern has no P', {}],
    [{ type: 'price', pattern: '23AAAAKKPPPPC' }, 'RULE_PRICE_CHECK_BAD_LENGTH', 'K is one digit checking a 4-digit price PPPP, found 2 K and 4 P', { priceLength: 4 }],
  ])('refuses %j: %s', (over, code, detail, params) => {
    const name = 'name' in over ? '' : 'Balance'; // a name that is not text is shown empty
    expect(refusal(over)).toEqual({ ok: false, code, message: `Rule '${name}': ${detail}`, params: { rule: name, ...params } });
  });
});

describe('validateRule accepts', () => {
  it('the longest free layout, and a free layout without check digit', () => {
    expect(validateRule(rule({ type: 'article', pattern: `2${'A'.repeat(31)}` }))).toEqual({ ok: true, encoding: 'any' });
    expect(validateRule(rule({ type: 'article', pattern: '2A' }))).toEqual({ ok: true, encoding: 'any' });
  });

  it('a weight of 12 digits, and an article reference longer than that', () => {
    expect(validateRule(rule({ pattern: '2WWWWWWWWWWWW', encoding: 'any' }))).toEqual({ ok: true, encoding: 'any' });
    expect(validateRule(rule({ type: 'article', pattern: `2${'A'.repeat(20)}` }))).toEqual({ ok: true, encoding: 'any' });
  });

  it('a 13-character layout declared free, and the encodings a pattern length implies', () => {
    expect(validateRule(rule({ pattern: '21AAAAAWWWWWW', encoding: 'any' }))).toEqual({ ok: true, encoding: 'any' });
    expect(validateRule(rule({ type: 'article', pattern: '2AAAAAAC' }))).toEqual({ ok: true, encoding: 'ean8' });
    expect(validateRule(rule({}))).toEqual({ ok: true, encoding: 'ean13' });
    expect(validateRule(rule({ type: 'discount', pattern: '9900NNNNNNDDC', discountUnit: 'percent' }))).toEqual({ ok: true, encoding: 'ean13' });
  });
});

describe('compileOrThrow', () => {
  it('lays out the fields, the check digits and the prefix', () => {
    expect(compileOrThrow(rule({ type: 'price', pattern: '23AAAAAKPPPPC' }))).toEqual({
      rule: rule({ type: 'price', pattern: '23AAAAAKPPPPC' }), encoding: 'ean13', prefix: '23',
      fields: [{ letter: 'A', start: 2, length: 5 }, { letter: 'P', start: 8, length: 4 }], check: 12, priceCheck: 7,
    });
    expect(compileOrThrow(rule({ type: 'article', pattern: '2AAA' }))).toMatchObject({ prefix: '2', check: -1, priceCheck: -1 });
  });

  it('refuses an invalid rule with the reason', () => {
    expect(() => compileOrThrow(rule({ pattern: '21AAAAAWWWWWW' }))).toThrow(
      new RangeError("Invalid barcode rule: Rule 'Balance': an EAN-13 layout needs its check digit C in last position"),
    );
  });
});
