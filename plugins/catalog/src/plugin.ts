import { createRequire } from 'node:module';
import { asClass, definePlugin } from '@comptoir/kernel';
import { catalogEntities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { ArticleService } from './services/article.service.js';
import { FamilyService } from './services/family.service.js';
import { PartyService } from './services/party.service.js';
import { catalogRoutes } from './http/routes.js';
import { seedCatalogDemo } from './demo/seed.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

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
      catalogFamilies: asClass(FamilyService).singleton(),
      catalogParties: asClass(PartyService).singleton(),
    });
  },
  routes: catalogRoutes,
  screens: [
    { path: 'catalog/articles', tag: 'cpt-catalog-articles', title: { fr: 'Articles', nl: 'Artikelen', en: 'Articles' }, permission: 'catalog.read', icon: 'box' },
    { path: 'catalog/families', tag: 'cpt-catalog-families', title: { fr: 'Familles', nl: 'Families', en: 'Families' }, permission: 'catalog.read', icon: 'tag' },
    { path: 'catalog/customers', tag: 'cpt-catalog-customers', title: { fr: 'Clients', nl: 'Klanten', en: 'Customers' }, permission: 'catalog.read', icon: 'users' },
    { path: 'catalog/suppliers', tag: 'cpt-catalog-suppliers', title: { fr: 'Fournisseurs', nl: 'Leveranciers', en: 'Suppliers' }, permission: 'catalog.read', icon: 'truck' },
  ],
  demo: seedCatalogDemo,
});
