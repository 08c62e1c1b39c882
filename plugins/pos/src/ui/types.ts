/**
 * What the till's screens receive from the server (plugins/pos, GET/POST /api/pos/…). Imported as types only, so
 * a renamed field breaks the UI's type check instead of the shop's till.
 */
import type { TicketView, LineView, PaymentView } from '../services/ticket.service.js';
import type { PaymentMethod, Tender } from '../domain/tenders.js';

export type Ticket = TicketView;
export type Line = LineView;
export type Payment = PaymentView;
export type Method = PaymentMethod;
export type { Tender };

/** The answer of POST /api/pos/tickets/:id/checkout. */
export interface CheckoutResult {
  ticket: Ticket;
}

/** The little of a catalogue article or customer the till shows in a pick list. */
export interface Hit {
  id: number;
  code: string;
  name: string;
  price?: number;
  city?: string;
}

/** Cents rounded to the cash step (half up), as the server's settlement rounds the cash part. */
export function cashRounded(cents: number, step: number | null): number {
  if (!step || step <= 1) return cents;
  return Math.floor((cents + step / 2) / step) * step;
}

/** The cash rounding step of a shop's country (Belgium: 5 cents), as the server applies it. */
export function cashStepOf(country: string | null | undefined): number | null {
  return country === 'BE' ? 5 : null;
}

/** Quantity in thousandths → how the till shows it ("3", "0,347"). */
export function quantityText(thousandths: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(thousandths / 1000);
}
