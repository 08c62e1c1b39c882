import type { PluginContext, RouteRegistrar } from '@comptoir/kernel';
import { listRoutes } from './lists.routes.js';
import { packagingRoutes } from './packaging.routes.js';
import { quoteRoutes } from './quote.routes.js';
import { labelRoutes } from './labels.routes.js';
import { importRoutes } from './import.routes.js';
import { settingsRoutes } from './settings.routes.js';

/** The pricing plugin's HTTP API under /api/pricing. */
export function pricingRoutes(r: RouteRegistrar, ctx: PluginContext): void {
  quoteRoutes(r, ctx);
  listRoutes(r, ctx);
  packagingRoutes(r, ctx);
  labelRoutes(r, ctx);
  importRoutes(r, ctx);
  settingsRoutes(r, ctx);
}
