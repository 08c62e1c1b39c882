import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentTotals, lineTotal } from '@comptoir/kernel';
import { discountShare, pricedLineTotal, refundLineTotal, ticketTotals } from './ticket-totals.js';

const rate = fc.constantFrom(2100, 1200, 600, 0, 2000, 1000, 550, 210);
const line = fc.record({
  unitPrice: fc.integer({ min: 1, max: 500_000 }),
  // Pieces (multiples of 1000) and weighed quantities (any thousandths).
  quantity: fc.oneof(fc.integer({ min: 1, max: 50 }).map((q) => q * 1000), fc.integer({ min: 1, max: 20_000 })),
  vatRate: rate,
  discountRate: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null }),
});

describe('ticket totals', () => {
  it('reconcile to the cent: lines, VAT per rate and the total, with prices with VAT (the till) and without (invoices)', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.boolean(), (lines, incl) => {
      const totals = lines.map((l) => ({ total: pricedLineTotal(l), vatRate: l.vatRate }));
      const sum = totals.reduce((a, l) => a + l.total, 0);
      const t = incl ? ticketTotals(totals) : documentTotals(lines.map((l) => ({ ...l, discountRate: l.discountRate ?? undefined })), { pricesIncludeVat: false });
      const perRate = t.rates.reduce((a, r) => ({ base: a.base + r.base, vat: a.vat + r.vat, total: a.total + r.total }), { base: 0, vat: 0, total: 0 });
      return (incl ? t.total === sum : t.base === sum)
        && t.base + t.vat === t.total && perRate.base === t.base && perRate.vat === t.vat && perRate.total === t.total
        && t.rates.every((r) => r.base + r.vat === r.total);
    }));
  });

  it('refunding a line in any number of goes gives back exactly what it cost, never a cent more', () => {
    fc.assert(fc.property(line, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }), (l, parts) => {
      const sold = pricedLineTotal(l);
      const whole = parts.reduce((a, b) => a + b, 0);
      // Split the quantity in the proportions drawn, the last part taking what is left.
      let before = 0;
      let refunded = 0;
      parts.forEach((p, i) => {
        const q = i === parts.length - 1 ? l.quantity - before : Math.floor((l.quantity * p) / whole);
        if (q <= 0) return;
        const r = refundLineTotal(sold, l.quantity, before, q);
        if (-r > sold || r > 0) throw new Error(`refund ${r} of ${sold}`);
        refunded += r;
        before += q;
      });
      return before === l.quantity ? refunded === -sold : -refunded <= sold;
    }));
  });

  it('refunds a third of a discounted line at a third of what was paid', () => {
    const sold = lineTotal({ unitPrice: 333, quantity: 3000, discountAmount: 100 });
    expect(sold).toBe(899);
    expect([refundLineTotal(sold, 3000, 0, 1000), refundLineTotal(sold, 3000, 1000, 1000), refundLineTotal(sold, 3000, 2000, 1000)]).toEqual([-300, -299, -300]);
  });

  it('measures a discount as a share of the line for the limit', () => {
    expect(discountShare({ unitPrice: 1000, quantity: 1000, vatRate: 2100, discountRate: 1500 })).toBe(1500);
    expect(discountShare({ unitPrice: 1000, quantity: 1000, vatRate: 2100, discountAmount: 100 })).toBe(1000);
    expect(discountShare({ unitPrice: 999, quantity: 1000, vatRate: 2100, discountAmount: 100 })).toBe(1002);
    expect(discountShare({ unitPrice: 1000, quantity: 1000, vatRate: 2100 })).toBe(0);
  });
});
