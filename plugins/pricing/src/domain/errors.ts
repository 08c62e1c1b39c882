/**
 * Stable codes of {@link PricingError}:
 * - `PRICE_LIST_NOT_FOUND`: the requested, customer's or default list is not in the price book;
 * - `PRICE_DATE_INVALID`: a query or price row date is not a 'YYYY-MM-DD' calendar date;
 * - `UNIT_PRICE_CONTENT_INVALID`: a legal unit price was asked for a zero, negative or fractional content;
 * - `PACK_QUANTITY_INVALID`: a pack holds zero, negative or fractional thousandths;
 * - `ASSOCIATION_RATIO_INVALID`: an associated-article ratio is not a positive whole number of thousandths.
 */
export type PricingErrorCode =
  | 'PRICE_LIST_NOT_FOUND'
  | 'PRICE_DATE_INVALID'
  | 'UNIT_PRICE_CONTENT_INVALID'
  | 'PACK_QUANTITY_INVALID'
  | 'ASSOCIATION_RATIO_INVALID';

/** Error thrown by the pricing domain: `code` is stable for programs, `message` is a sentence for a person. */
export class PricingError extends Error {
  readonly code: PricingErrorCode;

  constructor(code: PricingErrorCode, message: string) {
    super(message);
    this.name = 'PricingError';
    this.code = code;
  }
}

/** True when `value` is a {@link PricingError}, optionally with the given code. */
export function isPricingError(value: unknown, code?: PricingErrorCode): value is PricingError {
  return value instanceof PricingError && (code === undefined || value.code === code);
}
