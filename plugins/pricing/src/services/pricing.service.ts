import { DomainError, NotFoundError, ValidationError, convertPrice, lineTotal, type EntityManager, type FieldError, type Kernel, type Clock, type Settings } from '@comptoir/kernel';
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

/**
 * What a customer with prices of their own pays for a pack that has its own price (the shop setting
 * `CONTRACT_CASE_SETTING`): `cheaper`, the default, the cheaper of the pack's price and their price × units;
 * `customer`, always their own price.
 */
export type ContractCasePrice = 'cheaper' | 'customer';
export const CONTRACT_CASE_SETTING = 'pricing.contractCasePrice';
export const CONTRACT_CASE_PRICES: readonly ContractCasePrice[] = ['cheaper', 'customer'];

/** Prices lines: builds each article's price book, asks the engine, and runs the `priceLine` hook. */
export class PricingService {
  private readonly kernel: Kernel;
  private readonly clock: Clock;
  private readonly settings: Settings;

  private readonly scanner: Scanner;

  constructor({ kernel, clock, settings, pricingNomenclature }: { kernel: Kernel; clock: Clock; settings: Settings; pricingNomenclature: NomenclatureService }) {
    this.kernel = kernel;
    this.clock = clock;
    this.settings = settings;
    this.scanner = new Scanner(this, pricingNomenclature);
  }

  /** The shop's rule for a customer with prices of their own scanning a pack with its own price. */
  async contractCasePrice(em: EntityManager): Promise<ContractCasePrice> {
    const value = await this.settings.get<unknown>(em, CONTRACT_CASE_SETTING, 'cheaper');
    return value === 'customer' ? 'customer' : 'cheaper';
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
    if (pack) line = applyPack(line, pack, book.defaultListCode, quantity, line.rule.kind === 'customer' ? await this.contractCasePrice(em) : 'cheaper');
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

  /**
   * A sale line's price (the sale contract's `priceLine`): the engine, the pack's own price when the line was sold
   * through a pack, then this plugin's `priceLine` hook. Null when the article is gone from the catalogue.
   */
  async priceForSale(em: EntityManager, req: { articleId: number; customerId: number | null; quantity: number; date: string; packId: number | null }): Promise<LineQuote | null> {
    const article = (await this.articles(em, [req.articleId])).get(req.articleId);
    if (!article) return null;
    const pack = req.packId === null ? null : await this.packForSale(em, req.packId);
    const book = await loadPriceBook(em, [article], req.customerId);
    return this.priceLine(em, { article, customerId: req.customerId, quantity: req.quantity, date: req.date, source: pack ? 'pack' : 'scan', pack }, book);
  }

  /** The articles that come with a sale line (the sale contract's `composeLines`): per unit sold, and per pack. */
  async associationsForSale(em: EntityManager, req: { articleId: number; quantity: number; packId: number | null; packQuantity: number | null }): Promise<Array<{ articleId: number; quantity: number; kind: string }>> {
    const rows = await query<{ associated_article_id: number; ratio: number; kind: string; pack_id: number | null }>(em,
      `select associated_article_id, ratio, kind, pack_id from pricing_association where article_id = ? and (pack_id is null${req.packId ? ' or pack_id = ?' : ''}) order by id`,
      req.packId ? [req.articleId, req.packId] : [req.articleId]);
    const packs = req.packQuantity ? Math.round(req.quantity / req.packQuantity) * 1000 : 0;
    return rows
      .map((r) => ({ articleId: r.associated_article_id, kind: r.kind, quantity: roundThousandths((r.pack_id === null ? req.quantity : packs) * r.ratio) }))
      .filter((a) => a.quantity !== 0);
  }

  private async packForSale(em: EntityManager, id: number): Promise<NonNullable<LineRequest['pack']> | null> {
    const [p] = await query<{ id: number; barcode: string; quantity: number; price: number | null; name: string; list_code: string | null }>(em,
      'select p.id, p.barcode, p.quantity, p.price, p.name, l.code as list_code from pricing_pack p left join pricing_price_list l on l.id = p.price_list_id where p.id = ?', [id]);
    return p ? { id: p.id, barcode: p.barcode, quantity: p.quantity, price: p.price, name: p.name, priceListCode: p.list_code } : null;
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
 * when it names none); otherwise every unit at the unit quote. A customer with a price of their own for the
 * article pays the cheaper of the pack's price and their price × units, unless the shop says `customer` (their
 * own price always). `quantity` is a whole number of packs (one scan: one pack).
 */
function applyPack(line: LineQuote, pack: NonNullable<LineRequest['pack']>, defaultListCode: string, quantity: number, contract: ContractCasePrice): LineQuote {
  const packList = pack.priceListCode ?? defaultListCode;
  if (pack.price === null || line.priceListCode !== packList) return line;
  const cheaperForCustomer = line.rule.kind === 'customer' && contract === 'cheaper' && line.lineTotal !== null && pack.price * Math.round(quantity / pack.quantity) < line.lineTotal;
  if (line.rule.kind === 'customer' && !cheaperForCustomer) return line;
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
    rule: { kind: 'pack', listCode: packList, minQuantity: pack.quantity, validTo: null, explanation: cheaperForCustomer ? M.packPriceCheaper(pack.name || pack.barcode) : M.packPrice(pack.name || pack.barcode) },
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
