import { Station, type PluginContext, type PrintService, type RouteContext, type RouteRegistrar } from '@comptoir/kernel';
import type { CheckoutService } from '../services/checkout.service.js';
import type { ClosureService } from '../services/closure.service.js';
import type { ZClosurePrint } from '../print/z-closure.template.js';
import type { PeriodKind } from '../domain/business-day.js';
import { PosErrors } from '../messages.js';
import { idParams, periodQuery } from './schemas.js';

const format = { type: 'string', enum: ['html', 'pdf'], default: 'html' } as const;

/** The reply a handler may send itself. */
type Reply = Parameters<Parameters<RouteRegistrar['get']>[1]['handler']>[2];

/**
 * A Z closure, or an X report, through the shop's `pos.z-closure` print template (one template: the X is headed
 * "X — lecture, sans clôture"): an HTML preview the browser prints, or a PDF.
 */
export function closurePrintRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const closures = container.resolve<ClosureService>('posClosures');
  const checkout = container.resolve<CheckoutService>('posCheckout');
  const print = container.resolve<PrintService>('print');
  const clock = container.resolve<{ now(): Date }>('clock');

  r.get<{ Params: { id: number }; Querystring: { format?: 'html' | 'pdf' } }>('/closures/:id/print', {
    permission: 'pos.report', summary: 'A Z closure through the shop’s print template (totals per VAT rate and payment method, cash count, grand totals, journal heads): HTML or PDF',
    schema: { params: idParams, querystring: { type: 'object', additionalProperties: false, properties: { format } } },
    handler: async (req, ctx, reply) => {
      const closure = await closures.get(ctx.em, req.params.id);
      const station = closure.stationId === null ? null : await ctx.em.findOne(Station, { id: closure.stationId });
      const data: ZClosurePrint = {
        closure,
        station: closure.scope === 'shop' ? null : (station?.name ?? `#${closure.stationId}`),
        methods: Object.fromEntries(checkout.methods().map((m) => [m.code, m.label[ctx.lang] ?? m.code])),
      };
      return send(ctx, reply, data, req.query.format, closure.number);
    },
  });

  r.get<{ Querystring: { scope?: 'station' | 'shop'; period?: PeriodKind; date?: string; to?: string; format?: 'html' | 'pdf' } }>('/reports/x/print', {
    permission: 'pos.report', summary: 'An X report (a reading, nothing closed) through the Z’s print template, headed “X — lecture, sans clôture”: HTML or PDF',
    schema: { querystring: { ...periodQuery, properties: { ...periodQuery.properties, format } } },
    handler: async (req, ctx, reply) => {
      const q = req.query;
      if (q.scope !== 'shop' && !ctx.station) throw PosErrors.stationRequired();
      const scope = q.scope === 'shop' || !ctx.station ? { kind: 'shop' as const } : { kind: 'station' as const, stationId: ctx.station.id, stationNumber: ctx.station.number };
      const period = closures.period(q.period ?? 'day', q.date, q.to);
      const report = await closures.report(ctx.em, scope, period);
      const data: ZClosurePrint = {
        closure: report, reading: clock.now().toISOString(),
        station: scope.kind === 'shop' ? null : ctx.station!.name,
        methods: Object.fromEntries(checkout.methods().map((m) => [m.code, m.label[ctx.lang] ?? m.code])),
      };
      return send(ctx, reply, data, q.format, `X-${scope.kind === 'shop' ? 'shop' : ctx.station!.number}-${period.from}`);
    },
  });

  async function send(ctx: RouteContext, reply: Reply, data: ZClosurePrint, as: 'html' | 'pdf' | undefined, name: string) {
    const doc = await print.render(ctx.em, 'pos.z-closure', { lang: ctx.lang, data });
    if (as === 'pdf') return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(Buffer.from(await print.pdf(doc)));
    return reply.type('text/html; charset=utf-8').send(print.html(doc));
  }
}
