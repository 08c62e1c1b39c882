import { Station, type PluginContext, type PrintService, type RouteRegistrar } from '@comptoir/kernel';
import type { CheckoutService } from '../services/checkout.service.js';
import type { ClosureService } from '../services/closure.service.js';
import type { ZClosurePrint } from '../print/z-closure.template.js';
import { idParams } from './schemas.js';

/** A Z closure through the shop's `pos.z-closure` print template: an HTML preview the browser prints, or a PDF. */
export function closurePrintRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const closures = container.resolve<ClosureService>('posClosures');
  const checkout = container.resolve<CheckoutService>('posCheckout');
  const print = container.resolve<PrintService>('print');

  r.get<{ Params: { id: number }; Querystring: { format?: 'html' | 'pdf' } }>('/closures/:id/print', {
    permission: 'pos.report', summary: 'A Z closure through the shop’s print template (totals per VAT rate and payment method, cash count, grand totals, journal heads): HTML or PDF',
    schema: { params: idParams, querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['html', 'pdf'], default: 'html' } } } },
    handler: async (req, ctx, reply) => {
      const closure = await closures.get(ctx.em, req.params.id);
      const station = closure.stationId === null ? null : await ctx.em.findOne(Station, { id: closure.stationId });
      const data: ZClosurePrint = {
        closure,
        station: closure.scope === 'shop' ? null : (station?.name ?? `#${closure.stationId}`),
        methods: Object.fromEntries(checkout.methods().map((m) => [m.code, m.label[ctx.lang] ?? m.code])),
      };
      const doc = await print.render(ctx.em, 'pos.z-closure', { lang: ctx.lang, data });
      if (req.query.format === 'pdf') {
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${closure.number}.pdf"`).send(Buffer.from(await print.pdf(doc)));
      }
      return reply.type('text/html; charset=utf-8').send(print.html(doc));
    },
  });
}
