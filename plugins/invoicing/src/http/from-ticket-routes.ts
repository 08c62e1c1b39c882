import type { PluginContext, RouteRegistrar } from '@comptoir/kernel';
import type { DocumentReads } from '../services/document-reads.js';
import type { FromTicketService } from '../services/from-ticket.service.js';

const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;

/** `POST /api/invoicing/from-ticket`: the VAT invoice of a paid till ticket (documented in docs/http-api.md). */
export function fromTicketRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const fromTicket = container.resolve<FromTicketService>('invoicingFromTicket');
  const reads = container.resolve<DocumentReads>('invoicingReads');
  r.post<{ Body: { ticketId: number; customerId: number } }>('/from-ticket', {
    permission: 'invoicing.write', status: 201,
    summary: 'Draft the VAT invoice of a paid till ticket for a customer (its lines, prices and discounts; paid at the till when issued; once per ticket)',
    schema: { body: { type: 'object', additionalProperties: false, required: ['ticketId', 'customerId'], properties: { ticketId: id, customerId: id } } },
    handler: async (req, ctx) => {
      const docId = await fromTicket.create(ctx.em, req.body, { user: ctx.user, lang: ctx.lang }, (await ctx.shop()).country);
      return reads.view(ctx.em, docId);
    },
  });
}
