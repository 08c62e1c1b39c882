import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { countries, countryName, validatePostalCode } from './postal.js';

describe('countries', () => {
  it('lists BE, FR, NL, LU and DE with names in fr, nl and en', () => {
    expect(countries.map((c) => c.code)).toEqual(['BE', 'FR', 'NL', 'LU', 'DE']);
    for (const c of countries) {
      expect(c.names.fr && c.names.nl && c.names.en).toBeTruthy();
    }
    expect(countryName('BE', 'nl')).toBe('België');
    expect(countryName('NL', 'fr')).toBe('Pays-Bas');
  });
});

describe('validatePostalCode', () => {
  it('accepts Belgian codes 1000 to 9999', () => {
    expect(validatePostalCode('1000', 'BE')).toEqual({ ok: true, country: 'BE', normalized: '1000' });
    expect(validatePostalCode(' 9999 ', 'BE')).toEqual({ ok: true, country: 'BE', normalized: '9999' });
    expect(validatePostalCode('B-4000', 'BE')).toEqual({ ok: true, country: 'BE', normalized: '4000' });
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), (n) => validatePostalCode(String(n), 'BE').ok));
  });

  it('rejects Belgian codes with a clear message', () => {
    expect(validatePostalCode('0999', 'BE')).toEqual({
      ok: false,
      code: 'POSTAL_CODE_OUT_OF_RANGE',
      message: 'Belgian postal code 0999: must be between 1000 and 9999',
      params: { country: 'BE', min: '1000', max: '9999' },
    });
    expect(validatePostalCode('10000', 'BE')).toMatchObject({
      ok: false,
      code: 'POSTAL_CODE_BAD_FORMAT',
      message: 'Belgian postal code 10000: must be 4 digits',
    });
    expect(validatePostalCode('', 'BE')).toMatchObject({ ok: false, code: 'POSTAL_CODE_EMPTY' });
  });

  it('accepts French codes of 5 digits only', () => {
    expect(validatePostalCode('75011', 'FR')).toEqual({ ok: true, country: 'FR', normalized: '75011' });
    expect(validatePostalCode('08000', 'fr')).toEqual({ ok: true, country: 'FR', normalized: '08000' });
    expect(validatePostalCode('7501', 'FR')).toMatchObject({ ok: false, code: 'POSTAL_CODE_BAD_FORMAT' });
    expect(validatePostalCode('75 011', 'FR')).toMatchObject({ ok: false, code: 'POSTAL_CODE_BAD_FORMAT' });
  });

  it('knows Dutch, Luxembourg and German formats', () => {
    expect(validatePostalCode('1012ab', 'NL')).toMatchObject({ ok: true, normalized: '1012 AB' });
    expect(validatePostalCode('1012 SS', 'NL').ok).toBe(false);
    expect(validatePostalCode('L-1009', 'LU')).toMatchObject({ ok: true, normalized: '1009' });
    expect(validatePostalCode('10115', 'DE')).toMatchObject({ ok: true, normalized: '10115' });
    expect(validatePostalCode('00999', 'DE')).toMatchObject({ ok: false, code: 'POSTAL_CODE_OUT_OF_RANGE' });
  });

  it('rejects unknown countries', () => {
    expect(validatePostalCode('1000', 'XX')).toMatchObject({ ok: false, code: 'POSTAL_CODE_UNKNOWN_COUNTRY' });
  });
});
