import type { PluginContext, RouteContext, RouteRegistrar } from '@comptoir/kernel';
import { PosErrors } from '../messages.js';
import { SALE_BUTTONS, type QuickKeyPage, type QuickKeysService, type SaleButton } from '../services/quick-keys.service.js';
import type { Actor, TicketService } from '../services/ticket.service.js';
import { idParams } from './schemas.js';

function actor(ctx: RouteContext): Actor {
  if (!ctx.station) throw PosErrors.stationRequired();
  return { userId: ctx.user?.id ?? null, user: ctx.user, lang: ctx.lang, stationId: ctx.station.id, permissions: ctx.permissions };
}

const colour = { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' } as const;
const layoutBody = {
  type: 'object', required: ['pages', 'buttons'], additionalProperties: false,
  properties: {
    pages: {
      type: 'array', maxItems: 20,
      items: {
        type: 'object', required: ['name', 'keys'], additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 40 }, color: colour,
          keys: {
            type: 'array', maxItems: 60,
            items: {
              type: 'object', required: ['kind', 'id'], additionalProperties: false,
              properties: { kind: { type: 'string', enum: ['article', 'family'] }, id: { type: 'integer', minimum: 1 }, label: { type: 'string', maxLength: 40 }, color: colour },
            },
          },
        },
      },
    },
    buttons: { type: 'array', maxItems: SALE_BUTTONS.length, uniqueItems: true, items: { type: 'string', enum: [...SALE_BUTTONS] } },
    version: { type: 'integer', minimum: 0 },
  },
} as const;
const stationQuery = { type: 'object', additionalProperties: false, properties: { station: { type: 'integer', minimum: 0, description: 'a station’s id; 0 for the shop’s default' } } } as const;

/** The sale screen's routes: the ticket discount and the quick keys per station. */
export function saleScreenRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const tickets = container.resolve<TicketService>('posTickets');
  const quickKeys = container.resolve<QuickKeysService>('posQuickKeys');

  r.put<{ Params: { id: number }; Body: { discountRate?: number | null; discountAmount?: number | null } }>('/tickets/:id/discount', {
    permission: 'pos.sell', summary: 'Set (or remove, with nulls) the ticket discount: a rate or an amount, spread over the lines (above the limit: pos.discount)',
    schema: {
      params: idParams,
      body: {
        type: 'object', additionalProperties: false,
        properties: {
          discountRate: { type: ['integer', 'null'], minimum: 0, maximum: 10000, description: 'basis points (10 % = 1000)' },
          discountAmount: { type: ['integer', 'null'], minimum: 0, maximum: 99_999_999, description: 'cents' },
        },
      },
    },
    handler: async (req, ctx) => tickets.setDiscount(ctx.em, req.params.id, req.body ?? {}, actor(ctx)),
  });

  r.get<{ Querystring: { station?: number } }>('/quick-keys', {
    permission: 'pos.sell', summary: 'The quick keys of this station (or of ?station=id, 0 for the shop’s default): pages, keys, buttons',
    schema: { querystring: stationQuery },
    handler: async (req, ctx) => {
      const station = req.query.station ?? ctx.station?.id ?? 0;
      return quickKeys.get(ctx.em, station === 0 ? null : station);
    },
  });
  r.put<{ Querystring: { station?: number }; Body: { pages: QuickKeyPage[]; buttons: SaleButton[]; version?: number } }>('/quick-keys', {
    permission: 'pos.layout', summary: 'Arrange the quick keys of a station (?station=id) or the shop’s default (station=0)',
    schema: { querystring: stationQuery, body: layoutBody },
    handler: async (req, ctx) => {
      const station = req.query.station ?? ctx.station?.id ?? 0;
      return quickKeys.save(ctx.em, station === 0 ? null : station, req.body);
    },
  });
  r.delete<{ Querystring: { station: number } }>('/quick-keys', {
    permission: 'pos.layout', summary: 'Remove a station’s own quick keys: it shows the shop’s default again',
    schema: { querystring: { type: 'object', required: ['station'], additionalProperties: false, properties: { station: { type: 'integer', minimum: 1 } } } },
    handler: async (req, ctx) => quickKeys.reset(ctx.em, req.query.station),
  });
}
