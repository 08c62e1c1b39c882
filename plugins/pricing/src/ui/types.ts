/**
 * The pricing API as the screens read it (under /api/pricing), plus the few catalogue shapes they use. The
 * shapes are the servers' own types, imported as types only: nothing of the server is bundled into the browser
 * modules, and a field the server changes breaks the UI's type check rather than a shop's screen.
 * Amounts are integer cents; quantities are integer thousandths (24 units = 24000, 0,5 kg = 500).
 */
import type { ArticleView, FamilyView, PartyView } from '@comptoir/catalog';
import type { Page } from '@comptoir/shell';
import type { AssociationKind, ListName } from '../entities/index.js';
import type { ArticleLookup } from '../entities/nomenclature-rule.entity.js';
import type { LineQuote } from '../hooks.js';
import type { Presented } from '../http/present.js';
import type { LabelService } from '../services/label.service.js';
import type { AssociationView, ContentView, PackView } from '../services/packaging.service.js';
import type { ArticleListPricesView, ListPriceView, PriceListView } from '../services/price-list.service.js';
import type { CustomerPriceView, CustomerTermsView } from '../services/customer-price.service.js';
import type { NomenclatureRuleView } from '../services/nomenclature.service.js';
import type { AssociatedLineQuote, LegalUnitPrice, QuoteResult } from '../services/pricing.service.js';
import type { ScanResolution as ScanResolutionView } from '../services/scan.js';
import type { BarcodeEncoding, BarcodeRuleType, ContentUnit, DiscountUnit } from '../domain/index.js';

// Pure domain values (no server dependency) that the screens use as well.
export { BARCODE_RULE_TYPES } from '../domain/barcode-rule.js';

export type { Language } from '@comptoir/shell';
export type { AssociationKind, ArticleLookup, BarcodeEncoding, BarcodeRuleType, ContentUnit, DiscountUnit, LegalUnitPrice, ListName, Page };

export type PriceList = PriceListView & {
  /** The name in the request's language, when the server adds it. */
  label?: string;
};
export type ListPrice = ListPriceView;
export type ArticleListPrices = ArticleListPricesView;
export type CustomerPrice = CustomerPriceView;
export type CustomerTerms = CustomerTermsView;
export type Pack = PackView;
export type Association = AssociationView;
export type Content = ContentView;
export type BarcodeRule = NomenclatureRuleView;
export type LabelLayout = ReturnType<LabelService['layouts']>[number];

/** The kinds of associated articles, in the order the form offers them. */
export const ASSOCIATION_KINDS: readonly AssociationKind[] = ['deposit', 'accessory', 'fee'];
/** How a nomenclature rule's article digits find the article (the entity's list, which lives with server code). */
export const ARTICLE_LOOKUPS: readonly ArticleLookup[] = ['plu-internal-code', 'barcode', 'article-code'];

/** A priced line as the API sends it (quote, scan or associated line): explanations in the request's language. */
export type PricedLine = Presented<LineQuote>;
export type LineRule = PricedLine['rule'];
export type AssociatedLine = Presented<AssociatedLineQuote>;
export type Quote = Omit<Presented<QuoteResult>, 'associatedLines'> & { associatedLines: AssociatedLine[] };
/** A scanned code, resolved by GET /pricing/scan/:code. Price fields are absent for cards and coupons. */
export type ScanResolution = Omit<ScanResolutionView, 'rule' | 'adjustments' | 'associatedLines'> & Partial<Pick<PricedLine, 'rule' | 'adjustments'>> & { associatedLines: AssociatedLine[] };

// Catalogue shapes (under /api/catalog).
export type Unit = ArticleView['unit'];
export type Article = ArticleView;
export type Family = Pick<FamilyView, 'id' | 'code' | 'name' | 'parentId'>;
/** A customer as a picker or a scan gives it: always its identity, the rest when the list sent it. */
export type Customer = Pick<PartyView, 'id' | 'code' | 'name'> & Partial<PartyView>;
