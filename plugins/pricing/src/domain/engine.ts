/**
 * The pricing engine: which unit price applies to an article, for a customer, a quantity and a day.
 * Pure and deterministic: the same query on the same price book always gives the same quote, whatever
 * the order of the rows in the book.
 */
import {
  assertCents,
  assertQuantity,
  assertVatRate,
  convertPrice,
  lineTotal,
} from '@comptoir/kernel';
import type { LocalizedText } from '@comptoir/catalog';
import { PricingError } from './errors.js';
import { explainPrice } from './explanation.js';

/** What the till or the invoice asks the engine. */
export interface PriceQuery {
  readonly articleId: number;
  /** VAT rate of the article in hundredths of a percent (2100 = 21 %), used to give both incl and excl prices. */
  readonly vatRate: number;
  readonly customerId: number | null;
  /** Quantity in thousandths; negative for returns (its absolute value picks the break). */
  readonly quantity: number;
  /** Day of the sale, 'YYYY-MM-DD'. */
  readonly date: string;
  /** Forces a list; else the customer's list; else the default list. */
  readonly priceListCode?: string;
}

/** A price list ("retail" incl. VAT, "wholesale" excl. VAT, any number more). */
export interface PriceList {
  readonly code: string;
  readonly name: LocalizedText;
  /** True when the list's prices include VAT (shop counter), false when they exclude it (trade customers). */
  readonly includesVat: boolean;
}

/** One price of an article in a list, from a quantity, possibly for a period. */
export interface ListPrice {
  readonly listCode: string;
  readonly articleId: number;
  /** Threshold in thousandths: 0 or 1000 is the base price, 6000 is "from 6". */
  readonly minQuantity: number;
  /** Cents, incl. or excl. VAT as the list says. */
  readonly unitPrice: number;
  /** First day ('YYYY-MM-DD'), inclusive; missing means "always". */
  readonly validFrom?: string | null;
  /** Last day ('YYYY-MM-DD'), inclusive; missing means "for ever". */
  readonly validTo?: string | null;
}

/** A price agreed with one customer for one article. */
export interface CustomerPrice {
  readonly customerId: number;
  readonly articleId: number;
  readonly minQuantity: number;
  readonly unitPrice: number;
  readonly includesVat: boolean;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
}

/** Everything the engine needs to price; treated as read-only. */
export interface PriceBook {
  readonly lists: readonly PriceList[];
  readonly prices: readonly ListPrice[];
  readonly customerPrices: readonly CustomerPrice[];
  /** customerId → list code. */
  readonly customerLists: Readonly<Record<number, string>>;
  readonly defaultListCode: string;
  /** articleId → catalogue retail price incl. VAT, the last fallback. */
  readonly basePrices: Readonly<Record<number, number | null>>;
}

export type PriceRuleKind = 'customer' | 'break' | 'list' | 'default-list' | 'catalogue' | 'none';

/** Why this price: the rule that applied, and a sentence for the cashier. */
export interface PriceRule {
  readonly kind: PriceRuleKind;
  /** List the price was taken from (break, list, default-list); null otherwise. */
  readonly listCode: string | null;
  /** Threshold of the applied row in thousandths (customer, break, list, default-list); null otherwise. */
  readonly minQuantity: number | null;
  /** Last day of the applied row when it ends (a promotion); null otherwise. */
  readonly validTo: string | null;
  readonly explanation: LocalizedText;
}

/**
 * The price to charge. `unitPrice` is on the side of VAT of the list in force (`includesVat`); both sides are
 * always given, the side the price was not set on being converted with the kernel's half-up `convertPrice`.
 */
export interface PriceQuote {
  readonly unitPrice: number | null;
  readonly includesVat: boolean;
  readonly unitPriceIncl: number | null;
  readonly unitPriceExcl: number | null;
  readonly rule: PriceRule;
}

/** Out-of-the-box lists: the shop counter (prices incl. VAT). */
export const RETAIL_LIST: PriceList = Object.freeze({
  code: 'retail',
  name: Object.freeze({ fr: 'détail', nl: 'detailhandel', en: 'retail' }),
  includesVat: true,
});

/** Out-of-the-box lists: trade customers (prices excl. VAT). */
export const WHOLESALE_LIST: PriceList = Object.freeze({
  code: 'wholesale',
  name: Object.freeze({ fr: 'gros', nl: 'groothandel', en: 'wholesale' }),
  includesVat: false,
});

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function assertDate(value: string, what: string): void {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw new PricingError('PRICE_DATE_INVALID', `The ${what} must be a 'YYYY-MM-DD' date, got ${JSON.stringify(value)}.`);
  }
}

/** Fields shared by list and customer rows. */
interface PriceRow {
  readonly minQuantity: number;
  readonly unitPrice: number;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
}

function isValidOn(row: PriceRow, date: string): boolean {
  const from = row.validFrom ?? null;
  const to = row.validTo ?? null;
  if (from !== null) assertDate(from, 'first day of a price');
  if (to !== null) assertDate(to, 'last day of a price');
  return (from === null || from <= date) && (to === null || date <= to);
}

/** 0 and 1000 both mean "base price": a base price also applies to 0.5 kg. */
function tierOf(minQuantity: number): number {
  return minQuantity <= 1000 ? 0 : minQuantity;
}

/** Negative when a sorts first; null dates sort as given by `nullFirst`. */
function compareDates(a: string | null | undefined, b: string | null | undefined, nullFirst: boolean): number {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return 0;
  if (x === null) return nullFirst ? -1 : 1;
  if (y === null) return nullFirst ? 1 : -1;
  // Stryker disable next-line EqualityOperator: equal dates returned 0 above
  return x < y ? -1 : 1;
}

/**
 * The row that applies among those valid on `date` whose threshold is reached. Within one threshold, the latest
 * `validFrom` wins (a promotion beats the permanent price); then, across the thresholds reached, the cheapest
 * (VAT included) wins, the higher threshold on equal prices. So a larger quantity is never dearer per unit than
 * a smaller one: it reaches every threshold the smaller one reaches (a 0,99 promotion on the base price is not
 * lost to a 1,05 break from 6). Remaining ties are settled on every field that shows in the quote (the period that
 * ends first, the lower price, the lower threshold), so the order of the rows in the book never matters.
 * `priceIncl` compares prices set on different sides of VAT.
 */
function bestRow<T extends PriceRow>(rows: readonly T[], quantity: number, date: string, priceIncl: (row: T) => number): T | null {
  const perTier = new Map<number, T>();
  for (const row of rows) {
    if (tierOf(row.minQuantity) > quantity || !isValidOn(row, date)) continue;
    const tier = tierOf(row.minQuantity);
    const current = perTier.get(tier);
    if (current === undefined || compareRows(row, current, priceIncl) < 0) perTier.set(tier, row);
  }
  let best: T | null = null;
  for (const row of perTier.values()) {
    if (best === null || priceIncl(row) - priceIncl(best) < 0 || (priceIncl(row) === priceIncl(best) && compareRows(row, best, priceIncl) < 0)) best = row;
  }
  return best;
}

function compareRows<T extends PriceRow>(a: T, b: T, priceIncl: (row: T) => number): number {
  return (
    tierOf(b.minQuantity) - tierOf(a.minQuantity) ||
    compareDates(b.validFrom, a.validFrom, true) ||
    compareDates(a.validTo, b.validTo, false) ||
    priceIncl(a) - priceIncl(b) ||
    a.unitPrice - b.unitPrice ||
    a.minQuantity - b.minQuantity
  );
}

function findList(book: PriceBook, code: string, why: string): PriceList {
  const list = book.lists.find((l) => l.code === code);
  if (list === undefined) {
    throw new PricingError('PRICE_LIST_NOT_FOUND', `Price list '${code}' does not exist (${why}).`);
  }
  return list;
}

/** The list in force: the forced one, else the customer's, else the default one. */
function listInForce(query: PriceQuery, book: PriceBook): PriceList {
  if (query.priceListCode !== undefined) return findList(book, query.priceListCode, 'asked for by the sale');
  // Stryker disable next-line ConditionalExpression: without the null check, hasOwn looks for a customer 'null', which no id is
  if (query.customerId !== null && Object.hasOwn(book.customerLists, query.customerId)) {
    return findList(book, book.customerLists[query.customerId], `list of customer ${query.customerId}`);
  }
  return findList(book, book.defaultListCode, 'the default list');
}

/** Both sides of VAT of a price set on one side, and the side the list in force shows. */
function pricesOf(
  price: number,
  setIncludingVat: boolean,
  listIncludesVat: boolean,
  vatRate: number,
): Pick<PriceQuote, 'unitPrice' | 'includesVat' | 'unitPriceIncl' | 'unitPriceExcl'> {
  assertCents(price, 'unit price');
  const incl = setIncludingVat ? price : convertPrice(price, vatRate, 'excl');
  const excl = setIncludingVat ? convertPrice(price, vatRate, 'incl') : price;
  return { unitPrice: listIncludesVat ? incl : excl, includesVat: listIncludesVat, unitPriceIncl: incl, unitPriceExcl: excl };
}

/** The unit price of an article for a customer, a quantity and a day, with the rule that gave it. */
export function priceFor(query: PriceQuery, book: PriceBook): PriceQuote {
  assertVatRate(query.vatRate);
  assertQuantity(query.quantity);
  assertDate(query.date, 'date of the sale');
  const { articleId, customerId, date, vatRate } = query;
  const quantity = Math.abs(query.quantity);
  const list = listInForce(query, book);
  const inclOf = (price: number, includesVat: boolean) => (includesVat ? price : convertPrice(price, vatRate, 'excl'));

  // Stryker disable next-line ConditionalExpression: without it, no customer row has customerId null, so none applies
  if (customerId !== null) {
    const rows = book.customerPrices.filter((p) => p.customerId === customerId && p.articleId === articleId);
    const row = bestRow(rows, quantity, date, (r) => inclOf(r.unitPrice, r.includesVat));
    if (row !== null) {
      const rule = { kind: 'customer', listCode: null, minQuantity: row.minQuantity, validTo: row.validTo ?? null } as const;
      return { ...pricesOf(row.unitPrice, row.includesVat, list.includesVat, vatRate), rule: { ...rule, explanation: explainPrice(rule) } };
    }
  }

  const fromList = (source: PriceList): PriceQuote | null => {
    const rows = book.prices.filter((p) => p.listCode === source.code && p.articleId === articleId);
    const row = bestRow(rows, quantity, date, (r) => inclOf(r.unitPrice, source.includesVat));
    if (row === null) return null;
    const kind: PriceRuleKind = source.code !== list.code ? 'default-list' : tierOf(row.minQuantity) > 0 ? 'break' : 'list';
    const rule = { kind, listCode: source.code, minQuantity: row.minQuantity, validTo: row.validTo ?? null };
    return {
      ...pricesOf(row.unitPrice, source.includesVat, list.includesVat, vatRate),
      rule: { ...rule, explanation: explainPrice({ ...rule, listName: source.name }) },
    };
  };

  const listQuote = fromList(list);
  if (listQuote !== null) return listQuote;
  // Stryker disable next-line ConditionalExpression: asking the default list twice finds nothing the second time either
  if (list.code !== book.defaultListCode) {
    const defaultQuote = fromList(findList(book, book.defaultListCode, 'the default list'));
    if (defaultQuote !== null) return defaultQuote;
  }

  const basePrice = Object.hasOwn(book.basePrices, articleId) ? book.basePrices[articleId] : null;
  if (basePrice !== null && basePrice !== undefined) {
    const rule = { kind: 'catalogue', listCode: null, minQuantity: null, validTo: null } as const;
    return { ...pricesOf(basePrice, true, list.includesVat, vatRate), rule: { ...rule, explanation: explainPrice(rule) } };
  }

  const rule = { kind: 'none', listCode: null, minQuantity: null, validTo: null } as const;
  return {
    unitPrice: null,
    includesVat: list.includesVat,
    unitPriceIncl: null,
    unitPriceExcl: null,
    rule: { ...rule, explanation: explainPrice(rule) },
  };
}

/** A priced line: the quote and its total (unit price × quantity, half-up, on the quote's side of VAT). */
export interface QuotedLine {
  readonly quote: PriceQuote;
  /** Cents, negative for returns; null when the article has no price. */
  readonly lineTotal: number | null;
}

/** Prices a line: {@link priceFor} then the kernel's `lineTotal` for the query's (signed) quantity. */
export function quoteLine(query: PriceQuery, book: PriceBook): QuotedLine {
  const quote = priceFor(query, book);
  return {
    quote,
    lineTotal: quote.unitPrice === null ? null : lineTotal({ unitPrice: quote.unitPrice, quantity: query.quantity }),
  };
}
