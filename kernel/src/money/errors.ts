/** Stable machine-readable codes carried by every {@link MoneyError}. */
export type MoneyErrorCode =
  | 'MONEY_NOT_INTEGER'
  | 'MONEY_UNSAFE'
  | 'MONEY_PARSE'
  | 'QUANTITY_INVALID'
  | 'QUANTITY_PARSE'
  | 'RATE_INVALID'
  | 'DISCOUNT_INVALID'
  | 'CASH_STEP_INVALID'
  | 'DIVISION_BY_ZERO'
  | 'FORMAT_INVALID'
  | 'COUNTRY_UNKNOWN';

/** Error thrown by the money module: `code` is stable for programs, `message` is a sentence for a person. */
export class MoneyError extends Error {
  /** Stable code identifying the kind of failure (never translated, never reworded). */
  readonly code: MoneyErrorCode;

  constructor(code: MoneyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MoneyError';
    this.code = code;
  }
}

/** True when `value` is a {@link MoneyError}, optionally with the given code. */
export function isMoneyError(value: unknown, code?: MoneyErrorCode): value is MoneyError {
  return value instanceof MoneyError && (code === undefined || value.code === code);
}
