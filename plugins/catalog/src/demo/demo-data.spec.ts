import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { validateBarcode } from '../domain/barcodes.js';
import { validatePostalCode } from '../domain/postal.js';
import { validateVatNumber } from '../domain/vat-number.js';
import { vatCategoriesFor } from '../domain/vat.js';
import { generateDemoCatalog, type DemoCatalog } from './demo-data.js';
import { TOWNS } from './reference-data.js';

const catalog: DemoCatalog = generateDemoCatalog();

const duplicates = (values: readonly string[]) => {
  const seen = new Set<string>();
  return values.filter((v) => seen.has(v) || !seen.add(v));
};
const euros = (cents: number) => cents / 100;

describe('generateDemoCatalog: determinism', () => {
  it('gives deep-equal output for the same seed', () => {
    expect(generateDemoCatalog({ seed: 42 })).toEqual(generateDemoCatalog({ seed: 42 }));
    expect(generateDemoCatalog()).toEqual(catalog);
  });

  it('gives different output for another seed', () => {
    const other = generateDemoCatalog({ seed: 2 });
    expect(other.articles).not.toEqual(catalog.articles);
    expect(other.customers).not.toEqual(catalog.customers);
    expect(other.suppliers).not.toEqual(catalog.suppliers);
  });

  it('does not use Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    try {
      expect(() => generateDemoCatalog({ seed: 7, articles: 300 })).not.toThrow();
    } finally {
      Math.random = original;
    }
  });

  it('keeps sections independent: the customer count does not change the articles', () => {
    const few = generateDemoCatalog({ seed: 3, articles: 200, customers: 10 });
    const many = generateDemoCatalog({ seed: 3, articles: 200, customers: 300 });
    expect(few.articles).toEqual(many.articles);
    expect(many.customers.slice(0, 10)).toEqual(few.customers);
  });

  it('refuses bad options', () => {
    expect(() => generateDemoCatalog({ articles: -1 })).toThrow(RangeError);
    expect(() => generateDemoCatalog({ articles: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoCatalog({ seed: -1 })).toThrow(RangeError);
    expect(() => generateDemoCatalog({ seed: Number.NaN })).toThrow(RangeError);
  });
});

describe('generateDemoCatalog: families', () => {
  it('has 20–30 families in a two-level tree with names in fr, nl and en', () => {
    const { families } = catalog;
    expect(families.length).toBeGreaterThanOrEqual(20);
    expect(families.length).toBeLessThanOrEqual(30);
    expect(duplicates(families.map((f) => f.code))).toEqual([]);
    const byCode = new Map(families.map((f) => [f.code, f]));
    for (const f of families) {
      expect(f.names.fr && f.names.nl && f.names.en).toBeTruthy();
      if (f.parentCode !== null) {
        expect(byCode.get(f.parentCode)?.parentCode).toBeNull();
      }
    }
    expect(byCode.get('VID')?.names.fr).toBe('Vidanges');
    expect(byCode.get('BIE')?.parentCode).toBe('BOI');
  });
});

describe('generateDemoCatalog: articles', () => {
  const { articles } = catalog;
  const families = new Map(catalog.families.map((f) => [f.code, f]));
  const beVat = new Set(vatCategoriesFor('BE').map((c) => c.code));

  it('has 2,400 articles by default, and exactly the number asked for', () => {
    expect(articles.length).toBe(2400);
    for (const n of [0, 1, 37, 2000, 5000]) {
      expect(generateDemoCatalog({ articles: n, customers: 0, suppliers: 0 }).articles).toHaveLength(n);
    }
  });

  it('codes, names and barcodes are unique', () => {
    expect(duplicates(articles.map((a) => a.code))).toEqual([]);
    expect(duplicates(articles.map((a) => a.name))).toEqual([]);
    expect(duplicates(articles.flatMap((a) => a.barcodes))).toEqual([]);
    const big = generateDemoCatalog({ articles: 5000, customers: 0, suppliers: 0 }).articles;
    expect(duplicates(big.map((a) => a.code))).toEqual([]);
    expect(duplicates(big.flatMap((a) => a.barcodes))).toEqual([]);
  });

  it('every barcode validates; EAN-13s have Belgian GS1 prefixes 540–549', () => {
    for (const a of articles) {
      expect(a.barcodes.length).toBeGreaterThan(0);
      for (const code of a.barcodes) {
        const result = validateBarcode(code);
        expect(result, `${a.code} ${code}`).toMatchObject({ ok: true, normalized: code });
        if (result.ok && result.kind === 'ean13') expect(code).toMatch(/^54\d{11}$/);
        if (result.ok && result.kind === 'internal') expect(a.unit).not.toBe('piece');
      }
    }
    expect(articles.some((a) => a.barcodes.length > 1)).toBe(true);
    expect(articles.some((a) => validateBarcode(a.barcodes[0]).ok && a.barcodes[0].startsWith('PLU-'))).toBe(true);
  });

  it('every family exists and is a leaf; every VAT category exists for BE', () => {
    const parents = new Set(catalog.families.map((f) => f.parentCode));
    for (const a of articles) {
      expect(families.has(a.familyCode), a.familyCode).toBe(true);
      expect(parents.has(a.familyCode)).toBe(false);
      expect(beVat.has(a.vatCategory), a.vatCategory).toBe(true);
      expect(a.code.startsWith(`${a.familyCode}-`)).toBe(true);
    }
  });

  it('applies Belgian VAT rates by kind of product', () => {
    const vatOf = (family: string) => new Set(articles.filter((a) => a.familyCode === family).map((a) => a.vatCategory));
    for (const family of ['BIE', 'VIN', 'SPI', 'HYG', 'ENT']) expect(vatOf(family)).toEqual(new Set(['BE-21']));
    for (const family of ['SOF', 'EAU', 'PAT', 'FEL', 'FRO', 'BOU', 'PAI']) expect(vatOf(family)).toEqual(new Set(['BE-6']));
    expect(vatOf('SNK')).toEqual(new Set(['BE-12', 'BE-21']));
    expect(vatOf('VID')).toEqual(new Set(['BE-0']));
  });

  it('sells fruit, vegetables, cheese and meat by weight where it should', () => {
    const units = (family: string) => new Set(articles.filter((a) => a.familyCode === family).map((a) => a.unit));
    expect(units('FRO')).toEqual(new Set(['kg']));
    expect(units('BOU')).toEqual(new Set(['kg']));
    expect(units('FEL')).toEqual(new Set(['kg', 'piece']));
    expect(articles.some((a) => a.unit === 'litre')).toBe(true);
  });

  it('has believable prices', () => {
    for (const a of articles) {
      expect(Number.isInteger(a.price) && a.price > 0, a.name).toBe(true);
    }
    const beers33 = articles.filter((a) => a.familyCode === 'BIE' && a.name.endsWith(' 33 cl') && !a.name.includes('×'));
    expect(beers33.length).toBeGreaterThan(20);
    for (const a of beers33) expect(euros(a.price), a.name).toBeGreaterThanOrEqual(1.29);
    for (const a of beers33) expect(euros(a.price), a.name).toBeLessThanOrEqual(2.49);
    const breads = articles.filter((a) => a.familyCode === 'PAI');
    expect(breads.length).toBeGreaterThan(10);
    for (const a of breads) expect(euros(a.price), a.name).toBeGreaterThanOrEqual(2.2);
    for (const a of breads) expect(euros(a.price), a.name).toBeLessThanOrEqual(3.8);
    const cheeses = articles.filter((a) => a.familyCode === 'FRO');
    expect(cheeses.length).toBeGreaterThan(10);
    for (const a of cheeses) expect(euros(a.price), a.name).toBeGreaterThanOrEqual(14);
    for (const a of cheeses) expect(euros(a.price), a.name).toBeLessThanOrEqual(35);
  });

  it('has a few inactive articles', () => {
    const inactive = articles.filter((a) => !a.active).length;
    expect(inactive).toBeGreaterThan(0);
    expect(inactive).toBeLessThan(articles.length * 0.1);
  });

  it('has French names and descriptions', () => {
    for (const a of articles) {
      expect(a.name.trim()).toBe(a.name);
      expect(a.name).not.toMatch(/ {2}|undefined|null/);
      expect(a.description.length).toBeGreaterThan(10);
      expect(a.description).not.toMatch(/ {2}|undefined|null|\.\./);
    }
  });

  it('holds for any seed and size (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 400 }), (seed, n) => {
        const { articles: list } = generateDemoCatalog({ seed, articles: n, customers: 5, suppliers: 2 });
        const barcodes = list.flatMap((a) => a.barcodes);
        return (
          list.length === n &&
          new Set(list.map((a) => a.code)).size === n &&
          new Set(barcodes).size === barcodes.length &&
          barcodes.every((b) => validateBarcode(b).ok)
        );
      }),
      { numRuns: 25 },
    );
  });
});

describe('generateDemoCatalog: customers and suppliers', () => {
  const parties = [...catalog.customers, ...catalog.suppliers];
  const towns = new Set(TOWNS.flatMap((t) => [`${t.postalCode} ${t.city}`, `${t.postalCode} ${t.cityNl ?? t.city}`]));

  it('has about 150 customers and 25 suppliers with unique codes', () => {
    expect(catalog.customers).toHaveLength(150);
    expect(catalog.suppliers).toHaveLength(25);
    expect(duplicates(parties.map((p) => p.code))).toEqual([]);
    expect(duplicates(catalog.customers.map((c) => c.name))).toEqual([]);
    expect(duplicates(catalog.customers.map((c) => c.email))).toEqual([]);
  });

  it('mixes Belgian and French people and companies, in fr, nl and en', () => {
    const { customers } = catalog;
    const count = (pred: (c: (typeof customers)[number]) => boolean) => customers.filter(pred).length;
    expect(count((c) => c.kind === 'person')).toBeGreaterThan(60);
    expect(count((c) => c.kind === 'company')).toBeGreaterThan(20);
    expect(count((c) => c.country === 'FR')).toBeGreaterThan(5);
    expect(count((c) => c.country === 'BE')).toBeGreaterThan(100);
    for (const language of ['fr', 'nl', 'en'] as const) expect(count((c) => c.language === language)).toBeGreaterThan(0);
  });

  it('every postal code is valid for the country and matches the city', () => {
    for (const p of parties) {
      expect(validatePostalCode(p.postalCode, p.country), `${p.code} ${p.postalCode}`).toMatchObject({
        ok: true,
        normalized: p.postalCode,
      });
      expect(towns.has(`${p.postalCode} ${p.city}`), `${p.code} ${p.postalCode} ${p.city}`).toBe(true);
    }
  });

  it('Flemish towns get Dutch-speaking customers', () => {
    const flemish = new Set(TOWNS.filter((t) => t.region === 'flanders').map((t) => t.postalCode));
    for (const c of catalog.customers.filter((c) => flemish.has(c.postalCode))) expect(c.language).toBe('nl');
  });

  it('every VAT number is valid, normalized, of the right country and unique; persons have none', () => {
    for (const p of parties) {
      if ('kind' in p && p.kind === 'person') {
        expect(p.vatNumber).toBeNull();
        continue;
      }
      expect(p.vatNumber).not.toBeNull();
      const result = validateVatNumber(p.vatNumber as string);
      expect(result, `${p.code} ${p.vatNumber}`).toMatchObject({
        ok: true,
        normalized: p.vatNumber,
        country: p.country,
        checksumVerified: true,
      });
    }
    const vatNumbers = parties.map((p) => p.vatNumber).filter((v): v is string => v !== null);
    expect(duplicates(vatNumbers)).toEqual([]);
  });

  it('has e-mail addresses on reserved example domains and international phone numbers', () => {
    for (const p of parties) {
      expect(p.email).toMatch(/^[a-z0-9.-]+@([a-z0-9-]+\.example|example\.(com|net|org))$/);
      expect(p.phone).toMatch(p.country === 'BE' ? /^\+32 \d{1,3}( \d{2,3}){3}$/ : /^\+33 \d( \d{2}){4}$/);
    }
  });
});
