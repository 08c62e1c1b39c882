import type { PluginContext, RouteRegistrar } from '@comptoir/kernel';
import type { PricingService } from '../services/pricing.service.js';
import { presentQuote } from './present.js';

const day = { type: 'string', minLength: 10, maxLength: 10 } as const;

/** The price checker: a quote for an article, and what a scanned code is. */
export function quoteRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const pricing = () => container.resolve<PricingService>('pricingService');

  r.get<{ Querystring: { article: number; customer?: number; quantity?: number; date?: string; list?: string } }>('/quote', {
    permission: 'pricing.read',
    summary: 'The price of an article for a customer, a quantity (thousandths, default 1000) and a day, with the rule that gave it',
    schema: {
      querystring: {
        type: 'object', required: ['article'], additionalProperties: false,
        properties: { article: { type: 'integer', minimum: 1 }, customer: { type: 'integer', minimum: 1 }, quantity: { type: 'integer', minimum: -1_000_000_000_000, maximum: 1_000_000_000_000 }, date: day, list: { type: 'string', maxLength: 32 } },
      },
    },
    handler: async (req, ctx) => {
      const q = req.query;
      const quote = await pricing().quote(ctx.em, { articleId: q.article, customerId: q.customer ?? null, quantity: q.quantity, date: q.date, priceListCode: q.list });
      return presentQuote(quote, ctx.lang);
    },
  });

  r.get<{ Params: { code: string }; Querystring: { customer?: number; date?: string } }>('/scan/:code', {
    permission: 'pricing.read',
    summary: 'What a scanned code is: article, quantity, price and rule (scale labels, packs, barcodes), or a customer or cashier card, or a coupon',
    schema: {
      params: { type: 'object', required: ['code'], properties: { code: { type: 'string', minLength: 1, maxLength: 64 } } },
      querystring: { type: 'object', additionalProperties: false, properties: { customer: { type: 'integer', minimum: 1 }, date: day } },
    },
    handler: async (req, ctx) => presentQuote(await pricing().resolveScan(ctx.em, req.params.code, { customerId: req.query.customer ?? null, date: req.query.date }), ctx.lang),
  });
}
