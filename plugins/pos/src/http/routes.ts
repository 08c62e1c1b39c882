import type { PluginContext, PrintService, RouteContext, RouteRegistrar } from '@comptoir/kernel';
import type { PeriodKind } from '../domain/business-day.js';
import type { Tender } from '../domain/tenders.js';
import { PosErrors } from '../messages.js';
import type { CashService } from '../services/cash.service.js';
import type { CheckoutService, Till } from '../services/checkout.service.js';
import type { ClosureService, Scope } from '../services/closure.service.js';
import type { RefundService } from '../services/refund.service.js';
import { receiptData } from '../services/receipt.js';
import type { Actor, LineInput, TicketService } from '../services/ticket.service.js';
import { closureBody, idParams, lineBody, lineParams, periodQuery, quantity, tenders } from './schemas.js';

/** The station this request comes from, or POS_STATION_REQUIRED. */
function till(ctx: RouteContext): Till {
  if (!ctx.station) throw PosErrors.stationRequired();
  return { stationId: ctx.station.id, stationNumber: ctx.station.number, stationName: ctx.station.name, user: ctx.user, lang: ctx.lang };
}

function actor(ctx: RouteContext): Actor {
  const t = till(ctx);
  return { userId: ctx.user?.id ?? null, user: ctx.user, lang: ctx.lang, stationId: t.stationId, permissions: ctx.permissions };
}

type Period = { scope?: 'station' | 'shop'; period?: PeriodKind; date?: string; to?: string };

/** The till's HTTP API under /api/pos (documented in docs/http-api.md, "Till"). */
export function posRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const tickets = container.resolve<TicketService>('posTickets');
  const checkout = container.resolve<CheckoutService>('posCheckout');
  const refunds = container.resolve<RefundService>('posRefunds');
  const cash = container.resolve<CashService>('posCash');
  const closures = container.resolve<ClosureService>('posClosures');
  const print = container.resolve<PrintService>('print');

  r.get('/payment-methods', {
    permission: 'pos.sell', summary: 'The payment methods the till offers (built in and from plugins); `cashStep`: what a cash method’s amount is rounded to (Belgium: 5 cents), else null',
    handler: async (_req, ctx) => {
      const step = checkout.cashStep(await ctx.shop());
      return checkout.methods().map((m) => ({ ...m, cashStep: m.isCash ? step : null }));
    },
  });

  // Tickets in progress
  r.post<{ Body: { customerId?: number | null; note?: string } }>('/tickets', {
    permission: 'pos.sell', summary: 'Open a new ticket on this station', status: 201,
    schema: { body: { type: 'object', additionalProperties: false, properties: { customerId: { type: ['integer', 'null'], minimum: 1 }, note: { type: 'string', maxLength: 500 } } } },
    handler: async (req, ctx) => tickets.open(ctx.em, actor(ctx), req.body ?? {}),
  });
  r.get<{ Querystring: { status?: 'open' | 'parked' } }>('/tickets', {
    permission: 'pos.sell', summary: 'This station’s open tickets, or the shop’s parked tickets (status=parked)',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['open', 'parked'], default: 'open' } } } },
    handler: async (req, ctx) => req.query.status === 'parked' ? tickets.list(ctx.em, 'parked') : tickets.list(ctx.em, 'open', till(ctx).stationId),
  });
  r.get<{ Params: { id: number } }>('/tickets/:id', {
    permission: 'pos.sell', summary: 'A ticket with its lines and payments', schema: { params: idParams },
    handler: async (req, ctx) => tickets.get(ctx.em, req.params.id),
  });
  r.get<{ Params: { number: string } }>('/tickets/by-number/:number', {
    permission: 'pos.sell', summary: 'A paid ticket by its number (the receipt’s barcode)',
    schema: { params: { type: 'object', required: ['number'], additionalProperties: false, properties: { number: { type: 'string', minLength: 1, maxLength: 80 } } } },
    handler: async (req, ctx) => tickets.byNumber(ctx.em, req.params.number),
  });
  r.patch<{ Params: { id: number }; Body: { customerId?: number | null; note?: string; displayed?: boolean } }>('/tickets/:id', {
    permission: 'pos.sell', summary: 'Set the customer or the note, or mark the total as shown to the customer',
    schema: { params: idParams, body: { type: 'object', additionalProperties: false, properties: { customerId: { type: ['integer', 'null'], minimum: 1 }, note: { type: 'string', maxLength: 500 }, displayed: { type: 'boolean', enum: [true] } } } },
    handler: async (req, ctx) => tickets.update(ctx.em, req.params.id, req.body),
  });
  r.post<{ Params: { id: number }; Body: LineInput }>('/tickets/:id/lines', {
    permission: 'pos.sell', summary: 'Add a line: an article by id or by a scanned or typed code', status: 201,
    schema: { params: idParams, body: { ...lineBody, oneOf: [{ required: ['articleId'] }, { required: ['code'] }] } },
    handler: async (req, ctx) => tickets.addLine(ctx.em, req.params.id, req.body, actor(ctx)),
  });
  r.patch<{ Params: { id: number; lineId: number }; Body: LineInput }>('/tickets/:id/lines/:lineId', {
    permission: 'pos.sell', summary: 'Change a line’s quantity, price, discount or note (discounts above the limit need pos.discount)',
    schema: { params: lineParams, body: { ...lineBody, properties: { quantity: lineBody.properties.quantity, unitPrice: lineBody.properties.unitPrice, discountRate: lineBody.properties.discountRate, discountAmount: lineBody.properties.discountAmount, note: lineBody.properties.note } } },
    handler: async (req, ctx) => tickets.updateLine(ctx.em, req.params.id, req.params.lineId, req.body, actor(ctx)),
  });
  r.delete<{ Params: { id: number; lineId: number } }>('/tickets/:id/lines/:lineId', {
    permission: 'pos.sell', summary: 'Void a line (after the total was shown: pos.void, journaled)', schema: { params: lineParams },
    handler: async (req, ctx) => tickets.voidLine(ctx.em, req.params.id, req.params.lineId, actor(ctx)),
  });
  r.post<{ Params: { id: number } }>('/tickets/:id/park', {
    permission: 'pos.sell', summary: 'Park the ticket (visible from every station)', schema: { params: idParams },
    handler: async (req, ctx) => tickets.park(ctx.em, req.params.id),
  });
  r.post<{ Params: { id: number } }>('/tickets/:id/resume', {
    permission: 'pos.sell', summary: 'Resume a parked ticket on this station', schema: { params: idParams },
    handler: async (req, ctx) => tickets.resume(ctx.em, req.params.id, actor(ctx)),
  });
  r.post<{ Params: { id: number }; Body: { reason?: string } }>('/tickets/:id/cancel', {
    permission: 'pos.cancel', summary: 'Cancel a ticket before payment (journaled)',
    schema: { params: idParams, body: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 200 } } } },
    handler: async (req, ctx) => tickets.cancel(ctx.em, req.params.id, actor(ctx), req.body?.reason ?? ''),
  });
  r.post<{ Params: { id: number }; Body: { tenders: Tender[] } }>('/tickets/:id/checkout', {
    permission: 'pos.sell', summary: 'Pay the ticket: numbered, journaled, committed with every plugin’s taps in one transaction', status: 201,
    idempotent: 'required',
    schema: { params: idParams, body: { type: 'object', required: ['tenders'], additionalProperties: false, properties: { tenders } } },
    handler: async (req, ctx) => checkout.checkout(ctx.em, req.params.id, req.body.tenders, till(ctx), await ctx.shop()),
  });

  // After the sale
  r.get<{ Params: { id: number } }>('/tickets/:id/receipt', {
    permission: 'pos.sell', summary: 'The receipt of a paid ticket, as data (as first printed)', schema: { params: idParams },
    handler: async (req, ctx) => {
      const t = await tickets.get(ctx.em, req.params.id);
      if (t.status !== 'paid') throw PosErrors.ticketNotPaid(t.number ?? String(t.id));
      return checkout.receipt(ctx.em, t, await ctx.shop(), null);
    },
  });
  r.get<{ Params: { id: number }; Querystring: { format?: 'html' | 'pdf' } }>('/tickets/:id/receipt/print', {
    permission: 'pos.sell', summary: 'The receipt of a paid ticket through the shop’s receipt template: an HTML preview the browser can print, or a PDF',
    schema: { params: idParams, querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['html', 'pdf'], default: 'html' } } } },
    handler: async (req, ctx, reply) => {
      const t = await tickets.get(ctx.em, req.params.id);
      if (t.status !== 'paid') throw PosErrors.ticketNotPaid(t.number ?? String(t.id));
      const receipt = await checkout.receipt(ctx.em, t, await ctx.shop(), t.duplicates || null);
      const methods = checkout.methods();
      const data = receiptData(receipt, (code) => methods.find((m) => m.code === code)?.label[ctx.lang] ?? code, ctx.lang);
      const doc = await print.render(ctx.em, 'kernel.receipt', { lang: ctx.lang, data });
      if (req.query.format === 'pdf') return reply.type('application/pdf').send(Buffer.from(await print.pdf(doc)));
      return reply.type('text/html; charset=utf-8').send(print.html(doc));
    },
  });
  r.post<{ Params: { id: number } }>('/tickets/:id/reprint', {
    permission: 'pos.reprint', summary: 'Reprint a receipt: DUPLICATA with its counter, journaled', schema: { params: idParams },
    handler: async (req, ctx) => cash.reprint(ctx.em, req.params.id, till(ctx), await ctx.shop()),
  });
  r.post<{ Params: { id: number }; Body: { tenders: Tender[]; reason: string } }>('/tickets/:id/payments/correct', {
    permission: 'pos.correct', summary: 'Correct the payment methods of a paid ticket (the original payments are kept, journaled)',
    idempotent: true,
    schema: { params: idParams, body: { type: 'object', required: ['tenders', 'reason'], additionalProperties: false, properties: { tenders, reason: { type: 'string', minLength: 1, maxLength: 200 } } } },
    handler: async (req, ctx) => cash.correctPayments(ctx.em, req.params.id, req.body.tenders, till(ctx), req.body.reason),
  });
  r.post<{ Body: { ticketId?: number; number?: string; lines?: Array<{ lineId: number; quantity: number }>; tenders: Tender[]; reason?: string } }>('/refunds', {
    permission: 'pos.refund', summary: 'Refund a whole paid ticket or some of its lines (never more than sold), with the refunded tenders', status: 201,
    idempotent: 'required',
    schema: {
      body: {
        type: 'object', required: ['tenders'], additionalProperties: false,
        oneOf: [{ required: ['ticketId'] }, { required: ['number'] }],
        properties: {
          ticketId: { type: 'integer', minimum: 1 }, number: { type: 'string', minLength: 1, maxLength: 80 }, tenders,
          reason: { type: 'string', maxLength: 200 },
          lines: { type: 'array', maxItems: 500, items: { type: 'object', required: ['lineId', 'quantity'], additionalProperties: false, properties: { lineId: { type: 'integer', minimum: 1 }, quantity } } },
        },
      },
    },
    handler: async (req, ctx) => refunds.refund(ctx.em, req.body, till(ctx), await ctx.shop()),
  });

  // Cash
  r.post<{ Body: { kind: 'float' | 'deposit' | 'withdrawal'; amount: number; reason?: string } }>('/cash/movements', {
    permission: 'pos.cash', summary: 'Opening float, cash deposit or withdrawal (with a reason), journaled', status: 201, idempotent: true,
    schema: { body: { type: 'object', required: ['kind', 'amount'], additionalProperties: false, properties: { kind: { type: 'string', enum: ['float', 'deposit', 'withdrawal'] }, amount: { type: 'integer', minimum: 1, maximum: 99_999_999 }, reason: { type: 'string', maxLength: 200 } } } },
    handler: async (req, ctx) => cash.movement(ctx.em, till(ctx), req.body),
  });
  r.post<{ Body: { reason: string } }>('/cash/drawer', {
    permission: 'pos.drawer', summary: 'Open the drawer without a sale (journaled)', status: 201,
    schema: { body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 1, maxLength: 200 } } } },
    handler: async (req, ctx) => cash.movement(ctx.em, till(ctx), { kind: 'no-sale', reason: req.body.reason }),
  });
  r.get<{ Querystring: { date?: string } }>('/cash/movements', {
    permission: 'pos.cash', summary: 'This station’s cash movements of a day',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { date: periodQuery.properties.date } } },
    handler: async (req, ctx) => cash.movements(ctx.em, till(ctx).stationId, closures.period('day', req.query.date).from),
  });

  // Reports and closures
  const scopeOf = (ctx: RouteContext, q: Period): Scope => {
    if (q.scope === 'shop') return { kind: 'shop' };
    const t = till(ctx);
    return { kind: 'station', stationId: t.stationId, stationNumber: t.stationNumber };
  };
  r.get<{ Querystring: Period }>('/reports/x', {
    permission: 'pos.report', summary: 'X report: a reading of a station’s or the shop’s figures over a period, without closing it',
    schema: { querystring: periodQuery },
    handler: async (req, ctx) => closures.report(ctx.em, scopeOf(ctx, req.query), closures.period(req.query.period ?? 'day', req.query.date, req.query.to)),
  });
  r.post<{ Body: Period & { cashCount?: { counts: Record<string, number>; explanation?: string } } }>('/closures', {
    permission: 'pos.close', summary: 'Z closure of a station or the shop over a day, month, year or period (immutable, journaled, once)', status: 201,
    idempotent: true, schema: { body: closureBody },
    handler: async (req, ctx) => closures.close(ctx.em, scopeOf(ctx, req.body), closures.period(req.body.period ?? 'day', req.body.date, req.body.to), ctx.user, req.body.cashCount),
  });
  r.get('/closures', {
    permission: 'pos.report', summary: 'The Z closures, newest first',
    handler: async (_req, ctx) => closures.list(ctx.em),
  });
  r.get<{ Params: { id: number } }>('/closures/:id', {
    permission: 'pos.report', summary: 'A Z closure with its figures, grand totals, journal heads and cash count', schema: { params: idParams },
    handler: async (req, ctx) => closures.get(ctx.em, req.params.id),
  });
}
