import type { CountryCode, LocalizedText } from '@comptoir/kernel';

/**
 * Where a line comes from: scanned or typed by a person, or added by a plugin while the document was composed
 * (an associated article, a deposit, a promotion). Plugins may use their own words; these are the known ones.
 */
export type LineOrigin = 'scan' | 'typed' | 'manual' | 'associated' | 'deposit' | 'promotion' | (string & {});

/** Who set a line's price, and why, in each language ("détail, prix de base", "prix client"). */
export interface PriceSource {
  /** The plugin that set the price (`sales` for the catalogue's price). */
  by: string;
  explanation: LocalizedText;
}

/** One line of a sale (ticket, invoice, quote): what is sold, how many, at what price. */
export interface SaleLine {
  /** Stable within its document ('L1', 'L2', …): parent lines and ext data refer to it. */
  id: string;
  /** The catalogue article, or null for a line that is not an article (a fee a plugin adds). */
  articleId: number | null;
  /** What the receipt shows (the article's name, unless a plugin says better). */
  description: string;
  /** The code scanned or typed for this line, if any. */
  code: string | null;
  /** Thousandths (1 piece = 1000, 1.250 kg = 1250); negative for returns. */
  quantity: number;
  /** Cents per unit (per 1000 thousandths) on the side of VAT that `includesVat` says; null while nobody priced it. */
  unitPrice: number | null;
  /** True when `unitPrice` includes VAT (retail lists), false when it excludes it (wholesale lists). */
  includesVat: boolean;
  /** VAT rate in basis points (2100 = 21 %). */
  vatRate: number;
  /**
   * The amount of the line before its discount, in cents on `includesVat`'s side, when it is not unit price ×
   * quantity: a pack sold at its own price, a price printed on a label. Null otherwise.
   */
  fixedAmount: number | null;
  /** Line discount in basis points of the line (10 % = 1000); exclusive with `discountAmount`. */
  discountRate: number | null;
  /** Line discount in cents, taken off the line's magnitude; exclusive with `discountRate`. */
  discountAmount: number | null;
  /** True when the price must not be recomputed (typed by the cashier, printed on a label): `priceLine` is skipped. */
  priceFixed: boolean;
  /** Who set the price, and why. */
  priceSource: PriceSource | null;
  origin: LineOrigin;
  /** The line this one was added for (a deposit's bottle, an associated article's main line), or null. */
  parentLineId: string | null;
  /** Each plugin's own data about the line, under the plugin's name (`ext.pricing`, `ext.deposits`). */
  ext: Record<string, unknown>;
}

/** A discount on the whole document: a rate or an amount, spread across VAT rates to the cent. */
export interface DocumentDiscount {
  /** Basis points of the document's subtotal (5 % = 500). */
  rate?: number;
  /** Cents, taken off the subtotal's magnitude. */
  amount?: number;
  /** Who granted it (a coupon, the cashier). */
  by?: string;
}

/** What a resolved code was, when it was not an article line (a customer card, a cashier card, a coupon…). */
export interface ResolvedCode {
  code: string;
  kind: string;
  /** The plugin that recognised it. */
  by: string;
  data: Record<string, unknown>;
}

/** Which business document is being built; plugins may behave differently at the till and on an invoice. */
export type SaleChannel = 'till' | 'invoice' | 'check' | (string & {});

/** A sale being built: its lines, customer, day, discount and what each plugin attached to it. */
export interface SaleDocument {
  channel: SaleChannel;
  customerId: number | null;
  /** Day of the sale, 'YYYY-MM-DD' in the shop's country. */
  date: string;
  /** The shop's country: its cash rounding applies to the totals. */
  country: CountryCode;
  /** True when the document's amounts include VAT (the counter), false for excluding VAT (a B2B invoice). */
  pricesIncludeVat: boolean;
  lines: SaleLine[];
  discount: DocumentDiscount | null;
  /** Codes that became something other than a line. */
  resolved: ResolvedCode[];
  ext: Record<string, unknown>;
}
