/**
 * What a scanned code is: first the shop's nomenclature (scale labels with a weight or a price, counted
 * articles, coupons, customer and cashier cards), then the packs' barcodes, then the catalogue's barcodes.
 */
import { DomainError, NotFoundError, convertPrice, type EntityManager } from '@comptoir/kernel';
import { Customer, type ArticleView } from '@comptoir/catalog';
import { parseScan, type ScanOk } from '../domain/index.js';
import type { LineQuote } from '../hooks.js';
import { M, scanFailureText } from '../messages.js';
import { loadPriceBook } from './price-book.js';
import type { ActiveRule, NomenclatureService } from './nomenclature.service.js';
import type { AssociatedLineQuote, LegalUnitPrice, PricingService, QuoteResult } from './pricing.service.js';
import type { ArticleFacts } from './facts.js';
import { catalogReader } from './catalog-reader.js';
import { query } from '../sql.js';

export type ScanKind = 'article' | 'customer' | 'cashier' | 'discount';

/** A scanned code, resolved. Price fields are null for cards and coupons. */
export interface ScanResolution extends Partial<Omit<LineQuote, 'quantity'>> {
  code: string;
  kind: ScanKind;
  /** Where the code was found. */
  source: 'nomenclature' | 'pack' | 'barcode';
  barcodeRule: { id: number; name: string; type: string } | null;
  article: ArticleView | null;
  pack: { id: number; barcode: string; quantity: number; price: number | null; name: string } | null;
  customer: { id: number; code: string; name: string } | null;
  /** The card or coupon number as printed. */
  cardNumber: string | null;
  discount: { unit: 'percent' | 'cents'; value: number } | null;
  quantity: number | null;
  /** True when the price is the one printed on the label (priced scale label). */
  priceFromLabel: boolean;
  /** True when the article is sold by weight or volume and the code carried none: the till asks the scale. */
  needsQuantity: boolean;
  unitPriceLegal: LegalUnitPrice | null;
  associatedLines: AssociatedLineQuote[];
}

export interface ScanOptions {
  customerId: number | null;
  date: string;
}

const DIGITS = /\d/g;

/** Resolves scanned codes for the till and the price checker. */
export class Scanner {
  constructor(
    private readonly pricing: PricingService,
    private readonly rules: NomenclatureService,
  ) {}

  async resolve(em: EntityManager, raw: string, opts: ScanOptions): Promise<ScanResolution> {
    const code = raw.trim();
    const rules = await this.rules.activeRules(em);
    const parsed = parseScan(code, rules);
    if (parsed.ok) return this.fromRule(em, code, parsed, rules.find((r) => r.name === parsed.rule && matches(r, code))!, opts);
    // A code the nomenclature refuses may still be a pack's or an article's own barcode: an exact match wins.
    const exact = await this.fromPackOrBarcode(em, code, opts);
    if (exact) return exact;
    if (parsed.code !== 'SCAN_NO_RULE') throw new DomainError(parsed.code, scanFailureText(parsed), { status: 422, extra: { scannedCode: code } });
    throw new NotFoundError('SCAN_UNKNOWN_CODE', M.scanUnknown(code));
  }

  private async fromPackOrBarcode(em: EntityManager, code: string, opts: ScanOptions): Promise<ScanResolution | null> {
    const [pack] = await query<{ id: number; article_id: number; barcode: string; quantity: number; price: number | null; name: string; list_code: string | null }>(em,
      'select p.id, p.article_id, p.barcode, p.quantity, p.price, p.name, l.code as list_code from pricing_pack p left join pricing_price_list l on l.id = p.price_list_id where p.barcode = ?', [code]);
    if (pack) {
      const article = await catalogReader.view(em, pack.article_id);
      if (!article) return null;
      const view = { id: pack.id, barcode: pack.barcode, quantity: pack.quantity, price: pack.price, name: pack.name || `${article.view.name} × ${pack.quantity / 1000}` };
      const quote = await this.pricing.priceWithExtras(em, {
        article: article.facts, customerId: opts.customerId, quantity: pack.quantity, date: opts.date, source: 'scan', pack: { ...view, priceListCode: pack.list_code },
      });
      return this.articleResult(code, 'pack', null, article.view, quote, { pack: view });
    }
    const id = await catalogReader.articleIdByBarcode(em, code);
    const article = id === null ? null : await catalogReader.view(em, id);
    if (!article) return null;
    const quote = await this.pricing.priceWithExtras(em, { article: article.facts, customerId: opts.customerId, quantity: 1000, date: opts.date, source: 'scan' });
    return this.articleResult(code, 'barcode', null, article.view, quote, { needsQuantity: article.view.unit !== 'piece' });
  }

  private async fromRule(em: EntityManager, code: string, scan: ScanOk, rule: ActiveRule, opts: ScanOptions): Promise<ScanResolution> {
    const ruleView = { id: rule.id, name: rule.name, type: rule.type };
    const base = emptyResult(code, 'nomenclature', ruleView);
    if (scan.type === 'cashier') return { ...base, kind: 'cashier', cardNumber: scan.number ?? null };
    if (scan.type === 'customer') return { ...base, kind: 'customer', cardNumber: scan.number ?? null, customer: await findCustomerByCard(em, scan.number ?? '') };
    if (scan.type === 'discount') return { ...base, kind: 'discount', cardNumber: scan.number ?? null, discount: { unit: scan.discountUnit ?? 'cents', value: scan.discount ?? 0 } };

    const { view: article, facts } = await this.findByRef(em, code, scan.articleRef ?? '', rule);
    let quantity = 1000;
    if (scan.type === 'weight') {
      const measured = scan.weight ?? scan.volume ?? 0;
      if ((scan.weight !== undefined && article.unit !== 'kg') || (scan.volume !== undefined && article.unit !== 'litre')) {
        throw new DomainError('SCAN_UNIT_MISMATCH', M.weightOnPiece(code, article.name), { status: 422 });
      }
      quantity = measured;
    } else if (scan.type === 'quantity') quantity = scan.quantity ?? 1000;
    const book = await loadPriceBook(em, [facts], opts.customerId);
    let quote = await this.pricing.priceWithExtras(em, { article: facts, customerId: opts.customerId, quantity, date: opts.date, source: 'scan' }, book);
    if (scan.type === 'price' && scan.price !== undefined) quote = withLabelPrice(quote, scan.price);
    return this.articleResult(code, 'nomenclature', ruleView, article, quote, { priceFromLabel: scan.type === 'price' });
  }

  /** The article a label's article digits name, as the rule says (see `ArticleLookup`). */
  private async findByRef(em: EntityManager, code: string, ref: string, rule: ActiveRule): Promise<{ view: ArticleView; facts: ArticleFacts }> {
    const id = rule.articleLookup === 'article-code'
      ? await catalogReader.articleIdByCode(em, ref)
      : await catalogReader.articleIdByBarcode(em, rule.articleLookup === 'barcode' ? ref : `PLU-${String(Number(ref)).padStart(4, '0')}`);
    const article = id === null ? null : await catalogReader.view(em, id);
    if (!article) throw new NotFoundError('SCAN_ARTICLE_NOT_FOUND', M.pluUnknown(code, ref, rule.name));
    return article;
  }

  private articleResult(code: string, source: ScanResolution['source'], rule: ScanResolution['barcodeRule'], article: ArticleView, quote: QuoteResult, extra: Partial<ScanResolution>): ScanResolution {
    const { article: _facts, priceList: _list, ...line } = quote;
    return { ...emptyResult(code, source, rule), ...line, kind: 'article', article, ...extra };
  }
}

function emptyResult(code: string, source: ScanResolution['source'], barcodeRule: ScanResolution['barcodeRule']): ScanResolution {
  return {
    code, kind: 'article', source, barcodeRule, article: null, pack: null, customer: null, cardNumber: null, discount: null,
    quantity: null, priceFromLabel: false, needsQuantity: false, unitPriceLegal: null, associatedLines: [],
  };
}

/** True when the code has the rule's length and fixed digits (several rules may share a name). */
function matches(rule: ActiveRule, code: string): boolean {
  if (rule.pattern.length !== code.length) return false;
  for (let i = 0; i < code.length; i++) if (/\d/.test(rule.pattern[i]) && rule.pattern[i] !== code[i]) return false;
  return true;
}

/** The price printed on a label is what the customer pays for the package: one unit at that price. */
function withLabelPrice(quote: QuoteResult, labelCents: number): QuoteResult {
  const unitPrice = quote.includesVat ? labelCents : convertPrice(labelCents, quote.vatRate, 'incl');
  return {
    ...quote,
    quantity: 1000, unitPrice, lineTotal: unitPrice,
    unitPriceIncl: labelCents, unitPriceExcl: convertPrice(labelCents, quote.vatRate, 'incl'),
    rule: { kind: 'label', listCode: null, minQuantity: null, validTo: null, explanation: M.labelPrice(labelCents) },
    // By kg or litre the legal unit price stays the list's; a package's price per kg would need its weight.
    unitPriceLegal: quote.article.unit === 'piece' ? null : quote.unitPriceLegal,
    adjustments: [],
  };
}

/**
 * The customer a card number names: the customer whose code is the number as printed or without its leading
 * zeros, else the only customer whose code's digits make that number (card 2900 00000001 … → CLI-0001).
 */
export async function findCustomerByCard(em: EntityManager, number: string): Promise<ScanResolution['customer']> {
  const stripped = number.replace(/^0+(?=\d)/, '');
  const exact = await em.findOne(Customer, { code: { $in: [number, stripped] } });
  const pick = (c: Customer) => ({ id: c.id, code: c.code, name: c.name });
  if (exact) return pick(exact);
  const candidates = await em.find(Customer, { code: { $like: `%${stripped}` } }, { limit: 50 });
  const same = candidates.filter((c) => (c.code.match(DIGITS) ?? []).join('').replace(/^0+(?=\d)/, '') === stripped);
  return same.length === 1 ? pick(same[0]) : null;
}
