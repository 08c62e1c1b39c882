export type {
  ArticleUnit,
  DemoCatalogOptions,
  DemoFamily,
  DemoArticle,
  DemoAddress,
  DemoCustomer,
  DemoSupplier,
  DemoCatalog,
} from './demo-data.js';
export {
  DEFAULT_DEMO_SEED,
  DEFAULT_DEMO_ARTICLES,
  DEFAULT_DEMO_CUSTOMERS,
  DEFAULT_DEMO_SUPPLIERS,
  generateDemoCatalog,
} from './demo-data.js';
export type { Rng } from './prng.js';
export { createRng, deriveSeed, hashString } from './prng.js';
