import { Station, User, type PluginContext, type RouteRegistrar } from '@comptoir/kernel';
import type { ClosureService } from '@comptoir/pos';
import type { SaleRequest } from '@comptoir/sales';
import type { TrainingService } from '../services/training.service.js';
import { closureSignature } from '../services/closure-signature.js';
import { FiscalErrors } from '../messages.js';

const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const cents = { type: 'integer', minimum: 0, maximum: 999_999_999 } as const;
const lineSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    code: { type: 'string', minLength: 1, maxLength: 64 },
    articleId: id,
    quantity: { type: 'integer', minimum: -1_000_000_000, maximum: 1_000_000_000, not: { const: 0 } },
    unitPrice: cents,
    discountRate: { type: 'integer', minimum: 0, maximum: 10000 },
    discountAmount: cents,
    description: { type: 'string', minLength: 1, maxLength: 200 },
  },
  oneOf: [{ required: ['code'] }, { required: ['articleId'] }],
} as const;
const switchBody = { type: 'object', required: ['enabled'], additionalProperties: false, properties: { enabled: { type: 'boolean' } } } as const;

/** The plugin's HTTP API under /api/fiscal-fr. */
export function fiscalRoutes(r: RouteRegistrar, { kernel, container }: PluginContext): void {
  const training = () => container.resolve<TrainingService>('fiscalFrTraining');

  r.get('/training', {
    permission: 'authenticated', summary: 'Whether training mode is on for this station, for the signed-in user, and so for what they sell',
    handler: async (_req, ctx) => training().status(ctx.em, ctx.station?.id ?? null, ctx.user?.id ?? null),
  });

  for (const scope of ['station', 'user'] as const) {
    r.put<{ Params: { id: number }; Body: { enabled: boolean } }>(`/training/${scope}s/:id`, {
      permission: 'fiscal-fr.training', summary: `Switch training mode on or off for a ${scope} (journaled in the training chain)`,
      schema: { params: { type: 'object', properties: { id } }, body: switchBody },
      handler: async (req, ctx) => {
        const exists = scope === 'station' ? await ctx.em.findOne(Station, { id: req.params.id }) : await ctx.em.findOne(User, { id: req.params.id });
        if (!exists) throw FiscalErrors.notFound(scope === 'station' ? `Poste ${req.params.id}` : `Utilisateur ${req.params.id}`);
        const res = await training().set(ctx.em, scope, req.params.id, req.body.enabled, ctx.user);
        return { scope, id: req.params.id, enabled: req.body.enabled, changed: res.changed };
      },
    });
  }

  r.post<{ Body: SaleRequest }>('/training/tickets', {
    permission: 'fiscal-fr.train', status: 201,
    summary: 'A training ticket: priced like a sale, printed “MODE FORMATION — NON VALABLE”, journaled in the training chain, never counted',
    description: '409 TRAINING_MODE_OFF unless training mode is on for the station or the user; 409 STATION_REQUIRED away from a registered station.',
    schema: { body: { type: 'object', required: ['lines'], additionalProperties: false, properties: { lines: { type: 'array', minItems: 1, maxItems: 1000, items: lineSchema } } } },
    handler: async (req, ctx) => training().sell(ctx.em, { lines: req.body.lines }, { station: ctx.station, user: ctx.requireUser(), lang: ctx.lang, shop: await ctx.shop() }),
  });

  if (kernel.enabled.some((p) => p.name === 'pos')) {
    r.get<{ Params: { id: number } }>('/closures/:id/signature', {
      permission: 'pos.report', summary: 'The Ed25519 signature of a Z closure and the fingerprint of the key, as printed on the Z',
      schema: { params: { type: 'object', properties: { id } } },
      handler: async (req, ctx) => closureSignature(ctx.em, kernel, container.resolve<ClosureService>('posClosures'), req.params.id),
    });
  }
}
