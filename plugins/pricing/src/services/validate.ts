import type { FieldError } from '@comptoir/kernel';
import { isIsoDay } from '../dates.js';
import { M } from '../messages.js';

/** Largest price the catalogue accepts, in cents (9 999 999,99 €). */
export const MAX_PRICE = 999_999_999;
/** Largest quantity, in thousandths (a billion units). */
export const MAX_QUANTITY = 1_000_000_000_000;
export const CODE_RE = /^[A-Za-z0-9._-]{1,32}$/;

export const isCents = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_PRICE;
export const isThousandths = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= MAX_QUANTITY;

/** Collects field errors the way every form shows them. */
export class FieldErrors {
  readonly list: FieldError[] = [];

  add(field: string, code: string, message: FieldError['message']): void {
    this.list.push({ field, code, message });
  }

  has(field?: string): boolean {
    return field === undefined ? this.list.length > 0 : this.list.some((e) => e.field === field);
  }

  price(field: string, value: unknown, nullable = false): void {
    if (value === null && nullable) return;
    if (!isCents(value)) this.add(field, 'PRICE_INVALID', M.price);
  }

  minQuantity(field: string, value: unknown): void {
    if (!isThousandths(value, 0)) this.add(field, 'MIN_QUANTITY_INVALID', M.minQuantity);
  }

  /** Both days valid, and the first not after the last. */
  period(from: string | null | undefined, to: string | null | undefined): void {
    if (from != null && !isIsoDay(from)) this.add('validFrom', 'DATE_INVALID', M.day);
    if (to != null && !isIsoDay(to)) this.add('validTo', 'DATE_INVALID', M.day);
    if (from != null && to != null && isIsoDay(from) && isIsoDay(to) && from > to) this.add('validTo', 'PERIOD_INVALID', M.period);
  }
}

/** True for the database's unique-constraint error (two requests creating the same row at the same moment). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && e.name === 'UniqueConstraintViolationException';
}
