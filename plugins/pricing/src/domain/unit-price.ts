/**
 * Legal unit prices: the price per kilogram or per litre that must be shown next to the selling price of
 * pre-packed goods (EU directive 98/6/EC, French arrêté of 16 November 1999, Belgian economic law code).
 */
import { assertCents, formatMoney, roundHalfUp, toSafeCents } from '@comptoir/kernel';
import { PricingError } from './errors.js';

export type ContentUnit = 'kg' | 'l';

export interface UnitPriceInput {
  /** Selling price of the package, in cents. */
  readonly price: number;
  /** Content in thousandths of the content unit: 330 = 33 cl, 1500 = 6 × 25 cl, 250 = 250 g. */
  readonly contentQuantity: number;
  readonly contentUnit: ContentUnit;
}

/** Price per kg or per litre in cents, rounded half-up: 1.49 € for 33 cl → 452 (4.52 €/l). */
export function unitPriceFor(input: UnitPriceInput): number {
  const { price, contentQuantity, contentUnit } = input;
  assertCents(price, 'price');
  if (!Number.isSafeInteger(contentQuantity) || contentQuantity <= 0) {
    throw new PricingError(
      'UNIT_PRICE_CONTENT_INVALID',
      `The content must be a positive whole number of thousandths of a ${contentUnit === 'l' ? 'litre' : 'kg'} (33 cl = 330), got ${String(contentQuantity)}.`,
    );
  }
  return toSafeCents(roundHalfUp(BigInt(price) * 1000n, BigInt(contentQuantity)), 'unit price');
}

/** A unit price as printed on a shelf label: "4,52 €/l", "12,90 €/kg" (the locale's own money format). */
export function formatUnitPrice(cents: number, unit: ContentUnit, locale: string): string {
  return `${formatMoney(cents, locale)}/${unit}`;
}
