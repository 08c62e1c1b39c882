// Public API of @comptoir/sales: the plugin (default export), the sale's types and totals, the selling hooks and the builder.
import { salesPlugin } from './plugin.js';

export default salesPlugin;
export { salesPlugin, CATALOGUE_CODES_STAGE } from './plugin.js';
export * from './domain/index.js';
export {
  getSalesHooks, type SalesHooks, type SaleContext, type ComposeContext, type CodeRequest, type CodeResolution, type LineDraft,
  type CommittingEvent, type CommittedEvent, type SaleRecord,
} from './hooks.js';
export { SalesBuilder, type SaleRequest, type SaleLineRequest, type BuildOptions, type BuiltSale } from './services/sales-builder.service.js';
export { presentSale } from './http/present.js';
