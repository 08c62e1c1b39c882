/** Public API of the pricing domain: price engine, in-store barcode nomenclature, unit prices, packs. */
export { PricingError, isPricingError, type PricingErrorCode } from './errors.js';

export type {
  PriceQuery,
  PriceList,
  ListPrice,
  CustomerPrice,
  PriceBook,
  PriceRuleKind,
  PriceRule,
  PriceQuote,
  QuotedLine,
} from './engine.js';
export { RETAIL_LIST, WHOLESALE_LIST, priceFor, quoteLine } from './engine.js';
export { explainPrice, type ExplanationInput } from './explanation.js';
export { rowsVersion, type VersionedRow } from './rows-version.js';

export { priceCheckDigit } from './price-check-digit.js';
export type {
  BarcodeRuleType,
  BarcodeEncoding,
  DiscountUnit,
  BarcodeRule,
  RuleErrorCode,
  RuleValidation,
  ScanErrorCode,
  ScanFields,
  ScanOk,
  ScanError,
  ScanResult,
  EncodeErrorCode,
  EncodeResult,
} from './nomenclature.js';
export { BARCODE_RULE_TYPES, defaultNomenclature, validateRule, parseScan, encodeScan } from './nomenclature.js';

export { unitPriceFor, formatUnitPrice, type ContentUnit, type UnitPriceInput } from './unit-price.js';
export {
  resolvePack,
  associatedLines,
  type PackInput,
  type PackLine,
  type ArticleAssociation,
  type AssociatedLine,
} from './packaging.js';
