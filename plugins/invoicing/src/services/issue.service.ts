import { sealRows, type Clock, type EntityManager, type Journal, type Sequences } from '@comptoir/kernel';
import type { SalesBuilder } from '@comptoir/sales';
import type { InvoicingDocument } from '../entities/document.entity.js';
import type { InvoicingLine } from '../entities/line.entity.js';
import { addDays, shopToday } from '../domain/days.js';
import { invoiceCommunication } from '../domain/structured-communication.js';
import { saleDocumentOf } from '../domain/totals.js';
import { creditNoteMentions } from '../domain/mentions.js';
import { InvoicingErrors } from '../messages.js';
import type { Actor, DocumentService } from './documents.service.js';
import type { PaymentService } from './payment.service.js';
import { tillTicketOf } from './from-ticket.service.js';
import { SERIES, claimDraft, loadDocument, loadLines, query, run } from './store.js';

/** Columns of an issued invoice or credit note that never change again, sealed by its journal entry. */
export const SEALED_DOCUMENT = ['id', 'type', 'status', 'series', 'year', 'seq', 'number', 'date', 'due_date', 'customer_id', 'customer_name', 'customer_address',
  'customer_vat_number', 'prices_include_vat', 'discount_rate', 'discount_amount', 'subtotal', 'discount', 'base', 'vat', 'total', 'credit_of_id',
  'structured_ref', 'mentions', 'issued_at'];
export const SEALED_LINE = ['id', 'document_id', 'position', 'kind', 'article_id', 'code', 'description', 'quantity', 'unit_price', 'includes_vat', 'vat_rate',
  'fixed_amount', 'discount_rate', 'discount_amount', 'total', 'source_line_id'];

/**
 * Issuing: a draft becomes a numbered document (gapless per series and year), in one transaction with the
 * quantities it takes from its sources, what a credit note takes from its invoice, the sale contract's
 * `committing` taps and, for invoices and credit notes, the journal entry that seals it.
 */
export class IssueService {
  private readonly sequences: Sequences;
  private readonly journal: Journal;
  private readonly sales: SalesBuilder;
  private readonly documents: DocumentService;
  private readonly clock: Clock;
  private readonly payments: PaymentService;

  constructor({ sequences, journal, salesBuilder, invoicingDocuments, invoicingPayments, clock }: {
    sequences: Sequences; journal: Journal; salesBuilder: SalesBuilder; invoicingDocuments: DocumentService; invoicingPayments: PaymentService; clock: Clock;
  }) {
    this.payments = invoicingPayments;
    this.sequences = sequences;
    this.journal = journal;
    this.sales = salesBuilder;
    this.documents = invoicingDocuments;
    this.clock = clock;
  }

  async issue(em: EntityManager, id: number, version: number, actor: Actor): Promise<void> {
    await em.transactional(async (tem) => {
      const now = this.clock.now();
      // Taking the draft first locks its row: a second click or tab waits, then finds it issued (409).
      const draft = await claimDraft(tem, id, version, now);
      if (draft.customerId === null) throw InvoicingErrors.customerRequired();
      const totals = await this.documents.retotal(tem, draft);
      const doc = await loadDocument(tem, id);
      const lines = await loadLines(tem, id);
      if (!lines.some((l) => l.kind === 'article')) throw InvoicingErrors.empty();
      if (totals.total < 0) throw InvoicingErrors.negativeTotal();
      const today = shopToday(now, doc.country);
      // The contract's `validate` taps may still refuse (a blocked customer, an article out of stock).
      const built = await this.sales.finish(tem, saleDocumentOf({ ...doc, date: today }, lines, today), actor);

      const fromDeliveries = await this.takeFromSources(tem, doc, lines);
      let mentions = '';
      if (doc.type === 'credit_note') mentions = await this.creditInvoice(tem, doc, totals.total);

      const year = Number(today.slice(0, 4));
      const number = await this.sequences.next(tem, SERIES[doc.type], year);
      const dueDate = doc.type === 'invoice' ? addDays(today, doc.paymentTermsDays ?? 0) : null;
      const validUntil = doc.type === 'quote' ? doc.validUntil ?? addDays(today, 30) : doc.validUntil;
      const structured = doc.type === 'invoice' ? invoiceCommunication(year, number.value) : null;
      await run(tem,
        `update invoicing_document set status = 'issued', series = ?, year = ?, seq = ?, number = ?, date = ?, due_date = ?, valid_until = ?,
           structured_ref = ?, mentions = ?, issued_at = ?, issued_by = ?, version = version + 1, updated_at = ? where id = ?`,
        [number.series, number.year, number.value, number.formatted, today, dueDate, validUntil, structured, mentions, now.toISOString(),
          actor.user?.id ?? null, now.toISOString(), id]);

      if (doc.type === 'delivery' || doc.type === 'invoice' || doc.type === 'credit_note') {
        // The goods leave once: with the delivery note, or with an invoice made without one. A credit note gives money
        // back; goods that come back need their own return.
        // An invoice of a till ticket is that ticket's VAT invoice: the till moved the goods and counts the sale.
        const ticket = doc.type === 'invoice' ? await tillTicketOf(tem, id) : null;
        const goods = doc.type === 'delivery' || (doc.type === 'invoice' && !fromDeliveries && !ticket) ? 'move' : 'none';
        await this.sales.commit(tem, built, { kind: doc.type, id, number: number.formatted, goods }, actor.user);
      }
      if (doc.type === 'invoice' || doc.type === 'credit_note') {
        // Last, so that the chain's head (one lock for the whole shop) is held for the shortest time.
        const seals = [
          await sealRows(tem, { table: 'invoicing_document', column: 'id', value: id, columns: SEALED_DOCUMENT }),
          await sealRows(tem, { table: 'invoicing_line', column: 'document_id', value: id, columns: SEALED_LINE }),
        ];
        const creditOf = doc.creditOfId === null ? null : (await loadDocument(tem, doc.creditOfId)).number;
        const entry = await this.journal.append(tem, {
          chain: 'invoices', type: doc.type === 'invoice' ? 'invoicing.invoice' : 'invoicing.credit-note', userId: actor.user?.id ?? null,
          payload: {
            number: number.formatted, date: today, dueDate, customerId: doc.customerId, customer: doc.customerName, vatNumber: doc.customerVatNumber, creditOf,
            total: totals.total, base: totals.base, vat: totals.vat, rates: totals.rates.map((r) => ({ rate: r.rate, base: r.base, vat: r.vat })),
            lines: lines.filter((l) => l.kind === 'article').map((l) => ({ code: l.code, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, total: l.total })),
            seals,
          },
        });
        await run(tem, 'update invoicing_document set signature = ? where id = ?', [entry.hash, id]);
      }
      const paidAtTill = doc.type === 'invoice' ? await tillTicketOf(tem, id) : null;
      if (paidAtTill && totals.total > 0) {
        await this.payments.record(tem, id, { amount: totals.total, method: 'till', reference: paidAtTill, date: today }, actor);
      }
    });
  }

  /**
   * What an issued document takes from the lines it was made from: a delivery note the order's delivered
   * quantity, an invoice the invoiced quantity (of the delivery note and of its order), a credit note the credited
   * quantity. Each by a guarded update (the row lock serialises concurrent issues); the database refuses more anyway.
   * True when an invoice's lines come from delivery notes (whose goods already left).
   */
  private async takeFromSources(em: EntityManager, doc: InvoicingDocument, lines: readonly InvoicingLine[]): Promise<boolean> {
    const counter = { delivery: 'delivered_quantity', invoice: 'invoiced_quantity', credit_note: 'credited_quantity' }[doc.type as 'delivery' | 'invoice' | 'credit_note'];
    let fromDeliveries = false;
    if (!counter) return fromDeliveries;
    for (const l of lines) {
      if (l.kind !== 'article' || l.sourceLineId === null || l.quantity === 0) continue;
      const targets = [l.sourceLineId];
      if (doc.type === 'invoice') {
        // Invoicing a delivery note's line also invoices the order line it delivered.
        const up = await query<{ source_line_id: number | null; type: string }>(em,
          'select l.source_line_id, d.type from invoicing_line l join invoicing_document d on d.id = l.document_id where l.id = ?', [l.sourceLineId]);
        if (up[0]?.type === 'delivery') fromDeliveries = true;
        if (up[0]?.type === 'delivery' && up[0].source_line_id != null) targets.push(Number(up[0].source_line_id));
      }
      for (const target of targets) {
        const ok = await query<{ id: number }>(em,
          `update invoicing_line set ${counter} = ${counter} + ? where id = ?
             and ((quantity >= 0 and ${counter} + ? >= 0 and ${counter} + ? <= quantity) or (quantity < 0 and ${counter} + ? <= 0 and ${counter} + ? >= quantity))
           returning id`,
          [l.quantity, target, l.quantity, l.quantity, l.quantity, l.quantity]);
        if (!ok.length) {
          const src = await query<{ quantity: number; taken: number; description: string }>(em, `select quantity, ${counter} as taken, description from invoicing_line where id = ?`, [target]);
          const s = src[0];
          throw InvoicingErrors.exceedsRemaining(l.description, l.quantity, s ? Number(s.quantity) - Number(s.taken) : 0);
        }
      }
    }
    return fromDeliveries;
  }

  /** Takes a credit note's total from its invoice (never beyond the invoice's total, across credit notes); returns its mentions. */
  private async creditInvoice(em: EntityManager, doc: InvoicingDocument, total: number): Promise<string> {
    if (doc.creditOfId === null) throw InvoicingErrors.creditNeedsInvoice();
    const ok = await query<{ id: number }>(em,
      "update invoicing_document set credited_total = credited_total + ? where id = ? and type = 'invoice' and status = 'issued' and credited_total + ? <= total returning id",
      [total, doc.creditOfId, total]);
    const invoice = await loadDocument(em, doc.creditOfId);
    if (!ok.length) throw InvoicingErrors.creditExceedsInvoice(invoice.number ?? String(invoice.id), invoice.total - invoice.creditedTotal);
    return creditNoteMentions(doc.country, doc.lang, { number: invoice.number!, date: invoice.date! }).join('\n');
  }
}
