import type { Language, PluginContext, PrintService, RouteContext, RouteRegistrar } from '@comptoir/kernel';
import type { DocumentType } from '../entities/document.entity.js';
import type { PaymentMethod } from '../entities/payment.entity.js';
import type { ConversionService } from '../services/conversion.service.js';
import type { DocumentReads, DocumentView, ListQuery } from '../services/document-reads.js';
import type { Actor, CreateInput, DocumentService, HeaderInput, LineInput } from '../services/documents.service.js';
import type { IssueService } from '../services/issue.service.js';
import type { PaymentService } from '../services/payment.service.js';
import type { UblService } from '../services/ubl.service.js';
import type { DocumentPrintData } from '../templates/document.template.js';
import {
  addLineBody, conversionBody, createBody, idParams, lineParams, listQuery, paymentBody, printQuery, updateBody, updateLineBody, versionBody, versionQuery,
} from './schemas.js';

const actor = (ctx: RouteContext): Actor => ({ user: ctx.user, lang: ctx.lang });

/** Invoicing's HTTP API under /api/invoicing (documented in docs/http-api.md, "Invoicing"). */
export function invoicingRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const documents = container.resolve<DocumentService>('invoicingDocuments');
  const reads = container.resolve<DocumentReads>('invoicingReads');
  const issuing = container.resolve<IssueService>('invoicingIssue');
  const conversions = container.resolve<ConversionService>('invoicingConversions');
  const payments = container.resolve<PaymentService>('invoicingPayments');
  const print = container.resolve<PrintService>('print');
  const ubl = container.resolve<UblService>('invoicingUbl');

  r.get<{ Querystring: ListQuery }>('/documents', {
    permission: 'invoicing.read', summary: 'Documents, newest first, by type, status, customer or payment status (unpaid, partial, paid, overdue)',
    schema: { querystring: listQuery },
    handler: async (req, ctx) => reads.list(ctx.em, req.query),
  });
  r.post<{ Body: CreateInput }>('/documents', {
    permission: 'invoicing.write', summary: 'Create a draft (quote, order, delivery note or invoice), with its lines priced through the sale contract', status: 201,
    schema: { body: createBody },
    handler: async (req, ctx) => {
      const id = await documents.create(ctx.em, req.body, actor(ctx), (await ctx.shop()).country);
      return reads.view(ctx.em, id);
    },
  });
  r.get<{ Params: { id: number } }>('/documents/:id', {
    permission: 'invoicing.read', summary: 'A document with its lines, VAT per rate, links both ways, what remains to deliver, invoice or credit, and payments',
    schema: { params: idParams },
    handler: async (req, ctx) => reads.view(ctx.em, req.params.id),
  });
  r.patch<{ Params: { id: number }; Body: HeaderInput & { version: number } }>('/documents/:id', {
    permission: 'invoicing.write', summary: 'Change a draft’s customer, dates, terms, addresses, reference, discount or side of VAT',
    schema: { params: idParams, body: updateBody },
    handler: async (req, ctx) => {
      const { version, ...header } = req.body;
      await documents.update(ctx.em, req.params.id, version, header);
      return reads.view(ctx.em, req.params.id);
    },
  });
  r.delete<{ Params: { id: number }; Querystring: { version: number } }>('/documents/:id', {
    permission: 'invoicing.write', summary: 'Delete a draft (an issued document is never deleted)',
    schema: { params: idParams, querystring: versionQuery },
    handler: async (req, ctx) => { await documents.remove(ctx.em, req.params.id, req.query.version); },
  });
  r.post<{ Params: { id: number }; Body: LineInput & { version: number } }>('/documents/:id/lines', {
    permission: 'invoicing.write', summary: 'Add a line to a draft: an article (by id or code, with what the sale contract composes for it), a text, a section or a subtotal', status: 201,
    schema: { params: idParams, body: addLineBody },
    handler: async (req, ctx) => {
      const { version, ...line } = req.body;
      await documents.addLine(ctx.em, req.params.id, version, line, actor(ctx));
      return reads.view(ctx.em, req.params.id);
    },
  });
  r.patch<{ Params: { id: number; lineId: number }; Body: LineInput & { version: number } }>('/documents/:id/lines/:lineId', {
    permission: 'invoicing.write', summary: 'Change a draft line’s quantity (priced again), price, discount or text',
    schema: { params: lineParams, body: updateLineBody },
    handler: async (req, ctx) => {
      const { version, ...line } = req.body;
      await documents.updateLine(ctx.em, req.params.id, req.params.lineId, version, line, actor(ctx));
      return reads.view(ctx.em, req.params.id);
    },
  });
  r.delete<{ Params: { id: number; lineId: number }; Querystring: { version: number } }>('/documents/:id/lines/:lineId', {
    permission: 'invoicing.write', summary: 'Remove a draft line and the lines composed for it',
    schema: { params: lineParams, querystring: versionQuery },
    handler: async (req, ctx) => {
      await documents.deleteLine(ctx.em, req.params.id, req.params.lineId, req.query.version);
      return reads.view(ctx.em, req.params.id);
    },
  });
  r.post<{ Params: { id: number }; Body: { version: number } }>('/documents/:id/issue', {
    permission: 'invoicing.issue', summary: 'Issue a draft: numbered (gapless per series and year), immutable; an invoice or credit note is sealed in the journal',
    idempotent: true,
    schema: { params: idParams, body: versionBody },
    handler: async (req, ctx) => {
      await issuing.issue(ctx.em, req.params.id, req.body.version, actor(ctx));
      return reads.view(ctx.em, req.params.id);
    },
  });
  r.post<{ Body: { from: number[]; to: DocumentType; lines?: Array<{ lineId: number; quantity: number }>; reason?: string } }>('/conversions', {
    permission: 'invoicing.write', summary: 'Make a draft from issued documents: quote → order or invoice, order → delivery notes or invoice, delivery notes → one invoice, invoice → credit note', status: 201,
    schema: { body: conversionBody },
    handler: async (req, ctx) => reads.view(ctx.em, await conversions.convert(ctx.em, req.body)),
  });
  r.post<{ Params: { id: number }; Body: { amount: number; method: PaymentMethod; date?: string; reference?: string } }>('/documents/:id/payments', {
    permission: 'invoicing.pay', summary: 'Record a payment on an issued invoice (never beyond the balance), journaled', status: 201,
    idempotent: true,
    schema: { params: idParams, body: paymentBody },
    handler: async (req, ctx) => {
      await payments.record(ctx.em, req.params.id, req.body, actor(ctx));
      return reads.view(ctx.em, req.params.id);
    },
  });
  r.get<{ Params: { id: number }; Querystring: { format?: 'pdf' | 'html'; lang?: Language } }>('/documents/:id/print', {
    permission: 'invoicing.read', summary: 'The document through the shop’s document template: a PDF (default) or an HTML preview, in the document’s language',
    schema: { params: idParams, querystring: printQuery },
    handler: async (req, ctx, reply) => {
      const view = await reads.view(ctx.em, req.params.id);
      const lang = req.query.lang ?? (view.lang as Language);
      const doc = await print.render(ctx.em, 'invoicing.document', { lang, data: printData(view, lang) });
      if (req.query.format === 'html') return reply.type('text/html; charset=utf-8').send(print.html(doc));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${view.number ?? `draft-${view.id}`}.pdf"`).send(Buffer.from(await print.pdf(doc)));
    },
  });
  r.get<{ Params: { id: number } }>('/documents/:id/ubl', {
    permission: 'invoicing.read', summary: 'An issued invoice or credit note as Peppol BIS Billing 3.0 (UBL 2.1), checked against the EN 16931 and Peppol rules it can be checked against here',
    schema: { params: idParams },
    handler: async (req, ctx, reply) => {
      const { number, xml } = await ubl.xml(ctx.em, req.params.id);
      return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${number}.xml"`).send(xml);
    },
  });
}

/** A document view as the print template's data. */
export function printData(v: DocumentView, lang: Language): DocumentPrintData {
  const pct = (bp: number) => `${new Intl.NumberFormat(`${lang}-BE`, { maximumFractionDigits: 2 }).format(bp / 100)} %`;
  return {
    type: v.type, number: v.number, date: v.date, dueDate: v.dueDate, validUntil: v.validUntil,
    customer: { name: v.customer.name, address: v.customer.address, vatNumber: v.customer.vatNumber },
    deliveryAddress: v.deliveryAddress, customerReference: v.customerReference, pricesIncludeVat: v.pricesIncludeVat,
    lines: v.lines.map((l) => ({
      kind: l.kind, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, total: l.total,
      discount: l.discountRate ? pct(l.discountRate) : l.discountAmount ? `${(l.discountAmount / 100).toFixed(2)} €` : '',
    })),
    rates: v.totals.rates, subtotal: v.totals.subtotal, discount: v.totals.discount, base: v.totals.base, vat: v.totals.vat, total: v.totals.total,
    paid: v.paid, balance: v.balance, structuredCommunication: v.structuredCommunication, paymentTerms: v.paymentTerms, mentions: v.mentions, notes: v.notes,
  };
}
