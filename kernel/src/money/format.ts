/**
 * Formatting and parsing of money, quantities and rates for the UI and the CLI.
 * Formatting goes through Intl.NumberFormat with exact decimal strings (never floats),
 * so even the largest safe amounts print to the cent.
 */
import { MoneyError, type MoneyErrorCode } from './errors.js';
import { assertCents, assertQuantity, assertVatRate, toSafeCents } from './money.js';

const formatters = new Map<string, Intl.NumberFormat>();

/** Cached Intl.NumberFormat; bad locales or currencies become `FORMAT_INVALID`. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  // Stryker disable next-line ConditionalExpression: a cache; a formatter built again formats the same
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(locale, options);
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new MoneyError(
        'FORMAT_INVALID',
        `Cannot format numbers for locale ${JSON.stringify(locale)}${options.currency ? ` and currency ${JSON.stringify(options.currency)}` : ''}: ${detail}.`,
        { cause },
      );
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Exact decimal string of `value / 10^scale` ("-12.34"), without a sign for zero. */
function decimalString(value: number, scale: number): `${number}` {
  const n = BigInt(value);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${integer}${scale > 0 ? `.${fraction}` : ''}` as `${number}`;
}

/** Formats cents as a currency amount, e.g. formatMoney(123450, 'fr-BE') → "1 234,50 €" (U+202F group, U+00A0 before €). */
export function formatMoney(cents: number, locale: string, currency = 'EUR'): string {
  assertCents(cents);
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(decimalString(cents, 2));
}

/** Formats a quantity in thousandths, e.g. formatQuantity(1250, 'fr-BE') → "1,25"; extra digits are rounded half-up. */
export function formatQuantity(milli: number, locale: string, maxFractionDigits = 3): string {
  assertQuantity(milli);
  if (!Number.isInteger(maxFractionDigits) || maxFractionDigits < 0 || maxFractionDigits > 3) {
    throw new MoneyError(
      'FORMAT_INVALID',
      `A quantity can be shown with 0 to 3 decimals, got ${String(maxFractionDigits)}.`,
    );
  }
  return numberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: maxFractionDigits,
    roundingMode: 'halfExpand',
  }).format(decimalString(milli, 3));
}

/** Formats a rate in basis points as a percentage, e.g. formatRate(2100, 'fr-BE') → "21 %", formatRate(550, 'fr-BE') → "5,5 %". */
export function formatRate(bp: number, locale: string): string {
  assertVatRate(bp);
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(decimalString(bp, 4));
}

/** Characters accepted as thousands separators whatever the locale: space, no-break space, narrow no-break space, thin space. */
const SPACES = ' \u00A0\u202F\u2009';
const SIGN = /^[-+\u2212]/;

/** Escapes characters for use inside a RegExp character class. */
// Stryker disable next-line Regex,StringLiteral: a guard; no locale separates digits with \ ] ^ or -, the only characters it escapes
const classOf = (chars: string): string => `[${chars.replace(/[\\\]^-]/g, '\\$&')}]`;

/** Builds a number grammar: digits, optionally grouped by 3 with one of `groups` (used consistently), then a decimal part. */
function grammar(groups: string, decimals: string, requireDecimals = false): RegExp {
  const g = classOf(groups);
  const d = classOf(decimals);
  return new RegExp(`^(\\d+|\\d{1,3}(${g})\\d{3}(?:\\2\\d{3})*)(?:${d}(\\d+))${requireDecimals ? '' : '?'}$`);
}

/**
 * Grammars used without a locale. A lone "." or "," is always the decimal separator ("1,250" = 1.25,
 * "1.234" has 3 decimals); "." or "," only group digits when the other one follows as decimal separator.
 */
const LOCALE_FREE_GRAMMARS: readonly RegExp[] = [
  grammar(SPACES, '.,'),
  grammar('.', ',', true),
  grammar(',', '.', true),
];

const localeGrammars = new Map<string, RegExp>();
/** What to assume of a locale that prints no separator in 1 234 567,5 (no ICU locale does so today). */
// Stryker disable next-line ObjectLiteral,StringLiteral: never used while every ICU locale prints both separators
const NO_SEPARATOR = { group: '', decimal: '.' };

/** Grammar of numbers typed in `locale`: its own grouping separator (or spaces) and its decimal separator. */
function localeGrammar(locale: string): RegExp {
  let result = localeGrammars.get(locale);
  // Stryker disable next-line ConditionalExpression: a cache; a grammar built again reads the same
  if (result === undefined) {
    // Stryker disable next-line ObjectLiteral: grouping is on by default, and 1 234 567 is grouped in every locale
    const parts = numberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    const symbols = new Map(parts.map((p) => [p.type, p.value]));
    const group = symbols.get('group') ?? NO_SEPARATOR.group;
    const decimal = symbols.get('decimal') ?? NO_SEPARATOR.decimal;
    const groups = SPACES.includes(group) ? SPACES : SPACES + group;
    // The locale's decimal separator, plus "." / "," when the locale does not use them for grouping.
    const decimals = [...new Set([decimal, '.', ','])].filter((c) => c !== group).join('');
    result = grammar(groups, decimals);
    localeGrammars.set(locale, result);
  }
  return result;
}

interface DecimalSpec {
  readonly what: string;
  readonly code: MoneyErrorCode;
  readonly maxDecimals: number;
  readonly allowCurrency: boolean;
  readonly locale?: string;
}

/** Parses a human-typed decimal number into an integer scaled by 10^maxDecimals (BigInt). */
function parseDecimal(text: unknown, spec: DecimalSpec): bigint {
  const fail = (reason: string): never => {
    throw new MoneyError(spec.code, `Cannot read ${JSON.stringify(text)} as ${spec.what}: ${reason}.`);
  };
  if (typeof text !== 'string') return fail('it is not text');
  const grammars = spec.locale === undefined ? LOCALE_FREE_GRAMMARS : [localeGrammar(spec.locale)];

  let rest = text.trim();
  let negative = false;
  let signs = 0;
  let currencies = 0;
  const takeSign = () => {
    if (SIGN.test(rest)) {
      signs++;
      negative = rest[0] !== '+';
      rest = rest.slice(1).trimStart();
    }
  };
  const takeCurrencyPrefix = () => {
    if (spec.allowCurrency && rest.startsWith('€')) {
      currencies++;
      rest = rest.slice(1).trimStart();
    }
  };
  // Accept "-3", "-€3", "€ -3" and "3 €".
  takeSign();
  takeCurrencyPrefix();
  takeSign();
  if (spec.allowCurrency && rest.endsWith('€')) {
    currencies++;
    rest = rest.slice(0, -1).trimEnd();
  }
  if (signs > 1) fail('it has more than one sign');
  if (currencies > 1) fail('it has more than one currency symbol');
  if (rest === '') fail('there is no number');

  let match: RegExpExecArray | null = null;
  for (const g of grammars) {
    match = g.exec(rest);
    if (match !== null) break;
  }
  if (match === null) {
    return fail(
      `expected digits with an optional decimal comma or point${spec.allowCurrency ? ' (e.g. 12,34 or 1 234.50)' : ' (e.g. 1,250)'}`,
    );
  }
  const integer = match[1].replace(/[^0-9]/g, '');
  const fraction = match[3] ?? '';
  if (fraction.length > spec.maxDecimals) {
    fail(`it has more than ${spec.maxDecimals} decimals`);
  }
  const scaled = BigInt(integer + fraction.padEnd(spec.maxDecimals, '0'));
  return negative ? -scaled : scaled;
}

/**
 * Parses an amount typed by a person ("12,34", "12.34", "1 234,5", "-3", "12,34 €") into cents; throws `MONEY_PARSE`.
 * Without `locale` a lone "." or "," is the decimal separator; with it, the locale's grouping separator is honoured.
 */
export function parseMoney(text: string, locale?: string): number {
  const cents = parseDecimal(text, { what: 'an amount of money', code: 'MONEY_PARSE', maxDecimals: 2, allowCurrency: true, locale });
  return toSafeCents(cents, 'amount');
}

/**
 * Parses a quantity typed by a person ("1,250", "2", "0.5") into thousandths; throws `QUANTITY_PARSE`.
 * Without `locale` "1,250" is 1.25; with an English locale it is 1250.
 */
export function parseQuantity(text: string, locale?: string): number {
  const milli = parseDecimal(text, { what: 'a quantity', code: 'QUANTITY_PARSE', maxDecimals: 3, allowCurrency: false, locale });
  if (milli > BigInt(Number.MAX_SAFE_INTEGER) || milli < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError('QUANTITY_PARSE', `Cannot read ${JSON.stringify(text)} as a quantity: it is too large.`);
  }
  return Number(milli);
}
