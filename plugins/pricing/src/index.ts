// Public API of @comptoir/pricing: the plugin (default export), its entities, services, hooks and pricing domain.
import { pricingPlugin } from './plugin.js';

export default pricingPlugin;
export { pricingPlugin };
export * from './entities/index.js';
export { getPricingHooks, repriceLine, type PricingHooks, type LineQuote, type LineRule, type PriceLineContext, type CatalogueImportedEvent } from './hooks.js';
export { PricingService, legalUnitPrice, type QuoteInput, type QuoteResult, type LegalUnitPrice, type AssociatedLineQuote } from './services/pricing.service.js';
export type { ArticleFacts } from './services/facts.js';
export type { ScanResolution, ScanKind } from './services/scan.js';
export { LabelService, type LabelRequest } from './services/label.service.js';
export { LABEL_LAYOUTS, LABEL_LAYOUT_IDS, type LabelLayout, type LabelLayoutId } from './labels/layouts.js';
export { ImportService, IMPORT_BATCH, type ImportRequest, type ImportReport, type ImportPreview, type RejectedRow } from './services/import.service.js';
export { IMPORT_FIELDS, type ImportField, type ImportMapping } from './import/map-rows.js';
export { parseContent } from './content.js';
export {
  PriceListService, type PriceListInput, type ListPriceInput, type PriceListView, type ListPriceView, type PriceRowInput, type ArticleListPricesInput, type ArticleListPricesView,
} from './services/price-list.service.js';
export { CustomerPriceService, type CustomerPriceInput, type CustomerPriceView, type CustomerTermsView } from './services/customer-price.service.js';
export { PackagingService, type PackInput, type PackView, type AssociationInput, type AssociationView, type ContentView } from './services/packaging.service.js';
export { NomenclatureService, type NomenclatureRuleInput, type NomenclatureRuleView, type ActiveRule } from './services/nomenclature.service.js';
// The pure domain; its engine types are renamed where an entity has the shop's name.
export {
  priceFor, quoteLine, explainPrice, RETAIL_LIST, WHOLESALE_LIST, parseScan, encodeScan, validateRule, defaultNomenclature, BARCODE_RULE_TYPES,
  priceCheckDigit, unitPriceFor, formatUnitPrice, resolvePack, associatedLines, PricingError, isPricingError, rowsVersion,
} from './domain/index.js';
export type {
  PriceQuery, PriceBook, PriceRule, PriceRuleKind, PriceQuote, QuotedLine, PriceList as BookPriceList, ListPrice as BookListPrice,
  CustomerPrice as BookCustomerPrice, BarcodeRule, BarcodeRuleType, BarcodeEncoding, DiscountUnit, ScanResult, ScanOk, ScanError, ScanFields,
  ContentUnit, PackLine, ArticleAssociation as BookAssociation, AssociatedLine, PricingErrorCode, VersionedRow,
} from './domain/index.js';
