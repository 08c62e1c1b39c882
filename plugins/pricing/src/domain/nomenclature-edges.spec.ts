import { describe, it, expect } from 'vitest';
import { defaultNomenclature, encodeScan, parseScan, type BarcodeRule } from './nomenclature.js';

// What the till and the label screen show for the edge cases of in-store codes: how a strange code is quoted in
// a message, when a near miss is called a keying slip, and every refusal of the label printer with what it names.

const defaults = defaultNomenclature();
const ruleNamed = (name: string) => defaults.find((r) => r.name === name)!;

describe('a code that fits no rule is named as it was typed', () => {
  it.each([
    ['CAFE-250', 'CAFE-250'],
    ['CAFÉ 250', '"CAFÉ 250"'],
    ['A'.repeat(40), 'A'.repeat(40)],
    ['A'.repeat(41), `"${'A'.repeat(40)}…"`],
    [`x${'9'.repeat(44)}`, `"x${'9'.repeat(39)}…"`],
  ])('%j is shown as %s', (code, shown) => {
    expect(parseScan(code, defaults)).toEqual({ ok: false, code: 'SCAN_NO_RULE', message: `${shown} matches no in-store barcode rule`, params: { code } });
  });

  it('a code with a letter inside a layout is quoted when it is not plain', () => {
    expect(parseScan('21 001 300150', defaults)).toMatchObject({ code: 'SCAN_NOT_DIGITS', message: `"21 001 300150" matches 'Weighed article' but has " " at position 3 where a digit is expected` });
  });
});

describe('a keying slip is only called one when it cannot be an ordinary barcode', () => {
  const plu: BarcodeRule = { name: 'PLU label', type: 'article', pattern: '2AAAAAAC' };

  it('needs a prefix of two digits or more', () => {
    // 9 digits starting with the one-digit prefix 2, check digit wrong: an unknown code, not a slip.
    expect(parseScan('212345670', [plu])).toMatchObject({ code: 'SCAN_NO_RULE' });
  });

  it('needs exactly one digit too few or too many', () => {
    expect(parseScan('21001230120', defaults)).toMatchObject({ code: 'SCAN_NO_RULE' });
    expect(parseScan('210012301234', defaults)).toMatchObject({ code: 'SCAN_BAD_LENGTH', params: { length: 12, expectedLength: 13 } });
  });

  it('needs more than one digit', () => {
    expect(parseScan('2', defaults)).toEqual({ ok: false, code: 'SCAN_NO_RULE', message: '2 matches no in-store barcode rule', params: { code: '2' } });
  });
});

describe('the label printer names each field it refuses', () => {
  it.each<[string, Record<string, unknown>, string, string, Record<string, unknown>]>([
    ['Weighed article', { articleRef: '42' }, 'ENCODE_FIELD_MISSING', 'the weight (weight) is missing', { field: 'weight' }],
    ['Weighed article', { weight: 1250 }, 'ENCODE_FIELD_MISSING', 'the article (articleRef) is missing', { field: 'articleRef' }],
    ['Weighed article', { articleRef: '42', weight: 1250, price: 100 }, 'ENCODE_FIELD_UNUSED', 'the layout 21AAAAAWWWWWC has no place for price', { field: 'price' }],
    ['Weighed article', { articleRef: '42', weight: 100000 }, 'ENCODE_FIELD_TOO_LONG', 'weight 100000 does not fit in 5 digits', { field: 'weight', maxLength: 5 }],
    ['Weighed article', { articleRef: '123456', weight: 1 }, 'ENCODE_FIELD_TOO_LONG', 'articleRef 123456 does not fit in 5 digits', { field: 'articleRef', maxLength: 5 }],
    ['Weighed article', { articleRef: 42, weight: 1 }, 'ENCODE_FIELD_INVALID', 'articleRef must be digits, got 42', { field: 'articleRef' }],
    ['Weighed article', { articleRef: '', weight: 1 }, 'ENCODE_FIELD_INVALID', 'articleRef must be digits, got ""', { field: 'articleRef' }],
    ['Priced article', { articleRef: '1', price: 12.5 }, 'ENCODE_FIELD_INVALID', 'price must be a whole number, 0 or more, got 12.5', { field: 'price' }],
    ['Priced article', { articleRef: '1', price: '100' }, 'ENCODE_FIELD_INVALID', 'price must be a whole number, 0 or more, got 100', { field: 'price' }],
    ['Priced article', { articleRef: '1', price: 2 ** 53 }, 'ENCODE_FIELD_INVALID', 'price must be a whole number, 0 or more, got 9007199254740992', { field: 'price' }],
    ['Counted article', { articleRef: '1', quantity: -6000 }, 'ENCODE_FIELD_INVALID', 'quantity must be whole pieces in thousandths (6 pieces = 6000), got -6000', { field: 'quantity' }],
  ])('%s with %j: %s', (name, fields, code, detail, params) => {
    expect(encodeScan(ruleNamed(name), fields)).toEqual({ ok: false, code, message: `Rule '${name}': ${detail}`, params: { rule: name, ...params } });
  });

  it('says why a rule cannot print at all', () => {
    expect(encodeScan({ name: 'X', type: 'price', pattern: '23AAAAAKWWWWC' }, {})).toEqual({
      ok: false, code: 'ENCODE_INVALID_RULE', message: "Rule 'X': a 'price' rule cannot carry W; it may carry A, P",
      params: { rule: 'X', reason: 'RULE_FIELD_NOT_ALLOWED' },
    });
  });

  it('prints zero (and refuses to read a 0 g label), leaves out fields given as undefined, and reads back what it printed', () => {
    // Check digits computed apart (Python): 210000700000 → 8, 990000012315 → 4.
    const printed = encodeScan(ruleNamed('Weighed article'), { articleRef: '7', weight: 0, price: undefined });
    expect(printed).toEqual({ ok: true, barcode: '2100007000008' });
    expect(parseScan('2100007000008', defaults)).toMatchObject({ ok: false, code: 'SCAN_ZERO_QUANTITY', params: { rule: 'Weighed article', unit: 'g' } });
    const coupon = encodeScan(ruleNamed('Percent-off coupon'), { number: '123', discount: 15 });
    expect(coupon).toEqual({ ok: true, barcode: '9900000123154' });
    expect(parseScan('9900000123154', defaults)).toMatchObject({ number: '000123', discount: 15, discountUnit: 'percent' });
  });

  it('reads a coupon of a rule that names no unit as cents', () => {
    const coupon: BarcodeRule = { name: 'Bon', type: 'discount', pattern: '98NNNNNNDDDDC' };
    const printed = encodeScan(coupon, { number: '1', discount: 500 });
    expect(printed.ok).toBe(true);
    expect(parseScan((printed as { barcode: string }).barcode, [coupon])).toEqual({ ok: true, rule: 'Bon', type: 'discount', number: '000001', discount: 500, discountUnit: 'cents' });
  });
});
