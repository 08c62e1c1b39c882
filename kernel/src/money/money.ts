/**
 * Money arithmetic for Comptoir.
 *
 * - Amounts are integer cents held in a JS `number` that must stay a safe integer.
 * - Quantities are integer thousandths (1 piece = 1000, 1.250 kg = 1250).
 * - VAT and discount rates are integer basis points (21 % = 2100).
 * - Every product is computed with BigInt and rounded half away from zero, so negative
 *   amounts (refunds, credit notes) mirror positive ones exactly.
 */
import { getCountryRules, type CountryCode } from './country.js';
import { MoneyError } from './errors.js';

/** Denominator of quantities: 1000 thousandths = 1 unit. */
export const QUANTITY_SCALE = 1000;
/** Denominator of rates: 10000 basis points = 100 %. */
export const RATE_SCALE = 10000;

const QUANTITY_SCALE_N = BigInt(QUANTITY_SCALE);
const RATE_SCALE_N = BigInt(RATE_SCALE);
const MAX_SAFE_N = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_N = BigInt(Number.MIN_SAFE_INTEGER);

/** Divides `numerator` by `denominator`, rounding half away from zero (2.5 → 3, −2.5 → −3). */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) {
    throw new MoneyError('DIVISION_BY_ZERO', `Cannot divide ${numerator} by zero.`);
  }
  // Stryker disable next-line EqualityOperator: `<=` gives the same result at 0 (0n and -0n are one BigInt)
  const negative = numerator < 0n !== denominator < 0n;
  // Stryker disable next-line EqualityOperator: same reason
  const n = numerator < 0n ? -numerator : numerator;
  // Stryker disable next-line EqualityOperator: same reason
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** Converts a BigInt amount of cents back to a number; throws `MONEY_UNSAFE` outside the safe-integer range. */
export function toSafeCents(value: bigint, what = 'amount'): number {
  if (value > MAX_SAFE_N || value < MIN_SAFE_N) {
    throw new MoneyError(
      'MONEY_UNSAFE',
      `The ${what} (${value} cents) is too large to be handled safely (limit ±${Number.MAX_SAFE_INTEGER} cents).`,
    );
  }
  return Number(value);
}

/** Throws `MONEY_NOT_INTEGER` / `MONEY_UNSAFE` unless `value` is a safe integer number of cents. */
export function assertCents(value: unknown, what = 'amount'): asserts value is number {
  // Number.isInteger is false for anything that is not a number: no typeof needed.
  if (!Number.isInteger(value)) {
    throw new MoneyError(
      'MONEY_NOT_INTEGER',
      `The ${what} must be a whole number of cents, got ${String(value)}.`,
    );
  }
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(
      'MONEY_UNSAFE',
      `The ${what} (${value} cents) is too large to be handled safely (limit ±${Number.MAX_SAFE_INTEGER} cents).`,
    );
  }
}

/** Throws `QUANTITY_INVALID` unless `value` is a safe integer number of thousandths. */
export function assertQuantity(value: unknown, what = 'quantity'): asserts value is number {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(
      'QUANTITY_INVALID',
      `The ${what} must be a whole number of thousandths (1 piece = 1000, 1.250 kg = 1250), got ${String(value)}.`,
    );
  }
}

/** Throws `RATE_INVALID` unless `value` is a VAT rate in basis points between 0 and 10000 (0 % – 100 %). */
export function assertVatRate(value: unknown): asserts value is number {
  const rate = value as number; // compared only once known to be an integer
  if (!Number.isInteger(value) || rate < 0 || rate > RATE_SCALE) {
    throw new MoneyError(
      'RATE_INVALID',
      `A VAT rate must be a whole number of basis points between 0 and ${RATE_SCALE} (21 % = 2100), got ${String(value)}.`,
    );
  }
}

/** A sold (or refunded, when negative) line before VAT breakdown. */
export interface LineInput {
  /** Unit price in cents (negative for refunds). */
  readonly unitPrice: number;
  /** Quantity in thousandths (1 piece = 1000; negative for returns). */
  readonly quantity: number;
  /** Discount as basis points of the line total (10 % = 1000), rounded half-up; exclusive with `discountAmount`. */
  readonly discountRate?: number;
  /** Discount in cents (≥ 0), taken off the line's magnitude (so refunds mirror sales); exclusive with `discountRate`. */
  readonly discountAmount?: number;
}

/**
 * Total of one line in cents: round(unitPrice × quantity / 1000) minus the discount.
 * Discounts always reduce the magnitude of the line: a refunded line with the same discount is the exact negative.
 */
export function lineTotal(line: LineInput): number {
  const { unitPrice, quantity, discountRate, discountAmount } = line;
  assertCents(unitPrice, 'unit price');
  assertQuantity(quantity);
  const gross = roundHalfUp(BigInt(unitPrice) * BigInt(quantity), QUANTITY_SCALE_N);

  if (discountRate !== undefined && discountAmount !== undefined) {
    throw new MoneyError(
      'DISCOUNT_INVALID',
      'A line can have a discount rate or a discount amount, not both.',
    );
  }

  let net = gross;
  if (discountRate !== undefined) {
    if (!Number.isInteger(discountRate) || discountRate < 0 || discountRate > RATE_SCALE) {
      throw new MoneyError(
        'DISCOUNT_INVALID',
        `A discount rate must be a whole number of basis points between 0 and ${RATE_SCALE} (10 % = 1000), got ${String(discountRate)}.`,
      );
    }
    net = gross - roundHalfUp(gross * BigInt(discountRate), RATE_SCALE_N);
  } else if (discountAmount !== undefined) {
    if (!Number.isSafeInteger(discountAmount) || discountAmount < 0) {
      throw new MoneyError(
        'DISCOUNT_INVALID',
        `A discount amount must be a positive whole number of cents, got ${String(discountAmount)}.`,
      );
    }
    // Stryker disable next-line EqualityOperator: `<=` gives the same result at 0 (0n and -0n are one BigInt)
    const magnitude = gross < 0n ? -gross : gross;
    const discount = BigInt(discountAmount);
    if (discount > magnitude) {
      throw new MoneyError(
        'DISCOUNT_INVALID',
        `The discount of ${discountAmount} cents is larger than the line total of ${magnitude} cents.`,
      );
    }
    // Stryker disable next-line EqualityOperator: at 0 the discount can only be 0, added or taken off alike
    net = gross < 0n ? gross + discount : gross - discount;
  }
  return toSafeCents(net, 'line total');
}

/** VAT figures of one rate on a document. */
export interface VatRateTotals {
  /** VAT rate in basis points. */
  readonly rate: number;
  /** Amount excluding VAT, in cents. */
  readonly base: number;
  /** VAT amount, in cents. */
  readonly vat: number;
  /** Amount including VAT, in cents (= base + vat). */
  readonly total: number;
}

/** VAT breakdown of a document: one entry per rate (highest rate first) and the grand totals. */
export interface VatBreakdown {
  /** One entry per distinct rate, in descending rate order. */
  readonly rates: readonly VatRateTotals[];
  /** Σ bases, in cents. */
  readonly base: number;
  /** Σ VAT, in cents. */
  readonly vat: number;
  /** Σ totals, in cents (= base + vat). */
  readonly total: number;
}

/** An already computed line amount (a line total) with its VAT rate. */
export interface VatLine {
  /** Line amount in cents: including VAT or excluding VAT depending on the document. */
  readonly amount: number;
  /** VAT rate in basis points. */
  readonly vatRate: number;
}

/**
 * VAT breakdown computed on document totals, per rate (never per line).
 * Prices including VAT: VAT = round(total × rate / (10000 + rate)), base = total − VAT.
 * Prices excluding VAT: VAT = round(base × rate / 10000), total = base + VAT.
 */
export function vatBreakdown(lines: readonly VatLine[], pricesIncludeVat: boolean): VatBreakdown {
  const sums = new Map<number, bigint>();
  for (const line of lines) {
    assertCents(line.amount, 'line amount');
    assertVatRate(line.vatRate);
    sums.set(line.vatRate, (sums.get(line.vatRate) ?? 0n) + BigInt(line.amount));
  }

  let base = 0n;
  let vat = 0n;
  let total = 0n;
  const rates: VatRateTotals[] = [...sums.keys()]
    .sort((a, b) => b - a)
    .map((rate) => {
      const sum = sums.get(rate)!;
      const r = BigInt(rate);
      let rateBase: bigint;
      let rateVat: bigint;
      let rateTotal: bigint;
      if (pricesIncludeVat) {
        rateTotal = sum;
        rateVat = roundHalfUp(sum * r, RATE_SCALE_N + r);
        rateBase = rateTotal - rateVat;
      } else {
        rateBase = sum;
        rateVat = roundHalfUp(sum * r, RATE_SCALE_N);
        rateTotal = rateBase + rateVat;
      }
      base += rateBase;
      vat += rateVat;
      total += rateTotal;
      return {
        rate,
        base: toSafeCents(rateBase, 'VAT base'),
        // The VAT never exceeds its base (rates are at most 100 %), checked just above.
        vat: Number(rateVat),
        total: toSafeCents(rateTotal, 'total'),
      };
    });

  return {
    rates,
    base: toSafeCents(base, 'document base'),
    vat: Number(vat), // never more than the document base, checked just above
    total: toSafeCents(total, 'document total'),
  };
}

/** Result of rounding a cash payment. */
export interface CashRounding {
  /** Amount to pay in cash, in cents (a multiple of the step). */
  readonly rounded: number;
  /** rounded − original amount, in cents (reported separately on the receipt). */
  readonly difference: number;
}

/** Rounds a cash amount to the nearest multiple of `step` cents, half away from zero (BE: step 5, 12.33 → 12.35). */
export function cashRound(cents: number, step: number): CashRounding {
  assertCents(cents, 'cash amount');
  if (!Number.isSafeInteger(step) || step <= 0) {
    throw new MoneyError(
      'CASH_STEP_INVALID',
      `The cash rounding step must be a positive whole number of cents, got ${String(step)}.`,
    );
  }
  const s = BigInt(step);
  const rounded = toSafeCents(roundHalfUp(BigInt(cents), s) * s, 'cash amount');
  return { rounded, difference: rounded - cents };
}

/** Which side of VAT a price is on. */
export type PriceBasis = 'incl' | 'excl';

/**
 * Converts a price to the other side of VAT: from 'incl' returns the price excluding VAT
 * (incl − round(incl × rate / (10000 + rate)), same as a single-line breakdown's base);
 * from 'excl' returns the price including VAT (excl + round(excl × rate / 10000)).
 */
export function convertPrice(cents: number, rate: number, from: PriceBasis): number {
  assertCents(cents, 'price');
  assertVatRate(rate);
  const c = BigInt(cents);
  const r = BigInt(rate);
  // Taking the VAT out never makes a price larger: no overflow check needed.
  if (from === 'incl') return Number(c - roundHalfUp(c * r, RATE_SCALE_N + r));
  if (from === 'excl') return toSafeCents(c + roundHalfUp(c * r, RATE_SCALE_N), 'price');
  throw new MoneyError('RATE_INVALID', `A price is either 'incl' or 'excl' VAT, got ${String(from)}.`);
}

/** A document line: a {@link LineInput} with its VAT rate. */
export interface DocumentLine extends LineInput {
  /** VAT rate in basis points. */
  readonly vatRate: number;
}

/** Options of {@link documentTotals}. */
export interface DocumentOptions {
  /** True when unit prices include VAT (shop counter), false when they exclude it (B2B invoices). */
  readonly pricesIncludeVat: boolean;
  /** Country whose rules apply (cash rounding); none means no cash rounding. */
  readonly country?: CountryCode;
}

/** Totals of a document. */
export interface DocumentTotals extends VatBreakdown {
  /** Total of each line, in cents, in input order. */
  readonly lineTotals: readonly number[];
  /** The VAT breakdown (its base/vat/total are also spread on this object). */
  readonly breakdown: VatBreakdown;
  /** What to charge if paid in cash, when the country rounds cash payments; otherwise `null`. */
  readonly cash: CashRounding | null;
}

/** Line totals, per-rate VAT breakdown, grand totals and (when the country requires it) the cash-rounded total. */
export function documentTotals(lines: readonly DocumentLine[], options: DocumentOptions): DocumentTotals {
  const lineTotals = lines.map((line) => lineTotal(line));
  const breakdown = vatBreakdown(
    lines.map((line, i) => ({ amount: lineTotals[i], vatRate: line.vatRate })),
    options.pricesIncludeVat,
  );
  const step = options.country === undefined ? null : getCountryRules(options.country).cashRoundingStep;
  return {
    lineTotals,
    breakdown,
    rates: breakdown.rates,
    base: breakdown.base,
    vat: breakdown.vat,
    total: breakdown.total,
    cash: step === null ? null : cashRound(breakdown.total, step),
  };
}
