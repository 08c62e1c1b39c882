import {
  DomainError, NotFoundError, Shop, ValidationError, afterCommit, isCountryCode, isMoneyError,
  type Clock, type CountryCode, type EntityManager, type Kernel, type Language, type User,
} from '@comptoir/kernel';
import { Customer, findVatCategory, type ArticleService } from '@comptoir/catalog';
import { getSalesHooks, type CodeResolution, type ComposeContext, type LineDraft, type SaleContext, type SaleRecord } from '../hooks.js';
import { saleTotals, type SaleTotals } from '../domain/totals.js';
import { SaleErrors } from '../domain/errors.js';
import type { DocumentDiscount, SaleChannel, SaleDocument, SaleLine } from '../domain/types.js';
import { M } from '../messages.js';
import { isIsoDay, shopDay } from './days.js';

/** One line asked for: a code to resolve, or an article; with an optional quantity, typed price and discount. */
export interface SaleLineRequest {
  code?: string;
  articleId?: number;
  /**
   * Thousandths; default: what the code says, else 1000. With a code it is what the cashier typed before scanning,
   * and the tap that resolves the code decides what it counts (2000 before a case's barcode: two cases).
   */
  quantity?: number;
  /** A price typed by the cashier, in cents on the side `includesVat` says (default: included); never recomputed. */
  unitPrice?: number;
  includesVat?: boolean;
  discountRate?: number;
  discountAmount?: number;
  description?: string;
}

/** What the builder is asked to build. */
export interface SaleRequest {
  channel?: SaleChannel;
  customerId?: number | null;
  /** 'YYYY-MM-DD'; default: today in the shop's country. */
  date?: string;
  /** Default: true (the counter); an invoice to a business passes false. */
  pricesIncludeVat?: boolean;
  lines: SaleLineRequest[];
  discount?: DocumentDiscount | null;
}

/** Who builds the sale. */
export interface BuildOptions {
  user: User | null;
  lang: Language;
}

/** A built sale: the composed document and its totals. */
export interface BuiltSale {
  document: SaleDocument;
  totals: SaleTotals;
}

/**
 * Builds sales the same way for the till, invoicing and the price checker: codes resolved (`resolveCode`), lines
 * filled from the catalogue and priced (`priceLine`), the document composed (`composeLines`), checked (`validate`)
 * and totalled. Nothing is stored: the caller stores its document and then calls `commit` inside its transaction.
 */
export class SalesBuilder {
  private readonly kernel: Kernel;
  private readonly clock: Clock;
  private readonly articles: ArticleService;

  constructor({ kernel, clock, catalogArticles }: { kernel: Kernel; clock: Clock; catalogArticles: ArticleService }) {
    this.kernel = kernel;
    this.clock = clock;
    this.articles = catalogArticles;
  }

  private get hooks() {
    return getSalesHooks(this.kernel);
  }

  /** Resolves, prices, composes, validates and totals a sale. */
  async build(em: EntityManager, request: SaleRequest, opts: BuildOptions): Promise<BuiltSale> {
    const document = await this.start(em, request);
    const ctx = (): SaleContext => ({ em, user: opts.user, lang: opts.lang, document });
    let next = 0;
    const newLineId = () => `L${++next}`;

    // Codes first: a customer card anywhere in the ticket prices every line for that customer.
    const drafts: Array<LineDraft & { requested: SaleLineRequest }> = [];
    for (const [i, req] of request.lines.entries()) {
      if (req.code !== undefined) {
        const resolution = await this.resolve(em, req.code, req.quantity ?? null, ctx());
        if (resolution.kind === 'line' && 'line' in resolution) drafts.push({ ...resolution.line, origin: resolution.line.origin ?? 'scan', code: req.code, requested: req });
        else if (resolution.kind === 'customer' && 'customerId' in resolution) {
          document.customerId = await this.checkCustomer(em, resolution.customerId);
          document.resolved.push({ code: req.code, kind: 'customer', by: resolution.by, data: { customerId: resolution.customerId, ...resolution.data } });
        } else if (resolution.kind === 'discount' && 'discount' in resolution) {
          document.discount = { ...resolution.discount, by: resolution.discount.by ?? resolution.by };
          document.resolved.push({ code: req.code, kind: 'discount', by: resolution.by, data: { ...resolution.discount, ...resolution.data } });
        } else document.resolved.push({ code: req.code, kind: resolution.kind, by: resolution.by, data: 'data' in resolution ? resolution.data ?? {} : {} });
      } else if (req.articleId !== undefined) drafts.push({ articleId: req.articleId, quantity: req.quantity ?? 1000, origin: 'typed', requested: req });
      else throw new ValidationError([{ field: `lines/${i}`, code: 'SALE_LINE_EMPTY', message: M.lineNeedsArticleOrCode }]);
    }

    for (const { requested, ...draft } of drafts) {
      // A code's quantity went to `resolveCode`, which knows what it counts (packs, or a label's own weight).
      if (requested.quantity !== undefined && requested.code === undefined) draft.quantity = requested.quantity;
      if (requested.unitPrice !== undefined) {
        Object.assign(draft, { unitPrice: requested.unitPrice, includesVat: requested.includesVat ?? true, fixedAmount: null, priceFixed: true, priceSource: { by: 'user', explanation: M.typedPrice } });
      }
      if (requested.discountRate !== undefined) draft.discountRate = requested.discountRate;
      if (requested.discountAmount !== undefined) draft.discountAmount = requested.discountAmount;
      if (requested.description !== undefined) draft.description = requested.description;
      document.lines.push(await this.line(em, { ...draft, id: draft.id ?? newLineId() }, ctx()));
    }

    const compose: ComposeContext = { ...ctx(), newLineId, line: (draft) => this.line(em, { ...draft, id: draft.id ?? newLineId() }, { ...ctx(), document }) };
    const composed = await this.hooks.composeLines.promise(document, compose);
    return this.finish(em, composed, opts);
  }

  /** Validates and totals a document that is already composed (the till's stored ticket, for example). */
  async finish(em: EntityManager, document: SaleDocument, opts: BuildOptions): Promise<BuiltSale> {
    for (const line of document.lines) if (line.unitPrice === null) throw SaleErrors.lineNotPriced(line);
    await this.hooks.validate.promise(document, { em, user: opts.user, lang: opts.lang, document });
    return { document, totals: this.totals(document) };
  }

  /**
   * The totals of a document (per-rate VAT, document discount spread to the cent, the country's cash rounding).
   * Amounts beyond what the money module handles exactly are refused (422 SALE_AMOUNT_TOO_LARGE), never a 500.
   */
  totals(document: SaleDocument): SaleTotals {
    try {
      return saleTotals(document);
    } catch (e) {
      if (isMoneyError(e)) throw new DomainError('SALE_AMOUNT_TOO_LARGE', M.amountTooLarge, { status: 422, cause: e });
      throw e;
    }
  }

  /** What a code is: the first `resolveCode` tap that knows it; 404 SALE_CODE_UNKNOWN when none does. */
  async resolve(em: EntityManager, code: string, quantity: number | null, ctx: SaleContext): Promise<CodeResolution> {
    const trimmed = code.trim();
    const found = await this.hooks.resolveCode.promise({ code: trimmed, quantity }, { ...ctx, em });
    if (!found) throw new NotFoundError('SALE_CODE_UNKNOWN', M.codeUnknown(trimmed));
    return found;
  }

  /**
   * A full line from a draft: the catalogue's description, VAT rate and price (VAT included), then `priceLine`
   * unless the price is fixed (typed, printed on a label).
   */
  async line(em: EntityManager, draft: LineDraft & { id: string }, ctx: SaleContext): Promise<SaleLine> {
    let line: SaleLine = {
      id: draft.id, articleId: draft.articleId, description: draft.description ?? '', code: draft.code ?? null, quantity: draft.quantity,
      unitPrice: draft.unitPrice ?? null, includesVat: draft.includesVat ?? true, vatRate: draft.vatRate ?? 0, fixedAmount: draft.fixedAmount ?? null,
      discountRate: draft.discountRate ?? null, discountAmount: draft.discountAmount ?? null, priceFixed: draft.priceFixed ?? false,
      priceSource: draft.priceSource ?? null, origin: draft.origin ?? 'typed', parentLineId: draft.parentLineId ?? null, ext: draft.ext ?? {},
    };
    if (line.articleId === null) return line;
    const article = await this.articles.get(em, line.articleId).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'ARTICLE_NOT_FOUND') throw new NotFoundError('ARTICLE_NOT_FOUND', M.articleNotFound(line.articleId!));
      throw e;
    });
    if (!article.active) throw new DomainError('SALE_ARTICLE_INACTIVE', M.articleInactive(article.name), { status: 422 });
    line.description ||= article.name;
    line.vatRate = draft.vatRate ?? findVatCategory(article.vatCategory)?.rate ?? 0;
    if (line.priceFixed) return line;
    // The catalogue's price is the default; `priceLine` taps (pricing, promotions) refine it.
    line = { ...line, unitPrice: article.price, includesVat: true, fixedAmount: null, priceSource: article.price === null ? null : { by: 'sales', explanation: M.cataloguePrice } };
    return this.hooks.priceLine.promise(line, ctx);
  }

  /**
   * Runs `committing` inside the caller's transaction (`em`), and queues `committed` for after its commit. The
   * caller (the till, invoicing) has stored its document in that transaction and names it in `record`.
   */
  async commit(em: EntityManager, sale: BuiltSale, record: SaleRecord, user: User | null): Promise<void> {
    const event = { document: sale.document, totals: sale.totals, record, user };
    await this.hooks.committing.promise({ ...event, em });
    afterCommit(em, () => this.hooks.committed.promise(event));
  }

  /** A new document: the customer (checked), the day, the shop's country and the side of VAT. */
  private async start(em: EntityManager, request: SaleRequest): Promise<SaleDocument> {
    const shop = await em.findOne(Shop, { id: 1 });
    const country: CountryCode = shop && isCountryCode(shop.country) ? shop.country : 'BE';
    if (request.date !== undefined && !isIsoDay(request.date)) throw new ValidationError([{ field: 'date', code: 'DATE_INVALID', message: M.dayInvalid }]);
    const customerId = request.customerId == null ? null : await this.checkCustomer(em, request.customerId);
    return {
      channel: request.channel ?? 'till', customerId, date: request.date ?? shopDay(this.clock.now(), country), country,
      pricesIncludeVat: request.pricesIncludeVat ?? true, lines: [], discount: request.discount ?? null, resolved: [], ext: {},
    };
  }

  private async checkCustomer(em: EntityManager, id: number): Promise<number> {
    if (!(await em.findOne(Customer, { id }, { fields: ['id'] }))) throw new NotFoundError('CUSTOMER_NOT_FOUND', M.customerNotFound(id));
    return id;
  }
}
