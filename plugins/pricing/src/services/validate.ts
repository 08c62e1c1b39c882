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

/** A price row as every route that writes one checks it: threshold, price and period. */
export interface PriceRowValues {
  minQuantity: unknown;
  unitPrice: unknown;
  validFrom: string | null | undefined;
  validTo: string | null | undefined;
}

/** Collects field errors the way every form shows them. */
export class FieldErrors {
  /**
   * @param list where the errors go (shared with the collector this one was made `under`)
   * @param prefix put before every field name, e.g. `rows.2.`
   */
  constructor(
    readonly list: FieldError[] = [],
    private readonly prefix = '',
  ) {}

  /** The same collector, naming fields under `prefix`: `errors.under('rows.2.')` reports `rows.2.unitPrice`. */
  under(prefix: string): FieldErrors {
    return new FieldErrors(this.list, this.prefix + prefix);
  }

  add(field: string, code: string, message: FieldError['message']): void {
    this.list.push({ field: this.prefix + field, code, message });
  }

  /** Any error at all (of any prefix), or one for this field (under this collector's prefix). */
  has(field?: string): boolean {
    return field === undefined ? this.list.length > 0 : this.list.some((e) => e.field === this.prefix + field);
  }

  /** A list price's own values: whole thousandths from 0, whole cents, a real period. */
  priceRow(row: PriceRowValues): void {
    this.minQuantity('minQuantity', row.minQuantity);
    this.price('unitPrice', row.unitPrice);
    this.period(row.validFrom, row.validTo);
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
