import { createRequire } from 'node:module';
import { asClass, definePlugin } from '@comptoir/kernel';
import { catalogEntities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { ArticleService } from './services/article.service.js';
import { ArticleBatchService } from './services/article-batch.service.js';
import { ArticleReads } from './services/article-reads.js';
import { FamilyService } from './services/family.service.js';
import { PartyService } from './services/party.service.js';
import { catalogRoutes } from './http/routes.js';
import { seedCatalogDemo } from './demo/seed.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The navigation heading of the catalogue's screens (other plugins file theirs under it with the key 'catalog.group'). */
const CATALOGUE = 'catalog.group';

/** Articles, barcodes, families, VAT categories, customers and suppliers: what every other plugin sells or bills. */
export const catalogPlugin = definePlugin({
  name: 'catalog',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Articles, codes-barres, familles, catégories de TVA, clients et fournisseurs',
    nl: 'Artikelen, streepjescodes, families, btw-categorieën, klanten en leveranciers',
    en: 'Articles, barcodes, families, VAT categories, customers and suppliers',
  },
  entities: catalogEntities,
  migrations,
  permissions: {
    'catalog.read': { label: { fr: 'Consulter le catalogue, les clients et les fournisseurs', nl: 'Catalogus, klanten en leveranciers raadplegen', en: 'Read the catalogue, customers and suppliers' }, roles: ['admin', 'manager', 'cashier'] },
    'catalog.write': { label: { fr: 'Créer et modifier les articles et les familles', nl: 'Artikelen en families aanmaken en wijzigen', en: 'Create and edit articles and families' }, roles: ['admin', 'manager'] },
    'catalog.customers': { label: { fr: 'Créer et modifier les clients', nl: 'Klanten aanmaken en wijzigen', en: 'Create and edit customers' }, roles: ['admin', 'manager', 'cashier'] },
    'catalog.suppliers': { label: { fr: 'Créer et modifier les fournisseurs', nl: 'Leveranciers aanmaken en wijzigen', en: 'Create and edit suppliers' }, roles: ['admin', 'manager'] },
  },
  register({ container }) {
    container.register({
      catalogArticles: asClass(ArticleService).singleton(),
      catalogArticleBatch: asClass(ArticleBatchService).singleton(),
      catalogReads: asClass(ArticleReads).singleton(),
      catalogFamilies: asClass(FamilyService).singleton(),
      catalogParties: asClass(PartyService).singleton(),
    });
  },
  routes: catalogRoutes,
  // Screens are built from src/ui into dist/ui (`comptoir-dev ui`); `module` names the file that defines `tag`;
  // titles and groups are message keys of src/ui/messages (the shell loads them with the UI's entry).
  screens: [
    { path: 'catalog/articles', tag: 'cpt-catalog-articles', module: 'articles-screen.js', title: 'catalog.articles.title', permission: 'catalog.read', icon: 'box', group: CATALOGUE, order: 200 },
    { path: 'catalog/families', tag: 'cpt-catalog-families', module: 'families-screen.js', title: 'catalog.families.title', permission: 'catalog.read', icon: 'tag', group: CATALOGUE, order: 205 },
    { path: 'catalog/customers', tag: 'cpt-catalog-customers', module: 'customers-screen.js', title: 'catalog.customers.title', permission: 'catalog.read', icon: 'users', group: CATALOGUE, order: 210 },
    { path: 'catalog/suppliers', tag: 'cpt-catalog-suppliers', module: 'suppliers-screen.js', title: 'catalog.suppliers.title', permission: 'catalog.read', icon: 'truck', group: CATALOGUE, order: 220 },
  ],
  demo: seedCatalogDemo,
});
