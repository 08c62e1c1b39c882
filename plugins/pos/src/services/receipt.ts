import type { Language, ReceiptData, Shop, VatRateTotals } from '@comptoir/kernel';
import { ticketTotals } from '../domain/ticket-totals.js';
import type { TicketView } from './ticket.service.js';

/**
 * A receipt as data: everything the printed ticket shows, in the order it shows it. The print template renders
 * it; the shell shows it as a preview until a printer is configured.
 */
export interface Receipt {
  shop: { name: string; street: string; postalCode: string; city: string; vatNumber: string };
  kind: 'sale' | 'refund';
  number: string;
  /** Null on the original; 1, 2… on reprints, printed as "DUPLICATA n". */
  duplicate: number | null;
  refundOf: string | null;
  station: { id: number; name: string | null };
  cashier: string | null;
  at: string;
  lines: Array<{ code: string; name: string; quantity: number; unitPrice: number; discountRate: number | null; discountAmount: number | null; vatRate: number; total: number; note: string }>;
  /** The ticket discount as granted (rate in basis points or amount in cents) and what it took off, in cents. */
  discount: { rate: number | null; amount: number | null; total: number } | null;
  /** The ticket's note, printed under the lines. */
  note: string;
  vat: VatRateTotals[];
  base: number;
  vatTotal: number;
  total: number;
  rounding: number;
  payments: Array<{ method: string; amount: number; tendered: number }>;
  change: number;
  /** The first 16 characters of the ticket's journal entry hash, printed so the chain can be checked from paper. */
  signature: string;
  /** What the barcode under the receipt encodes (the ticket number), scanned to find the sale for a refund. */
  barcode: string;
}

/** Builds the receipt of a paid ticket. */
export function buildReceipt(t: TicketView, shop: Shop, extra: { stationName: string | null; cashier: string | null; signature: string; refundOf: string | null; duplicate: number | null }): Receipt {
  const vat = ticketTotals(t.lines.map((l) => ({ total: l.total - l.ticketDiscount, vatRate: l.vatRate })));
  return {
    shop: { name: shop.name, street: shop.street, postalCode: shop.postalCode, city: shop.city, vatNumber: shop.vatNumber },
    kind: t.kind, number: t.number ?? '', duplicate: extra.duplicate, refundOf: extra.refundOf,
    station: { id: t.stationId, name: extra.stationName }, cashier: extra.cashier, at: t.closedAt ?? t.openedAt,
    lines: t.lines.map((l) => ({ code: l.code, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, discountRate: l.discountRate, discountAmount: l.discountAmount, vatRate: l.vatRate, total: l.total, note: l.note })),
    discount: t.discount ? { rate: t.discountRate, amount: t.discountAmount, total: t.discount } : null, note: t.note,
    vat: [...vat.rates], base: vat.base, vatTotal: vat.vat, total: vat.total, rounding: t.rounding,
    payments: t.payments.filter((p) => p.status === 'active').map((p) => ({ method: p.method, amount: p.amount, tendered: p.tendered })),
    change: t.change, signature: extra.signature.slice(0, 16), barcode: t.number ?? '',
  };
}

/**
 * The receipt as the kernel's `kernel.receipt` print template takes it, for the HTML preview and the PDF: the
 * template prints the cash rounding and the amount due, the journal signature, a Code 128 of the ticket number
 * (scanned to find the sale for a return), "DUPLICATA n" on a reprint and, on a refund, the ticket it refunds.
 */
export function receiptData(r: Receipt, methodLabel: (code: string) => string, lang: Language = 'fr'): ReceiptData {
  const codes = new Map(r.vat.map((v, i) => [v.rate, String.fromCharCode(65 + i)]));
  // The ticket discount prints as a line of its own (its VAT is already in each rate's figures).
  const discount = r.discount
    ? [{ name: ticketDiscountLabel(r.discount.rate, lang), quantity: 1000, unitPrice: -r.discount.total, total: -r.discount.total, vatCode: '' }]
    : [];
  return {
    number: r.number, duplicate: r.duplicate, refundOf: r.refundOf,
    date: r.at, cashier: r.cashier ?? '', station: r.station.name ?? '',
    lines: [...r.lines.map((l) => ({ name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, total: l.total, vatCode: codes.get(l.vatRate) ?? '', ...(l.note ? { note: l.note } : {}) })), ...discount],
    ...(r.note ? { note: r.note } : {}),
    vat: r.vat.map((v) => ({ code: codes.get(v.rate)!, rate: v.rate, base: v.base, vat: v.vat })),
    total: r.total,
    payments: r.payments.map((p) => ({ method: methodLabel(p.method), amount: p.tendered })),
    change: r.change, rounding: r.rounding, signature: r.signature || null, barcode: r.barcode || null,
    qr: null,
  };
}

/** "Remise sur le ticket 10 %" in the receipt's language. */
function ticketDiscountLabel(rate: number | null, lang: Language): string {
  const label = { fr: 'Remise sur le ticket', nl: 'Korting op het ticket', en: 'Ticket discount' }[lang];
  return rate === null ? label : `${label} ${new Intl.NumberFormat(lang === 'en' ? 'en-IE' : `${lang}-BE`, { maximumFractionDigits: 2 }).format(rate / 100)} %`;
}
