/**
 * Barcode rules: the layout of one kind of in-store code, spelled one character per digit:
 * - `0`–`9` literal digits (the prefix that tells the rule apart, e.g. `21`);
 * - `A` article digits (its PLU / internal code), `N` a number (card or coupon number), both read as text;
 * - `W` weight in grams (= thousandths of a kg), `V` volume in ml (= thousandths of a litre),
 *   `P` price in cents, `Q` quantity in pieces, `D` discount (whole percent or cents, see `discountUnit`);
 * - `C` the code's own GS1 mod-10 check digit, over every digit before it (last position);
 * - `K` the price verifier digit of a 4-digit price field `PPPP` (see `price-check-digit.ts`).
 * This module checks a rule and lays it out once; `nomenclature.ts` reads and prints codes with it.
 */
import type { ErrorParams, ValidationFailure } from '@comptoir/catalog';

export type BarcodeRuleType = 'weight' | 'price' | 'quantity' | 'discount' | 'customer' | 'cashier' | 'article';
export type BarcodeEncoding = 'ean13' | 'ean8' | 'any';
export type DiscountUnit = 'percent' | 'cents';

/** One layout of in-store code. */
export interface BarcodeRule {
  /** Name shown to the shop and in messages ("Weighed article"). */
  readonly name: string;
  readonly type: BarcodeRuleType;
  readonly pattern: string;
  /** Defaults to 'ean13' for a 13-character pattern, 'ean8' for an 8-character one, 'any' otherwise. */
  readonly encoding?: BarcodeEncoding;
  /** What the `D` digits of a discount rule are: a whole percent or an amount in cents (default 'cents'). */
  readonly discountUnit?: DiscountUnit;
}

export const BARCODE_RULE_TYPES: readonly BarcodeRuleType[] = Object.freeze([
  'weight', 'price', 'quantity', 'discount', 'customer', 'cashier', 'article',
] as const);

/**
 * Stable codes of {@link validateRule}; `params` always has `rule` (its name), plus:
 * - `RULE_UNKNOWN_TYPE` / `RULE_UNKNOWN_ENCODING` / `RULE_UNKNOWN_DISCOUNT_UNIT`: `value`;
 * - `RULE_BAD_CHARACTER`: `character`, `position` (1-based);
 * - `RULE_BAD_LENGTH`: `encoding`, `length`, `expectedLength` (or `maxLength` for 'any');
 * - `RULE_CHECK_DIGIT_MISSING`: `encoding`; `RULE_CHECK_DIGIT_MISPLACED`: `position`;
 * - `RULE_FIELD_SPLIT` / `RULE_FIELD_NOT_ALLOWED` / `RULE_FIELD_TOO_LONG`: `letter` (and `maxLength`);
 * - `RULE_FIELD_MISSING`: `expected` (the letters, e.g. "W or V");
 * - `RULE_PRICE_CHECK_BAD_LENGTH`: `priceLength`.
 */
export type RuleErrorCode =
  | 'RULE_NAME_EMPTY'
  | 'RULE_UNKNOWN_TYPE'
  | 'RULE_UNKNOWN_ENCODING'
  | 'RULE_UNKNOWN_DISCOUNT_UNIT'
  | 'RULE_BAD_CHARACTER'
  | 'RULE_BAD_LENGTH'
  | 'RULE_NO_PREFIX'
  | 'RULE_CHECK_DIGIT_MISSING'
  | 'RULE_CHECK_DIGIT_MISPLACED'
  | 'RULE_FIELD_SPLIT'
  | 'RULE_FIELD_MISSING'
  | 'RULE_FIELD_NOT_ALLOWED'
  | 'RULE_FIELD_TOO_LONG'
  | 'RULE_PRICE_CHECK_WITHOUT_PRICE'
  | 'RULE_PRICE_CHECK_BAD_LENGTH';

export type RuleValidation = { readonly ok: true; readonly encoding: BarcodeEncoding } | ValidationFailure<RuleErrorCode>;

/** Letters of the fields a code carries (C and K are check digits, not fields). */
export type FieldLetter = 'A' | 'W' | 'V' | 'P' | 'Q' | 'D' | 'N';

/** Fields read as text, leading zeros kept. */
export const TEXT_FIELDS: ReadonlySet<FieldLetter> = new Set(['A', 'N']);
/** Numeric fields stay well inside safe integers, even as thousandths (Q × 1000). */
const MAX_NUMERIC_FIELD_LENGTH = 12;
const MAX_ANY_LENGTH = 32;

/** Letters each type may carry, and the one(s) it must carry. */
const TYPE_FIELDS: Readonly<Record<BarcodeRuleType, { readonly allowed: string; readonly required: readonly FieldLetter[] }>> = {
  weight: { allowed: 'AWV', required: ['W', 'V'] },
  price: { allowed: 'AP', required: ['P'] },
  quantity: { allowed: 'AQ', required: ['Q'] },
  discount: { allowed: 'AND', required: ['D'] },
  customer: { allowed: 'N', required: ['N'] },
  cashier: { allowed: 'N', required: ['N'] },
  article: { allowed: 'A', required: ['A'] },
};

/** Where a field sits in the code (0-based). */
export interface FieldSpan {
  readonly letter: FieldLetter;
  readonly start: number;
  readonly length: number;
}

/** A rule checked once and laid out for reading and printing. */
export interface CompiledRule {
  readonly rule: BarcodeRule;
  readonly encoding: BarcodeEncoding;
  /** Leading literal digits. */
  readonly prefix: string;
  readonly fields: readonly FieldSpan[];
  /** Positions (0-based) of C and K, or -1. */
  readonly check: number;
  readonly priceCheck: number;
}

/** A laid-out rule, or why it is not valid. */
export type Compiled = { readonly ok: true; readonly compiled: CompiledRule } | ValidationFailure<RuleErrorCode>;

function ruleFailure(rule: BarcodeRule, code: RuleErrorCode, detail: string, params: ErrorParams = {}): ValidationFailure<RuleErrorCode> {
  // Stryker disable next-line OptionalChaining: compileRule reads rule.name before any failure, so rule is never nullish here
  const name = typeof rule?.name === 'string' ? rule.name : '';
  return { ok: false, code, message: `Rule '${name}': ${detail}`, params: { rule: name, ...params } };
}

/** Checks a rule and lays it out; the first problem found is reported. */
export function compileRule(rule: BarcodeRule): Compiled {
  const fail = (code: RuleErrorCode, detail: string, params?: ErrorParams) => ruleFailure(rule, code, detail, params);
  if (typeof rule.name !== 'string' || rule.name.trim() === '') return fail('RULE_NAME_EMPTY', 'a rule needs a name');
  if (!BARCODE_RULE_TYPES.includes(rule.type)) {
    return fail('RULE_UNKNOWN_TYPE', `unknown type ${JSON.stringify(rule.type)}; expected one of ${BARCODE_RULE_TYPES.join(', ')}`, { value: String(rule.type) });
  }
  const pattern = typeof rule.pattern === 'string' ? rule.pattern : '';
  const encoding = rule.encoding ?? (pattern.length === 13 ? 'ean13' : pattern.length === 8 ? 'ean8' : 'any');
  if (!['ean13', 'ean8', 'any'].includes(encoding)) {
    return fail('RULE_UNKNOWN_ENCODING', `unknown encoding ${JSON.stringify(encoding)}; expected ean13, ean8 or any`, { value: String(encoding) });
  }
  if (rule.discountUnit !== undefined && rule.discountUnit !== 'percent' && rule.discountUnit !== 'cents') {
    return fail('RULE_UNKNOWN_DISCOUNT_UNIT', `unknown discount unit ${JSON.stringify(rule.discountUnit)}; expected percent or cents`, { value: String(rule.discountUnit) });
  }
  for (let i = 0; i < pattern.length; i++) {
    if (!/[0-9AWVPQDNCK]/.test(pattern[i])) {
      return fail('RULE_BAD_CHARACTER', `pattern ${JSON.stringify(pattern)} has ${JSON.stringify(pattern[i])} at position ${i + 1}; use digits and the letters A W V P Q D N C K`, { character: pattern[i], position: i + 1 });
    }
  }
  const expectedLength = encoding === 'ean13' ? 13 : encoding === 'ean8' ? 8 : null;
  if (expectedLength !== null && pattern.length !== expectedLength) {
    return fail('RULE_BAD_LENGTH', `pattern ${pattern || '""'} has ${pattern.length} characters, an ${encoding.toUpperCase().replace('EAN', 'EAN-')} layout needs ${expectedLength}`, { encoding, length: pattern.length, expectedLength });
  }
  // Stryker disable next-line ConditionalExpression: an EAN pattern that gets here has 8 or 13 characters, inside 2..32
  if (expectedLength === null && (pattern.length < 2 || pattern.length > MAX_ANY_LENGTH)) {
    return fail('RULE_BAD_LENGTH', `pattern ${pattern || '""'} has ${pattern.length} characters, expected 2 to ${MAX_ANY_LENGTH}`, { encoding, length: pattern.length, maxLength: MAX_ANY_LENGTH });
  }
  // Stryker disable next-line Regex: `[0-9]*` matches (perhaps nothing) at the first character, anchored or not
  const prefix = /^[0-9]*/.exec(pattern)![0];
  if (prefix === '') {
    return fail('RULE_NO_PREFIX', `pattern ${pattern} must start with at least one literal digit (e.g. 21), otherwise it would capture ordinary barcodes`);
  }

  // Where each letter sits: a field must be one run of digits (no "21AAWWAAWWWC").
  const spans = new Map<string, { start: number; count: number; last: number }>();
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (/[0-9]/.test(ch)) continue;
    const span = spans.get(ch);
    if (span === undefined) spans.set(ch, { start: i, count: 1, last: i });
    else spans.set(ch, { ...span, count: span.count + 1, last: i });
  }
  const check = spans.get('C');
  // A second C always follows the first, which is then not last; the position named is that of the last C.
  if (check !== undefined && check.start !== pattern.length - 1) {
    const position = check.last + 1;
    return fail('RULE_CHECK_DIGIT_MISPLACED', `the check digit C must appear once, in last position (found at position ${position})`, { position });
  }
  if (check === undefined && encoding !== 'any') {
    return fail('RULE_CHECK_DIGIT_MISSING', `an ${encoding === 'ean13' ? 'EAN-13' : 'EAN-8'} layout needs its check digit C in last position`, { encoding });
  }
  for (const [letter, span] of spans) {
    if (span.last - span.start + 1 !== span.count) {
      return fail('RULE_FIELD_SPLIT', `the ${letter} digits are not one run (positions ${span.start + 1} to ${span.last + 1} hold other characters); each field must be contiguous`, { letter });
    }
  }
  const { allowed, required } = TYPE_FIELDS[rule.type];
  for (const letter of spans.keys()) {
    if (letter === 'C' || letter === 'K' || allowed.includes(letter)) continue;
    return fail('RULE_FIELD_NOT_ALLOWED', `a '${rule.type}' rule cannot carry ${letter}; it may carry ${allowed.split('').join(', ')}`, { letter });
  }
  if (spans.has('W') && spans.has('V')) {
    return fail('RULE_FIELD_NOT_ALLOWED', 'a rule carries a weight W or a volume V, not both', { letter: 'V' });
  }
  if (!required.some((letter) => spans.has(letter))) {
    const expected = required.join(' or ');
    return fail('RULE_FIELD_MISSING', `a '${rule.type}' rule must carry ${expected} digits`, { expected });
  }
  const priceCheck = spans.get('K');
  if (priceCheck !== undefined) {
    const price = spans.get('P');
    if (price === undefined) {
      return fail('RULE_PRICE_CHECK_WITHOUT_PRICE', 'K is the price check digit of a price field PPPP, and this pattern has no P');
    }
    if (priceCheck.count !== 1 || price.count !== 4) {
      return fail('RULE_PRICE_CHECK_BAD_LENGTH', `K is one digit checking a 4-digit price PPPP, found ${priceCheck.count} K and ${price.count} P`, { priceLength: price.count });
    }
  }
  const fields: FieldSpan[] = [];
  for (const [letter, span] of spans) {
    if (letter === 'C' || letter === 'K') continue;
    if (!TEXT_FIELDS.has(letter as FieldLetter) && span.count > MAX_NUMERIC_FIELD_LENGTH) {
      return fail('RULE_FIELD_TOO_LONG', `the ${letter} field has ${span.count} digits, at most ${MAX_NUMERIC_FIELD_LENGTH}`, { letter, maxLength: MAX_NUMERIC_FIELD_LENGTH });
    }
    fields.push({ letter: letter as FieldLetter, start: span.start, length: span.count });
  }
  return {
    ok: true,
    compiled: { rule, encoding, prefix, fields, check: check?.start ?? -1, priceCheck: priceCheck?.start ?? -1 },
  };
}

/** Checks that a rule's pattern is consistent with its type and encoding; the first problem found is reported. */
export function validateRule(rule: BarcodeRule): RuleValidation {
  const result = compileRule(rule);
  return result.ok ? { ok: true, encoding: result.compiled.encoding } : result;
}

/** The laid-out rule, for reading and printing codes; throws RangeError for an invalid rule. */
export function compileOrThrow(rule: BarcodeRule): CompiledRule {
  const result = compileRule(rule);
  // A bad rule is a configuration error: it is refused when saved (validateRule), so it is not expected here.
  if (!result.ok) throw new RangeError(`Invalid barcode rule: ${result.message}`);
  return result.compiled;
}
