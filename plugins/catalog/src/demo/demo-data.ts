/**
 * Deterministic demo data for a Belgian grocery and drinks shop: family tree, articles with
 * valid EAN-13 barcodes (GS1 Belgium & Luxembourg prefixes 540–549), customers and suppliers
 * with valid VAT numbers and postal codes. Same options → deep-equal output.
 */
import { makeEan13 } from '../domain/barcodes.js';
import type { Language } from '../domain/types.js';
import type { VatCategoryCode } from '../domain/vat.js';
import { makeBelgianVatNumber, makeFrenchVatNumber } from '../domain/vat-number.js';
import {
  FAMILY_TEMPLATES,
  LINES,
  type ArticleUnit,
  type FamilyTemplate,
  type LineSpec,
  type NameParts,
  type PriceRange,
  type TypeSpec,
} from './catalogue-templates.js';
import { createRng, deriveSeed, hashString, type Rng } from './prng.js';
import {
  BUSINESS_FR,
  BUSINESS_FRANCE,
  BUSINESS_NL,
  FIRST_NAMES,
  STREETS_FR,
  STREETS_FR_BE,
  STREETS_NL,
  SUPPLIERS,
  SURNAMES,
  TOWNS,
  type DemoTown,
  type Region,
} from './reference-data.js';

export type { ArticleUnit } from './catalogue-templates.js';

export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_DEMO_ARTICLES = 2400;
export const DEFAULT_DEMO_CUSTOMERS = 150;
export const DEFAULT_DEMO_SUPPLIERS = 25;

export interface DemoCatalogOptions {
  /** Number of articles, default 2400. Any non-negative integer; past the ~3,700 distinct products, multipacks ("– lot de 2") are added. */
  readonly articles?: number;
  /** Seed of the pseudo-random generator, default 1. Integers 0 to 2³²−1 give distinct catalogues. */
  readonly seed?: number;
  /** Number of customers, default 150. */
  readonly customers?: number;
  /** Number of suppliers, default 25. */
  readonly suppliers?: number;
}

export interface DemoFamily {
  readonly code: string;
  /** Code of the parent family, null for a top-level family. */
  readonly parentCode: string | null;
  readonly names: { readonly fr: string; readonly nl: string; readonly en: string };
  /** VAT category most articles of this family have; null for a family that only groups others. */
  readonly defaultVatCategory: VatCategoryCode | null;
}

export interface DemoArticle {
  /** Unique, family code and number: 'BIE-0001'. */
  readonly code: string;
  /** French name as printed on the receipt: 'Abbaye de Maredval Triple 33 cl'. */
  readonly name: string;
  readonly description: string;
  /** Code of a leaf family. */
  readonly familyCode: string;
  /** Brand or producer; null for unbranded products (fruit, bakery, butcher…). */
  readonly brand: string | null;
  /** What `price` is for: one piece, one kilo or one litre. */
  readonly unit: ArticleUnit;
  /** Belgian VAT category code ('BE-6', 'BE-21'…). */
  readonly vatCategory: VatCategoryCode;
  /** One or more codes, unique across the catalogue: EAN-13s, or one internal code (PLU-…) for some weighed articles. */
  readonly barcodes: string[];
  readonly active: boolean;
  /** Retail price in euro cents, VAT included, per unit. */
  readonly price: number;
}

export interface DemoAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly country: 'BE' | 'FR';
}

export interface DemoCustomer extends DemoAddress {
  /** Unique: 'CLI-0001'. */
  readonly code: string;
  readonly name: string;
  readonly kind: 'person' | 'company';
  /** Normalized VAT number of companies ('BE0123456749', 'FR40303265045'); null for persons. */
  readonly vatNumber: string | null;
  readonly language: Language;
  readonly email: string;
  /** International format: '+32 2 512 34 56'. */
  readonly phone: string;
}

export interface DemoSupplier extends DemoAddress {
  /** Unique: 'FOU-0001'. */
  readonly code: string;
  readonly name: string;
  readonly vatNumber: string;
  readonly language: Language;
  readonly email: string;
  readonly phone: string;
}

export interface DemoCatalog {
  readonly seed: number;
  readonly country: 'BE';
  readonly currency: 'EUR';
  readonly families: DemoFamily[];
  readonly articles: DemoArticle[];
  readonly customers: DemoCustomer[];
  readonly suppliers: DemoSupplier[];
}

// ——— Candidates: every distinct product the templates can make (seed-independent) ———

interface Candidate {
  readonly family: string;
  readonly name: string;
  readonly description: string;
  readonly brand: string | null;
  readonly unit: ArticleUnit;
  readonly vat: VatCategoryCode;
  readonly price: PriceRange;
  /** 0..1: where in the price range this product sits, before noise. */
  readonly tier: number;
}

const unitHash = (text: string): number => hashString(text) / 4294967296;

function expandLine(line: LineSpec, family: FamilyTemplate, out: Candidate[], seen: Set<string>): void {
  const familyVat = family.vat;
  for (const raw of line.types) {
    const type: TypeSpec = typeof raw === 'string' ? { name: raw } : raw;
    const vat = type.vat ?? line.vat ?? familyVat;
    if (!vat) throw new Error(`demo templates: no VAT category for ${type.name} in ${line.family}`);
    const unit = type.unit ?? (type.sizes ? 'piece' : line.unit);
    const sizes = type.sizes ?? (type.price ? undefined : line.sizes);
    if (!sizes && !type.price) throw new Error(`demo templates: no price for ${type.name} in ${line.family}`);
    const typeTier = type.tier ?? unitHash(type.name);
    for (const variant of type.variants ?? line.variants ?? ['']) {
      for (const brand of type.brands ?? line.brands ?? ['']) {
        const brandTier = brand ? unitHash(brand) : 0.5;
        for (const s of sizes ?? [undefined]) {
          const parts: NameParts = {
            type: type.name,
            variant,
            brand,
            size: s?.label ?? '',
            sizeDesc: s?.desc ?? s?.label ?? '',
            info: type.info ?? '',
            unit,
          };
          const name = (line.name ?? defaultName)(parts);
          if (seen.has(name)) continue;
          seen.add(name);
          out.push({
            family: line.family,
            name,
            description: line.description(parts).trim(),
            brand: brand || null,
            unit,
            vat,
            price: s?.price ?? (type.price as PriceRange),
            tier: (2 * typeTier + brandTier) / 3,
          });
        }
      }
    }
  }
}

const defaultName = (p: NameParts) => [p.type, p.variant, p.brand, p.size].filter((x) => x !== '').join(' ');

let candidateCache: ReadonlyMap<string, readonly Candidate[]> | undefined;

function candidatesByFamily(): ReadonlyMap<string, readonly Candidate[]> {
  if (candidateCache) return candidateCache;
  const families = new Map(FAMILY_TEMPLATES.map((f) => [f.code, f]));
  const byFamily = new Map<string, Candidate[]>();
  const seen = new Set<string>();
  for (const line of LINES) {
    const family = families.get(line.family);
    if (!family || family.weight <= 0) throw new Error(`demo templates: line for unknown or non-leaf family ${line.family}`);
    const list = byFamily.get(line.family) ?? [];
    expandLine(line, family, list, seen);
    byFamily.set(line.family, list);
  }
  candidateCache = byFamily;
  return byFamily;
}

// ——— Prices ———

/** A shop-like price near `raw` cents: ends in 9 (sometimes 5), x.49/x.99 (x.45/x.95) from 10 €. */
function roundShop(raw: number, rng: Rng): number {
  const cents = raw < 1000 ? Math.round(raw / 10) * 10 - 1 : Math.round(raw / 50) * 50 - 1;
  return Math.max(1, rng.chance(0.2) ? cents - 4 : cents);
}

/** A shop-like price in the range, placed by tier (0 cheap, 1 dear) plus some noise. */
function shopPrice(range: PriceRange, tier: number, rng: Rng): number {
  const [min, max] = range;
  if (min === max) return min;
  const r = Math.min(1, Math.max(0, 0.7 * tier + 0.3 * rng.next()));
  return Math.min(max, Math.max(min, roundShop(min + r * (max - min), rng)));
}

// ——— Articles ———

interface Chosen {
  readonly candidate: Candidate;
  /** 1 for the product itself, n > 1 for a multipack of n. */
  readonly lot: number;
  readonly name: string;
}

/** How many articles each leaf family gets: D'Hondt on family weights, capped by the family's distinct products. */
function allocate(total: number, pools: ReadonlyMap<string, readonly Candidate[]>): Map<string, number> {
  const leaves = FAMILY_TEMPLATES.filter((f) => f.weight > 0 && (pools.get(f.code)?.length ?? 0) > 0);
  const counts = new Map(leaves.map((f) => [f.code, 0]));
  for (let k = 0; k < total; k++) {
    let best: FamilyTemplate | undefined;
    let bestScore = -1;
    for (const f of leaves) {
      const n = counts.get(f.code) as number;
      if (n >= (pools.get(f.code) as readonly Candidate[]).length) continue;
      const score = f.weight / (n + 1);
      if (score > bestScore) {
        bestScore = score;
        best = f;
      }
    }
    if (!best) break;
    counts.set(best.code, (counts.get(best.code) as number) + 1);
  }
  return counts;
}

const foldKey = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function chooseArticles(total: number, rng: Rng): Map<string, Chosen[]> {
  const pools = candidatesByFamily();
  const counts = allocate(total, pools);
  const chosen = new Map<string, Chosen[]>();
  let placed = 0;
  for (const [family, count] of counts) {
    const picked = rng.shuffle(pools.get(family) as readonly Candidate[]).slice(0, count);
    chosen.set(family, picked.map((candidate) => ({ candidate, lot: 1, name: candidate.name })));
    placed += count;
  }
  // Past every distinct product: multipacks of packaged goods.
  if (placed < total) {
    const packable = rng.shuffle(
      [...pools.values()].flat().filter((c) => c.unit === 'piece' && c.family !== 'SNK' && c.family !== 'VID'),
    );
    for (let i = 0; placed < total; i++, placed++) {
      const candidate = packable[i % packable.length];
      const lot = 2 + Math.floor(i / packable.length);
      (chosen.get(candidate.family) as Chosen[]).push({ candidate, lot, name: `${candidate.name} – lot de ${lot}` });
    }
  }
  for (const list of chosen.values()) {
    list.sort((a, b) => {
      const ka = foldKey(a.name);
      const kb = foldKey(b.name);
      return ka < kb ? -1 : ka > kb ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
  }
  return chosen;
}

/** Hands out EAN-13s: one GS1 company prefix (54x + 4 digits) per brand, item references in sequence. */
class BarcodeFactory {
  private readonly companies = new Map<string, { prefix: string; next: number }>();
  private readonly usedPrefixes = new Set<string>();
  private nextPlu = 1001;

  constructor(private readonly rng: Rng) {}

  private newCompany(): { prefix: string; next: number } {
    let prefix: string;
    do {
      prefix = `54${this.rng.int(0, 9)}${String(this.rng.int(0, 9999)).padStart(4, '0')}`;
    } while (this.usedPrefixes.has(prefix));
    this.usedPrefixes.add(prefix);
    return { prefix, next: this.rng.int(1, 800) };
  }

  ean13(owner: string): string {
    let company = this.companies.get(owner);
    if (!company || company.next > 99999) {
      company = this.newCompany();
      this.companies.set(owner, company);
    }
    const code = makeEan13(company.prefix + String(company.next).padStart(5, '0'));
    company.next += this.rng.int(1, 3);
    return code;
  }

  internal(): string {
    return `PLU-${String(this.nextPlu++).padStart(4, '0')}`;
  }
}

function generateArticles(total: number, seed: number): DemoArticle[] {
  const chosen = chooseArticles(total, createRng(deriveSeed(seed, 'articles')));
  const priceRng = createRng(deriveSeed(seed, 'prices'));
  const barcodeRng = createRng(deriveSeed(seed, 'barcodes'));
  const statusRng = createRng(deriveSeed(seed, 'status'));
  const barcodes = new BarcodeFactory(barcodeRng);
  const articles: DemoArticle[] = [];
  for (const family of FAMILY_TEMPLATES) {
    const list = chosen.get(family.code);
    if (!list) continue;
    list.forEach(({ candidate: c, lot, name }, index) => {
      const unitPrice = shopPrice(c.price, c.tier, priceRng);
      const price = lot === 1 ? unitPrice : roundShop(unitPrice * lot * 0.95, priceRng);
      const owner = c.brand ?? `house:${c.family}`;
      const weighed = c.unit !== 'piece';
      let codes: string[];
      if (weighed && barcodeRng.chance(0.6)) {
        codes = [barcodes.internal()];
      } else {
        codes = [barcodes.ean13(owner)];
        if (barcodeRng.chance(0.1)) codes.push(barcodes.ean13(owner));
      }
      articles.push({
        code: `${c.family}-${String(index + 1).padStart(4, '0')}`,
        name,
        description: lot === 1 ? c.description : `Lot de ${lot} : ${c.description}`,
        familyCode: c.family,
        brand: c.brand,
        unit: c.unit,
        vatCategory: c.vat,
        barcodes: codes,
        active: !statusRng.chance(0.03),
        price,
      });
    });
  }
  return articles;
}

// ——— People, companies, addresses ———

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' et ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** "de Namur", "d'Ixelles" (no elision before an aspirated h: "de Huy"). */
const deCity = (city: string) => (/^[AEIOUYÉÈ]/i.test(city) ? `d'${city}` : `de ${city}`);

function pickTown(rng: Rng, filter: (t: DemoTown) => boolean): DemoTown {
  return rng.weighted(TOWNS.filter(filter).map((t) => [t, t.weight] as const));
}

function languageFor(region: Region, rng: Rng): Language {
  if (region === 'flanders') return 'nl';
  if (region === 'brussels') return rng.weighted<Language>([['fr', 65], ['nl', 20], ['en', 15]]);
  if (region === 'wallonia') return rng.chance(0.03) ? 'en' : 'fr';
  return 'fr';
}

function address(town: DemoTown, language: Language, rng: Rng): DemoAddress {
  const number = rng.int(1, 180);
  let street: string;
  if (town.country === 'FR') {
    street = `${number} ${rng.pick(STREETS_FR)}`;
  } else if (language === 'nl') {
    street = `${rng.pick(STREETS_NL)} ${number}${rng.chance(0.1) ? ` bus ${rng.int(1, 12)}` : ''}`;
  } else {
    street = `${rng.pick(STREETS_FR_BE)} ${number}${rng.chance(0.1) ? ` bte ${rng.int(1, 12)}` : ''}`;
  }
  const city = language === 'nl' && town.cityNl ? town.cityNl : town.city;
  return { street, postalCode: town.postalCode, city, country: town.country };
}

const BE_MOBILE = ['470', '471', '472', '473', '475', '476', '477', '478', '479', '484', '485', '486', '487', '488', '489', '491', '492', '493', '494', '495', '496', '497', '498', '499'];

function phone(town: DemoTown, mobile: boolean, rng: Rng): string {
  const d2 = () => pad(rng.int(0, 99), 2);
  if (town.country === 'FR') {
    const first = mobile ? rng.pick(['6', '7']) : town.phoneZone;
    return `+33 ${first} ${pad(rng.int(10, 99), 2)} ${d2()} ${d2()} ${d2()}`;
  }
  if (mobile) return `+32 ${rng.pick(BE_MOBILE)} ${d2()} ${d2()} ${d2()}`;
  if (town.phoneZone.length === 1) return `+32 ${town.phoneZone} ${rng.int(200, 999)} ${d2()} ${d2()}`;
  return `+32 ${town.phoneZone} ${pad(rng.int(20, 99), 2)} ${d2()} ${d2()}`;
}

/**
 * Unique valid VAT numbers: Belgian (0 or 1 + 7 digits, mod-97 check) and French (Luhn-valid
 * SIREN and its key). Uniqueness is shared; randomness comes from the caller's stream.
 */
class VatNumberFactory {
  private readonly used = new Set<string>();

  make(country: 'BE' | 'FR', rng: Rng): string {
    for (;;) {
      const vat = country === 'BE' ? belgianVat(rng) : frenchVat(rng);
      if (!this.used.has(vat)) {
        this.used.add(vat);
        return vat;
      }
    }
  }
}

function belgianVat(rng: Rng): string {
  // Most enterprise numbers start with 0 then 2–9; those starting with 1 are recent.
  const first8 = rng.chance(0.9) ? `0${rng.int(2, 9)}${pad(rng.int(0, 999999), 6)}` : `10${pad(rng.int(0, 999999), 6)}`;
  return makeBelgianVatNumber(first8);
}

function frenchVat(rng: Rng): string {
  const body = `${rng.int(3, 9)}${pad(rng.int(0, 9999999), 7)}`;
  return makeFrenchVatNumber(body + luhnCheckDigit(body));
}

/** Luhn check digit (SIREN numbers are Luhn-valid). */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

class Uniques {
  private readonly used = new Set<string>();
  /** `make()` until it gives an unused value (after 20 tries, a numbered variant). */
  take(make: () => string, variant: (value: string, n: number) => string): string {
    let value = make();
    for (let i = 0; i < 20 && this.used.has(value); i++) value = make();
    for (let n = 2; this.used.has(value); n++) value = variant(value.replace(/ \(\d+\)$/, ''), n);
    this.used.add(value);
    return value;
  }
}

function surnameList(region: Region, language: Language): readonly string[] {
  if (language === 'en') return SURNAMES.en;
  if (region === 'france') return SURNAMES.france;
  if (region === 'flanders' || language === 'nl') return SURNAMES.flanders;
  return SURNAMES.wallonia;
}

function companyName(town: DemoTown, language: Language, city: string, rng: Rng): string {
  if (town.country === 'FR') {
    const b = BUSINESS_FRANCE;
    const base = rng.chance(0.6)
      ? `${rng.pick(b.trades)} ${rng.pick(b.names)}`
      : rng.pick(b.others).replace('{surname}', rng.pick(SURNAMES.france));
    return `${base} ${rng.pick(b.forms)}`;
  }
  const b = language === 'nl' ? BUSINESS_NL : BUSINESS_FR;
  const surnames = language === 'nl' ? SURNAMES.flanders : SURNAMES.wallonia;
  const roll = rng.next();
  if (roll < 0.15) {
    return `${rng.pick(b.clubs).replace('{de city}', deCity(city)).replace('{city}', city)} ${b.clubForm}`;
  }
  const base = roll < 0.7 ? `${rng.pick(b.trades)} ${rng.pick(b.names)}` : rng.pick(b.others).replace('{surname}', rng.pick(surnames));
  return `${base} ${rng.pick(b.forms)}`;
}

/** The name without its legal form, for e-mail domains. */
const withoutForm = (name: string) => name.replace(/ (SRL|SA|SC|ASBL|BV|NV|CV|VZW|SARL|SAS|EURL)$/, '');

function generateCustomers(count: number, seed: number, vatNumbers: VatNumberFactory): DemoCustomer[] {
  const rng = createRng(deriveSeed(seed, 'customers'));
  const names = new Uniques();
  const emails = new Uniques();
  const customers: DemoCustomer[] = [];
  for (let i = 1; i <= count; i++) {
    const country = rng.chance(0.15) ? 'FR' : 'BE';
    const town = pickTown(rng, (t) => t.country === country);
    const language = languageFor(town.region, rng);
    const addr = address(town, language, rng);
    const kind = rng.chance(0.3) ? 'company' : 'person';
    let name: string;
    let email: string;
    if (kind === 'person') {
      let first = '';
      let last = '';
      name = names.take(
        () => {
          first = rng.pick(FIRST_NAMES[language]);
          last = rng.pick(surnameList(town.region, language));
          return `${first} ${last}`;
        },
        (v, n) => `${v} (${n})`,
      );
      const local = `${slug(first)}.${slug(last).replace(/-/g, '')}`;
      const domain = `example.${rng.pick(['com', 'net', 'org'])}`;
      email = emails.take(() => `${local}@${domain}`, (v, n) => v.replace('@', String(n) + '@'));
    } else {
      name = names.take(() => companyName(town, language, addr.city, rng), (v, n) => `${v} (${n})`);
      const box = language === 'nl' ? 'info' : 'contact';
      email = emails.take(() => `${box}@${slug(withoutForm(name))}.example`, (v, n) => v.replace('.example', `-${n}.example`));
    }
    customers.push({
      code: `CLI-${pad(i, 4)}`,
      name,
      kind,
      ...addr,
      vatNumber: kind === 'company' ? vatNumbers.make(country, rng) : null,
      language,
      email,
      phone: phone(town, kind === 'person' && rng.chance(0.7), rng),
    });
  }
  return customers;
}

function generateSuppliers(count: number, seed: number, vatNumbers: VatNumberFactory): DemoSupplier[] {
  const rng = createRng(deriveSeed(seed, 'suppliers'));
  const names = new Uniques();
  const suppliers: DemoSupplier[] = [];
  for (let i = 1; i <= count; i++) {
    const template =
      i <= SUPPLIERS.length
        ? SUPPLIERS[i - 1]
        : (() => {
            const region = rng.pick<Region>(['wallonia', 'flanders', 'brussels']);
            const nl = region === 'flanders';
            const surname = rng.pick(nl ? SURNAMES.flanders : SURNAMES.wallonia);
            const postalCode = pickTown(rng, (t) => t.region === region).postalCode;
            return { name: nl ? `Groothandel ${surname} NV` : `Grossiste ${surname} SA`, country: 'BE' as const, region, postalCode };
          })();
    const town = TOWNS.find((t) => t.postalCode === template.postalCode);
    if (!town) throw new Error(`demo data: supplier ${template.name} in unknown town ${template.postalCode}`);
    const language: Language = template.region === 'flanders' ? 'nl' : 'fr';
    const name = names.take(() => template.name, (v, n) => `${v} (${n})`);
    suppliers.push({
      code: `FOU-${pad(i, 4)}`,
      name,
      ...address(town, language, rng),
      vatNumber: vatNumbers.make(template.country, rng),
      language,
      email: `${language === 'nl' ? 'info' : 'commandes'}@${slug(withoutForm(name))}.example`,
      phone: phone(town, false, rng),
    });
  }
  return suppliers;
}

function generateFamilies(): DemoFamily[] {
  return FAMILY_TEMPLATES.map((f) => ({
    code: f.code,
    parentCode: f.parentCode,
    names: { fr: f.fr, nl: f.nl, en: f.en },
    defaultVatCategory: f.vat,
  }));
}

function count(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`generateDemoCatalog: ${what} must be a non-negative integer, got ${value}`);
  }
  return value;
}

/**
 * A believable catalogue for a Belgian grocery and drinks shop. Pure and deterministic: the same
 * options give deep-equal results; sections use independent random streams, so changing the
 * number of customers does not change the articles.
 */
export function generateDemoCatalog(options: DemoCatalogOptions = {}): DemoCatalog {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`generateDemoCatalog: seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  const articles = count(options.articles, DEFAULT_DEMO_ARTICLES, 'articles');
  const customers = count(options.customers, DEFAULT_DEMO_CUSTOMERS, 'customers');
  const suppliers = count(options.suppliers, DEFAULT_DEMO_SUPPLIERS, 'suppliers');
  const vatNumbers = new VatNumberFactory();
  return {
    seed,
    country: 'BE',
    currency: 'EUR',
    families: generateFamilies(),
    articles: generateArticles(articles, seed),
    suppliers: generateSuppliers(suppliers, seed, vatNumbers),
    customers: generateCustomers(customers, seed, vatNumbers),
  };
}
