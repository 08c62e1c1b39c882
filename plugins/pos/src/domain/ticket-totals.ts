import { lineTotal, vatBreakdown, type VatBreakdown } from '@comptoir/kernel';

/** A line's money as the till keeps it. */
export interface PricedLine {
  quantity: number;
  unitPrice: number;
  vatRate: number;
  discountRate?: number | null;
  discountAmount?: number | null;
  /** The amount before the discount when it is not unit price × quantity (a pack, a price label). */
  fixedAmount?: number | null;
}

/**
 * A line's total in cents (VAT included), its discount taken off: the same arithmetic as the sale contract's
 * `lineAmounts` for a line priced with VAT (the gross as one unit, the kernel's discount rounding).
 */
export function pricedLineTotal(l: PricedLine): number {
  const gross = l.fixedAmount ?? lineTotal({ unitPrice: l.unitPrice, quantity: l.quantity });
  return lineTotal({
    unitPrice: gross, quantity: 1000,
    ...(l.discountRate != null ? { discountRate: l.discountRate } : {}),
    ...(l.discountAmount != null ? { discountAmount: l.discountAmount } : {}),
  });
}

/** The VAT breakdown of a ticket from its line totals (prices include VAT at the till). */
export function ticketTotals(lineTotals: ReadonlyArray<{ total: number; vatRate: number }>): VatBreakdown {
  return vatBreakdown(lineTotals.map((l) => ({ amount: l.total, vatRate: l.vatRate })), true);
}

/**
 * The total of refunding `quantity` more of a sold line of which `before` was already refunded: the difference of
 * two prorations of the line's total, so that refunding a line in several goes gives back exactly what was paid,
 * never a cent more (negative: money going back).
 */
export function refundLineTotal(soldTotal: number, soldQuantity: number, before: number, quantity: number): number {
  const share = (q: number) => prorate(soldTotal, q, soldQuantity);
  return -(share(before + quantity) - share(before));
}

function prorate(total: number, part: number, whole: number): number {
  const n = BigInt(total) * BigInt(part);
  const d = BigInt(whole);
  const q = n / d;
  const r = n % d;
  return Number(2n * (r < 0n ? -r : r) >= d ? q + (n < 0n ? -1n : 1n) : q);
}

/** The discount of a line as a share of its gross total, in basis points (for the discount limit). */
export function discountShare(l: PricedLine): number {
  if (l.discountRate != null) return l.discountRate;
  if (!l.discountAmount) return 0;
  const gross = Math.abs(pricedLineTotal({ quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, fixedAmount: l.fixedAmount }));
  return gross === 0 ? 10000 : Math.ceil((l.discountAmount * 10000) / gross);
}
