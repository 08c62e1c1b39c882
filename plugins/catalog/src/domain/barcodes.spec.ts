import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  detectBarcodeKind,
  gtinCheckDigit,
  isValidBarcode,
  makeEan13,
  validateBarcode,
  type BarcodeKind,
} from './barcodes.js';

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('gtinCheckDigit', () => {
  it('matches published examples', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1); // EAN-13 4006381333931
    expect(gtinCheckDigit('590123412345')).toBe(7); // GS1 example 5901234123457
    expect(gtinCheckDigit('9638507')).toBe(4); // EAN-8 96385074
    expect(gtinCheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(gtinCheckDigit('540011223344')).toBe(3);
  });

  it('rejects empty and non-digit input', () => {
    expect(() => gtinCheckDigit('')).toThrow(RangeError);
    expect(() => gtinCheckDigit('12a4')).toThrow(/digits/);
  });

  it('is unchanged by leading zeros (GTIN-12 inside GTIN-13)', () => {
    fc.assert(fc.property(digits(1, 16), (d) => gtinCheckDigit(`0${d}`) === gtinCheckDigit(d)));
  });

  it('detects every single-digit substitution', () => {
    fc.assert(
      fc.property(digits(12, 12), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (d, pos, delta) => {
        const code = makeEan13(d);
        const changed = code.slice(0, pos) + String((Number(code[pos]) + delta) % 10) + code.slice(pos + 1);
        return !isValidBarcode(changed, 'ean13');
      }),
    );
  });
});

describe('makeEan13', () => {
  it('appends the check digit, and the result validates as EAN-13', () => {
    fc.assert(
      fc.property(digits(12, 12), (prefix) => {
        const code = makeEan13(prefix);
        const result = validateBarcode(code);
        return code.startsWith(prefix) && code.length === 13 && result.ok && result.kind === 'ean13';
      }),
    );
  });

  it('refuses anything but 12 digits', () => {
    expect(() => makeEan13('54001122334')).toThrow(RangeError);
    expect(() => makeEan13('5400112233445')).toThrow(RangeError);
    expect(() => makeEan13('54001122334x')).toThrow(RangeError);
  });
});

describe('validateBarcode', () => {
  it('detects the kind from the length', () => {
    expect(validateBarcode('5400112233443')).toEqual({ ok: true, kind: 'ean13', normalized: '5400112233443' });
    expect(validateBarcode('96385074')).toEqual({ ok: true, kind: 'ean8', normalized: '96385074' });
    expect(validateBarcode('036000291452')).toEqual({ ok: true, kind: 'upca', normalized: '036000291452' });
    expect(validateBarcode('PLU-1001')).toEqual({ ok: true, kind: 'internal', normalized: 'PLU-1001' });
    expect(detectBarcodeKind('12345')).toBe('internal');
  });

  it('trims surrounding whitespace', () => {
    expect(validateBarcode('  5400112233443\n')).toEqual({ ok: true, kind: 'ean13', normalized: '5400112233443' });
  });

  it('says which check digit is expected', () => {
    expect(validateBarcode('5400112233449')).toEqual({
      ok: false,
      code: 'BARCODE_BAD_CHECK_DIGIT',
      message: 'EAN-13 5400112233449: check digit should be 3, not 9',
      params: { kind: 'ean13', expected: 3, actual: 9 },
    });
    const upc = validateBarcode('036000291453');
    expect(upc.ok).toBe(false);
    if (!upc.ok) expect(upc.message).toBe('UPC-A 036000291453: check digit should be 2, not 3');
  });

  it('rejects non-digits in GTINs, with the position', () => {
    const r = validateBarcode('5400A12233443', 'ean13');
    expect(r).toMatchObject({ ok: false, code: 'BARCODE_NOT_DIGITS', params: { character: 'A', position: 5 } });
    if (!r.ok) expect(r.message).toBe('EAN-13 5400A12233443: only digits are allowed, found "A" at position 5');
  });

  it('rejects wrong lengths when the kind is given', () => {
    const r = validateBarcode('54001122334', 'ean13');
    expect(r).toMatchObject({ ok: false, code: 'BARCODE_BAD_LENGTH', params: { expectedLength: 13, length: 11 } });
    if (!r.ok) expect(r.message).toBe('EAN-13 54001122334: must have 13 digits, got 11');
    expect(validateBarcode('5400112233443', 'ean8')).toMatchObject({ ok: false, code: 'BARCODE_BAD_LENGTH' });
    expect(validateBarcode('5400112233443', 'upca')).toMatchObject({ ok: false, code: 'BARCODE_BAD_LENGTH' });
  });

  it('rejects empty codes and unknown kinds', () => {
    expect(validateBarcode('')).toMatchObject({ ok: false, code: 'BARCODE_EMPTY', message: 'Barcode is empty' });
    expect(validateBarcode('   ', 'ean8')).toMatchObject({ ok: false, code: 'BARCODE_EMPTY', message: 'EAN-8 is empty' });
    expect(validateBarcode('123', 'gtin14' as BarcodeKind)).toMatchObject({ ok: false, code: 'BARCODE_UNKNOWN_KIND' });
  });

  describe('internal codes', () => {
    it('accepts 1 to 32 letters, digits, dashes, underscores and dots', () => {
      for (const code of ['A', 'PLU-1001', 'vrac_riz.basmati', '12345', 'X'.repeat(32)]) {
        expect(validateBarcode(code, 'internal')).toEqual({ ok: true, kind: 'internal', normalized: code });
      }
    });

    it('rejects spaces, other characters and codes longer than 32', () => {
      expect(validateBarcode('PLU 1001', 'internal')).toMatchObject({
        ok: false,
        code: 'BARCODE_INTERNAL_BAD_CHARACTER',
        params: { position: 4, character: ' ' },
      });
      const accent = validateBarcode('café', 'internal');
      expect(accent).toMatchObject({ ok: false, code: 'BARCODE_INTERNAL_BAD_CHARACTER', params: { position: 4 } });
      expect(validateBarcode('X'.repeat(33), 'internal')).toMatchObject({
        ok: false,
        code: 'BARCODE_INTERNAL_TOO_LONG',
        params: { maxLength: 32, length: 33 },
      });
    });

    it('refuses 8, 12 or 13 digits with a bad check digit as a GTIN look-alike', () => {
      const r = validateBarcode('5400112233449', 'internal');
      expect(r).toMatchObject({
        ok: false,
        code: 'BARCODE_INTERNAL_LOOKS_LIKE_GTIN',
        params: { gtinKind: 'ean13', expected: 3, actual: 9 },
      });
      if (!r.ok) expect(r.message).toMatch(/looks like a GTIN \(EAN-13\) with a bad check digit/);
      expect(validateBarcode('96385075', 'internal')).toMatchObject({ code: 'BARCODE_INTERNAL_LOOKS_LIKE_GTIN' });
      expect(validateBarcode('5400112233443', 'internal')).toEqual({
        ok: true,
        kind: 'internal',
        normalized: '5400112233443',
      });
      expect(validateBarcode('123456789', 'internal').ok).toBe(true);
    });

    it('accepts every string of allowed characters that is not a GTIN look-alike', () => {
      const chars = fc.constantFrom(...'abcXYZ0123456789-_.'.split(''));
      fc.assert(
        fc.property(fc.array(chars, { minLength: 1, maxLength: 32 }).map((c) => c.join('')), (code) => {
          const looksLikeGtin = /^\d+$/.test(code) && [8, 12, 13].includes(code.length);
          const result = validateBarcode(code, 'internal');
          return looksLikeGtin || (result.ok && result.normalized === code);
        }),
      );
    });
  });

  it('never throws, whatever the input', () => {
    const kinds = fc.constantFrom<BarcodeKind | undefined>('ean13', 'ean8', 'upca', 'internal', undefined);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), kinds, (code, kind) => {
        const r = validateBarcode(code, kind);
        return r.ok ? r.normalized === code.trim() : r.message.length > 0 && r.code.startsWith('BARCODE_');
      }),
    );
  });
});
