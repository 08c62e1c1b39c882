import { DomainError, NotFoundError, ValidationError, convertPrice, lineTotal, type EntityManager, type FieldError, type Kernel, type Clock } from '@comptoir/kernel';
import type { NomenclatureService } from './nomenclature.service.js';
import type { ArticleFacts } from './facts.js';
import { catalogReader } from './catalog-reader.js';
import { Scanner, type ScanResolution } from './scan.js';
import { isPricingError, priceFor, resolvePack, unitPriceFor, type ContentUnit, type PriceRule } from '../domain/index.js';
import { getPricingHooks, type LineQuote, type PriceLineContext } from '../hooks.js';
import { M } from '../messages.js';
import { isIsoDay, shopDay } from '../dates.js';
import { placeholders, query } from '../sql.js';
import { loadPriceBook, type LoadedBook } from './price-book.js';

/** What is asked for a price check. */
export interface QuoteInput {
  articleId: number;
  customerId?: number | null;
  /** Thousandths (default 1000: one unit). */
  quantity?: number;
  /** 'YYYY-MM-DD' (default: today in the shop's country). */
  date?: string;
  /** Forces a list instead of the customer's or the default one. */
  priceListCode?: string;
}

/** Price per kg or per litre, as the law wants it shown next to the price. */
export interface LegalUnitPrice {
  cents: number;
  unit: ContentUnit;
}

/** A line added because its article comes with the one sold (a deposit, a fee, an accessory). */
export interface AssociatedLineQuote extends LineQuote {
  kind: string;
  article: { id: number; code: string; name: string };
}

/** A priced line with what the till shows around it. */
export interface QuoteResult extends LineQuote {
  article: ArticleFacts;
  priceList: { code: string; name: { fr: string; nl: string; en: string }; includesVat: boolean };
  unitPriceLegal: LegalUnitPrice | null;
  associatedLines: AssociatedLineQuote[];
}

/** Where a line comes from, for the engine and the hook. */
export interface LineRequest {
  article: ArticleFacts;
  customerId: number | null;
  quantity: number;
  date: string;
  priceListCode?: string;
  source: PriceLineContext['source'];
  pack?: { id: number; barcode: string; quantity: number; price: number | null; priceListCode: string | null; name: string } | null;
}

/** Prices lines: builds each article's price book, asks the engine, and runs the `priceLine` hook. */
export class PricingService {
  private readonly kernel: Kernel;
  private readonly clock: Clock;

  private readonly scanner: Scanner;

  constructor({ kernel, clock, pricingNomenclature }: { kernel: Kernel; clock: Clock; pricingNomenclature: NomenclatureService }) {
    this.kernel = kernel;
    this.clock = clock;
    this.scanner = new Scanner(this, pricingNomenclature);
  }

  /**
   * What a scanned code is and what it costs: the nomenclature first (weighed and priced labels, cards,
   * coupons), then packs' barcodes, then the catalogue's. Refuses an invalid code with the reason (422), an
   * unknown one with 404 SCAN_UNKNOWN_CODE.
   */
  async resolveScan(em: EntityManager, code: string, opts: { customerId?: number | null; date?: string } = {}): Promise<ScanResolution> {
    const { customerId, date } = await this.checkContext(em, opts);
    return this.scanner.resolve(em, code, { customerId, date });
  }

  /** Today in the shop's country. */
  async today(em: EntityManager): Promise<string> {
    return shopDay(this.clock.now(), await catalogReader.shopCountry(em));
  }

  /** The article's pricing facts; 404 ARTICLE_NOT_FOUND. */
  async article(em: EntityManager, id: number): Promise<ArticleFacts> {
    const a = (await catalogReader.facts(em, [id])).get(id);
    if (!a) throw new NotFoundError('ARTICLE_NOT_FOUND', M.articleNotFound(id));
    return a;
  }

  async articles(em: EntityManager, ids: number[]): Promise<Map<number, ArticleFacts>> {
    return catalogReader.facts(em, ids);
  }

  /** Checks the common inputs of a quote or a scan; throws one ValidationError naming every bad field. */
  async checkContext(em: EntityManager, input: { customerId?: number | null; date?: string; priceListCode?: string }): Promise<{ customerId: number | null; date: string }> {
    const errors: FieldError[] = [];
    const customerId = input.customerId ?? null;
    if (customerId !== null && !(await catalogReader.customerExists(em, customerId))) throw new NotFoundError('CUSTOMER_NOT_FOUND', M.customerNotFound(customerId));
    if (input.date !== undefined && !isIsoDay(input.date)) errors.push({ field: 'date', code: 'DATE_INVALID', message: M.day });
    if (input.priceListCode !== undefined) {
      const rows = await query<{ active: boolean | number }>(em, 'select active from pricing_price_list where code = ?', [input.priceListCode]);
      if (!rows.length) errors.push({ field: 'list', code: 'PRICE_LIST_NOT_FOUND', message: M.listNotFound(input.priceListCode) });
      else if (!rows[0].active) errors.push({ field: 'list', code: 'PRICE_LIST_INACTIVE', message: M.listInactive(input.priceListCode) });
    }
    if (errors.length) throw new ValidationError(errors);
    return { customerId, date: input.date ?? (await this.today(em)) };
  }

  /** The price of an article for a customer, a quantity and a day, with the rule applied and the associated lines. */
  async quote(em: EntityManager, input: QuoteInput): Promise<QuoteResult> {
    const article = await this.article(em, input.articleId);
    const { customerId, date } = await this.checkContext(em, input);
    const quantity = input.quantity ?? 1000;
    return this.priceWithExtras(em, { article, customerId, quantity, date, priceListCode: input.priceListCode, source: 'quote' });
  }

  /** Prices a line and adds its associated lines and legal unit price. */
  async priceWithExtras(em: EntityManager, req: LineRequest, book?: LoadedBook): Promise<QuoteResult> {
    const loaded = book ?? (await loadPriceBook(em, [req.article], req.customerId));
    const line = await this.priceLine(em, req, loaded);
    const list = loaded.listsByCode.get(line.priceListCode)!;
    const [content] = await query<{ quantity: number; unit: ContentUnit }>(em, 'select quantity, unit from pricing_article_content where article_id = ?', [req.article.id]);
    return {
      ...line,
      article: req.article,
      priceList: { code: list.code, name: list.name, includesVat: list.includesVat },
      unitPriceLegal: legalUnitPrice(line.unitPrice, req.article.unit, content ?? null),
      associatedLines: await this.associatedLines(em, req, line),
    };
  }

  /** One priced line, through the engine (and the pack's own price), then the `priceLine` hook. */
  async priceLine(em: EntityManager, req: LineRequest, book: LoadedBook): Promise<LineQuote> {
    const { article, customerId, quantity, date, pack } = req;
    let quote;
    try {
      quote = priceFor({ articleId: article.id, vatRate: article.vatRate, customerId, quantity, date, priceListCode: req.priceListCode }, book);
    } catch (e) {
      if (isPricingError(e)) throw new DomainError(e.code, e.message, { status: 400 });
      throw e;
    }
    const listCode = req.priceListCode ?? (customerId !== null ? book.customerLists[customerId] : undefined) ?? book.defaultListCode;
    let line: LineQuote = {
      articleId: article.id, customerId, quantity, date, priceListCode: listCode, vatRate: article.vatRate,
      unitPrice: quote.unitPrice, includesVat: quote.includesVat, unitPriceIncl: quote.unitPriceIncl, unitPriceExcl: quote.unitPriceExcl,
      lineTotal: quote.unitPrice === null ? null : lineTotal({ unitPrice: quote.unitPrice, quantity }), rule: quote.rule, adjustments: [],
    };
    if (pack) line = applyPack(line, pack, book.defaultListCode, quantity);
    const ctx: PriceLineContext = {
      em, source: pack ? 'pack' : req.source, book,
      article: { id: article.id, code: article.code, name: article.name, unit: article.unit, vatCategory: article.vatCategory, familyId: article.familyId },
      pack: pack ? { id: pack.id, barcode: pack.barcode, quantity: pack.quantity } : null,
    };
    return getPricingHooks(this.kernel).priceLine.promise(line, ctx);
  }

  /** Lines for the articles that come with this one: per unit sold, plus those of the pack it was sold in. */
  private async associatedLines(em: EntityManager, req: LineRequest, main: LineQuote): Promise<AssociatedLineQuote[]> {
    const packId = req.pack?.id ?? null;
    const rows = await query<{ associated_article_id: number; ratio: number; kind: string; pack_id: number | null }>(em,
      `select associated_article_id, ratio, kind, pack_id from pricing_association where article_id = ? and (pack_id is null${packId ? ' or pack_id = ?' : ''}) order by id`,
      packId ? [req.article.id, packId] : [req.article.id]);
    if (!rows.length) return [];
    const facts = await this.articles(em, rows.map((r) => r.associated_article_id));
    const book = await loadPriceBook(em, [...facts.values()], req.customerId);
    const out: AssociatedLineQuote[] = [];
    const packs = req.pack ? Math.round(main.quantity / req.pack.quantity) * 1000 : 0;
    for (const r of rows) {
      const article = facts.get(r.associated_article_id);
      if (!article) continue; // the associated article was removed from the catalogue
      // Per unit: the quantity sold × ratio; per pack: the number of packs × ratio (half-up, away from zero).
      const base = r.pack_id === null ? main.quantity : packs;
      const quantity = roundThousandths(base * r.ratio);
      if (quantity === 0) continue;
      const line = await this.priceLine(em, { article, customerId: req.customerId, quantity, date: req.date, priceListCode: req.priceListCode, source: 'associated' }, book);
      out.push({ ...line, kind: r.kind, article: { id: article.id, code: article.code, name: article.name } });
    }
    return out;
  }

  /** Ids of articles that have at least one list price, among these (for labels and reports). */
  async pricedArticleIds(em: EntityManager, ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await query<{ article_id: number }>(em, `select distinct article_id from pricing_list_price where article_id in (${placeholders(ids.length)})`, ids);
    return new Set(rows.map((r) => r.article_id));
  }
}

/** quantity × ratio / 1000, half-up away from zero. */
function roundThousandths(product: number): number {
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 500) / 1000);
}

/**
 * A pack sells its units at the pack's own price when the list in force is the pack's list (the default list
 * when it names none) and the customer has no price of their own; otherwise every unit at the unit quote.
 * `quantity` is a whole number of packs (one scan: one pack).
 */
function applyPack(line: LineQuote, pack: NonNullable<LineRequest['pack']>, defaultListCode: string, quantity: number): LineQuote {
  const packList = pack.priceListCode ?? defaultListCode;
  if (pack.price === null || line.priceListCode !== packList || line.rule.kind === 'customer') return line;
  const resolved = resolvePack({
    packQuantity: pack.quantity, packPrice: pack.price,
    unitQuote: { unitPrice: line.unitPrice, includesVat: line.includesVat, unitPriceIncl: line.unitPriceIncl, unitPriceExcl: line.unitPriceExcl, rule: line.rule as PriceRule },
  });
  const unitPrice = resolved.unitPrice!;
  const packs = Math.round(quantity / pack.quantity);
  return {
    ...line,
    unitPrice,
    unitPriceIncl: line.includesVat ? unitPrice : convertPrice(unitPrice, line.vatRate, 'excl'),
    unitPriceExcl: line.includesVat ? convertPrice(unitPrice, line.vatRate, 'incl') : unitPrice,
    // The pack's price is what the customer pays, whatever unit price × units would round to.
    lineTotal: pack.price * packs,
    rule: { kind: 'pack', listCode: packList, minQuantity: pack.quantity, validTo: null, explanation: M.packPrice(pack.name || pack.barcode) },
  };
}

/** The price per kg or litre of a line's unit price: the price itself for articles sold by kg or litre. */
export function legalUnitPrice(unitPrice: number | null, articleUnit: string, content: { quantity: number; unit: ContentUnit } | null): LegalUnitPrice | null {
  if (unitPrice === null || unitPrice < 0) return null;
  if (articleUnit === 'kg') return { cents: unitPrice, unit: 'kg' };
  if (articleUnit === 'litre') return { cents: unitPrice, unit: 'l' };
  if (!content || content.quantity <= 0) return null;
  return { cents: unitPriceFor({ price: unitPrice, contentQuantity: content.quantity, contentUnit: content.unit }), unit: content.unit };
}
