import { describe, it, expect } from 'vitest';
import { validateRule, type BarcodeRule, type BarcodeRuleType } from './barcode-rule.js';

describe('validateRule', () => {
  const rule = (over: Partial<BarcodeRule>): BarcodeRule => ({ name: 'Test', type: 'weight', pattern: '21AAAAAWWWWWC', ...over });

  it.each<[Partial<BarcodeRule>, string, string]>([
    [{ name: ' ' }, 'RULE_NAME_EMPTY', "Rule ' ': a rule needs a name"],
    [{ type: 'gift' as BarcodeRuleType }, 'RULE_UNKNOWN_TYPE', `Rule 'Test': unknown type "gift"; expected one of weight, price, quantity, discount, customer, cashier, article`],
    [{ encoding: 'upc' as 'any' }, 'RULE_UNKNOWN_ENCODING', `Rule 'Test': unknown encoding "upc"; expected ean13, ean8 or any`],
    [{ type: 'discount', pattern: '99NNNNNNDDDDC', discountUnit: 'euro' as 'cents' }, 'RULE_UNKNOWN_DISCOUNT_UNIT', `Rule 'Test': unknown discount unit "euro"; expected percent or cents`],
    [{ pattern: '21aaaaaWWWWWC' }, 'RULE_BAD_CHARACTER', `Rule 'Test': pattern "21aaaaaWWWWWC" has "a" at position 3; use digits and the letters A W V P Q D N C K`],
    [{ pattern: '21AAAAAWWWWC', encoding: 'ean13' }, 'RULE_BAD_LENGTH', "Rule 'Test': pattern 21AAAAAWWWWC has 12 characters, an EAN-13 layout needs 13"],
    [{ pattern: '2AAAAAAAC', encoding: 'ean8', type: 'article' }, 'RULE_BAD_LENGTH', "Rule 'Test': pattern 2AAAAAAAC has 9 characters, an EAN-8 layout needs 8"],
    [{ pattern: `2${'A'.repeat(31)}C`, type: 'article' }, 'RULE_BAD_LENGTH', "Rule 'Test': pattern 2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAC has 33 characters, expected 2 to 32"],
    [{ pattern: 'AAAAAAAWWWWWC' }, 'RULE_NO_PREFIX', "Rule 'Test': pattern AAAAAAAWWWWWC must start with at least one literal digit (e.g. 21), otherwise it would capture ordinary barcodes"],
    [{ pattern: '21AAAAAWWWWWW' }, 'RULE_CHECK_DIGIT_MISSING', "Rule 'Test': an EAN-13 layout needs its check digit C in last position"],
    [{ pattern: '21CAAAAWWWWWW' }, 'RULE_CHECK_DIGIT_MISPLACED', "Rule 'Test': the check digit C must appear once, in last position (found at position 3)"],
    [{ pattern: '21AAWWAAAWWWC' }, 'RULE_FIELD_SPLIT', "Rule 'Test': the A digits are not one run (positions 3 to 9 hold other characters); each field must be contiguous"],
    [{ type: 'price', pattern: '24AAAAAWWWWWC' }, 'RULE_FIELD_NOT_ALLOWED', "Rule 'Test': a 'price' rule cannot carry W; it may carry A, P"],
    [{ pattern: '21AAAAWWWVVVC' }, 'RULE_FIELD_NOT_ALLOWED', "Rule 'Test': a rule carries a weight W or a volume V, not both"],
    [{ type: 'quantity', pattern: '25AAAAAAAAAAC' }, 'RULE_FIELD_MISSING', "Rule 'Test': a 'quantity' rule must carry Q digits"],
    [{ pattern: '21AAAAAAAAAAC' }, 'RULE_FIELD_MISSING', "Rule 'Test': a 'weight' rule must carry W or V digits"],
    [{ pattern: '2WWWWWWWWWWWWW' }, 'RULE_FIELD_TOO_LONG', "Rule 'Test': the W field has 13 digits, at most 12"],
    [{ pattern: '23AAAAAKWWWWC' }, 'RULE_PRICE_CHECK_WITHOUT_PRICE', "Rule 'Test': K is the price check digit of a price field PPPP, and this pattern has no P"],
    [{ type: 'price', pattern: '23AAAAKPPPPPC' }, 'RULE_PRICE_CHECK_BAD_LENGTH', "Rule 'Test': K is one digit checking a 4-digit price PPPP, found 1 K and 5 P"],
  ])('rejects %j with %s', (over, code, message) => {
    expect(validateRule(rule(over))).toMatchObject({ ok: false, code, message });
  });

  it('names the rule and the culprit in params', () => {
    expect(validateRule(rule({ pattern: '21AAWWAAAWWWC' }))).toMatchObject({ params: { rule: 'Test', letter: 'A' } });
    expect(validateRule(rule({ pattern: '21AAAAAWWWWC', encoding: 'ean13' }))).toMatchObject({
      params: { rule: 'Test', encoding: 'ean13', length: 12, expectedLength: 13 },
    });
  });

  it('accepts EAN-8 and free-length layouts', () => {
    expect(validateRule({ name: 'Short PLU label', type: 'article', pattern: '2AAAAAAC' })).toEqual({ ok: true, encoding: 'ean8' });
    expect(validateRule({ name: 'Bottle', type: 'weight', pattern: '27AAAVVVV' })).toEqual({ ok: true, encoding: 'any' });
    expect(validateRule({ name: 'Twelve', type: 'weight', pattern: '21AAAAAWWWWC' })).toEqual({ ok: true, encoding: 'any' });
  });
});
