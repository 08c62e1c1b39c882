import { displayInput, type ErrorParams, type ValidationFailure } from './types.js';

/**
 * VAT number prefixes of the EU member states (Greece uses EL, Northern Ireland XI).
 * BE and FR numbers get a full checksum test, the others a format check only.
 */
export const EU_VAT_PREFIXES: readonly string[] = Object.freeze([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI',
]);

const EU_PREFIX_SET: ReadonlySet<string> = new Set(EU_VAT_PREFIXES);

/**
 * Stable error codes of {@link validateVatNumber}. `params` per code:
 * - `VAT_NUMBER_EMPTY`: none;
 * - `VAT_NUMBER_BAD_CHARACTER`: `character`, `position` (1-based, in the cleaned-up number);
 * - `VAT_NUMBER_NO_COUNTRY`: none;
 * - `VAT_NUMBER_UNKNOWN_COUNTRY`: `country`;
 * - `VAT_NUMBER_BAD_FORMAT`: `country`, `expected` (English description of the format);
 * - `VAT_NUMBER_BAD_CHECKSUM`: `country`, `expected`, `actual` (BE: the 2 check digits, FR: the 2-digit key).
 */
export type VatNumberErrorCode =
  | 'VAT_NUMBER_EMPTY'
  | 'VAT_NUMBER_BAD_CHARACTER'
  | 'VAT_NUMBER_NO_COUNTRY'
  | 'VAT_NUMBER_UNKNOWN_COUNTRY'
  | 'VAT_NUMBER_BAD_FORMAT'
  | 'VAT_NUMBER_BAD_CHECKSUM';

export interface VatNumberOk {
  readonly ok: true;
  /** The prefix: 'BE', 'FR', 'NL', 'EL'… */
  readonly country: string;
  /** Prefix and number, upper case, without spaces or dots: 'BE0123456749'. */
  readonly normalized: string;
  /** True when a check digit was verified (BE, FR with a numeric key); false for a format check only. */
  readonly checksumVerified: boolean;
}

export type VatNumberError = ValidationFailure<VatNumberErrorCode>;

export type VatNumberValidation = VatNumberOk | VatNumberError;

export interface ValidateVatNumberOptions {
  /**
   * Prefix to assume when the input has none, e.g. 'BE' so that a Belgian enterprise number
   * "0123.456.749" is accepted as BE0123456749. Without it, a prefix is required.
   */
  readonly defaultCountry?: string;
}

function fail(code: VatNumberErrorCode, message: string, params: ErrorParams = {}): VatNumberError {
  return { ok: false, code, message, params };
}

/** Check digits of a Belgian number from its first 8 digits: 97 − (n mod 97), as 2 digits. */
export function belgianCheckDigits(first8: string): string {
  if (!/^\d{8}$/.test(first8)) {
    throw new RangeError(`belgianCheckDigits: expected 8 digits, got ${JSON.stringify(first8)}`);
  }
  return String(97 - (Number(first8) % 97)).padStart(2, '0');
}

/** French VAT key from a SIREN: (12 + 3 × (SIREN mod 97)) mod 97, as 2 digits. */
export function frenchVatKey(siren: string): string {
  if (!/^\d{9}$/.test(siren)) {
    throw new RangeError(`frenchVatKey: expected a 9-digit SIREN, got ${JSON.stringify(siren)}`);
  }
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
}

/**
 * A valid Belgian VAT number ('BE' + 10 digits) from its first 8 digits.
 * @throws RangeError unless `first8` is 8 digits starting with 0 or 1.
 */
export function makeBelgianVatNumber(first8: string): string {
  if (!/^[01]\d{7}$/.test(first8)) {
    throw new RangeError(`makeBelgianVatNumber: expected 8 digits starting with 0 or 1, got ${JSON.stringify(first8)}`);
  }
  return `BE${first8}${belgianCheckDigits(first8)}`;
}

/**
 * A valid French VAT number ('FR' + numeric key + SIREN).
 * @throws RangeError unless `siren` is 9 digits.
 */
export function makeFrenchVatNumber(siren: string): string {
  return `FR${frenchVatKey(siren)}${siren}`;
}

function validateBelgian(body: string): VatNumberValidation {
  const country = 'BE';
  const expected = '10 digits starting with 0 or 1';
  if (body !== '' && !/^\d+$/.test(body)) {
    return fail('VAT_NUMBER_BAD_FORMAT', `BE${body}: Belgian VAT numbers have only digits after BE`, { country, expected });
  }
  if (body.length !== 10) {
    const hint = body.length === 9 ? ' (old 9-digit numbers take a leading 0)' : '';
    return fail(
      'VAT_NUMBER_BAD_FORMAT',
      `BE${body}: Belgian VAT numbers have 10 digits after BE, got ${body.length}${hint}`,
      { country, expected },
    );
  }
  if (body[0] !== '0' && body[0] !== '1') {
    return fail(
      'VAT_NUMBER_BAD_FORMAT',
      `BE${body}: Belgian VAT numbers start with 0 or 1 after BE, not ${body[0]}`,
      { country, expected },
    );
  }
  const expectedCheck = belgianCheckDigits(body.slice(0, 8));
  const actual = body.slice(8);
  if (expectedCheck !== actual) {
    return fail(
      'VAT_NUMBER_BAD_CHECKSUM',
      `BE${body}: check digits should be ${expectedCheck}, not ${actual}`,
      { country, expected: expectedCheck, actual },
    );
  }
  return { ok: true, country, normalized: `BE${body}`, checksumVerified: true };
}

function validateFrench(body: string): VatNumberValidation {
  const country = 'FR';
  const expected = '2-character key and 9-digit SIREN';
  if (body.length !== 11) {
    return fail(
      'VAT_NUMBER_BAD_FORMAT',
      `FR${body}: French VAT numbers have 11 characters after FR (2-character key and 9-digit SIREN), got ${body.length}`,
      { country, expected },
    );
  }
  const key = body.slice(0, 2);
  const siren = body.slice(2);
  if (!/^\d{9}$/.test(siren)) {
    return fail(
      'VAT_NUMBER_BAD_FORMAT',
      `FR${body}: the SIREN (last 9 characters) must be digits only, got ${siren}`,
      { country, expected },
    );
  }
  if (!/^\d{2}$/.test(key)) {
    // Alphanumeric keys exist (attributed by the tax office) and have no public formula.
    return { ok: true, country, normalized: `FR${body}`, checksumVerified: false };
  }
  const expectedKey = frenchVatKey(siren);
  if (expectedKey !== key) {
    return fail(
      'VAT_NUMBER_BAD_CHECKSUM',
      `FR${body}: key should be ${expectedKey}, not ${key} (SIREN ${siren})`,
      { country, expected: expectedKey, actual: key },
    );
  }
  return { ok: true, country, normalized: `FR${body}`, checksumVerified: true };
}

/**
 * Validate an EU VAT number. Spaces and dots are ignored, letters may be lower case.
 * - BE: 'BE' + 10 digits starting with 0 or 1, last two = 97 − (first 8 mod 97);
 * - FR: 'FR' + 2-character key + 9-digit SIREN, numeric key = (12 + 3 × (SIREN mod 97)) mod 97
 *   (an alphanumeric key is accepted with `checksumVerified: false`);
 * - other EU prefixes: 2 to 13 letters or digits after the prefix, no checksum.
 */
export function validateVatNumber(input: string, options: ValidateVatNumberOptions = {}): VatNumberValidation {
  const cleaned = (typeof input === 'string' ? input : '').replace(/[\s.]/g, '').toUpperCase();
  if (cleaned === '') return fail('VAT_NUMBER_EMPTY', 'VAT number is empty');
  for (let i = 0; i < cleaned.length; i++) {
    const ch = cleaned[i];
    if (!/[A-Z0-9]/.test(ch)) {
      return fail(
        'VAT_NUMBER_BAD_CHARACTER',
        `VAT number ${displayInput(input.trim())}: ${JSON.stringify(ch)} is not allowed; use letters and digits (spaces and dots are ignored)`,
        { character: ch, position: i + 1 },
      );
    }
  }
  let number = cleaned;
  if (!/^[A-Z]{2}/.test(number)) {
    const fallback = options.defaultCountry?.trim().toUpperCase();
    if (!fallback) {
      return fail(
        'VAT_NUMBER_NO_COUNTRY',
        `VAT number ${cleaned}: starts without a country prefix; write it with one, like BE0123456749`,
      );
    }
    number = fallback + number;
  }
  const country = number.slice(0, 2);
  const body = number.slice(2);
  if (!EU_PREFIX_SET.has(country)) {
    const hint = country === 'GR' ? ' (Greek VAT numbers start with EL)' : '';
    return fail(
      'VAT_NUMBER_UNKNOWN_COUNTRY',
      `VAT number ${number}: ${country} is not an EU VAT prefix${hint}`,
      { country },
    );
  }
  if (country === 'BE') return validateBelgian(body);
  if (country === 'FR') return validateFrench(body);
  if (!/^[A-Z0-9]{2,13}$/.test(body)) {
    const expected = '2 to 13 letters or digits after the country prefix';
    return fail(
      'VAT_NUMBER_BAD_FORMAT',
      `VAT number ${number}: must have ${expected}, got ${body.length}`,
      { country, expected },
    );
  }
  return { ok: true, country, normalized: number, checksumVerified: false };
}

/** Shorthand for `validateVatNumber(input, options).ok`. */
export function isValidVatNumber(input: string, options?: ValidateVatNumberOptions): boolean {
  return validateVatNumber(input, options).ok;
}

/**
 * A normalized VAT number as printed on invoices: "BE 0123.456.749", "FR 40 303265045";
 * other countries: prefix, space, number.
 */
export function formatVatNumber(normalized: string): string {
  const country = normalized.slice(0, 2);
  const body = normalized.slice(2);
  if (country === 'BE' && /^\d{10}$/.test(body)) {
    return `BE ${body.slice(0, 4)}.${body.slice(4, 7)}.${body.slice(7)}`;
  }
  if (country === 'FR' && body.length === 11) {
    return `FR ${body.slice(0, 2)} ${body.slice(2)}`;
  }
  return `${country} ${body}`;
}
