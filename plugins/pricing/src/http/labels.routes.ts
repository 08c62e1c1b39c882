import type { PluginContext, RouteRegistrar } from '@comptoir/kernel';
import type { LabelRequest, LabelService } from '../services/label.service.js';
import { LABEL_LAYOUT_IDS } from '../labels/layouts.js';

/** Article and shelf labels as PDF. */
export function labelRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const labels = () => container.resolve<LabelService>('pricingLabels');

  r.get('/labels/layouts', {
    permission: 'pricing.labels', summary: 'Label layouts: A4 sheets and label-printer sizes',
    handler: async (_req, ctx) => labels().layouts(ctx.lang),
  });

  r.post<{ Body: LabelRequest }>('/labels', {
    permission: 'pricing.labels',
    summary: 'Labels of a selection of articles as a PDF (application/pdf): name, price, price per kg or litre, deposit, barcode',
    schema: {
      body: {
        type: 'object', required: ['articleIds', 'layout'], additionalProperties: false,
        properties: {
          articleIds: { type: 'array', minItems: 1, maxItems: 5000, items: { type: 'integer', minimum: 1 } },
          layout: { type: 'string', enum: LABEL_LAYOUT_IDS },
          copies: { type: 'integer', minimum: 1, maximum: 100 },
          priceListCode: { type: 'string', maxLength: 32 },
          date: { type: 'string', minLength: 10, maxLength: 10 },
        },
      },
    },
    handler: async (req, ctx, reply) => {
      const pdf = await labels().render(ctx.em, req.body, ctx.lang);
      void reply.type('application/pdf').header('content-disposition', 'inline; filename="etiquettes.pdf"');
      return Buffer.from(pdf);
    },
  });
}
