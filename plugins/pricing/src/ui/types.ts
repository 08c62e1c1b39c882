/**
 * The pricing API as the screens read it (under /api/pricing), plus the few catalogue shapes they use.
 * Amounts are integer cents; quantities are integer thousandths (24 units = 24000, 0,5 kg = 500).
 */

export type Language = 'fr' | 'nl' | 'en';
export type ListName = { fr: string; nl: string; en: string };

export interface PriceList {
  id: number;
  code: string;
  name: ListName;
  /** The name in the request's language. */
  label?: string;
  includesVat: boolean;
  isDefault: boolean;
  active: boolean;
  position: number;
  version: number;
  priceCount: number;
  customerCount: number;
}

/** A base price (minQuantity 0 or 1000) or a quantity break ("from 24" = 24000), optionally for a period. */
export interface ListPrice {
  id: number;
  priceListId: number;
  priceListCode: string;
  articleId: number;
  articleCode: string | null;
  articleName: string | null;
  minQuantity: number;
  unitPrice: number;
  includesVat: boolean;
  validFrom: string | null;
  validTo: string | null;
}

/** An article's rows in one list (GET / PUT /prices/articles/:articleId/lists/:listCode): the PUT answers them in the order sent. */
export interface ArticleListPrices {
  articleId: number;
  priceListCode: string;
  /** `rowsVersion` of the rows: send it back with the next PUT. */
  version: number;
  rows: ListPrice[];
}

export interface CustomerPrice {
  id: number;
  customerId: number;
  customerCode: string | null;
  customerName: string | null;
  articleId: number;
  articleCode: string | null;
  articleName: string | null;
  minQuantity: number;
  unitPrice: number;
  includesVat: boolean;
  validFrom: string | null;
  validTo: string | null;
}

export interface CustomerTerms {
  customerId: number;
  priceListCode: string | null;
  effectiveListCode: string | null;
}

export interface Pack {
  id: number;
  articleId: number;
  barcode: string;
  quantity: number;
  price: number | null;
  priceListCode: string | null;
  name: string;
}

export type AssociationKind = 'deposit' | 'accessory' | 'fee';
export const ASSOCIATION_KINDS: readonly AssociationKind[] = ['deposit', 'accessory', 'fee'];

export interface Association {
  id: number;
  articleId: number;
  associatedArticleId: number;
  associatedArticleCode: string | null;
  associatedArticleName: string | null;
  packId: number | null;
  ratio: number;
  kind: AssociationKind;
}

export type ContentUnit = 'kg' | 'l';

export interface Content {
  articleId: number;
  quantity: number;
  unit: ContentUnit;
}

export type BarcodeRuleType = 'weight' | 'price' | 'quantity' | 'discount' | 'customer' | 'cashier' | 'article';
export const BARCODE_RULE_TYPES: readonly BarcodeRuleType[] = ['weight', 'price', 'quantity', 'discount', 'customer', 'cashier', 'article'];
export type BarcodeEncoding = 'ean13' | 'ean8' | 'any';
export type DiscountUnit = 'percent' | 'cents';
export type ArticleLookup = 'plu-internal-code' | 'barcode' | 'article-code';
export const ARTICLE_LOOKUPS: readonly ArticleLookup[] = ['plu-internal-code', 'barcode', 'article-code'];

export interface BarcodeRule {
  id: number;
  position: number;
  name: string;
  type: BarcodeRuleType;
  pattern: string;
  encoding: BarcodeEncoding | null;
  discountUnit: DiscountUnit | null;
  articleLookup: ArticleLookup;
  active: boolean;
}

export interface LineRule {
  kind: string;
  listCode: string | null;
  minQuantity: number | null;
  validTo: string | null;
  /** In the request's language. */
  explanation: string;
}

/** A priced line (quote, scan or associated line). */
export interface PricedLine {
  articleId: number;
  customerId: number | null;
  quantity: number;
  date: string;
  priceListCode: string;
  vatRate: number;
  unitPrice: number | null;
  includesVat: boolean;
  unitPriceIncl: number | null;
  unitPriceExcl: number | null;
  lineTotal: number | null;
  rule: LineRule;
  adjustments: Array<{ by: string; explanation: string }>;
}

export interface LegalUnitPrice {
  cents: number;
  unit: ContentUnit;
}

export interface AssociatedLine extends PricedLine {
  kind: AssociationKind;
  article: { id: number; code: string; name: string };
}

export interface Quote extends PricedLine {
  article: { id: number; code: string; name: string; unit: Unit; vatCategory: string; vatRate: number; price: number | null };
  priceList: { code: string; name: ListName; includesVat: boolean };
  unitPriceLegal: LegalUnitPrice | null;
  associatedLines: AssociatedLine[];
}

/** A scanned code, resolved by GET /pricing/scan/:code. Price fields are absent for cards and coupons. */
export interface ScanResolution extends Partial<Omit<PricedLine, 'quantity'>> {
  code: string;
  kind: 'article' | 'customer' | 'cashier' | 'discount';
  source: 'nomenclature' | 'pack' | 'barcode';
  barcodeRule: { id: number; name: string; type: string } | null;
  article: Article | null;
  pack: { id: number; barcode: string; quantity: number; price: number | null; name: string } | null;
  customer: { id: number; code: string; name: string } | null;
  cardNumber: string | null;
  discount: { unit: DiscountUnit; value: number } | null;
  quantity: number | null;
  priceFromLabel: boolean;
  needsQuantity: boolean;
  unitPriceLegal: LegalUnitPrice | null;
  associatedLines: AssociatedLine[];
}

export interface LabelLayout {
  id: string;
  name: string;
  page: { width: number; height: number };
  columns: number;
  rows: number;
  label: { width: number; height: number };
  perPage: number;
  style: 'article' | 'shelf';
}

// Catalogue shapes (under /api/catalog).

export type Unit = 'piece' | 'kg' | 'litre';

export interface Article {
  id: number;
  code: string;
  name: string;
  description?: string;
  familyId: number | null;
  familyName?: string;
  unit: Unit;
  vatCategory: string;
  vatRate: number;
  barcodes: Array<{ code: string; kind: string }>;
  price: number | null;
  active: boolean;
  version?: number;
}

export interface Family {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}

export interface Customer {
  id: number;
  code: string;
  name: string;
  city?: string;
  vatNumber?: string;
  active?: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
