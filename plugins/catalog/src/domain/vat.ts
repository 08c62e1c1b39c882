import type { Language, LocalizedText } from './types.js';

/** Countries whose VAT categories Comptoir knows. */
export type VatCountry = 'BE' | 'FR';

export const VAT_COUNTRIES: readonly VatCountry[] = Object.freeze(['BE', 'FR'] as const);

/** Stable identifier of a VAT category: country and rate in percent. */
export type VatCategoryCode = 'BE-21' | 'BE-12' | 'BE-6' | 'BE-0' | 'FR-20' | 'FR-10' | 'FR-5.5' | 'FR-2.1' | 'FR-0';

export type VatRateKind = 'standard' | 'intermediate' | 'reduced' | 'super-reduced' | 'zero';

/**
 * EN 16931 VAT category code (UNCL5305 subset). Peppol BIS Billing 3.0 uses 'S' for every
 * non-zero rate (the 'AA' lower-rate code is not used) and 'Z' for the zero rate.
 */
export type Uncl5305Code = 'S' | 'Z';

export interface VatCategory {
  readonly code: VatCategoryCode;
  readonly country: VatCountry;
  /** Rate in hundredths of a percent: 2100 = 21 %, 550 = 5.5 %. */
  readonly rate: number;
  readonly kind: VatRateKind;
  readonly names: LocalizedText;
  readonly uncl5305: Uncl5305Code;
}

/** A VAT category as GET /api/catalog/vat-categories sends it: its name in the request's language. */
export interface VatCategoryView {
  code: VatCategoryCode;
  rate: number;
  name: string;
  uncl5305: Uncl5305Code;
}

function category(
  code: VatCategoryCode,
  rate: number,
  kind: VatRateKind,
  fr: string,
  nl: string,
  en: string,
): VatCategory {
  const country = code.slice(0, 2) as VatCountry;
  return Object.freeze({
    code,
    country,
    rate,
    kind,
    names: Object.freeze({
      fr: `${fr} (${formatVatRate(rate, 'fr')})`,
      nl: `${nl} (${formatVatRate(rate, 'nl')})`,
      en: `${en} (${formatVatRate(rate, 'en')})`,
    }),
    uncl5305: rate === 0 ? 'Z' : 'S',
  });
}

/** Rate (hundredths of a percent) as shown to people: "5,5 %" in fr/nl, "5.5%" in en. */
export function formatVatRate(rate: number, language: Language = 'fr'): string {
  const percent = String(rate / 100);
  return language === 'en' ? `${percent}%` : `${percent.replace('.', ',')} %`;
}

/** All VAT categories, Belgian ones first, each country's from the highest rate down. */
export const VAT_CATEGORIES: readonly VatCategory[] = Object.freeze([
  category('BE-21', 2100, 'standard', 'Taux normal', 'Normaal tarief', 'Standard rate'),
  category('BE-12', 1200, 'intermediate', 'Taux intermédiaire', 'Tussentarief', 'Intermediate rate'),
  category('BE-6', 600, 'reduced', 'Taux réduit', 'Verlaagd tarief', 'Reduced rate'),
  category('BE-0', 0, 'zero', 'Taux zéro', 'Nultarief', 'Zero rate'),
  category('FR-20', 2000, 'standard', 'Taux normal', 'Normaal tarief', 'Standard rate'),
  category('FR-10', 1000, 'intermediate', 'Taux intermédiaire', 'Tussentarief', 'Intermediate rate'),
  category('FR-5.5', 550, 'reduced', 'Taux réduit', 'Verlaagd tarief', 'Reduced rate'),
  category('FR-2.1', 210, 'super-reduced', 'Taux super réduit', 'Superverlaagd tarief', 'Super-reduced rate'),
  category('FR-0', 0, 'zero', 'Taux zéro', 'Nultarief', 'Zero rate'),
]);

const BY_COUNTRY: ReadonlyMap<string, readonly VatCategory[]> = new Map(
  VAT_COUNTRIES.map((country) => [country, Object.freeze(VAT_CATEGORIES.filter((c) => c.country === country))]),
);

const BY_CODE: ReadonlyMap<string, VatCategory> = new Map(VAT_CATEGORIES.map((c) => [c.code, c]));

/** True for 'BE' and 'FR' (exact, upper case). */
export function isVatCountry(country: string): country is VatCountry {
  return BY_COUNTRY.has(country);
}

/**
 * The VAT categories of a country (ISO 3166-1 alpha-2, case-insensitive), highest rate first.
 * @throws Error for a country whose VAT categories are not known.
 */
export function vatCategoriesFor(country: string): readonly VatCategory[] {
  const key = typeof country === 'string' ? country.trim().toUpperCase() : '';
  const found = BY_COUNTRY.get(key);
  if (!found) {
    throw new Error(
      `No VAT categories known for country ${JSON.stringify(country)}; known countries: ${VAT_COUNTRIES.join(', ')}`,
    );
  }
  return found;
}

/** The category with this code ('BE-21', 'FR-5.5'…), or undefined. */
export function findVatCategory(code: string): VatCategory | undefined {
  return BY_CODE.get(code);
}

/**
 * The category with this code.
 * @throws Error for an unknown code.
 */
export function getVatCategory(code: string): VatCategory {
  const found = BY_CODE.get(code);
  if (!found) {
    throw new Error(
      `Unknown VAT category ${JSON.stringify(code)}; known categories: ${VAT_CATEGORIES.map((c) => c.code).join(', ')}`,
    );
  }
  return found;
}
