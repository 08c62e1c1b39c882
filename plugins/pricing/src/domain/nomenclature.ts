/**
 * Barcode nomenclature for in-store codes: scale labels (weight or price), counted articles, coupons, customer
 * and cashier cards. A nomenclature is an ordered list of rules (their layout letters are described in
 * `barcode-rule.ts`); the first rule whose layout fits the scanned code reads it. A code that fits no rule is an
 * ordinary barcode, to be looked up in the catalogue.
 */
import { gtinCheckDigit, type ErrorParams, type ValidationFailure } from '@comptoir/catalog';
import {
  compileOrThrow,
  compileRule,
  TEXT_FIELDS,
  type BarcodeRule,
  type BarcodeRuleType,
  type CompiledRule,
  type DiscountUnit,
  type FieldLetter,
  type FieldSpan,
} from './barcode-rule.js';
import { priceCheckDigit } from './price-check-digit.js';

export {
  BARCODE_RULE_TYPES,
  validateRule,
  type BarcodeRule,
  type BarcodeRuleType,
  type BarcodeEncoding,
  type DiscountUnit,
  type RuleErrorCode,
  type RuleValidation,
} from './barcode-rule.js';

/**
 * The default nomenclature, close to what Belgian and French shop scales print (prefixes 21–29 are GS1
 * "restricted circulation" numbers, free for in-store use; 99 is the GS1 coupon prefix). Prefix 20 is left to
 * the catalogue, which numbers its own articles with it, so those codes fall through to the ordinary lookup.
 * More specific layouts come first: `9900…` must be tried before `99…`.
 */
export function defaultNomenclature(): BarcodeRule[] {
  return [
    // Cashier card: 2800 + 8-digit cashier number + check digit.
    { name: 'Cashier card', type: 'cashier', pattern: '2800NNNNNNNNC' },
    // Loyalty / account card of a customer: 2900 + 8-digit card number + check digit.
    { name: 'Customer card', type: 'customer', pattern: '2900NNNNNNNNC' },
    // Scale label of a weighed article: 5-digit PLU, weight in grams (up to 99.999 kg).
    { name: 'Weighed article', type: 'weight', pattern: '21AAAAAWWWWWC' },
    // Same layout for a second family of scales (e.g. the cheese or meat counter with its own PLU range).
    { name: 'Weighed article (counter)', type: 'weight', pattern: '22AAAAAWWWWWC' },
    // Price label with the GS1 price verifier digit: 5-digit PLU, K, price in cents (up to 99.99 €).
    { name: 'Priced article (verified)', type: 'price', pattern: '23AAAAAKPPPPC' },
    // Price label without verifier digit: 5-digit PLU, price in cents (up to 999.99 €).
    { name: 'Priced article', type: 'price', pattern: '24AAAAAPPPPPC' },
    // Counted article: 5-digit PLU, number of pieces (a pre-packed tray of 6 yoghurts, a bundle).
    { name: 'Counted article', type: 'quantity', pattern: '25AAAAAQQQQQC' },
    // Percent-off coupon: 9900 + 6-digit coupon number + whole percent (before the amount coupon, which also starts with 99).
    { name: 'Percent-off coupon', type: 'discount', pattern: '9900NNNNNNDDC', discountUnit: 'percent' },
    // Amount-off coupon: 99 + 6-digit coupon number + amount in cents (up to 99.99 €).
    { name: 'Amount-off coupon', type: 'discount', pattern: '99NNNNNNDDDDC', discountUnit: 'cents' },
  ];
}

/**
 * Stable codes of {@link parseScan}; `params` always has `code` (the scanned text, trimmed), plus `rule` when a
 * rule was recognised, and: `SCAN_BAD_CHECK_DIGIT` / `SCAN_BAD_PRICE_CHECK_DIGIT`: `expected`, `actual`;
 * `SCAN_BAD_LENGTH`: `length`, `expectedLength`; `SCAN_NOT_DIGITS`: `character`, `position` (when not empty);
 * `SCAN_ZERO_QUANTITY`: `unit` ('g' or 'ml'); `SCAN_ZERO_PRICE`: nothing more.
 */
export type ScanErrorCode =
  | 'SCAN_NO_RULE'
  | 'SCAN_BAD_CHECK_DIGIT'
  | 'SCAN_BAD_PRICE_CHECK_DIGIT'
  | 'SCAN_BAD_LENGTH'
  | 'SCAN_NOT_DIGITS'
  | 'SCAN_ZERO_QUANTITY'
  | 'SCAN_ZERO_PRICE';

/** Values carried by an in-store code (also what {@link encodeScan} prints). */
export interface ScanFields {
  /** The A digits as printed (leading zeros kept), to look the article up by its PLU / internal code. */
  readonly articleRef?: string;
  /** Grams, i.e. thousandths of a kg (the kernel's quantity unit for kg articles). */
  readonly weight?: number;
  /** Millilitres, i.e. thousandths of a litre. */
  readonly volume?: number;
  /** Cents. */
  readonly price?: number;
  /** Thousandths (6 pieces = 6000). */
  readonly quantity?: number;
  /** Whole percent or cents, as `discountUnit` says. */
  readonly discount?: number;
  /** The N digits as printed (card or coupon number). */
  readonly number?: string;
}

export interface ScanOk extends ScanFields {
  readonly ok: true;
  /** Name of the rule that read the code. */
  readonly rule: string;
  readonly type: BarcodeRuleType;
  /** Set with `discount`. */
  readonly discountUnit?: DiscountUnit;
}

export type ScanError = ValidationFailure<ScanErrorCode>;
export type ScanResult = ScanOk | ScanError;

export type EncodeErrorCode =
  | 'ENCODE_INVALID_RULE'
  | 'ENCODE_FIELD_MISSING'
  | 'ENCODE_FIELD_UNUSED'
  | 'ENCODE_FIELD_INVALID'
  | 'ENCODE_FIELD_TOO_LONG';

export type EncodeResult = { readonly ok: true; readonly barcode: string } | ValidationFailure<EncodeErrorCode>;

const FIELD_NAMES: Readonly<Record<FieldLetter, keyof ScanFields>> = {
  A: 'articleRef', W: 'weight', V: 'volume', P: 'price', Q: 'quantity', D: 'discount', N: 'number',
};
const FIELD_LABELS: Readonly<Record<FieldLetter, string>> = {
  A: 'article', W: 'weight', V: 'volume', P: 'price', Q: 'quantity', D: 'discount', N: 'number',
};

function scanFailure(code: ScanErrorCode, message: string, params: ErrorParams): ScanError {
  return { ok: false, code, message, params };
}

const DIGITS = /^[0-9]+$/;

/** The code as shown in messages: as is when plain, quoted otherwise. */
function show(code: string): string {
  return /^[A-Za-z0-9._-]+$/.test(code) && code.length <= 40 ? code : JSON.stringify(code.length > 40 ? `${code.slice(0, 40)}…` : code);
}

function fitsLayout(compiled: CompiledRule, code: string): boolean {
  const { pattern } = compiled.rule;
  if (code.length !== pattern.length) return false;
  // Stryker disable next-line EqualityOperator: pattern[length] is undefined, which is no literal digit
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    // Stryker disable next-line ConditionalExpression,StringLiteral: the layout letters all sort above '9', so `>= '0'` never decides
    if (ch >= '0' && ch <= '9' && code[i] !== ch) return false;
  }
  return true;
}

function read(compiled: CompiledRule, code: string): ScanResult {
  const { rule } = compiled;
  // Stryker disable next-line EqualityOperator: code[length] is undefined, neither below '0' nor above '9'
  for (let i = 0; i < code.length; i++) {
    if (code[i] < '0' || code[i] > '9') {
      return scanFailure('SCAN_NOT_DIGITS', `${show(code)} matches '${rule.name}' but has ${JSON.stringify(code[i])} at position ${i + 1} where a digit is expected`, { code, rule: rule.name, character: code[i], position: i + 1 });
    }
  }
  // Stryker disable next-line EqualityOperator: C is never first, a rule starts with a literal digit
  if (compiled.check >= 0) {
    const expected = gtinCheckDigit(code.slice(0, compiled.check));
    const actual = Number(code[compiled.check]);
    if (expected !== actual) {
      return scanFailure('SCAN_BAD_CHECK_DIGIT', `${code} matches '${rule.name}' but its check digit should be ${expected}, not ${actual}`, { code, rule: rule.name, expected, actual });
    }
  }
  const digitsOf = (span: FieldSpan) => code.slice(span.start, span.start + span.length);
  // Stryker disable next-line EqualityOperator: K is never first, a rule starts with a literal digit
  if (compiled.priceCheck >= 0) {
    const price = digitsOf(compiled.fields.find((f) => f.letter === 'P')!);
    const expected = priceCheckDigit(price);
    const actual = Number(code[compiled.priceCheck]);
    if (expected !== actual) {
      return scanFailure('SCAN_BAD_PRICE_CHECK_DIGIT', `${code} matches '${rule.name}' but the check digit of its price ${price} should be ${expected}, not ${actual}`, { code, rule: rule.name, expected, actual });
    }
  }
  const result: Record<string, unknown> = { ok: true, rule: rule.name, type: rule.type };
  for (const span of compiled.fields) {
    const digits = digitsOf(span);
    result[FIELD_NAMES[span.letter]] = TEXT_FIELDS.has(span.letter) ? digits : Number(digits) * (span.letter === 'Q' ? 1000 : 1);
    if (span.letter === 'D') result.discountUnit = rule.discountUnit ?? 'cents';
  }
  // A scale that printed 0 g, or a label printed at 0,00 €, would sell the goods for nothing: refused, not read.
  if (rule.type === 'weight' && (result.weight === 0 || result.volume === 0)) {
    return scanFailure('SCAN_ZERO_QUANTITY', `${code} matches '${rule.name}' but carries a quantity of 0`, { code, rule: rule.name, unit: result.weight === 0 ? 'g' : 'ml' });
  }
  if (rule.type === 'price' && result.price === 0) {
    return scanFailure('SCAN_ZERO_PRICE', `${code} matches '${rule.name}' but carries a price of 0`, { code, rule: rule.name });
  }
  return result as unknown as ScanOk;
}

/**
 * Reads a scanned code with the first rule whose layout (length and literal digits) fits it.
 * - `SCAN_NO_RULE`: no rule fits; the caller looks the code up as an ordinary barcode.
 * - `SCAN_BAD_LENGTH`: a keying slip: an all-digit code with a rule's prefix (2 digits or more) and one digit too
 *   few or too many, whose last digit is not a GS1 check digit either (so it cannot be an ordinary barcode).
 *   Other lengths are `SCAN_NO_RULE`: a short PLU such as "2105" must still reach the catalogue.
 * - `SCAN_NOT_DIGITS`: the code is empty, or fits a layout but holds something else than a digit.
 * - `SCAN_BAD_CHECK_DIGIT`, `SCAN_BAD_PRICE_CHECK_DIGIT`: the code fits a layout but does not check out.
 * - `SCAN_ZERO_QUANTITY`, `SCAN_ZERO_PRICE`: a scale label of 0 g (or 0 ml), a price label of 0,00 €.
 * @throws RangeError when a rule is invalid (see {@link validateRule}).
 */
export function parseScan(code: string, rules: readonly BarcodeRule[]): ScanResult {
  const compiled = rules.map(compileOrThrow);
  const trimmed = typeof code === 'string' ? code.trim() : '';
  if (trimmed === '') return scanFailure('SCAN_NOT_DIGITS', 'The scanned code is empty', { code: '' });
  const match = compiled.find((c) => fitsLayout(c, trimmed));
  if (match !== undefined) return read(match, trimmed);

  if (DIGITS.test(trimmed) && trimmed.length > 1 && gtinCheckDigit(trimmed.slice(0, -1)) !== Number(trimmed.at(-1))) {
    const nearMiss = compiled.find(
      (c) => c.prefix.length >= 2 && trimmed.startsWith(c.prefix) && Math.abs(trimmed.length - c.rule.pattern.length) === 1,
    );
    if (nearMiss !== undefined) {
      const expectedLength = nearMiss.rule.pattern.length;
      return scanFailure('SCAN_BAD_LENGTH', `${trimmed} starts like '${nearMiss.rule.name}' (${nearMiss.rule.pattern}) but has ${trimmed.length} digits instead of ${expectedLength}`, { code: trimmed, rule: nearMiss.rule.name, length: trimmed.length, expectedLength });
    }
  }
  return scanFailure('SCAN_NO_RULE', `${show(trimmed)} matches no in-store barcode rule`, { code: trimmed });
}

function encodeFailure(code: EncodeErrorCode, rule: BarcodeRule, detail: string, params: ErrorParams = {}): ValidationFailure<EncodeErrorCode> {
  return { ok: false, code, message: `Rule '${rule.name}': ${detail}`, params: { rule: rule.name, ...params } };
}

/** Builds the code a label printer prints for `fields` with `rule`: literals, fields left-padded with zeros, K and C. */
export function encodeScan(rule: BarcodeRule, fields: ScanFields): EncodeResult {
  const result = compileRule(rule);
  // Its message reads "Rule '<name>': <detail>": the detail is kept, cut at the name's length (a name may hold an apostrophe).
  if (!result.ok) return encodeFailure('ENCODE_INVALID_RULE', rule, result.message.slice(`Rule '${result.params.rule}': `.length), { reason: result.code });
  const compiled = result.compiled;
  const used = new Set(compiled.fields.map((f) => FIELD_NAMES[f.letter]));
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && !used.has(name as keyof ScanFields)) {
      return encodeFailure('ENCODE_FIELD_UNUSED', rule, `the layout ${rule.pattern} has no place for ${name}`, { field: name });
    }
  }
  const chars = rule.pattern.split('');
  for (const span of compiled.fields) {
    const name = FIELD_NAMES[span.letter];
    const value = fields[name];
    if (value === undefined) return encodeFailure('ENCODE_FIELD_MISSING', rule, `the ${FIELD_LABELS[span.letter]} (${name}) is missing`, { field: name });
    let digits: string;
    if (TEXT_FIELDS.has(span.letter)) {
      if (typeof value !== 'string' || !DIGITS.test(value)) {
        return encodeFailure('ENCODE_FIELD_INVALID', rule, `${name} must be digits, got ${JSON.stringify(value)}`, { field: name });
      }
      digits = value;
    } else {
      const scale = span.letter === 'Q' ? 1000 : 1;
      // Stryker disable next-line ConditionalExpression: Number.isSafeInteger is false for anything not a number; typeof narrows the type
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value % scale !== 0) {
        const what = scale === 1000 ? 'whole pieces in thousandths (6 pieces = 6000)' : 'a whole number, 0 or more';
        return encodeFailure('ENCODE_FIELD_INVALID', rule, `${name} must be ${what}, got ${String(value)}`, { field: name });
      }
      digits = String(value / scale);
    }
    if (digits.length > span.length) {
      return encodeFailure('ENCODE_FIELD_TOO_LONG', rule, `${name} ${digits} does not fit in ${span.length} digits`, { field: name, maxLength: span.length });
    }
    digits = digits.padStart(span.length, '0');
    for (let i = 0; i < span.length; i++) chars[span.start + i] = digits[i];
  }
  // Stryker disable next-line EqualityOperator: K is never first, a rule starts with a literal digit
  if (compiled.priceCheck >= 0) {
    const price = compiled.fields.find((f) => f.letter === 'P')!;
    chars[compiled.priceCheck] = String(priceCheckDigit(chars.slice(price.start, price.start + 4).join('')));
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: C is never first; without C, chars[-1] is not part of the code
  if (compiled.check >= 0) chars[compiled.check] = String(gtinCheckDigit(chars.slice(0, compiled.check).join('')));
  return { ok: true, barcode: chars.join('') };
}
