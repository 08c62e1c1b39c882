import type { PluginContext, RouteRegistrar, Settings } from '@comptoir/kernel';
import { CONTRACT_CASE_PRICES, CONTRACT_CASE_SETTING, type ContractCasePrice, type PricingService } from '../services/pricing.service.js';

/** The shop's pricing settings. */
export function settingsRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const pricing = () => container.resolve<PricingService>('pricingService');
  const schema = {
    type: 'object', required: ['contractCasePrice'], additionalProperties: false,
    properties: { contractCasePrice: { type: 'string', enum: [...CONTRACT_CASE_PRICES] } },
  } as const;

  r.get('/settings', {
    permission: 'pricing.read',
    summary: 'The shop’s pricing settings: what a customer with prices of their own pays for a pack with its own price',
    handler: async (_req, ctx) => ({ contractCasePrice: await pricing().contractCasePrice(ctx.em) }),
  });

  r.put<{ Body: { contractCasePrice: ContractCasePrice } }>('/settings', {
    permission: 'pricing.write',
    summary: 'Changes the shop’s pricing settings (`cheaper`: the cheaper of the pack’s price and the customer’s; `customer`: the customer’s price always)',
    schema: { body: schema },
    handler: async (req, ctx) => {
      await ctx.transactional((em) => container.resolve<Settings>('settings').set(em, CONTRACT_CASE_SETTING, req.body.contractCasePrice));
      return { contractCasePrice: req.body.contractCasePrice };
    },
  });
}
