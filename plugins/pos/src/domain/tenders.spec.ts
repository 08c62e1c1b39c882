import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILT_IN_METHODS, isRefusal, settle, type PaymentMethod } from './tenders.js';

const methods = BUILT_IN_METHODS;
const prepaid: PaymentMethod = { code: 'prepaid', label: { fr: 'Compte', nl: 'Rekening', en: 'Account' }, isCash: false, refundable: true, opensDrawer: false };

describe('settling a ticket with tenders', () => {
  it('rounds a Belgian cash payment to 5 cents and gives change', () => {
    expect(settle(1233, [{ method: 'cash', amount: 2000 }], methods, 5)).toEqual({ payments: [{ method: 'cash', amount: 1235, tendered: 2000 }], rounding: 2, change: 765 });
    expect(settle(1232, [{ method: 'cash', amount: 1230 }], methods, 5)).toEqual({ payments: [{ method: 'cash', amount: 1230, tendered: 1230 }], rounding: -2, change: 0 });
  });

  it('does not round in France, nor a card payment in Belgium', () => {
    expect(settle(1233, [{ method: 'cash', amount: 1233 }], methods, null)).toEqual({ payments: [{ method: 'cash', amount: 1233, tendered: 1233 }], rounding: 0, change: 0 });
    expect(settle(1233, [{ method: 'card', amount: 1233 }], methods, 5)).toEqual({ payments: [{ method: 'card', amount: 1233, tendered: 1233 }], rounding: 0, change: 0 });
  });

  it('rounds only the cash part of a mixed payment', () => {
    expect(settle(1233, [{ method: 'card', amount: 1000 }, { method: 'cash', amount: 500 }], methods, 5)).toEqual({
      payments: [{ method: 'card', amount: 1000, tendered: 1000 }, { method: 'cash', amount: 235, tendered: 500 }], rounding: 2, change: 265,
    });
  });

  it('lets only cash exceed what is due', () => {
    expect(settle(1000, [{ method: 'card', amount: 1001 }], methods, 5)).toEqual({ code: 'TENDER_EXCESS', method: 'card', excess: 1 });
    expect(settle(1000, [{ method: 'card', amount: 600 }, { method: 'meal-voucher', amount: 600 }], methods, 5)).toEqual({ code: 'TENDER_EXCESS', method: 'meal-voucher', excess: 200 });
    expect(settle(1000, [{ method: 'card', amount: 600 }], methods, 5)).toEqual({ code: 'TENDER_SHORT', missing: 400 });
    expect(settle(1003, [{ method: 'cash', amount: 1000 }], methods, 5)).toEqual({ code: 'TENDER_SHORT', missing: 5 });
  });

  it('refuses an unknown method, accepts a plugin’s, and refuses what cannot be refunded on a refund', () => {
    expect(settle(100, [{ method: 'bitcoin', amount: 100 }], methods, 5)).toEqual({ code: 'TENDER_UNKNOWN', method: 'bitcoin' });
    expect(settle(100, [{ method: 'prepaid', amount: 100 }], [...methods, prepaid], 5)).toMatchObject({ payments: [{ method: 'prepaid', amount: 100 }] });
    expect(settle(100, [{ method: 'eco-voucher', amount: 100 }], methods, 5, true)).toEqual({ code: 'TENDER_NOT_REFUNDABLE', method: 'eco-voucher' });
    expect(settle(100, [{ method: 'cash', amount: 200 }], methods, 5, true)).toEqual({ code: 'TENDER_EXCESS', method: 'cash', excess: 100 });
  });

  it('adds up: payments = due + rounding, cash given = cash settled + change, rounding within half a step', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 2000 }), fc.constantFrom(5, null),
      (due, cardShare, extra, step) => {
        const card = Math.floor((due * cardShare) / 100);
        const cashDue = due - card;
        const cash = cashDue + 5 + extra;
        const s = settle(due, [{ method: 'card', amount: card }, { method: 'cash', amount: cash }], methods, step);
        if (isRefusal(s)) return false;
        const paid = s.payments.reduce((a, p) => a + p.amount, 0);
        const cashPay = s.payments.find((p) => p.method === 'cash');
        return paid === due + s.rounding && (cashPay ? cashPay.tendered - cashPay.amount === s.change : s.change === 0)
          && Math.abs(s.rounding) <= 2 && (step === null ? s.rounding === 0 : (cashPay?.amount ?? 0) % 5 === 0) && s.change >= 0;
      }));
  });
});
