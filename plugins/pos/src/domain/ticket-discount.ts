import { saleTotals, spread, type DocumentDiscount } from '@comptoir/sales';

/** A ticket line as the ticket discount sees it: its total after its own discount, and its VAT rate. */
export interface DiscountedLine {
  total: number;
  vatRate: number;
}

/**
 * Each line's share of a ticket discount, in cents (same sign as the line). The sale contract spreads the document
 * discount over the VAT rates (`saleTotals`), then each rate's part is spread over that rate's lines in proportion to
 * their totals (largest remainders get the odd cents): the shares add up to the discount exactly, and per rate to
 * the contract's `discountByRate`, so the VAT per rate is the contract's and a refund can prorate a line's share.
 */
export function ticketDiscountShares(lines: readonly DiscountedLine[], discount: DocumentDiscount | null): { shares: number[]; discount: number } {
  if (!discount || !lines.length) return { shares: lines.map(() => 0), discount: 0 };
  const totals = saleTotals({
    pricesIncludeVat: true, country: null, discount,
    lines: lines.map((l, i) => ({
      id: `L${i}`, description: 'ticket', quantity: 1000, unitPrice: l.total, includesVat: true, vatRate: l.vatRate, fixedAmount: l.total, discountRate: null, discountAmount: null,
    })),
  });
  const shares = lines.map(() => 0);
  for (const { rate, amount } of totals.discountByRate) {
    const idx = lines.map((l, i) => (l.vatRate === rate ? i : -1)).filter((i) => i >= 0);
    const parts = idx.map((i) => lines[i].total);
    spread(amount, parts.reduce((s, p) => s + p, 0), parts).forEach((share, k) => (shares[idx[k]] = share));
  }
  return { shares, discount: totals.discount };
}

/** The ticket discount as a share of the lines' subtotal, in basis points, rounded up (for the discount limit). */
export function ticketDiscountShare(discount: DocumentDiscount, subtotal: number): number {
  if (discount.rate !== undefined) return discount.rate;
  if (!discount.amount) return 0;
  return subtotal === 0 ? 10000 : Math.ceil((discount.amount * 10000) / Math.abs(subtotal));
}
