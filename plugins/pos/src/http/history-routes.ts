import type { PluginContext, RouteRegistrar } from '@comptoir/kernel';
import { PosErrors } from '../messages.js';
import type { ClosureService } from '../services/closure.service.js';
import { paidTicketsOfDay } from '../services/ticket-history.js';
import { periodQuery } from './schemas.js';

/** The day's paid tickets, for the history screen (open one, reprint it, correct its payments). */
export function historyRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const closures = container.resolve<ClosureService>('posClosures');

  r.get<{ Querystring: { scope?: 'station' | 'shop'; date?: string } }>('/tickets/history', {
    permission: 'pos.sell', summary: 'The paid tickets and refunds of a day (this station’s, or the shop’s with scope=shop), newest first',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { scope: periodQuery.properties.scope, date: periodQuery.properties.date } } },
    handler: async (req, ctx) => {
      if (!ctx.station) throw PosErrors.stationRequired();
      const day = closures.period('day', req.query.date).from;
      return paidTicketsOfDay(ctx.em, day, req.query.scope === 'shop' ? null : ctx.station.id);
    },
  });
}
