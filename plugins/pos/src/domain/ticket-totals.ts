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

export { refundLineTotal } from './refund-share.js';

/** The discount of a line as a share of its gross total, in basis points (for the discount limit). */
export function discountShare(l: PricedLine): number {
  if (l.discountRate != null) return l.discountRate;
  if (!l.discountAmount) return 0;
  const gross = Math.abs(pricedLineTotal({ quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, fixedAmount: l.fixedAmount }));
  return gross === 0 ? 10000 : Math.ceil((l.discountAmount * 10000) / gross);
}
