import { displayInput, type Language, type LocalizedText, type ValidationFailure } from './types.js';

/** Countries Comptoir has addresses in (ISO 3166-1 alpha-2). */
export type CountryCode = 'BE' | 'FR' | 'NL' | 'LU' | 'DE';

export interface Country {
  readonly code: CountryCode;
  readonly names: LocalizedText;
  /** International dialling prefix, e.g. '+32'. */
  readonly phonePrefix: string;
}

export const countries: readonly Country[] = Object.freeze(
  (
    [
      { code: 'BE', names: { fr: 'Belgique', nl: 'België', en: 'Belgium' }, phonePrefix: '+32' },
      { code: 'FR', names: { fr: 'France', nl: 'Frankrijk', en: 'France' }, phonePrefix: '+33' },
      { code: 'NL', names: { fr: 'Pays-Bas', nl: 'Nederland', en: 'Netherlands' }, phonePrefix: '+31' },
      { code: 'LU', names: { fr: 'Luxembourg', nl: 'Luxemburg', en: 'Luxembourg' }, phonePrefix: '+352' },
      { code: 'DE', names: { fr: 'Allemagne', nl: 'Duitsland', en: 'Germany' }, phonePrefix: '+49' },
    ] satisfies Country[]
  ).map((c) => Object.freeze({ ...c, names: Object.freeze(c.names) })),
);

const BY_CODE: ReadonlyMap<string, Country> = new Map(countries.map((c) => [c.code, c]));

export function isCountryCode(code: string): code is CountryCode {
  return BY_CODE.has(code);
}

/** The country with this code, or undefined. */
export function findCountry(code: string): Country | undefined {
  return BY_CODE.get(code);
}

/** Name of a country in a language; the code itself for an unknown country. */
export function countryName(code: string, language: Language = 'fr'): string {
  return BY_CODE.get(code)?.names[language] ?? code;
}

/**
 * Stable error codes of {@link validatePostalCode}; `params` always has `country`, plus
 * `expected` (a description of the format, e.g. '4 digits') for `POSTAL_CODE_BAD_FORMAT`
 * and `min`/`max` for `POSTAL_CODE_OUT_OF_RANGE`.
 */
export type PostalCodeErrorCode =
  | 'POSTAL_CODE_EMPTY'
  | 'POSTAL_CODE_UNKNOWN_COUNTRY'
  | 'POSTAL_CODE_BAD_FORMAT'
  | 'POSTAL_CODE_OUT_OF_RANGE';

export type PostalCodeValidation =
  | { readonly ok: true; readonly country: CountryCode; readonly normalized: string }
  | ValidationFailure<PostalCodeErrorCode>;

interface PostalRule {
  readonly adjective: string;
  readonly pattern: RegExp;
  readonly expected: string;
  readonly normalize: (match: RegExpMatchArray) => string;
  readonly range?: readonly [number, number];
}

const RULES: Readonly<Record<CountryCode, PostalRule>> = {
  // Belgium: 4 digits, 1000 (Brussels) to 9999. The old "B-1000" style is accepted.
  BE: { adjective: 'Belgian', pattern: /^(?:B-)?(\d{4})$/i, expected: '4 digits', normalize: (m) => m[1], range: [1000, 9999] },
  // France: 5 digits (département + office); Corsica, overseas and CEDEX codes all fit.
  FR: { adjective: 'French', pattern: /^(?:F-)?(\d{5})$/i, expected: '5 digits', normalize: (m) => m[1] },
  // Netherlands: "1234 AB" (no leading 0; SA, SD and SS are never used).
  NL: {
    adjective: 'Dutch',
    pattern: /^([1-9]\d{3}) ?(?!SA|SD|SS)([A-Z]{2})$/i,
    expected: '4 digits and 2 letters, like 1234 AB',
    normalize: (m) => `${m[1]} ${m[2].toUpperCase()}`,
  },
  // Luxembourg: 4 digits, often written "L-1234".
  LU: { adjective: 'Luxembourg', pattern: /^(?:L-)?(\d{4})$/i, expected: '4 digits', normalize: (m) => m[1] },
  // Germany: 5 digits, 01001 to 99998.
  DE: { adjective: 'German', pattern: /^(?:D-)?(\d{5})$/i, expected: '5 digits', normalize: (m) => m[1], range: [1001, 99998] },
};

/**
 * Validate a postal code for a country. Surrounding spaces are ignored; `normalized` is the
 * code as it is written on an address in that country ("1000", "75011", "1234 AB").
 */
export function validatePostalCode(code: string, country: CountryCode | string): PostalCodeValidation {
  const key = typeof country === 'string' ? country.trim().toUpperCase() : '';
  if (!isCountryCode(key)) {
    return {
      ok: false,
      code: 'POSTAL_CODE_UNKNOWN_COUNTRY',
      message: `No postal code rules for country ${JSON.stringify(country)}; known countries: ${countries.map((c) => c.code).join(', ')}`,
      params: { country: String(country) },
    };
  }
  const rule = RULES[key];
  const trimmed = typeof code === 'string' ? code.trim() : '';
  if (trimmed === '') {
    return {
      ok: false,
      code: 'POSTAL_CODE_EMPTY',
      message: `${rule.adjective} postal code is empty`,
      params: { country: key },
    };
  }
  const match = trimmed.match(rule.pattern);
  if (!match) {
    return {
      ok: false,
      code: 'POSTAL_CODE_BAD_FORMAT',
      message: `${rule.adjective} postal code ${displayInput(trimmed)}: must be ${rule.expected}`,
      params: { country: key, expected: rule.expected },
    };
  }
  const normalized = rule.normalize(match);
  if (rule.range) {
    const [min, max] = rule.range;
    const value = Number(normalized);
    if (value < min || value > max) {
      const width = normalized.length;
      const pad = (n: number) => String(n).padStart(width, '0');
      return {
        ok: false,
        code: 'POSTAL_CODE_OUT_OF_RANGE',
        message: `${rule.adjective} postal code ${normalized}: must be between ${pad(min)} and ${pad(max)}`,
        params: { country: key, min: pad(min), max: pad(max) },
      };
    }
  }
  return { ok: true, country: key, normalized };
}

/** Shorthand for `validatePostalCode(code, country).ok`. */
export function isValidPostalCode(code: string, country: CountryCode | string): boolean {
  return validatePostalCode(code, country).ok;
}
