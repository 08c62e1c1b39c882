import { isRefusal, settle, type PaymentMethod, type SettledPayment, type Tender } from './tenders.js';

/** The tenders a correction puts in force, and the cash rounding they carry (on the cash part only). */
export interface Resettlement {
  payments: SettledPayment[];
  /** Cash rounding in cents of the corrected tenders, on the magnitude settled (Σ payments = |total| + rounding). */
  rounding: number;
}

/** Why the corrected tenders cannot settle the ticket; `expected` is what they should add up to (cents). */
export type ResettlementRefusal =
  | { code: 'TENDER_UNKNOWN' | 'TENDER_NOT_REFUNDABLE'; method: string }
  | { code: 'CORRECTION_TOTAL'; expected: number };

/**
 * Settles a paid ticket's `due` cents (its total's magnitude) again with corrected tenders, under the checkout's
 * rules: non-cash tenders never exceed what is due, the cash part is rounded to `cashStep` when the country says so,
 * and since the change was given at checkout, a correction hands none: the tenders settle the ticket exactly.
 */
export function resettle(due: number, tenders: readonly Tender[], methods: readonly PaymentMethod[], cashStep: number | null, refund: boolean): Resettlement | ResettlementRefusal {
  const s = settle(due, tenders, methods, cashStep, refund);
  const keyed = tenders.reduce((sum, t) => sum + t.amount, 0);
  if (isRefusal(s)) {
    switch (s.code) {
      case 'TENDER_UNKNOWN': case 'TENDER_NOT_REFUNDABLE': return s;
      case 'TENDER_SHORT': return { code: 'CORRECTION_TOTAL', expected: keyed + s.missing };
      default: return { code: 'CORRECTION_TOTAL', expected: methods.find((m) => m.code === s.method)?.isCash ? keyed - s.excess : due };
    }
  }
  if (s.change) return { code: 'CORRECTION_TOTAL', expected: keyed - s.change };
  return { payments: s.payments.map((p) => ({ method: p.method, amount: p.amount, tendered: p.amount })), rounding: s.rounding };
}

/** A paid ticket's cash rounding as its payments in force make it (signed like the ticket: Σ payments = total + rounding). */
export function roundingOf(total: number, payments: ReadonlyArray<{ amount: number; status: string }>): number {
  return payments.reduce((s, p) => s + (p.status === 'active' ? p.amount : 0), 0) - total;
}
