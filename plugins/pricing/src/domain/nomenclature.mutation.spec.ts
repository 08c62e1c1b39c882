import { describe, it, expect } from 'vitest';
import { encodeScan, parseScan, validateRule, defaultNomenclature, type BarcodeRule } from './nomenclature.js';
import { priceCheckDigit } from './price-check-digit.js';

// What the surviving mutants of `pnpm mutation pricing` showed unpinned in reading, printing and checking
// in-store codes: the messages a shop reads about its own rules, and the codes a label printer prints.

describe('a rule the label printer cannot print, named the way shops name them', () => {
  it('says what is wrong once, after the rule’s name, even when the name holds an apostrophe', () => {
    // French rule names often hold an apostrophe ("Balance d'épicerie"); the message once repeated its prefix.
    const rule: BarcodeRule = { name: "Balance d'épicerie", type: 'weight', pattern: 'AAAAAWWWWWWWC' };
    expect(encodeScan(rule, { articleRef: '1', weight: 500 })).toEqual({
      ok: false, code: 'ENCODE_INVALID_RULE',
      message: "Rule 'Balance d'épicerie': pattern AAAAAWWWWWWWC must start with at least one literal digit (e.g. 21), otherwise it would capture ordinary barcodes",
      params: { rule: "Balance d'épicerie", reason: 'RULE_NO_PREFIX' },
    });
  });

  it('says what is wrong once with a name of several letters', () => {
    expect(encodeScan({ name: 'Scale', type: 'weight', pattern: '21AAAAAWWWWWW' }, {})).toMatchObject({
      message: "Rule 'Scale': an EAN-13 layout needs its check digit C in last position",
    });
  });
});

describe('the layout of a rule, as the shop is told about it', () => {
  it('shows an empty EAN pattern as ""', () => {
    expect(validateRule({ name: 'Empty', type: 'weight', pattern: '', encoding: 'ean8' })).toEqual({
      ok: false, code: 'RULE_BAD_LENGTH', message: 'Rule \'Empty\': pattern "" has 0 characters, an EAN-8 layout needs 8',
      params: { rule: 'Empty', encoding: 'ean8', length: 0, expectedLength: 8 },
    });
  });

  it('names the position of a second check digit, and of a single misplaced one', () => {
    expect(validateRule({ name: 'Two', type: 'weight', pattern: '21AAAACWWWWWC' })).toMatchObject({
      code: 'RULE_CHECK_DIGIT_MISPLACED', params: { position: 13 },
      message: "Rule 'Two': the check digit C must appear once, in last position (found at position 13)",
    });
    expect(validateRule({ name: 'Early', type: 'weight', pattern: '21AAAAAWWWWCW' })).toMatchObject({
      code: 'RULE_CHECK_DIGIT_MISPLACED', params: { position: 12 },
    });
  });

  it('prints a literal digit that sits between two fields', () => {
    const rule: BarcodeRule = { name: 'Counter scale', type: 'weight', pattern: '21AAAA0WWWWWC' };
    expect(validateRule(rule)).toEqual({ ok: true, encoding: 'ean13' });
    const printed = encodeScan(rule, { articleRef: '0042', weight: 1250 });
    expect(printed).toMatchObject({ ok: true });
    const barcode = (printed as { barcode: string }).barcode;
    expect(barcode.slice(0, 12)).toBe('210042001250');
    expect(barcode).toHaveLength(13);
    expect(parseScan(barcode, [rule])).toMatchObject({ ok: true, articleRef: '0042', weight: 1250 });
  });
});

describe('what a scan shows when the code is odd', () => {
  it('treats a missing code as an empty one', () => {
    expect(parseScan(undefined as unknown as string, defaultNomenclature())).toEqual({
      ok: false, code: 'SCAN_NOT_DIGITS', message: 'The scanned code is empty', params: { code: '' },
    });
  });

  it('quotes a code of exactly 40 characters whole, and cuts a longer one', () => {
    const forty = `${'A'.repeat(19)} ${'B'.repeat(20)}`;
    expect(forty).toHaveLength(40);
    expect(parseScan(forty, defaultNomenclature())).toMatchObject({ code: 'SCAN_NO_RULE', message: `"${forty}" matches no in-store barcode rule` });
    const longer = `${forty}C`;
    expect(parseScan(longer, defaultNomenclature())).toMatchObject({ message: `"${forty}…" matches no in-store barcode rule` });
  });
});

describe('the price verifier digit', () => {
  it('is a RangeError with its message for a price given as a number or a list', () => {
    expect(() => priceCheckDigit(2875 as unknown as string)).toThrow(new RangeError('priceCheckDigit: expected exactly 4 digits, got 2875'));
    expect(() => priceCheckDigit(['2875'] as unknown as string)).toThrow(new RangeError('priceCheckDigit: expected exactly 4 digits, got ["2875"]'));
  });
});
