import { cashRound } from '@comptoir/kernel';

/** A payment method the till offers: built in, or contributed by a plugin through the `paymentMethods` hook. */
export interface PaymentMethod {
  /** Stable code stored with each payment: `cash`, `card`, `cheque`, `meal-voucher`, `eco-voucher`, `transfer`, or a plugin's. */
  code: string;
  label: { fr: string; nl: string; en: string };
  /** Cash is the only tender that may exceed what is due (the difference is the change) and that is rounded. */
  isCash: boolean;
  /** Can money go back to the customer this way on a refund? */
  refundable: boolean;
  /** Opens the drawer when used. */
  opensDrawer: boolean;
}

/** The methods every till knows. */
export const BUILT_IN_METHODS: readonly PaymentMethod[] = Object.freeze([
  { code: 'cash', label: { fr: 'Espèces', nl: 'Contant', en: 'Cash' }, isCash: true, refundable: true, opensDrawer: true },
  { code: 'card', label: { fr: 'Carte', nl: 'Kaart', en: 'Card' }, isCash: false, refundable: true, opensDrawer: false },
  { code: 'cheque', label: { fr: 'Chèque', nl: 'Cheque', en: 'Cheque' }, isCash: false, refundable: false, opensDrawer: true },
  { code: 'meal-voucher', label: { fr: 'Chèque-repas', nl: 'Maaltijdcheque', en: 'Meal voucher' }, isCash: false, refundable: false, opensDrawer: false },
  { code: 'eco-voucher', label: { fr: 'Éco-chèque', nl: 'Ecocheque', en: 'Eco voucher' }, isCash: false, refundable: false, opensDrawer: false },
  { code: 'transfer', label: { fr: 'Virement', nl: 'Overschrijving', en: 'Bank transfer' }, isCash: false, refundable: true, opensDrawer: false },
]);

/** One tender as the cashier keyed it: a method and an amount in cents (> 0). */
export interface Tender {
  method: string;
  amount: number;
}

/** A tender as recorded: what it settles of the ticket, and for cash what was handed over. */
export interface SettledPayment {
  method: string;
  /** Cents this tender settles (cash: the rounded cash part, change already taken out). */
  amount: number;
  /** Cents handed over (cash may exceed `amount`; the difference is change). */
  tendered: number;
}

/** The outcome of settling a ticket. */
export interface Settlement {
  payments: SettledPayment[];
  /** Cash rounding (cents, + or −) applied to the cash part only: Σ payments = due + rounding. */
  rounding: number;
  /** Change given back in cash. */
  change: number;
}

/** Why a set of tenders cannot settle a ticket. */
export type SettlementRefusal =
  | { code: 'TENDER_UNKNOWN'; method: string }
  | { code: 'TENDER_EXCESS'; method: string; excess: number }
  | { code: 'TENDER_SHORT'; missing: number }
  | { code: 'TENDER_NOT_REFUNDABLE'; method: string };

/**
 * Settles `due` cents (> 0: a sale; the magnitude of a refund is settled the same way with `refund: true`) with
 * the tenders. Non-cash tenders may not exceed what is due; the cash part (what remains after them) is rounded to
 * `cashStep` cents when the country says so, and cash handed over beyond it is change. A refund gives no change.
 */
export function settle(due: number, tenders: readonly Tender[], methods: readonly PaymentMethod[], cashStep: number | null, refund = false): Settlement | SettlementRefusal {
  let nonCash = 0;
  let cashTendered = 0;
  const byMethod = new Map<string, number>();
  for (const t of tenders) {
    const m = methods.find((x) => x.code === t.method);
    if (!m) return { code: 'TENDER_UNKNOWN', method: t.method };
    if (refund && !m.refundable) return { code: 'TENDER_NOT_REFUNDABLE', method: t.method };
    if (m.isCash) cashTendered += t.amount;
    else {
      nonCash += t.amount;
      if (nonCash > due) return { code: 'TENDER_EXCESS', method: t.method, excess: nonCash - due };
    }
    byMethod.set(t.method, (byMethod.get(t.method) ?? 0) + t.amount);
  }
  const cashPart = due - nonCash;
  const roundedCash = cashPart > 0 && cashStep && (cashTendered > 0 || nonCash === 0) ? cashRound(cashPart, cashStep).rounded : cashPart;
  const rounding = roundedCash - cashPart;
  if (cashTendered < roundedCash) return { code: 'TENDER_SHORT', missing: roundedCash - cashTendered };
  if (refund && cashTendered > roundedCash) return { code: 'TENDER_EXCESS', method: 'cash', excess: cashTendered - roundedCash };
  const payments: SettledPayment[] = [];
  for (const [method, amount] of byMethod) {
    const m = methods.find((x) => x.code === method)!;
    payments.push(m.isCash ? { method, amount: roundedCash, tendered: amount } : { method, amount, tendered: amount });
  }
  return { payments: payments.filter((p) => p.amount > 0 || p.tendered > 0), rounding, change: cashTendered - roundedCash };
}

/** True when `settle` refused. */
export function isRefusal(s: Settlement | SettlementRefusal): s is SettlementRefusal {
  return 'code' in s;
}
