import { describe, expect, it } from 'vitest';
import { saleTotals } from '@comptoir/sales';
import { ticketDiscountShares, ticketDiscountShare } from './ticket-discount.js';
import { ticketTotals } from './ticket-totals.js';

const lines = [
  { total: 1000, vatRate: 2100 },
  { total: 333, vatRate: 600 },
  { total: 667, vatRate: 600 },
  { total: 1, vatRate: 2100 },
];

describe('ticket discount spread over the lines', () => {
  it('adds up to the discount and, per VAT rate, to the sale contract’s document discount', () => {
    for (const discount of [{ rate: 1000 }, { rate: 333 }, { amount: 7 }, { amount: 2001 }, { rate: 10000 }]) {
      const { shares, discount: total } = ticketDiscountShares(lines, discount);
      expect(shares.reduce((s, x) => s + x, 0)).toBe(total);
      const contract = saleTotals({ pricesIncludeVat: true, country: null, discount, lines: lines.map((l, i) => ({ id: `L${i}`, description: 'x', quantity: 1000, unitPrice: l.total, includesVat: true, vatRate: l.vatRate, fixedAmount: null, discountRate: null, discountAmount: null })) });
      const net = ticketTotals(lines.map((l, i) => ({ total: l.total - shares[i], vatRate: l.vatRate })));
      expect(net.total).toBe(contract.total);
      expect(net.rates.map((r) => [r.rate, r.base, r.vat])).toEqual(contract.rates.map((r) => [r.rate, r.base, r.vat]));
      shares.forEach((s, i) => expect(Math.abs(s)).toBeLessThanOrEqual(Math.abs(lines[i].total)));
    }
  });

  it('10 % of 20,01 € takes 2,00 €, and nothing without a discount', () => {
    expect(ticketDiscountShares(lines, { rate: 1000 }).discount).toBe(200);
    expect(ticketDiscountShares(lines, null)).toEqual({ shares: [0, 0, 0, 0], discount: 0 });
  });

  it('measures an amount against the limit as a share of the subtotal, rounded up', () => {
    expect(ticketDiscountShare({ amount: 201 }, 2001)).toBe(1005);
    expect(ticketDiscountShare({ rate: 1500 }, 2001)).toBe(1500);
  });
});
