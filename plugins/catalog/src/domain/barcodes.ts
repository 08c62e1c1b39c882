import { displayInput, type ErrorParams, type ValidationFailure } from './types.js';

/**
 * Barcode kinds the catalogue knows.
 * - `ean13`, `ean8`, `upca`: GS1 GTINs (13, 8 and 12 digits, last digit is a GS1 mod-10 check digit);
 * - `internal`: a shop's own code (scale PLU, shelf label…), 1–32 letters, digits, `-`, `_`, `.`.
 */
export type BarcodeKind = 'ean13' | 'ean8' | 'upca' | 'internal';

export const BARCODE_KINDS: readonly BarcodeKind[] = Object.freeze(['ean13', 'ean8', 'upca', 'internal'] as const);

/** The GTIN kinds, with their length in digits (check digit included). */
export const GTIN_LENGTHS: Readonly<Record<Exclude<BarcodeKind, 'internal'>, number>> = Object.freeze({
  ean13: 13,
  ean8: 8,
  upca: 12,
});

/** Human label of each kind, as used in messages. */
export const BARCODE_KIND_LABELS: Readonly<Record<BarcodeKind, string>> = Object.freeze({
  ean13: 'EAN-13',
  ean8: 'EAN-8',
  upca: 'UPC-A',
  internal: 'Internal code',
});

export const INTERNAL_CODE_MAX_LENGTH = 32;

/**
 * Stable error codes of {@link validateBarcode}; `params` always has `kind`, plus:
 * - `BARCODE_EMPTY`: nothing else (`kind` is '' when none was given);
 * - `BARCODE_UNKNOWN_KIND`: nothing else (`kind` is the unknown value);
 * - `BARCODE_NOT_DIGITS`: `character`, `position` (1-based);
 * - `BARCODE_BAD_LENGTH`: `expectedLength`, `length`;
 * - `BARCODE_BAD_CHECK_DIGIT`: `expected`, `actual` (digits);
 * - `BARCODE_INTERNAL_TOO_LONG`: `maxLength`, `length`;
 * - `BARCODE_INTERNAL_BAD_CHARACTER`: `character`, `position` (1-based);
 * - `BARCODE_INTERNAL_LOOKS_LIKE_GTIN`: `gtinKind`, `expected`, `actual`.
 */
export type BarcodeErrorCode =
  | 'BARCODE_EMPTY'
  | 'BARCODE_UNKNOWN_KIND'
  | 'BARCODE_NOT_DIGITS'
  | 'BARCODE_BAD_LENGTH'
  | 'BARCODE_BAD_CHECK_DIGIT'
  | 'BARCODE_INTERNAL_TOO_LONG'
  | 'BARCODE_INTERNAL_BAD_CHARACTER'
  | 'BARCODE_INTERNAL_LOOKS_LIKE_GTIN';

export interface BarcodeOk {
  readonly ok: true;
  readonly kind: BarcodeKind;
  /** The code with surrounding whitespace removed; nothing else is changed. */
  readonly normalized: string;
}

export type BarcodeError = ValidationFailure<BarcodeErrorCode>;

export type BarcodeValidation = BarcodeOk | BarcodeError;

const DIGITS = /^[0-9]+$/;
const INTERNAL_CHARS = /^[A-Za-z0-9._-]$/;

function fail(code: BarcodeErrorCode, message: string, params: ErrorParams): BarcodeError {
  return { ok: false, code, message, params };
}

/**
 * GS1 mod-10 check digit of `digitsWithoutCheck` (any GTIN length): weights 3, 1, 3, 1… from
 * the rightmost digit, check = (10 − sum mod 10) mod 10.
 * @throws RangeError when the input is empty or has anything but ASCII digits.
 */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  if (typeof digitsWithoutCheck !== 'string' || !DIGITS.test(digitsWithoutCheck)) {
    throw new RangeError(`gtinCheckDigit: expected one or more digits, got ${JSON.stringify(digitsWithoutCheck)}`);
  }
  let sum = 0;
  for (let i = digitsWithoutCheck.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digitsWithoutCheck.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of an all-digit string is its GS1 check digit. */
function hasValidCheckDigit(digits: string): boolean {
  return gtinCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/** The GTIN kind an all-digit code of this length would be, if any. */
function gtinKindForLength(length: number): Exclude<BarcodeKind, 'internal'> | undefined {
  if (length === 13) return 'ean13';
  if (length === 12) return 'upca';
  if (length === 8) return 'ean8';
  return undefined;
}

/**
 * The kind {@link validateBarcode} assumes when none is given: all-digit codes of 8, 12 or 13
 * digits are EAN-8, UPC-A and EAN-13; anything else is an internal code.
 */
export function detectBarcodeKind(code: string): BarcodeKind {
  const trimmed = code.trim();
  return (DIGITS.test(trimmed) && gtinKindForLength(trimmed.length)) || 'internal';
}

function validateGtin(code: string, kind: Exclude<BarcodeKind, 'internal'>): BarcodeValidation {
  const label = BARCODE_KIND_LABELS[kind];
  const expectedLength = GTIN_LENGTHS[kind];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch < '0' || ch > '9') {
      return fail(
        'BARCODE_NOT_DIGITS',
        `${label} ${displayInput(code)}: only digits are allowed, found ${JSON.stringify(ch)} at position ${i + 1}`,
        { kind, character: ch, position: i + 1 },
      );
    }
  }
  if (code.length !== expectedLength) {
    return fail(
      'BARCODE_BAD_LENGTH',
      `${label} ${code}: must have ${expectedLength} digits, got ${code.length}`,
      { kind, expectedLength, length: code.length },
    );
  }
  const expected = gtinCheckDigit(code.slice(0, -1));
  const actual = Number(code[code.length - 1]);
  if (expected !== actual) {
    return fail(
      'BARCODE_BAD_CHECK_DIGIT',
      `${label} ${code}: check digit should be ${expected}, not ${actual}`,
      { kind, expected, actual },
    );
  }
  return { ok: true, kind, normalized: code };
}

function validateInternal(code: string): BarcodeValidation {
  const kind = 'internal';
  const label = BARCODE_KIND_LABELS.internal;
  if (code.length > INTERNAL_CODE_MAX_LENGTH) {
    return fail(
      'BARCODE_INTERNAL_TOO_LONG',
      `${label} ${displayInput(code)}: at most ${INTERNAL_CODE_MAX_LENGTH} characters, got ${code.length}`,
      { kind, maxLength: INTERNAL_CODE_MAX_LENGTH, length: code.length },
    );
  }
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (!INTERNAL_CHARS.test(ch)) {
      const what = /\s/.test(ch) ? 'spaces are not allowed' : `${JSON.stringify(ch)} is not allowed`;
      return fail(
        'BARCODE_INTERNAL_BAD_CHARACTER',
        `${label} ${displayInput(code)}: ${what} (position ${i + 1}); use letters A-Z, digits, '-', '_' or '.'`,
        { kind, character: ch, position: i + 1 },
      );
    }
  }
  const gtinKind = DIGITS.test(code) ? gtinKindForLength(code.length) : undefined;
  if (gtinKind && !hasValidCheckDigit(code)) {
    const expected = gtinCheckDigit(code.slice(0, -1));
    const actual = Number(code[code.length - 1]);
    return fail(
      'BARCODE_INTERNAL_LOOKS_LIKE_GTIN',
      `${label} ${code} looks like a GTIN (${BARCODE_KIND_LABELS[gtinKind]}) with a bad check digit: ` +
        `check digit should be ${expected}, not ${actual}; internal codes must not be ${code.length} digits only`,
      { kind, gtinKind, expected, actual },
    );
  }
  return { ok: true, kind, normalized: code };
}

/**
 * Validate a barcode. Surrounding whitespace is ignored (and removed in `normalized`).
 * Without `kind`, the kind is detected with {@link detectBarcodeKind}.
 */
export function validateBarcode(code: string, kind?: BarcodeKind): BarcodeValidation {
  const trimmed = typeof code === 'string' ? code.trim() : '';
  if (kind !== undefined && !BARCODE_KINDS.includes(kind)) {
    return fail(
      'BARCODE_UNKNOWN_KIND',
      `Unknown barcode kind ${JSON.stringify(kind)}; expected one of ${BARCODE_KINDS.join(', ')}`,
      { kind: String(kind) },
    );
  }
  if (trimmed === '') {
    const label = kind === undefined ? 'Barcode' : BARCODE_KIND_LABELS[kind];
    return fail('BARCODE_EMPTY', `${label} is empty`, { kind: kind ?? '' });
  }
  const wanted = kind ?? detectBarcodeKind(trimmed);
  return wanted === 'internal' ? validateInternal(trimmed) : validateGtin(trimmed, wanted);
}

/** Shorthand for `validateBarcode(code, kind).ok`. */
export function isValidBarcode(code: string, kind?: BarcodeKind): boolean {
  return validateBarcode(code, kind).ok;
}

/**
 * A valid EAN-13 made of the 12 given digits followed by their check digit.
 * @throws RangeError unless `prefix12` is exactly 12 digits.
 */
export function makeEan13(prefix12: string): string {
  if (typeof prefix12 !== 'string' || prefix12.length !== 12 || !DIGITS.test(prefix12)) {
    throw new RangeError(`makeEan13: expected exactly 12 digits, got ${JSON.stringify(prefix12)}`);
  }
  return prefix12 + String(gtinCheckDigit(prefix12));
}
