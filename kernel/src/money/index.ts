/** Public API of the kernel's money and tax module. */
export { MoneyError, isMoneyError, type MoneyErrorCode } from './errors.js';
export {
  QUANTITY_SCALE,
  RATE_SCALE,
  roundHalfUp,
  toSafeCents,
  assertCents,
  assertQuantity,
  assertVatRate,
  lineTotal,
  vatBreakdown,
  cashRound,
  convertPrice,
  documentTotals,
  type LineInput,
  type VatLine,
  type VatRateTotals,
  type VatBreakdown,
  type CashRounding,
  type PriceBasis,
  type DocumentLine,
  type DocumentOptions,
  type DocumentTotals,
} from './money.js';
export { countryRules, getCountryRules, isCountryCode, type CountryCode, type CountryRules } from './country.js';
export { formatMoney, formatQuantity, formatRate, parseMoney, parseQuantity } from './format.js';
export { normalizeShopVatNumber } from './vat-number.js';
