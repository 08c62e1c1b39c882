import { schemas, type PluginContext, type RouteContext, type RouteRegistrar } from '@comptoir/kernel';
import { endOfShopDay } from '../domain/shop-day.js';
import { StockErrors } from '../messages.js';
import type { LevelQuery, LevelsService } from '../services/levels.service.js';
import type { MovementKind, NegativePolicy, StockService } from '../services/stock.service.js';

/** A quantity in thousandths (± 2 147 483,647 units): an integer, never a string. */
const quantity = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const signedQuantity = { type: 'integer', minimum: -2_147_483_647, maximum: 2_147_483_647, not: { const: 0 } } as const;
const cents = { type: 'integer', minimum: 0, maximum: 1_000_000_000 } as const;
const reason = { type: 'string', maxLength: 500 } as const;
const page = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 },
} as const;

type ManualMovement =
  | { kind: 'receipt' | 'initial'; articleId: number; locationId?: number; quantity: number; unitCost?: number; reason?: string }
  | { kind: 'loss'; articleId: number; locationId?: number; quantity: number; reason: string }
  | { kind: 'adjustment'; articleId: number; locationId?: number; quantity: number; reason?: string };

const base = { articleId: schemas.id, locationId: schemas.id } as const;
const movementBody = {
  type: 'object',
  required: ['kind', 'articleId', 'quantity'],
  oneOf: [
    {
      additionalProperties: false,
      properties: { kind: { enum: ['receipt', 'initial'] }, ...base, quantity, unitCost: cents, reason },
      description: 'stock in (a supplier delivery, or the first count): unitCost in cents per unit updates the weighted average cost',
    },
    {
      additionalProperties: false, required: ['reason'],
      properties: { kind: { const: 'loss' }, ...base, quantity, reason: { ...reason, minLength: 1 } },
      description: 'breakage, theft, expiry: the quantity leaves the location; the reason is required',
    },
    {
      additionalProperties: false,
      properties: { kind: { const: 'adjustment' }, ...base, quantity: signedQuantity, reason },
      description: 'a correction, signed (+ in, − out)',
    },
  ],
} as const;

const levelsQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    locationId: schemas.id, articleId: schemas.id, familyId: schemas.id,
    q: { type: 'string', maxLength: 100, description: 'part of the article’s name or code' },
    belowMinimum: { type: 'boolean', description: 'only the articles below their minimum' },
    ...page,
  },
} as const;

const { belowMinimum: _below, ...belowProperties } = levelsQuery.properties;

/**
 * Stock under /api/stock: levels, an article's movements, manual movements and transfers, minimums and maximums,
 * the articles below their minimum, the negative stock rule and the valuation.
 */
export function stockRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const stock = container.resolve<StockService>('stock');
  const levels = container.resolve<LevelsService>('stockLevels');

  const checkLocation = async (ctx: RouteContext, id: number) => {
    if (!(await stock.locationExists(ctx.em, id))) throw StockErrors.locationNotFound(id);
  };

  r.get('/locations', {
    permission: 'stock.read',
    summary: 'The stock locations (shop, back room, warehouse)',
    handler: async (_req, ctx) => ({ items: await levels.locations(ctx.em) }),
  });

  r.get<{ Querystring: LevelQuery }>('/levels', {
    permission: 'stock.read',
    summary: 'Stock levels per article and location, with minimum and maximum; filters by location, article, family, name or code, and below minimum; paged',
    schema: { querystring: levelsQuery },
    handler: async (req, ctx) => levels.levels(ctx.em, req.query),
  });

  r.get<{ Querystring: Omit<LevelQuery, 'belowMinimum'> }>('/below-minimum', {
    permission: 'stock.read',
    summary: 'The articles below their minimum at a location, with the quantity that brings each back to its maximum',
    schema: { querystring: { ...levelsQuery, properties: belowProperties } },
    handler: async (req, ctx) => levels.levels(ctx.em, { ...req.query, belowMinimum: true }),
  });

  r.get<{ Params: { id: number }; Querystring: { locationId?: number; limit?: number; offset?: number } }>('/articles/:id/movements', {
    permission: 'stock.read',
    summary: 'An article’s movements, newest first, each with the balance at its location after it; paged',
    schema: {
      params: { type: 'object', required: ['id'], properties: { id: schemas.id } },
      querystring: { type: 'object', additionalProperties: false, properties: { locationId: schemas.id, ...page } },
    },
    handler: async (req, ctx) => levels.movements(ctx.em, req.params.id, req.query),
  });

  r.post<{ Body: ManualMovement }>('/movements', {
    permission: 'stock.write',
    summary: 'Records a receipt (with its unit cost), initial stock, a loss (with its reason) or an adjustment at a location (default: the shop)',
    schema: { body: movementBody },
    status: 201,
    idempotent: true,
    handler: async (req, ctx) => {
      const b = req.body;
      const locationId = b.locationId ?? 1;
      await checkLocation(ctx, locationId);
      if (b.kind === 'loss' && !b.reason.trim()) throw StockErrors.reasonRequired();
      const signed = b.kind === 'loss' ? -b.quantity : b.quantity;
      const [m] = await ctx.transactional((em) => stock.move(em, [{
        articleId: b.articleId, locationId, kind: b.kind as MovementKind, quantity: signed,
        unitCost: b.kind === 'receipt' || b.kind === 'initial' ? b.unitCost ?? null : null, reason: b.reason?.trim() ?? '',
      }], ctx.user?.id ?? null));
      return { ...m, balance: await stock.balance(ctx.em, b.articleId, locationId) };
    },
  });

  r.post<{ Body: { articleId: number; from: number; to: number; quantity: number; reason?: string } }>('/transfers', {
    permission: 'stock.write',
    summary: 'Moves a quantity of an article from one location to another (two movements, in one transaction)',
    schema: {
      body: {
        type: 'object', additionalProperties: false, required: ['articleId', 'from', 'to', 'quantity'],
        properties: { articleId: schemas.id, from: schemas.id, to: schemas.id, quantity, reason },
      },
    },
    status: 201,
    idempotent: true,
    handler: async (req, ctx) => {
      const b = req.body;
      await checkLocation(ctx, b.from);
      await checkLocation(ctx, b.to);
      const moved = await ctx.transactional((em) => stock.transfer(em, b, ctx.user?.id ?? null));
      return { movements: moved };
    },
  });

  r.put<{ Params: { articleId: number; locationId: number }; Body: { minimum: number | null; maximum: number | null } }>('/thresholds/:articleId/:locationId', {
    permission: 'stock.settings',
    summary: 'Sets an article’s minimum and maximum at a location (both null removes them)',
    schema: {
      params: { type: 'object', required: ['articleId', 'locationId'], properties: { articleId: schemas.id, locationId: schemas.id } },
      body: {
        type: 'object', additionalProperties: false, required: ['minimum', 'maximum'],
        properties: { minimum: { type: ['integer', 'null'], minimum: 0, maximum: 2_147_483_647 }, maximum: { type: ['integer', 'null'], minimum: 0, maximum: 2_147_483_647 } },
      },
    },
    handler: async (req, ctx) => {
      const { articleId, locationId } = req.params;
      const { minimum, maximum } = req.body;
      if (minimum !== null && maximum !== null && maximum < minimum) throw StockErrors.thresholdInvalid();
      await checkLocation(ctx, locationId);
      const [article] = await ctx.em.getConnection().execute('select id from catalog_article where id = ?', [articleId], 'all');
      if (!article) throw StockErrors.articleNotFound(articleId);
      await ctx.transactional((em) => levels.setThreshold(em, { articleId, locationId, minimum, maximum }));
      return (await levels.levels(ctx.em, { articleId, locationId })).items[0] ?? null;
    },
  });

  r.get('/settings/negative', {
    permission: 'stock.read',
    summary: 'Whether stock may go below zero: the shop’s rule and its exceptions per family',
    handler: async (_req, ctx) => stock.policy(ctx.em),
  });

  r.put<{ Body: NegativePolicy }>('/settings/negative', {
    permission: 'stock.settings',
    summary: 'Allows or refuses negative stock for the shop, with exceptions per family (`families`: family id → allowed)',
    schema: {
      body: {
        type: 'object', additionalProperties: false, required: ['allowed'],
        properties: {
          allowed: { type: 'boolean' },
          families: { type: 'object', maxProperties: 1000, propertyNames: { pattern: '^[1-9][0-9]{0,9}$' }, additionalProperties: { type: 'boolean' } },
        },
      },
    },
    handler: async (req, ctx) => ctx.transactional((em) => stock.setPolicy(em, { allowed: req.body.allowed, families: req.body.families ?? {} })),
  });

  r.get<{ Querystring: { date?: string } }>('/valuation', {
    permission: 'stock.valuation',
    summary: 'The stock valued at weighted average cost at the end of a day (default: now), per article and location, with totals by family and location',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD: the end of that day in the shop’s time (Brussels)' } } } },
    handler: async (req, ctx) => {
      const d = req.query.date;
      if (d !== undefined && Number.isNaN(Date.parse(`${d}T00:00:00Z`))) throw StockErrors.dateInvalid();
      const at = d ? endOfShopDay(d) : '9999-12-31T23:59:59.999Z';
      return levels.valuation(ctx.em, at);
    },
  });
}
