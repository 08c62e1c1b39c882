import { type Clock, type EntityManager } from '@comptoir/kernel';
import { CONVERSIONS } from '../domain/kinds.js';
import type { DocumentType, InvoicingDocument } from '../entities/document.entity.js';
import type { InvoicingLine } from '../entities/line.entity.js';
import { InvoicingErrors, TYPE_NAMES } from '../messages.js';
import { formatDay } from '../domain/days.js';
import { reservedBy, type DocumentService } from './documents.service.js';
import { insertLine, insertReturningId, loadDocument, loadLinesOf, run, sqlBool } from './store.js';


/** A conversion asked for: the issued documents to take from, the new type, and (optionally) which lines and how many. */
export interface ConversionInput {
  from: number[];
  to: DocumentType;
  lines?: Array<{ lineId: number; quantity: number }>;
  /** Why a credit note is made. */
  reason?: string;
}

/** The counter of a source line that a target type takes from, and the type of drafts that reserve it. */
const COUNTERS: Partial<Record<DocumentType, 'deliveredQuantity' | 'invoicedQuantity' | 'creditedQuantity'>> = {
  delivery: 'deliveredQuantity', invoice: 'invoicedQuantity', credit_note: 'creditedQuantity',
};

/**
 * Makes a draft from issued documents: a quote's order or invoice, an order's delivery notes (partly, in several),
 * several delivery notes' one invoice, an invoice's credit note. Lines keep their prices and point at the line they
 * come from; the documents are linked both ways. Quantities default to what is left, and never exceed it.
 */
export class ConversionService {
  private readonly documents: DocumentService;
  private readonly clock: Clock;

  constructor({ invoicingDocuments, clock }: { invoicingDocuments: DocumentService; clock: Clock }) {
    this.documents = invoicingDocuments;
    this.clock = clock;
  }

  async convert(em: EntityManager, input: ConversionInput): Promise<number> {
    return em.transactional(async (tem) => {
      const ids = [...new Set(input.from)];
      const sources: InvoicingDocument[] = [];
      for (const id of ids) sources.push(await loadDocument(tem, id));
      const first = sources[0];
      for (const s of sources) {
        if (!CONVERSIONS[s.type].includes(input.to)) throw InvoicingErrors.conversionInvalid(s.type, input.to);
        if (s.status !== 'issued') throw InvoicingErrors.sourceNotIssued(s.id);
        if (s.type !== first.type || s.customerId !== first.customerId) throw InvoicingErrors.sourcesMixed();
      }
      if (input.to === 'credit_note' && sources.length > 1) throw InvoicingErrors.sourcesMixed();

      const lines = await loadLinesOf(tem, ids);
      const counter = COUNTERS[input.to];
      const reserved = counter ? await reservedBy(tem, input.to, lines.map((l) => l.id)) : new Map<number, number>();
      const left = (l: InvoicingLine) => (counter ? l.quantity - l[counter] - (reserved.get(l.id) ?? 0) : l.quantity);
      const asked = new Map<number, number>();
      for (const a of input.lines ?? []) {
        const l = lines.find((x) => x.id === a.lineId && x.kind === 'article');
        if (!l) throw InvoicingErrors.lineNotFound(a.lineId);
        const max = left(l);
        if (Math.sign(a.quantity) * Math.sign(l.quantity) < 0 || Math.abs(a.quantity) > Math.abs(max)) throw InvoicingErrors.exceedsRemaining(l.description, a.quantity, max);
        asked.set(l.id, (asked.get(l.id) ?? 0) + a.quantity);
      }
      const quantityOf = (l: InvoicingLine) => (input.lines ? asked.get(l.id) ?? 0 : left(l));
      const taken = lines.filter((l) => l.kind === 'article' && quantityOf(l) !== 0);
      if (!taken.length) throw InvoicingErrors.nothingLeft();
      const whole = taken.length === lines.filter((l) => l.kind === 'article').length && taken.every((l) => quantityOf(l) === l.quantity);

      const now = this.clock.now().toISOString();
      const id = await insertReturningId(tem,
        `insert into invoicing_document (type, status, date, valid_until, payment_terms_days, payment_terms, customer_id, customer_name, customer_address,
           customer_vat_number, delivery_address, customer_reference, prices_include_vat, discount_rate, discount_amount, subtotal, discount, base, vat, total,
           paid_total, credited_total, credit_of_id, credit_reason, mentions, notes, lang, country, created_at, updated_at, version)
         values (?, 'draft', null, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, ?, '', ?, ?, ?, ?, ?, 1)`,
        [input.to, input.to === 'invoice' ? first.paymentTermsDays ?? 30 : first.paymentTermsDays, first.paymentTerms, first.customerId, first.customerName,
          first.customerAddress, first.customerVatNumber, first.deliveryAddress, first.customerReference, sqlBool(tem, first.pricesIncludeVat),
          first.discountRate, whole && sources.length === 1 ? first.discountAmount : null, input.to === 'credit_note' ? first.id : null,
          input.reason ?? '', first.notes, first.lang, first.country, now, now]);
      for (const s of sources) await run(tem, 'insert into invoicing_link (from_id, to_id) values (?, ?)', [s.id, id]);

      let position = 1;
      const copied = new Map<number, number>();
      for (const s of sources) {
        const own = lines.filter((l) => l.documentId === s.id);
        // Grouping several documents: each starts with a section naming it, so the invoice says what it covers.
        if (sources.length > 1) await insertLine(tem, { ...blank(id, s.pricesIncludeVat), position: position++, kind: 'section', description: sectionTitle(s) });
        for (const l of own) {
          if (l.kind !== 'article') {
            if (whole) copied.set(l.id, await insertLine(tem, { ...blank(id, s.pricesIncludeVat), position: position++, kind: l.kind, description: l.description }));
            continue;
          }
          const q = quantityOf(l);
          if (q === 0) continue;
          copied.set(l.id, await insertLine(tem, {
            documentId: id, position: position++, kind: 'article', articleId: l.articleId, code: l.code, description: l.description, quantity: q,
            unitPrice: l.unitPrice, includesVat: l.includesVat, vatRate: l.vatRate, fixedAmount: prorate(l.fixedAmount, q, l.quantity),
            discountRate: l.discountRate, discountAmount: prorate(l.discountAmount, q, l.quantity), priceFixed: true, origin: l.origin,
            parentLineId: l.parentLineId === null ? null : copied.get(l.parentLineId) ?? null, sourceLineId: l.id, ext: l.ext, total: 0,
          }));
        }
      }
      const doc = await loadDocument(tem, id);
      const totals = await this.documents.retotal(tem, doc);
      if (input.to === 'credit_note' && totals.total > first.total - first.creditedTotal) {
        throw InvoicingErrors.creditExceedsInvoice(first.number ?? String(first.id), first.total - first.creditedTotal);
      }
      return id;
    });
  }
}

function blank(documentId: number, includesVat: boolean) {
  return { documentId, articleId: null, code: '', quantity: 0, unitPrice: 0, includesVat, vatRate: 0, fixedAmount: null, discountRate: null,
    discountAmount: null, priceFixed: false, origin: 'typed', parentLineId: null, sourceLineId: null, ext: '{}', total: 0 };
}

/** A part of an amount for part of a quantity, half-up (a pack's fixed amount, a line's discount in cents). */
function prorate(amount: number | null, part: number, whole: number): number | null {
  if (amount === null || part === whole || whole === 0) return amount;
  const n = BigInt(amount) * BigInt(Math.abs(part));
  const d = BigInt(Math.abs(whole));
  return Number((n * 2n + d) / (2n * d));
}

function sectionTitle(s: InvoicingDocument): string {
  const lang = s.lang === 'nl' || s.lang === 'en' ? s.lang : 'fr';
  const name = TYPE_NAMES[s.type][lang];
  const of = { fr: 'du', nl: 'van', en: 'of' }[lang];
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${s.number} ${of} ${formatDay(s.date!, lang)}`;
}
