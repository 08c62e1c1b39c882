import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  belgianCheckDigits,
  formatVatNumber,
  frenchVatKey,
  makeBelgianVatNumber,
  makeFrenchVatNumber,
  validateVatNumber,
} from './vat-number.js';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('Belgian VAT numbers', () => {
  it('accepts a valid number written with spaces, dots or lower case', () => {
    for (const input of ['BE0123456749', 'BE 0123.456.749', 'be0123 456 749', ' BE 0123.456.749 ']) {
      expect(validateVatNumber(input)).toEqual({
        ok: true,
        country: 'BE',
        normalized: 'BE0123456749',
        checksumVerified: true,
      });
    }
  });

  it('says which check digits are expected', () => {
    expect(validateVatNumber('BE0123456748')).toEqual({
      ok: false,
      code: 'VAT_NUMBER_BAD_CHECKSUM',
      message: 'BE0123456748: check digits should be 49, not 48',
      params: { country: 'BE', expected: '49', actual: '48' },
    });
  });

  it('rejects wrong lengths, letters and first digits other than 0 or 1', () => {
    const short = validateVatNumber('BE123456749');
    expect(short).toMatchObject({ ok: false, code: 'VAT_NUMBER_BAD_FORMAT' });
    if (!short.ok) expect(short.message).toMatch(/10 digits after BE, got 9 \(old 9-digit numbers take a leading 0\)/);
    expect(validateVatNumber('BE01234567490')).toMatchObject({ ok: false, code: 'VAT_NUMBER_BAD_FORMAT' });
    expect(validateVatNumber('BE012345674A')).toMatchObject({ ok: false, code: 'VAT_NUMBER_BAD_FORMAT' });
    const first = validateVatNumber('BE2123456749');
    expect(first).toMatchObject({ ok: false, code: 'VAT_NUMBER_BAD_FORMAT' });
    if (!first.ok) expect(first.message).toMatch(/start with 0 or 1/);
    expect(validateVatNumber('BE')).toMatchObject({ ok: false, code: 'VAT_NUMBER_BAD_FORMAT' });
  });

  it('uses 97 when the first 8 digits are a multiple of 97', () => {
    expect(belgianCheckDigits('00000097')).toBe('97');
    expect(validateVatNumber('BE0000009797').ok).toBe(true);
  });

  it('needs a prefix unless a default country is given', () => {
    expect(validateVatNumber('0123.456.749')).toMatchObject({ ok: false, code: 'VAT_NUMBER_NO_COUNTRY' });
    expect(validateVatNumber('0123.456.749', { defaultCountry: 'BE' })).toMatchObject({
      ok: true,
      normalized: 'BE0123456749',
    });
  });

  it('every generated number validates, and any single-digit change is detected', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1'), digits(7), fc.integer({ min: 2, max: 11 }), fc.integer({ min: 1, max: 9 }), (lead, rest, pos, delta) => {
        const vat = makeBelgianVatNumber(lead + rest);
        if (!validateVatNumber(vat).ok) return false;
        const changed = vat.slice(0, pos) + String((Number(vat[pos]) + delta) % 10) + vat.slice(pos + 1);
        return !validateVatNumber(changed).ok;
      }),
    );
  });

  it('makeBelgianVatNumber refuses bad input', () => {
    expect(() => makeBelgianVatNumber('21234567')).toThrow(RangeError);
    expect(() => makeBelgianVatNumber('0123456')).toThrow(RangeError);
  });
});

describe('French VAT numbers', () => {
  it('accepts a valid number and computes the key from the SIREN', () => {
    expect(frenchVatKey('303265045')).toBe('40');
    expect(validateVatNumber('FR 40 303 265 045')).toEqual({
      ok: true,
      country: 'FR',
      normalized: 'FR40303265045',
      checksumVerified: true,
    });
  });

  it('says which key is expected', () => {
    expect(validateVatNumber('FR41303265045')).toMatchObject({
      ok: false,
      code: 'VAT_NUMBER_BAD_CHECKSUM',
      message: 'FR41303265045: key should be 40, not 41 (SIREN 303265045)',
      params: { country: 'FR', expected: '40', actual: '41' },
    });
  });

  it('accepts alphanumeric keys without a checksum', () => {
    expect(validateVatNumber('FRK7303265045')).toEqual({
      ok: true,
      country: 'FR',
      normalized: 'FRK7303265045',
      checksumVerified: false,
    });
  });

  it('rejects bad lengths and a non-numeric SIREN', () => {
    expect(validateVatNumber('FR4030326504')).toMatchObject({ ok: false, code: 'VAT_NUMBER_BAD_FORMAT' });
    expect(validateVatNumber('FR4030326504X')).toMatchObject({ ok: false, code: 'VAT_NUMBER_BAD_FORMAT' });
  });

  it('every generated number validates', () => {
    fc.assert(fc.property(digits(9), (siren) => validateVatNumber(makeFrenchVatNumber(siren)).ok));
  });

  it('keys are two digits', () => {
    expect(frenchVatKey('000000000')).toBe('12');
    fc.assert(fc.property(digits(9), (siren) => /^\d{2}$/.test(frenchVatKey(siren))));
  });
});

describe('other EU VAT numbers', () => {
  it('accepts EU prefixes with 2 to 13 letters or digits, without checksum', () => {
    expect(validateVatNumber('NL 8234.56.789.B01')).toEqual({
      ok: true,
      country: 'NL',
      normalized: 'NL823456789B01',
      checksumVerified: false,
    });
    expect(validateVatNumber('LU12345613').ok).toBe(true);
    expect(validateVatNumber('DE123456789').ok).toBe(true);
  });

  it('rejects non-EU prefixes, bad lengths and bad characters', () => {
    expect(validateVatNumber('US123456789')).toMatchObject({ ok: false, code: 'VAT_NUMBER_UNKNOWN_COUNTRY', params: { country: 'US' } });
    expect(validateVatNumber('GR123456789')).toEqual({
      ok: false,
      code: 'VAT_NUMBER_UNKNOWN_COUNTRY',
      message: 'VAT number GR123456789: GR is not an EU VAT prefix (Greek VAT numbers start with EL)',
      params: { country: 'GR' },
    });
    expect(validateVatNumber('EL123456789')).toMatchObject({ ok: true, country: 'EL', normalized: 'EL123456789' });
    expect(validateVatNumber('DE1')).toMatchObject({ ok: false, code: 'VAT_NUMBER_BAD_FORMAT' });
    expect(validateVatNumber('DE12345678901234')).toMatchObject({ ok: false, code: 'VAT_NUMBER_BAD_FORMAT' });
    expect(validateVatNumber('DE-123456789')).toMatchObject({
      ok: false,
      code: 'VAT_NUMBER_BAD_CHARACTER',
      params: { character: '-', position: 3 },
    });
    expect(validateVatNumber('  ')).toMatchObject({ ok: false, code: 'VAT_NUMBER_EMPTY' });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const r = validateVatNumber(s);
        return r.ok ? /^[A-Z]{2}[A-Z0-9]{2,13}$/.test(r.normalized) : r.code.startsWith('VAT_NUMBER_');
      }),
    );
  });
});

describe('formatVatNumber', () => {
  it('formats as printed on invoices', () => {
    expect(formatVatNumber('BE0123456749')).toBe('BE 0123.456.749');
    expect(formatVatNumber('FR40303265045')).toBe('FR 40 303265045');
    expect(formatVatNumber('NL823456789B01')).toBe('NL 823456789B01');
  });
});
