import type { PluginContext, RouteRegistrar } from '@comptoir/kernel';
import type { SalesBuilder, SaleRequest } from '../services/sales-builder.service.js';
import { presentSale } from './present.js';

const cents = { type: 'integer', minimum: 0, maximum: 999_999_999 } as const;
const quantity = { type: 'integer', minimum: -1_000_000_000, maximum: 1_000_000_000, not: { const: 0 } } as const;
const rate = { type: 'integer', minimum: 0, maximum: 10000 } as const;

const lineSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    code: { type: 'string', minLength: 1, maxLength: 64 },
    articleId: { type: 'integer', minimum: 1 },
    quantity,
    unitPrice: cents,
    includesVat: { type: 'boolean' },
    discountRate: rate,
    discountAmount: cents,
    description: { type: 'string', minLength: 1, maxLength: 200 },
  },
  oneOf: [{ required: ['code'] }, { required: ['articleId'] }],
} as const;

/** The sale contract's HTTP API under /api/sales. */
export function salesRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const builder = () => container.resolve<SalesBuilder>('salesBuilder');

  r.post<{ Body: SaleRequest }>('/preview', {
    permission: 'sales.preview',
    summary: 'Builds a sale without storing it: codes resolved, lines priced and composed (associated articles, deposits, promotions), validated and totalled',
    schema: {
      body: {
        type: 'object', required: ['lines'], additionalProperties: false,
        properties: {
          channel: { type: 'string', minLength: 1, maxLength: 32 },
          customerId: { type: ['integer', 'null'], minimum: 1 },
          date: { type: 'string', minLength: 10, maxLength: 10 },
          pricesIncludeVat: { type: 'boolean' },
          lines: { type: 'array', maxItems: 1000, items: lineSchema },
          discount: {
            type: ['object', 'null'], additionalProperties: false,
            properties: { rate, amount: cents },
            oneOf: [{ required: ['rate'] }, { required: ['amount'] }],
          },
        },
      },
    },
    handler: async (req, ctx) => presentSale(await builder().build(ctx.em, req.body, { user: ctx.user, lang: ctx.lang }), ctx.lang),
  });
}
