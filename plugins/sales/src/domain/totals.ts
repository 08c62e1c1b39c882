import { cashRound, convertPrice, getCountryRules, lineTotal, vatBreakdown, type CashRounding, type CountryCode, type VatRateTotals } from '@comptoir/kernel';
import type { DocumentDiscount, SaleLine } from './types.js';
import { SaleErrors } from './errors.js';

/** A line's amounts on the document's side of VAT, in cents. */
export interface LineAmounts {
  id: string;
  /** The unit price on the document's side of VAT. */
  unitPrice: number;
  /** Before the line's discount: unit price × quantity, or the line's fixed amount. */
  gross: number;
  /** What the line's discount takes off (same sign as `gross`). */
  discount: number;
  /** gross − discount. */
  total: number;
}

/** The totals of a sale. Lines, discount, VAT breakdown and total reconcile to the cent. */
export interface SaleTotals {
  lines: LineAmounts[];
  /** Σ line totals. */
  subtotal: number;
  /** What the document's discount takes off the subtotal (same sign as the subtotal); subtotal − discount = Σ rates. */
  discount: number;
  /** The document's discount spread over the VAT rates, highest rate first. */
  discountByRate: Array<{ rate: number; amount: number }>;
  /** Per VAT rate, on the amounts after the document's discount, highest rate first. */
  rates: readonly VatRateTotals[];
  base: number;
  vat: number;
  /** What the customer owes. */
  total: number;
  /** What to charge when paid in cash, where the country rounds cash payments (Belgium: to 0,05 €); else null. */
  cash: CashRounding | null;
}

/** What `saleTotals` needs of a document. */
export interface TotalsInput {
  lines: readonly Pick<SaleLine, 'id' | 'description' | 'quantity' | 'unitPrice' | 'includesVat' | 'vatRate' | 'fixedAmount' | 'discountRate' | 'discountAmount'>[];
  pricesIncludeVat: boolean;
  discount: DocumentDiscount | null;
  country: CountryCode | null;
}

/** A line's amounts on the document's side of VAT (a price on the other side is converted first, half-up). */
export function lineAmounts(line: TotalsInput['lines'][number], pricesIncludeVat: boolean): LineAmounts {
  if (line.unitPrice === null) throw SaleErrors.lineNotPriced(line);
  const side = (cents: number) => (line.includesVat === pricesIncludeVat ? cents : convertPrice(cents, line.vatRate, line.includesVat ? 'incl' : 'excl'));
  const unitPrice = side(line.unitPrice);
  const gross = line.fixedAmount === null ? lineTotal({ unitPrice, quantity: line.quantity }) : side(line.fixedAmount);
  if (line.discountRate !== null && line.discountAmount !== null) throw SaleErrors.discountBoth(line.description);
  if (line.discountRate !== null && !(Number.isInteger(line.discountRate) && line.discountRate >= 0 && line.discountRate <= 10000)) throw SaleErrors.discountRate(line.description);
  if ((line.discountAmount ?? 0) > Math.abs(gross)) throw SaleErrors.discountTooLarge(line.description, line.discountAmount!, Math.abs(gross));
  // The gross as one unit: the kernel's line total applies the discount, rounding half-up, mirrored for returns.
  const total = lineTotal({ unitPrice: gross, quantity: 1000, discountRate: line.discountRate ?? undefined, discountAmount: line.discountAmount ?? undefined });
  return { id: line.id, unitPrice, gross, discount: gross - total, total };
}

/**
 * The totals of a document: each line on the document's side of VAT, the document's discount spread over the VAT
 * rates in proportion to each rate's amount (largest remainders get the odd cents, so the parts add up to the
 * discount exactly), VAT per rate on those amounts, and the cash total under the country's rounding.
 */
export function saleTotals(doc: TotalsInput): SaleTotals {
  const lines = doc.lines.map((l) => lineAmounts(l, doc.pricesIncludeVat));
  const byRate = new Map<number, number>();
  doc.lines.forEach((l, i) => byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? 0) + lines[i].total));
  const subtotal = lines.reduce((s, l) => s + l.total, 0);
  const discount = documentDiscount(doc.discount, subtotal);
  const rates = [...byRate.keys()].sort((a, b) => b - a);
  const shares = spread(discount, subtotal, rates.map((r) => byRate.get(r)!));
  const breakdown = vatBreakdown(rates.map((rate, i) => ({ vatRate: rate, amount: byRate.get(rate)! - shares[i] })), doc.pricesIncludeVat);
  const step = doc.country === null ? null : getCountryRules(doc.country).cashRoundingStep;
  return {
    lines,
    subtotal,
    discount,
    discountByRate: rates.map((rate, i) => ({ rate, amount: shares[i] })),
    rates: breakdown.rates,
    base: breakdown.base,
    vat: breakdown.vat,
    total: breakdown.total,
    cash: step === null ? null : cashRound(breakdown.total, step),
  };
}

/** The cents a document discount takes off `subtotal`, with the subtotal's sign (a refund's discount mirrors a sale's). */
export function documentDiscount(discount: DocumentDiscount | null, subtotal: number): number {
  if (!discount) return 0;
  const where = 'document';
  const { rate, amount } = discount;
  if (rate !== undefined && amount !== undefined) throw SaleErrors.discountBoth(where);
  // `0 - x`, not `-x`: a refund without discount has a discount of 0, not −0.
  // Stryker disable next-line EqualityOperator: at a subtotal of 0 the discount can only be 0, and 0 − 0 is 0
  const signed = (x: number) => (subtotal < 0 ? 0 - x : x);
  const magnitude = Math.abs(subtotal);
  if (rate !== undefined) {
    if (!Number.isInteger(rate) || rate < 0 || rate > 10000) throw SaleErrors.discountRate(where);
    // Half-up on the magnitude: BigInt keeps the product exact.
    return signed(Number((BigInt(magnitude) * BigInt(rate) + 5000n) / 10000n));
  }
  if (amount === undefined) return 0;
  if (amount > magnitude) throw SaleErrors.discountTooLarge(where, amount, magnitude);
  return signed(amount);
}

/**
 * Splits `discount` over parts in proportion to `parts` / `subtotal` (Σ parts = subtotal): each part gets the
 * floor of its exact share, then the cents left go one by one to the largest remainders (ties: first part,
 * the highest rate). The result always adds up to `discount`.
 */
export function spread(discount: number, subtotal: number, parts: readonly number[]): number[] {
  if (subtotal === 0) return parts.map(() => 0);
  // Make the denominator positive so that floor and remainders are taken the same way for sales and refunds.
  const den = BigInt(Math.abs(subtotal));
  // Stryker disable next-line EqualityOperator: a subtotal of 0 has returned above
  const sign = subtotal < 0 ? -1n : 1n;
  const d = BigInt(discount);
  // Stryker disable next-line ArithmeticOperator: sign is 1 or −1, so × sign and ÷ sign are the same
  const exact = parts.map((p) => d * BigInt(p) * sign);
  const floors = exact.map((n) => floorDiv(n, den));
  const remainders = exact.map((n, i) => n - floors[i] * den);
  let left = d - floors.reduce((s, f) => s + f, 0n);
  // Largest remainder first; the sort is stable, so equal remainders keep the parts' order (highest rate first).
  // Remainders are below the subtotal, a safe integer, so their difference is exact as a number.
  const order = parts.map((_, i) => i).sort((a, b) => Number(remainders[b] - remainders[a]));
  for (const i of order) {
    if (left <= 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors.map(Number);
}

/** ⌊n / d⌋ for d > 0, also for negative n. */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator,EqualityOperator: an exact negative quotient lowered by one comes back as a remainder equal to the denominator, the largest, which gives the cent back (`spread` cannot tell)
  return n % d !== 0n && n < 0n ? q - 1n : q;
}
