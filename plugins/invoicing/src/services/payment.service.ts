import { sealRows, type Clock, type EntityManager, type Journal } from '@comptoir/kernel';
import type { PaymentMethod } from '../entities/payment.entity.js';
import { isDay, shopToday } from '../domain/days.js';
import { InvoicingErrors } from '../messages.js';
import type { Actor } from './documents.service.js';
import { insertReturningId, loadDocument, query } from './store.js';

/** A payment received. */
export interface PaymentInput {
  amount: number;
  /** `till`: paid at the till, recorded when the invoice of a till ticket is issued (never typed). */
  method: PaymentMethod | 'till';
  /** 'YYYY-MM-DD'; default today. */
  date?: string;
  /** The bank's reference, the structured communication read on the statement. */
  reference?: string;
}

export const SEALED_PAYMENT = ['id', 'document_id', 'date', 'method', 'amount', 'reference'];

/** Payments on issued invoices: several per invoice, never beyond what is owed, each journaled. */
export class PaymentService {
  private readonly journal: Journal;
  private readonly clock: Clock;

  constructor({ journal, clock }: { journal: Journal; clock: Clock }) {
    this.journal = journal;
    this.clock = clock;
  }

  async record(em: EntityManager, invoiceId: number, input: PaymentInput, actor: Actor): Promise<number> {
    return em.transactional(async (tem) => {
      if (input.date !== undefined && !isDay(input.date)) throw InvoicingErrors.dayInvalid('date');
      const doc = await loadDocument(tem, invoiceId);
      if (doc.type !== 'invoice' || doc.status !== 'issued') throw InvoicingErrors.notInvoice();
      // One guarded update: concurrent payments queue on the invoice's row and the last ones find nothing left.
      const ok = await query<{ id: number }>(tem,
        "update invoicing_document set paid_total = paid_total + ?, version = version + 1 where id = ? and paid_total + ? <= total - credited_total returning id",
        [input.amount, invoiceId, input.amount]);
      if (!ok.length) {
        const now = await loadDocument(tem, invoiceId);
        throw InvoicingErrors.paymentExceedsBalance(now.total - now.creditedTotal - now.paidTotal);
      }
      const now = this.clock.now();
      const date = input.date ?? shopToday(now, doc.country);
      const id = await insertReturningId(tem,
        'insert into invoicing_payment (document_id, date, method, amount, reference, user_id, created_at) values (?, ?, ?, ?, ?, ?, ?)',
        [invoiceId, date, input.method, input.amount, input.reference ?? '', actor.user?.id ?? null, now.toISOString()]);
      await this.journal.append(tem, {
        chain: 'invoices', type: 'invoicing.payment', userId: actor.user?.id ?? null,
        payload: {
          invoice: doc.number, date, method: input.method, amount: input.amount, reference: input.reference ?? '',
          seals: [await sealRows(tem, { table: 'invoicing_payment', column: 'id', value: id, columns: SEALED_PAYMENT })],
        },
      });
      return id;
    });
  }
}
