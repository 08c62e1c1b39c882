import type { EntityManager } from '@comptoir/kernel';
import { TicketErrors } from '../ticket-errors.js';
import type { Actor, DocumentService, LineInput } from './documents.service.js';
import { query, run } from './store.js';

/**
 * What invoicing reads of a till ticket: the shape of `@comptoir/pos`'s `TicketView`, read through pos's own
 * service (`posTickets.get`), never its tables. Written here so invoicing does not require the till.
 */
export interface TillTicket {
  id: number;
  status: string;
  kind: 'sale' | 'refund';
  number: string | null;
  total: number;
  discountRate: number | null;
  discountAmount: number | null;
  lines: Array<{
    articleId: number | null; code: string; name: string; quantity: number; unitPrice: number;
    discountRate: number | null; discountAmount: number | null; parentLineId: number | null;
  }>;
}

interface TicketReader { get(em: EntityManager, id: number): Promise<TillTicket> }

/**
 * The VAT invoice of a paid till ticket. The sale was counted at the till (its Z, its stock movements): the invoice
 * is the same sale on paper for a customer, not a second one. It carries the ticket's lines at the ticket's prices
 * and discounts, moves no goods when issued (`goods: 'none'`) and is paid at issue by a payment of method `till`
 * referencing the ticket. A ticket is invoiced once (unique index `invoicing_document_pos_ticket_id_unique`).
 */
export class FromTicketService {
  private readonly cradle: { posTickets?: TicketReader };
  private readonly documents: DocumentService;

  constructor(cradle: { invoicingDocuments: DocumentService }) {
    this.documents = cradle.invoicingDocuments;
    // Read lazily: the till is not a requirement of invoicing; without it the route answers 404.
    this.cradle = cradle as { posTickets?: TicketReader };
  }

  private tickets(): TicketReader {
    try {
      const reader = this.cradle.posTickets;
      if (reader) return reader;
    } catch { /* not registered: the till is not installed */ }
    throw TicketErrors.tillMissing();
  }

  async create(em: EntityManager, input: { ticketId: number; customerId: number }, actor: Actor, country: string): Promise<number> {
    const ticket = await this.tickets().get(em, input.ticketId);
    if (ticket.kind !== 'sale' || ticket.status !== 'paid' || !ticket.number) throw TicketErrors.notInvoiceable(ticket.number ?? String(ticket.id));
    const already = await query<{ id: number }>(em, 'select id from invoicing_document where pos_ticket_id = ?', [ticket.id]);
    if (already.length) throw TicketErrors.alreadyInvoiced(ticket.number);
    // Composed lines (deposits) come back through the contract with the line that composed them.
    const lines: LineInput[] = ticket.lines.filter((l) => l.parentLineId === null && l.articleId !== null).map((l) => ({
      articleId: l.articleId!, quantity: l.quantity, unitPrice: l.unitPrice, includesVat: true,
      discountRate: l.discountRate, discountAmount: l.discountAmount, description: l.name,
    }));
    const discount = ticket.discountRate !== null ? { rate: ticket.discountRate } : ticket.discountAmount !== null ? { amount: ticket.discountAmount } : null;
    try {
      return await em.transactional(async (tem) => {
        const id = await this.documents.create(tem, {
          type: 'invoice', customerId: input.customerId, pricesIncludeVat: true, discount, lines, paymentTermsDays: 0,
        }, actor, country);
        await run(tem, 'update invoicing_document set pos_ticket_id = ?, pos_ticket_number = ?, notes = ? where id = ?',
          [ticket.id, ticket.number, ticketNote(ticket.number!, actor.lang), id]);
        // Same sale, same amount: a line the invoice cannot carry (an article since deleted, a typed line) refuses it all.
        const [doc] = await query<{ total: number }>(tem, 'select total from invoicing_document where id = ?', [id]);
        if (Number(doc.total) !== ticket.total) throw TicketErrors.totalsDiffer(ticket.number!, ticket.total, Number(doc.total));
        return id;
      });
    } catch (e) {
      if (isUnique(e)) throw TicketErrors.alreadyInvoiced(ticket.number);
      throw e;
    }
  }
}

/** The line the invoice and its PDF show: the ticket it is the VAT invoice of. */
export function ticketNote(number: string, lang: string): string {
  if (lang === 'nl') return `Kasticket ${number} — btw-factuur van dit ticket, betaald aan de kassa.`;
  if (lang === 'en') return `Till ticket ${number} — VAT invoice of this ticket, paid at the till.`;
  return `Ticket de caisse ${number} — facture TVA de ce ticket, payée à la caisse.`;
}

function isUnique(err: any): boolean {
  const text = `${err?.message ?? ''} ${err?.cause?.message ?? ''}`;
  return (err?.name === 'UniqueConstraintViolationException' || err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE')
    && /pos_ticket_id/.test(text);
}

/** The number of the till ticket an invoice was made from, or null. */
export async function tillTicketOf(em: EntityManager, id: number): Promise<string | null> {
  const r = await query<{ pos_ticket_number: string; pos_ticket_id: number | null }>(em, 'select pos_ticket_id, pos_ticket_number from invoicing_document where id = ?', [id]);
  return r[0]?.pos_ticket_id == null ? null : r[0].pos_ticket_number;
}
