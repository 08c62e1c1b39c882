import { describe, expect, it } from 'vitest';
import type { UblDocument } from './model.js';
import { isBelgianEnterpriseNumber, ublViolations } from './ubl-rules.js';
import { amount, percent, quantity } from './ubl-writer.js';

const party = (vat: string, id: string) => ({ name: 'X', street: 'Rue 1', city: 'Namur', postalCode: '5000', country: 'BE', vatNumber: vat, endpoint: { scheme: '0208', id } });

/** 2 × 10,00 at 21 % and 1 × 3,00 at 6 %, 1,00 off the 21 % part. */
function sample(): UblDocument {
  return {
    kind: 'invoice', number: 'FAC-2026-000001', issueDate: '2026-06-15', dueDate: '2026-07-15', buyerReference: '', notes: [], billingReference: null,
    seller: party('BE0123456749', '0123456749'), buyer: party('BE0403170701', '0403170701'), paymentId: null, paymentTerms: '',
    allowances: [{ amount: 100, rate: 2100, reason: 'Remise' }],
    taxSubtotals: [{ rate: 2100, taxable: 1900, tax: 399 }, { rate: 600, taxable: 300, tax: 18 }],
    lines: [
      { id: '1', name: 'A', sellerCode: '', quantity: 2000, net: 2000, price: 1000, baseQuantity: 1000, allowance: 0, rate: 2100 },
      { id: '2', name: 'B', sellerCode: '', quantity: 1000, net: 300, price: 300, baseQuantity: 1000, allowance: 0, rate: 600 },
    ],
    lineExtension: 2300, allowanceTotal: 100, taxExclusive: 2200, taxTotal: 417, taxInclusive: 2617, payable: 2617,
  };
}

describe('EN 16931 / Peppol rules checked before a UBL leaves', () => {
  it('passes a consistent document', () => {
    expect(ublViolations(sample())).toEqual([]);
  });

  it('names the rules a wrong VAT, a wrong total and a wrong line break', () => {
    const d = sample();
    d.taxSubtotals[0].tax = 400;
    d.taxTotal = 418;
    d.taxInclusive = 2618;
    d.payable = 2600;
    d.lines[1].net = 299;
    expect(ublViolations(d)).toEqual([
      'BR-CO-10: line extension amount ≠ Σ line net amounts',
      'BR-CO-16: amount due ≠ tax inclusive amount',
      'BR-S-09 / BR-CO-17: VAT at 21 % ≠ taxable amount × rate',
      'BR-S-08: taxable amount at 6 % ≠ Σ its lines − allowances',
      'PEPPOL-EN16931-R120: line 2 net ≠ quantity × price − allowance',
    ]);
  });

  it('checks the Belgian enterprise number (0208) by mod 97', () => {
    expect(isBelgianEnterpriseNumber('0403170701')).toBe(true);
    expect(isBelgianEnterpriseNumber('0403170702')).toBe(false);
    const d = sample();
    d.buyer.endpoint = { scheme: '0208', id: '0403170702' };
    expect(ublViolations(d)).toEqual(['PEPPOL-COMMON-R043: the buyer\'s enterprise number 0403170702 fails its mod-97 check']);
  });

  it('writes amounts, quantities and rates as UBL decimals', () => {
    expect([amount(1234), amount(-5), amount(0), amount(100)]).toEqual(['12.34', '-0.05', '0.00', '1.00']);
    expect([quantity(1250), quantity(6000), quantity(-3000), quantity(1)]).toEqual(['1.25', '6', '-3', '0.001']);
    expect([percent(2100), percent(550), percent(0)]).toEqual(['21', '5.5', '0']);
  });
});
