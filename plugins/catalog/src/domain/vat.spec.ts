import { describe, it, expect } from 'vitest';
import { VAT_CATEGORIES, findVatCategory, formatVatRate, getVatCategory, vatCategoriesFor } from './vat.js';

describe('VAT categories', () => {
  it('has the Belgian rates', () => {
    expect(vatCategoriesFor('BE').map((c) => [c.code, c.rate, c.kind, c.uncl5305])).toEqual([
      ['BE-21', 2100, 'standard', 'S'],
      ['BE-12', 1200, 'intermediate', 'S'],
      ['BE-6', 600, 'reduced', 'S'],
      ['BE-0', 0, 'zero', 'Z'],
    ]);
  });

  it('has the French rates', () => {
    expect(vatCategoriesFor('FR').map((c) => [c.code, c.rate, c.kind, c.uncl5305])).toEqual([
      ['FR-20', 2000, 'standard', 'S'],
      ['FR-10', 1000, 'intermediate', 'S'],
      ['FR-5.5', 550, 'reduced', 'S'],
      ['FR-2.1', 210, 'super-reduced', 'S'],
      ['FR-0', 0, 'zero', 'Z'],
    ]);
  });

  it('codes are country-rate, unique, and names exist in fr, nl and en', () => {
    const codes = new Set<string>();
    for (const c of VAT_CATEGORIES) {
      expect(c.code).toBe(`${c.country}-${c.rate / 100}`);
      codes.add(c.code);
      expect(c.names.fr).toContain(formatVatRate(c.rate, 'fr'));
      expect(c.names.nl).toContain(formatVatRate(c.rate, 'nl'));
      expect(c.names.en).toContain(formatVatRate(c.rate, 'en'));
      expect(c.uncl5305).toBe(c.rate === 0 ? 'Z' : 'S');
    }
    expect(codes.size).toBe(VAT_CATEGORIES.length);
    expect(getVatCategory('FR-5.5').names).toEqual({
      fr: 'Taux réduit (5,5 %)',
      nl: 'Verlaagd tarief (5,5 %)',
      en: 'Reduced rate (5.5%)',
    });
  });

  it('accepts lower-case countries and throws a clear error for unknown ones', () => {
    expect(vatCategoriesFor('be')).toBe(vatCategoriesFor('BE'));
    expect(() => vatCategoriesFor('XX')).toThrow('No VAT categories known for country "XX"; known countries: BE, FR');
  });

  it('finds categories by code', () => {
    expect(findVatCategory('BE-6')?.rate).toBe(600);
    expect(findVatCategory('BE-5')).toBeUndefined();
    expect(() => getVatCategory('BE-5')).toThrow(/Unknown VAT category "BE-5"/);
  });

  it('data cannot be mutated by callers', () => {
    expect(Object.isFrozen(VAT_CATEGORIES)).toBe(true);
    expect(Object.isFrozen(VAT_CATEGORIES[0])).toBe(true);
    expect(Object.isFrozen(vatCategoriesFor('BE'))).toBe(true);
  });
});
