import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MoneyError } from './errors.js';
import { countryRules, getCountryRules, isCountryCode } from './country.js';
import { formatRate } from './format.js';

/** Runs `fn` and returns the MoneyError code it throws (undefined when it does not throw). */
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return undefined;
}

describe('countryRules', () => {
  it('Belgium: EUR, fr-BE, cash rounded to 5 cents, VAT 21/12/6/0 %', () => {
    expect(countryRules.BE).toEqual({
      code: 'BE',
      name: 'Belgium',
      currency: 'EUR',
      locale: 'fr-BE',
      cashRoundingStep: 5,
      vatRates: [2100, 1200, 600, 0],
    });
  });

  it('France: EUR, fr-FR, no cash rounding, VAT 20/10/5.5/2.1/0 %', () => {
    expect(countryRules.FR).toEqual({
      code: 'FR',
      name: 'France',
      currency: 'EUR',
      locale: 'fr-FR',
      cashRoundingStep: null,
      vatRates: [2000, 1000, 550, 210, 0],
    });
  });

  it('prints the rates as a shop expects in its own locale', () => {
    const show = (code: 'BE' | 'FR') => countryRules[code].vatRates.map((r) => formatRate(r, countryRules[code].locale));
    expect(show('BE')).toEqual(['21\u00A0%', '12\u00A0%', '6\u00A0%', '0\u00A0%']);
    expect(show('FR')).toEqual(['20\u00A0%', '10\u00A0%', '5,5\u00A0%', '2,1\u00A0%', '0\u00A0%']);
  });

  it('cannot be modified at run time', () => {
    expect(() => {
      (countryRules.BE.vatRates as number[]).push(1);
    }).toThrow(TypeError);
    expect(() => {
      (countryRules.FR as { cashRoundingStep: number | null }).cashRoundingStep = 5;
    }).toThrow(TypeError);
    expect(() => {
      (countryRules as Record<string, unknown>).DE = {};
    }).toThrow(TypeError);
    expect(countryRules.FR.cashRoundingStep).toBeNull();
  });
});

describe('getCountryRules', () => {
  it('returns the rules of a known country, whatever the case', () => {
    expect(getCountryRules('BE')).toBe(countryRules.BE);
    expect(getCountryRules('fr')).toBe(countryRules.FR);
    expect(getCountryRules(' be ')).toBe(countryRules.BE);
  });

  it('throws COUNTRY_UNKNOWN with a clear message for an unknown country', () => {
    expect(codeOf(() => getCountryRules('DE'))).toBe('COUNTRY_UNKNOWN');
    expect(() => getCountryRules('DE')).toThrow('Unknown country "DE": Comptoir only knows the rules of BE, FR.');
  });

  it.each(['', 'BEL', 'LU', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])('rejects %j', (code) => {
    expect(codeOf(() => getCountryRules(code))).toBe('COUNTRY_UNKNOWN');
  });

  it('rejects every string that is not BE or FR', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !['BE', 'FR'].includes(s.trim().toUpperCase())),
        (code) => {
          expect(codeOf(() => getCountryRules(code))).toBe('COUNTRY_UNKNOWN');
        },
      ),
    );
  });
});

describe('isCountryCode', () => {
  it('accepts exactly the supported upper-case codes', () => {
    expect(isCountryCode('BE')).toBe(true);
    expect(isCountryCode('FR')).toBe(true);
    expect(isCountryCode('be')).toBe(false);
    expect(isCountryCode('toString')).toBe(false);
    expect(isCountryCode(undefined)).toBe(false);
    expect(isCountryCode(42)).toBe(false);
  });
});

describe('MoneyError', () => {
  it('is an Error with a stable code and a message for a person', () => {
    const error = new MoneyError('MONEY_PARSE', 'Cannot read "x" as an amount of money.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MoneyError');
    expect(error.code).toBe('MONEY_PARSE');
    expect(error.message).toBe('Cannot read "x" as an amount of money.');
  });
});
