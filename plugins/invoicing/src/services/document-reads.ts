import type { EntityManager } from '@comptoir/kernel';
import type { DocumentStatus, DocumentType, InvoicingDocument } from '../entities/document.entity.js';
import { InvoicingPayment } from '../entities/payment.entity.js';
import type { LineKind } from '../entities/line.entity.js';
import { formatStructured } from '../domain/structured-communication.js';
import { shopToday } from '../domain/days.js';
import { saleDocumentOf, subtotalsOf } from '../domain/totals.js';
import { saleTotals } from '@comptoir/sales';
import type { InvoicingLine } from '../entities/line.entity.js';
import { loadDocument, loadLines, query } from './store.js';

/** Where an invoice stands with its payments. */
export type PaymentStatus = 'unpaid' | 'partial' | 'paid' | 'overdue';

/** A linked document, as shown on the other one. */
export interface LinkedDocument {
  id: number;
  type: DocumentType;
  status: DocumentStatus;
  number: string | null;
  date: string | null;
  total: number;
}

/** A line as the API shows it, with what remains to deliver, invoice or credit when that applies. */
export interface LineView {
  id: number;
  position: number;
  kind: LineKind;
  articleId: number | null;
  code: string;
  description: string;
  quantity: number;
  unitPrice: number;
  includesVat: boolean;
  vatRate: number;
  fixedAmount: number | null;
  discountRate: number | null;
  discountAmount: number | null;
  priceFixed: boolean;
  origin: string;
  parentLineId: number | null;
  sourceLineId: number | null;
  /** On the document's side of VAT, after the line's discount; for a subtotal line, the article lines since the previous subtotal. */
  total: number;
  delivered: number;
  invoiced: number;
  credited: number;
  /** What issued documents have not yet taken of this line (order: to deliver and to invoice; quote, delivery note: to invoice; invoice: to credit). */
  remaining: { deliver?: number; invoice?: number; credit?: number };
}

/** A document as the API shows it. */
export interface DocumentView {
  id: number;
  type: DocumentType;
  status: DocumentStatus;
  number: string | null;
  date: string | null;
  dueDate: string | null;
  validUntil: string | null;
  paymentTermsDays: number | null;
  paymentTerms: string;
  customer: { id: number | null; name: string; address: string; vatNumber: string };
  deliveryAddress: string;
  customerReference: string;
  pricesIncludeVat: boolean;
  discount: { rate: number } | { amount: number } | null;
  lines: LineView[];
  totals: { subtotal: number; discount: number; base: number; vat: number; total: number; rates: Array<{ rate: number; base: number; vat: number }> };
  paid: number;
  credited: number;
  /** What the customer still owes on an invoice (total − credited − paid); null on other documents. */
  balance: number | null;
  paymentStatus: PaymentStatus | null;
  payments: Array<{ id: number; date: string; method: string; amount: number; reference: string }>;
  /** +++123/4567/89012+++ on an issued invoice. */
  structuredCommunication: string | null;
  creditOf: LinkedDocument | null;
  creditReason: string;
  mentions: string[];
  notes: string;
  lang: string;
  country: string;
  issuedAt: string | null;
  signature: string | null;
  links: { from: LinkedDocument[]; to: LinkedDocument[] };
  version: number;
}

/** A document in a list. */
export interface DocumentSummary extends LinkedDocument {
  customerId: number | null;
  customerName: string;
  dueDate: string | null;
  balance: number | null;
  paymentStatus: PaymentStatus | null;
  version: number;
}

export interface ListQuery {
  type?: DocumentType;
  status?: DocumentStatus;
  customerId?: number;
  paymentStatus?: PaymentStatus;
  page?: number;
  pageSize?: number;
}

/** How far a list counts its documents (the catalogue's search does the same). */
export const LIST_COUNT_CAP = 1000;

/** A page of documents: `total` is counted up to LIST_COUNT_CAP (`totalCapped` beyond); `hasMore` says if a next page exists. */
export interface DocumentPage {
  items: DocumentSummary[];
  total: number;
  totalCapped: boolean;
  hasMore: boolean;
  page: number;
  pageSize: number;
}

/** The payment status of an invoice on a day. */
export function paymentStatusOf(d: Pick<InvoicingDocument, 'type' | 'status' | 'total' | 'paidTotal' | 'creditedTotal' | 'dueDate'>, today: string): PaymentStatus | null {
  if (d.type !== 'invoice' || d.status !== 'issued') return null;
  const balance = d.total - d.creditedTotal - d.paidTotal;
  if (balance <= 0) return 'paid';
  if (d.dueDate !== null && d.dueDate < today) return 'overdue';
  return d.paidTotal > 0 ? 'partial' : 'unpaid';
}

/** Reads documents as the API shows them. */
export class DocumentReads {
  private readonly clock: { now(): Date };

  constructor({ clock }: { clock: { now(): Date } }) {
    this.clock = clock;
  }

  async view(em: EntityManager, id: number): Promise<DocumentView> {
    const d = await loadDocument(em, id);
    const lines = await loadLines(em, id);
    const today = shopToday(this.clock.now(), d.country);
    const subtotals = subtotalsOf(lines);
    const rates = this.rates(d, lines, today);
    const payments = d.type === 'invoice' ? await em.find(InvoicingPayment, { documentId: id }, { orderBy: { id: 'asc' }, disableIdentityMap: true }) : [];
    const linked = async (sqlText: string): Promise<LinkedDocument[]> => (await query<Record<string, unknown>>(em, sqlText, [id])).map(linkedOf);
    return {
      id: d.id, type: d.type, status: d.status, number: d.number, date: d.date, dueDate: d.dueDate, validUntil: d.validUntil,
      paymentTermsDays: d.paymentTermsDays, paymentTerms: d.paymentTerms,
      customer: { id: d.customerId, name: d.customerName, address: d.customerAddress, vatNumber: d.customerVatNumber },
      deliveryAddress: d.deliveryAddress, customerReference: d.customerReference, pricesIncludeVat: d.pricesIncludeVat,
      discount: d.discountRate !== null ? { rate: d.discountRate } : d.discountAmount !== null ? { amount: d.discountAmount } : null,
      lines: lines.map((l) => ({
        id: l.id, position: l.position, kind: l.kind, articleId: l.articleId, code: l.code, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice,
        includesVat: l.includesVat, vatRate: l.vatRate, fixedAmount: l.fixedAmount, discountRate: l.discountRate, discountAmount: l.discountAmount,
        priceFixed: l.priceFixed, origin: l.origin, parentLineId: l.parentLineId, sourceLineId: l.sourceLineId,
        total: l.kind === 'subtotal' ? subtotals.get(l.id) ?? 0 : l.total,
        delivered: l.deliveredQuantity, invoiced: l.invoicedQuantity, credited: l.creditedQuantity,
        remaining: l.kind !== 'article' || d.status !== 'issued' ? {} : remainingOf(d.type, l),
      })),
      totals: { subtotal: d.subtotal, discount: d.discount, base: d.base, vat: d.vat, total: d.total, rates },
      paid: d.paidTotal, credited: d.creditedTotal,
      balance: d.type === 'invoice' ? d.total - d.creditedTotal - d.paidTotal : null,
      paymentStatus: paymentStatusOf(d, today),
      payments: payments.map((p) => ({ id: p.id, date: p.date, method: p.method, amount: p.amount, reference: p.reference })),
      structuredCommunication: d.structuredRef ? formatStructured(d.structuredRef) : null,
      creditOf: d.creditOfId === null ? null : (await linked('select d.* from invoicing_document d join invoicing_document c on c.credit_of_id = d.id where c.id = ?'))[0] ?? null,
      creditReason: d.creditReason,
      mentions: d.mentions ? d.mentions.split('\n') : [],
      notes: d.notes, lang: d.lang, country: d.country, issuedAt: d.issuedAt, signature: d.signature,
      links: {
        from: await linked('select d.* from invoicing_document d join invoicing_link k on k.from_id = d.id where k.to_id = ? order by d.id'),
        to: await linked('select d.* from invoicing_document d join invoicing_link k on k.to_id = d.id where k.from_id = ? order by d.id'),
      },
      version: d.version,
    };
  }

  /** A page of documents, newest first, filtered by type, status, customer and payment status (invoices). */
  async list(em: EntityManager, q: ListQuery): Promise<DocumentPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.type) { where.push('type = ?'); params.push(q.type); }
    if (q.status) { where.push('status = ?'); params.push(q.status); }
    if (q.customerId) { where.push('customer_id = ?'); params.push(q.customerId); }
    if (q.paymentStatus) {
      const today = shopToday(this.clock.now(), 'BE');
      where.push("type = 'invoice' and status = 'issued'");
      const open = 'total - credited_total - paid_total > 0';
      if (q.paymentStatus === 'paid') where.push('total - credited_total - paid_total <= 0');
      else if (q.paymentStatus === 'overdue') { where.push(`${open} and due_date < ?`); params.push(today); }
      else {
        where.push(`${open} and (due_date is null or due_date >= ?) and paid_total ${q.paymentStatus === 'partial' ? '>' : '='} 0`);
        params.push(today);
      }
    }
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    // Counted up to LIST_COUNT_CAP only, so that a page costs the same with 100,000 invoices (the screen then pages by hasMore).
    const count = await query<{ n: number }>(em, `select count(*) as n from (select 1 from invoicing_document ${clause} limit ${LIST_COUNT_CAP + 1}) capped`, params);
    const rows = await query<Record<string, unknown>>(em,
      `select * from invoicing_document ${clause} order by id desc limit ? offset ?`, [...params, pageSize + 1, (page - 1) * pageSize]);
    const hasMore = rows.length > pageSize;
    rows.length = Math.min(rows.length, pageSize);
    const today = shopToday(this.clock.now(), 'BE');
    const items = rows.map((r) => {
      const base = linkedOf(r);
      const d = { type: base.type, status: base.status, total: base.total, paidTotal: Number(r.paid_total), creditedTotal: Number(r.credited_total), dueDate: (r.due_date as string | null) ?? null };
      return {
        ...base, customerId: r.customer_id == null ? null : Number(r.customer_id), customerName: String(r.customer_name), dueDate: d.dueDate,
        balance: base.type === 'invoice' ? d.total - d.creditedTotal - d.paidTotal : null, paymentStatus: paymentStatusOf(d, today), version: Number(r.version),
      };
    });
    const counted = Number(count[0].n);
    return { items, total: Math.min(counted, LIST_COUNT_CAP), totalCapped: counted > LIST_COUNT_CAP, hasMore, page, pageSize };
  }

  /** VAT per rate as the sale contract totals it (the stored totals are the same sums). */
  private rates(d: InvoicingDocument, lines: readonly InvoicingLine[], today: string) {
    return saleTotals(saleDocumentOf(d, lines, today)).rates.map((r) => ({ rate: r.rate, base: r.base, vat: r.vat }));
  }
}

function remainingOf(type: DocumentType, l: { quantity: number; deliveredQuantity: number; invoicedQuantity: number; creditedQuantity: number }): LineView['remaining'] {
  switch (type) {
    case 'order': return { deliver: l.quantity - l.deliveredQuantity, invoice: l.quantity - l.invoicedQuantity };
    case 'quote':
    case 'delivery': return { invoice: l.quantity - l.invoicedQuantity };
    case 'invoice': return { credit: l.quantity - l.creditedQuantity };
    default: return {};
  }
}

function linkedOf(r: Record<string, unknown>): LinkedDocument {
  return {
    id: Number(r.id), type: r.type as DocumentType, status: r.status as DocumentStatus, number: (r.number as string | null) ?? null,
    date: (r.date as string | null) ?? null, total: Number(r.total),
  };
}
