export type { Language, LocalizedText, ErrorParams, ValidationFailure } from './types.js';
export { LANGUAGES } from './types.js';

export type { BarcodeKind, BarcodeErrorCode, BarcodeOk, BarcodeError, BarcodeValidation } from './barcodes.js';
export {
  BARCODE_KINDS,
  BARCODE_KIND_LABELS,
  GTIN_LENGTHS,
  INTERNAL_CODE_MAX_LENGTH,
  gtinCheckDigit,
  detectBarcodeKind,
  validateBarcode,
  isValidBarcode,
  makeEan13,
} from './barcodes.js';

export type { VatCountry, VatCategoryCode, VatRateKind, Uncl5305Code, VatCategory, VatCategoryView } from './vat.js';
export {
  VAT_COUNTRIES,
  VAT_CATEGORIES,
  formatVatRate,
  isVatCountry,
  vatCategoriesFor,
  findVatCategory,
  getVatCategory,
} from './vat.js';

export type {
  VatNumberErrorCode,
  VatNumberOk,
  VatNumberError,
  VatNumberValidation,
  ValidateVatNumberOptions,
} from './vat-number.js';
export {
  EU_VAT_PREFIXES,
  belgianCheckDigits,
  frenchVatKey,
  makeBelgianVatNumber,
  makeFrenchVatNumber,
  validateVatNumber,
  isValidVatNumber,
  formatVatNumber,
} from './vat-number.js';

export type { CountryCode, Country, PostalCodeErrorCode, PostalCodeValidation } from './postal.js';
export {
  countries,
  isCountryCode,
  findCountry,
  countryName,
  validatePostalCode,
  isValidPostalCode,
} from './postal.js';
