import { canonicalJson, type Clock, type EntityManager, type Language, type User } from '@comptoir/kernel';
import { Customer, type PartyService } from '@comptoir/catalog';
import type { SaleDocument, SaleLine, SalesBuilder, SaleTotals } from '@comptoir/sales';
import type { DocumentType, InvoicingDocument } from '../entities/document.entity.js';
import type { InvoicingLine, LineKind } from '../entities/line.entity.js';
import { isDay, shopToday } from '../domain/days.js';
import { saleDocumentOf, saleLineOf } from '../domain/totals.js';
import { InvoicingErrors } from '../messages.js';
import { checkStorable, claimDraft, insertLine, insertReturningId, loadDocument, loadLines, nextPosition, query, run, sqlBool } from './store.js';

/** Who is acting, in which language. */
export interface Actor {
  user: User | null;
  lang: Language;
}

/** A line asked for: an article (by id or code, priced through the sale contract), a text, a section title or a subtotal. */
export interface LineInput {
  kind?: LineKind;
  articleId?: number;
  code?: string;
  quantity?: number;
  /** A typed price (cents), never repriced; on the side `includesVat` says, by default the document's. */
  unitPrice?: number;
  includesVat?: boolean;
  discountRate?: number | null;
  discountAmount?: number | null;
  description?: string;
}

/** The header of a document, as created or changed. */
export interface HeaderInput {
  customerId?: number | null;
  pricesIncludeVat?: boolean;
  date?: string | null;
  validUntil?: string | null;
  paymentTermsDays?: number | null;
  paymentTerms?: string;
  deliveryAddress?: string;
  customerReference?: string;
  notes?: string;
  lang?: Language;
  discount?: { rate: number } | { amount: number } | null;
}

export interface CreateInput extends HeaderInput {
  type: Exclude<DocumentType, 'credit_note'> | 'credit_note';
  lines?: LineInput[];
}

/** Drafts: created, changed line by line, totalled through the sale contract, deleted; each change bumps the version. */
export class DocumentService {
  private readonly sales: SalesBuilder;
  private readonly parties: PartyService;
  private readonly clock: Clock;

  constructor({ salesBuilder, catalogParties, clock }: { salesBuilder: SalesBuilder; catalogParties: PartyService; clock: Clock }) {
    this.sales = salesBuilder;
    this.parties = catalogParties;
    this.clock = clock;
  }

  /** Today in the document's country. */
  today(country: string): string {
    return shopToday(this.clock.now(), country);
  }

  /** A new draft, with its lines if given. */
  async create(em: EntityManager, input: CreateInput, actor: Actor, country: string): Promise<number> {
    if (input.type === 'credit_note') throw InvoicingErrors.creditNeedsInvoice();
    return em.transactional(async (tem) => {
      checkDays(input);
      const customer = input.customerId == null ? null : await this.customer(tem, input.customerId);
      const now = this.clock.now().toISOString();
      const discount = input.discount ?? null;
      const id = await insertReturningId(tem,
        `insert into invoicing_document (type, status, date, valid_until, payment_terms_days, payment_terms, customer_id, customer_name, customer_address,
           customer_vat_number, delivery_address, customer_reference, prices_include_vat, discount_rate, discount_amount, subtotal, discount, base, vat, total,
           paid_total, credited_total, credit_reason, mentions, notes, lang, country, created_at, updated_at, version)
         values (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, '', '', ?, ?, ?, ?, ?, 1)`,
        [input.type, input.date ?? null, input.validUntil ?? null, input.paymentTermsDays ?? (input.type === 'invoice' ? 30 : null), input.paymentTerms ?? '',
          customer?.id ?? null, customer?.name ?? '', customer?.address ?? '', customer?.vatNumber ?? '', input.deliveryAddress ?? customer?.address ?? '',
          input.customerReference ?? '', sqlBool(tem, input.pricesIncludeVat ?? !(customer?.company ?? false)),
          discount && 'rate' in discount ? discount.rate : null, discount && 'amount' in discount ? discount.amount : null,
          input.notes ?? '', input.lang ?? customer?.language ?? actor.lang, country, now, now]);
      const doc = await loadDocument(tem, id);
      for (const line of input.lines ?? []) await this.insertLines(tem, doc, line, actor);
      await this.retotal(tem, doc);
      return id;
    });
  }

  /** Changes a draft's header (customer, dates, terms, addresses, discount, side of VAT). */
  async update(em: EntityManager, id: number, version: number, input: HeaderInput): Promise<void> {
    await em.transactional(async (tem) => {
      checkDays(input);
      const doc = await claimDraft(tem, id, version, this.clock.now());
      const set: string[] = [];
      const params: unknown[] = [];
      const put = (column: string, value: unknown) => { set.push(`${column} = ?`); params.push(value); };
      if (input.customerId !== undefined) {
        const customer = input.customerId === null ? null : await this.customer(tem, input.customerId);
        put('customer_id', customer?.id ?? null);
        put('customer_name', customer?.name ?? '');
        put('customer_address', customer?.address ?? '');
        put('customer_vat_number', customer?.vatNumber ?? '');
        if (input.deliveryAddress === undefined && (doc.deliveryAddress === '' || doc.deliveryAddress === doc.customerAddress)) put('delivery_address', customer?.address ?? '');
      }
      if (input.pricesIncludeVat !== undefined) put('prices_include_vat', sqlBool(tem, input.pricesIncludeVat));
      if (input.date !== undefined) put('date', input.date);
      if (input.validUntil !== undefined) put('valid_until', input.validUntil);
      if (input.paymentTermsDays !== undefined) put('payment_terms_days', input.paymentTermsDays);
      if (input.paymentTerms !== undefined) put('payment_terms', input.paymentTerms);
      if (input.deliveryAddress !== undefined) put('delivery_address', input.deliveryAddress);
      if (input.customerReference !== undefined) put('customer_reference', input.customerReference);
      if (input.notes !== undefined) put('notes', input.notes);
      if (input.lang !== undefined) put('lang', input.lang);
      if (input.discount !== undefined) {
        put('discount_rate', input.discount && 'rate' in input.discount ? input.discount.rate : null);
        put('discount_amount', input.discount && 'amount' in input.discount ? input.discount.amount : null);
      }
      if (set.length) await run(tem, `update invoicing_document set ${set.join(', ')} where id = ?`, [...params, id]);
      await this.retotal(tem, await loadDocument(tem, id));
    });
  }

  /** Deletes a draft and its lines (an issued document never goes). */
  async remove(em: EntityManager, id: number, version: number): Promise<void> {
    await em.transactional(async (tem) => {
      await claimDraft(tem, id, version, this.clock.now());
      await run(tem, 'delete from invoicing_line where document_id = ?', [id]);
      await run(tem, 'delete from invoicing_link where to_id = ?', [id]);
      await run(tem, 'delete from invoicing_document where id = ?', [id]);
    });
  }

  /** Adds a line at the end of a draft: an article line goes through the sale contract, with what it composes. */
  async addLine(em: EntityManager, id: number, version: number, input: LineInput, actor: Actor): Promise<void> {
    await em.transactional(async (tem) => {
      const doc = await claimDraft(tem, id, version, this.clock.now());
      await this.insertLines(tem, doc, input, actor);
      await this.retotal(tem, doc);
    });
  }

  /** Changes a line's quantity, price, discount or text; another quantity may have another price (the contract prices it again). */
  async updateLine(em: EntityManager, id: number, lineId: number, version: number, input: Omit<LineInput, 'kind' | 'articleId' | 'code'>, actor: Actor): Promise<void> {
    await em.transactional(async (tem) => {
      const doc = await claimDraft(tem, id, version, this.clock.now());
      const line = (await loadLines(tem, id)).find((l) => l.id === lineId);
      if (!line) throw InvoicingErrors.lineNotFound(lineId);
      if (line.kind !== 'article') {
        if (input.description !== undefined) await run(tem, 'update invoicing_line set description = ? where id = ?', [input.description, lineId]);
        return;
      }
      const next: InvoicingLine = { ...line };
      if (input.description !== undefined) next.description = input.description;
      if (input.quantity !== undefined) next.quantity = input.quantity;
      if (input.unitPrice !== undefined) Object.assign(next, { unitPrice: input.unitPrice, includesVat: input.includesVat ?? doc.pricesIncludeVat, priceFixed: true, fixedAmount: null });
      if (input.discountRate !== undefined) next.discountRate = input.discountRate;
      if (input.discountAmount !== undefined) next.discountAmount = input.discountAmount;
      if (input.discountRate != null) next.discountAmount = null;
      if (input.discountAmount != null) next.discountRate = null;
      if (input.quantity !== undefined && input.unitPrice === undefined && !line.priceFixed && line.articleId !== null && line.fixedAmount === null) {
        const document = saleDocumentOf(doc, [], this.today(doc.country));
        const priced = await this.sales.line(tem, { id: 'L1', articleId: line.articleId, quantity: next.quantity }, { em: tem, user: actor.user, lang: actor.lang, document });
        Object.assign(next, { unitPrice: priced.unitPrice ?? next.unitPrice, includesVat: priced.includesVat });
      }
      next.total = this.lineTotal(saleLineOf(next), doc.pricesIncludeVat);
      checkStorable(next.unitPrice, next.total);
      await run(tem,
        `update invoicing_line set description = ?, quantity = ?, unit_price = ?, includes_vat = ?, price_fixed = ?, fixed_amount = ?, discount_rate = ?,
           discount_amount = ?, total = ? where id = ?`,
        [next.description, next.quantity, next.unitPrice, sqlBool(tem, next.includesVat), sqlBool(tem, next.priceFixed), next.fixedAmount, next.discountRate,
          next.discountAmount, next.total, lineId]);
      await this.retotal(tem, doc);
    });
  }

  /** Removes a line, and the lines composed for it (an associated article, a deposit). */
  async deleteLine(em: EntityManager, id: number, lineId: number, version: number): Promise<void> {
    await em.transactional(async (tem) => {
      const doc = await claimDraft(tem, id, version, this.clock.now());
      const lines = await loadLines(tem, id);
      if (!lines.some((l) => l.id === lineId)) throw InvoicingErrors.lineNotFound(lineId);
      const gone = new Set([lineId]);
      for (let grew = true; grew;) {
        grew = false;
        for (const l of lines) if (l.parentLineId !== null && gone.has(l.parentLineId) && !gone.has(l.id)) { gone.add(l.id); grew = true; }
      }
      for (const lid of gone) await run(tem, 'delete from invoicing_line where id = ?', [lid]);
      await this.retotal(tem, doc);
    });
  }

  /**
   * Stores the document's totals through the sale contract (line totals on the document's side of VAT, the
   * document discount spread over rates, VAT per rate on the totals); returns them.
   */
  async retotal(em: EntityManager, doc: InvoicingDocument): Promise<SaleTotals> {
    const fresh = await loadDocument(em, doc.id);
    const lines = await loadLines(em, doc.id);
    const totals = this.sales.totals(saleDocumentOf(fresh, lines, this.today(fresh.country)));
    checkStorable(totals.subtotal, totals.discount, totals.base, totals.vat, totals.total, ...totals.lines.map((l) => l.total));
    const articles = lines.filter((l) => l.kind === 'article');
    for (const [i, l] of articles.entries()) {
      if (totals.lines[i].total !== l.total) await run(em, 'update invoicing_line set total = ? where id = ?', [totals.lines[i].total, l.id]);
    }
    await run(em, 'update invoicing_document set subtotal = ?, discount = ?, base = ?, vat = ?, total = ? where id = ?',
      [totals.subtotal, totals.discount, totals.base, totals.vat, totals.total, doc.id]);
    return totals;
  }

  /** A sale document's totals through the contract (422 SALE_AMOUNT_TOO_LARGE rather than a 500). */
  totalsOf(document: SaleDocument): SaleTotals {
    return this.sales.totals(document);
  }

  /** A line's total on the document's side (422 from the contract when its discount does not fit or its amount is too large). */
  lineTotal(line: SaleLine, pricesIncludeVat: boolean): number {
    return this.sales.totals({ channel: 'invoice', customerId: null, date: '2000-01-01', country: 'BE', pricesIncludeVat, lines: [line], discount: null, resolved: [], ext: {} }).lines[0].total;
  }

  private async insertLines(em: EntityManager, doc: InvoicingDocument, input: LineInput, actor: Actor): Promise<void> {
    const kind = input.kind ?? 'article';
    let position = await nextPosition(em, doc.id);
    const base = { documentId: doc.id, articleId: null, code: '', quantity: 0, unitPrice: 0, includesVat: doc.pricesIncludeVat, vatRate: 0, fixedAmount: null,
      discountRate: null, discountAmount: null, priceFixed: false, origin: 'typed', parentLineId: null, sourceLineId: null, ext: '{}', total: 0 };
    if (kind !== 'article') {
      if (input.articleId !== undefined || input.code !== undefined) throw InvoicingErrors.lineKindFields();
      await insertLine(em, { ...base, position, kind, description: input.description ?? '' });
      return;
    }
    if ((input.articleId === undefined) === (input.code === undefined)) throw InvoicingErrors.lineKindFields();
    const built = await this.sales.build(em, {
      channel: 'invoice', customerId: doc.customerId, date: doc.date ?? this.today(doc.country), pricesIncludeVat: doc.pricesIncludeVat,
      lines: [{
        ...(input.code !== undefined ? { code: input.code } : { articleId: input.articleId }),
        ...(input.quantity !== undefined ? { quantity: input.quantity } : {}),
        ...(input.unitPrice !== undefined ? { unitPrice: input.unitPrice, includesVat: input.includesVat ?? doc.pricesIncludeVat } : {}),
        ...(input.discountRate != null ? { discountRate: input.discountRate } : {}),
        ...(input.discountAmount != null ? { discountAmount: input.discountAmount } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      }],
    }, { user: actor.user, lang: actor.lang });
    const ids = new Map<string, number>();
    for (const [i, line] of built.document.lines.entries()) {
      const id = await insertLine(em, {
        ...base, position: position++, kind: 'article', articleId: line.articleId, code: line.code ?? '', description: line.description, quantity: line.quantity,
        unitPrice: line.unitPrice ?? 0, includesVat: line.includesVat, vatRate: line.vatRate, fixedAmount: line.fixedAmount, discountRate: line.discountRate,
        discountAmount: line.discountAmount, priceFixed: line.priceFixed, origin: line.origin, parentLineId: line.parentLineId ? ids.get(line.parentLineId) ?? null : null,
        ext: canonicalJson(line.ext ?? {}), total: built.totals.lines[i].total,
      });
      ids.set(line.id, id);
    }
  }

  /** The customer's name, address and VAT number as the document prints them. */
  private async customer(em: EntityManager, id: number) {
    const c = await this.parties.get(em, Customer, id) as Customer;
    const cityLine = [c.postalCode, c.city].filter(Boolean).join(' ');
    return {
      id: c.id, name: c.name, vatNumber: c.vatNumber ?? '', company: c.kind === 'company', language: c.language,
      address: [c.street, cityLine, c.country && c.country !== 'BE' ? c.country : ''].filter((s) => s && s.trim()).join('\n'),
    };
  }
}

function checkDays(input: HeaderInput): void {
  for (const field of ['date', 'validUntil'] as const) {
    const v = input[field];
    if (typeof v === 'string' && !isDay(v)) throw InvoicingErrors.dayInvalid(field);
  }
}

/** Reads the ids of drafts' lines sourced from some lines, by target type (what conversions in progress hold). */
export async function reservedBy(em: EntityManager, type: DocumentType, sourceLineIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!sourceLineIds.length) return out;
  const rows = await query<{ source_line_id: number; q: number }>(em,
    `select l.source_line_id, sum(l.quantity) as q from invoicing_line l join invoicing_document d on d.id = l.document_id
     where d.status = 'draft' and d.type = ? and l.source_line_id in (${sourceLineIds.map(() => '?').join(', ')}) group by l.source_line_id`,
    [type, ...sourceLineIds]);
  for (const r of rows) out.set(Number(r.source_line_id), Number(r.q));
  return out;
}
