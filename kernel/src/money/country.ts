import { MoneyError } from './errors.js';

/** Countries whose fiscal rules Comptoir knows. */
export type CountryCode = 'BE' | 'FR';

/** Money-related rules of a country. */
export interface CountryRules {
  /** ISO 3166-1 alpha-2 code. */
  readonly code: CountryCode;
  /** Country name, for messages. */
  readonly name: string;
  /** ISO 4217 currency code. */
  readonly currency: 'EUR';
  /** Default BCP 47 locale for formatting. */
  readonly locale: string;
  /** Cash payments are rounded to a multiple of this many cents, or `null` when there is no cash rounding. */
  readonly cashRoundingStep: number | null;
  /** VAT rates in basis points (21 % = 2100), highest first. */
  readonly vatRates: readonly number[];
}

/** Fiscal rules per supported country (deeply frozen). */
export const countryRules: Readonly<Record<CountryCode, CountryRules>> = Object.freeze({
  BE: Object.freeze({
    code: 'BE',
    name: 'Belgium',
    currency: 'EUR',
    locale: 'fr-BE',
    cashRoundingStep: 5,
    vatRates: Object.freeze([2100, 1200, 600, 0]),
  }),
  FR: Object.freeze({
    code: 'FR',
    name: 'France',
    currency: 'EUR',
    locale: 'fr-FR',
    cashRoundingStep: null,
    vatRates: Object.freeze([2000, 1000, 550, 210, 0]),
  }),
});

/** True when `value` is the code of a supported country (exact, upper case). */
export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && Object.hasOwn(countryRules, value);
}

/** Rules of a country given its ISO code (case-insensitive); throws `COUNTRY_UNKNOWN` for any other value. */
export function getCountryRules(code: string): CountryRules {
  const normalized = typeof code === 'string' ? code.trim().toUpperCase() : code;
  if (!isCountryCode(normalized)) {
    const known = Object.keys(countryRules).join(', ');
    throw new MoneyError(
      'COUNTRY_UNKNOWN',
      `Unknown country ${JSON.stringify(code)}: Comptoir only knows the rules of ${known}.`,
    );
  }
  return countryRules[normalized];
}
