import { createRequire } from 'node:module';
import { asClass, definePlugin } from '@comptoir/kernel';
import { getCatalogHooks } from '@comptoir/catalog';
import { pricingEntities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { PricingService } from './services/pricing.service.js';
import { PriceListService } from './services/price-list.service.js';
import { CustomerPriceService } from './services/customer-price.service.js';
import { PackagingService } from './services/packaging.service.js';
import { NomenclatureService } from './services/nomenclature.service.js';
import { LabelService } from './services/label.service.js';
import { ImportService } from './services/import.service.js';
import { refusePackBarcodes, syncDefaultPriceFromArticle } from './services/catalogue-sync.js';
import { pricingRoutes } from './http/routes.js';
import { seedPricingDemo } from './demo/seed.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Price lists, quantity breaks, customer prices, packs, weighed barcodes, labels and supplier catalogue import. */
export const pricingPlugin = definePlugin({
  name: 'pricing',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Listes de prix, prix dégressifs, prix clients, conditionnements, codes-barres pesés, étiquettes et import de catalogues fournisseurs',
    nl: 'Prijslijsten, staffelprijzen, klantprijzen, verpakkingen, weegstreepjescodes, etiketten en import van leverancierscatalogi',
    en: 'Price lists, quantity breaks, customer prices, packs, weighed barcodes, labels and supplier catalogue import',
  },
  requires: { catalog: '^0.1.0' },
  entities: pricingEntities,
  migrations,
  permissions: {
    'pricing.read': { label: { fr: 'Consulter les prix et le vérificateur de prix', nl: 'Prijzen en de prijscontrole raadplegen', en: 'Read prices and use the price checker' }, roles: ['admin', 'manager', 'cashier'] },
    'pricing.write': { label: { fr: 'Modifier les listes de prix, prix clients, conditionnements et la nomenclature', nl: 'Prijslijsten, klantprijzen, verpakkingen en de nomenclatuur wijzigen', en: 'Edit price lists, customer prices, packs and the nomenclature' }, roles: ['admin', 'manager'] },
    'pricing.labels': { label: { fr: 'Imprimer les étiquettes', nl: 'Etiketten afdrukken', en: 'Print labels' }, roles: ['admin', 'manager'] },
    'pricing.import': { label: { fr: 'Importer un catalogue fournisseur', nl: 'Een leverancierscatalogus importeren', en: 'Import a supplier catalogue' }, roles: ['admin', 'manager'] },
  },
  register({ kernel, container }) {
    container.register({
      pricingService: asClass(PricingService).singleton(),
      pricingLists: asClass(PriceListService).singleton(),
      pricingCustomerPrices: asClass(CustomerPriceService).singleton(),
      pricingPackaging: asClass(PackagingService).singleton(),
      pricingNomenclature: asClass(NomenclatureService).singleton(),
      pricingLabels: asClass(LabelService).singleton(),
      pricingImport: asClass(ImportService).singleton(),
    });
    const catalog = getCatalogHooks(kernel);
    // A barcode is either an article's or a pack's, never both: the scanner must know what it sells.
    catalog.articleSaving.tapPromise('pricing', async ({ em, article }) => refusePackBarcodes(em, article));
    // The catalogue's price is the default list's base price (inside the article's transaction).
    catalog.articleSaved.tapPromise('pricing', async ({ em, article, isNew, changed }) => {
      if (isNew || changed.includes('price') || changed.includes('vatCategory')) await syncDefaultPriceFromArticle(em, article);
    });
  },
  routes: pricingRoutes,
  // The shell's elements are in src/ui (index.ts registers the same paths and tags).
  screens: [
    { path: 'pricing/check', tag: 'cpt-pricing-checker', title: { fr: 'Vérificateur de prix', nl: 'Prijscontrole', en: 'Price checker' }, permission: 'pricing.read', icon: 'search' },
    { path: 'pricing/lists', tag: 'cpt-pricing-lists', title: { fr: 'Listes de prix', nl: 'Prijslijsten', en: 'Price lists' }, permission: 'pricing.read', icon: 'menu' },
    { path: 'pricing/articles', tag: 'cpt-pricing-articles', title: { fr: 'Prix des articles', nl: 'Artikelprijzen', en: 'Article prices' }, permission: 'pricing.read', icon: 'calculator' },
    { path: 'pricing/customers', tag: 'cpt-pricing-customers', title: { fr: 'Prix clients', nl: 'Klantprijzen', en: 'Customer prices' }, permission: 'pricing.read', icon: 'user' },
    { path: 'pricing/labels', tag: 'cpt-pricing-labels', title: { fr: 'Étiquettes', nl: 'Etiketten', en: 'Labels' }, permission: 'pricing.labels', icon: 'tag' },
    { path: 'pricing/nomenclature', tag: 'cpt-pricing-nomenclature', title: { fr: 'Nomenclature', nl: 'Nomenclatuur', en: 'Nomenclature' }, permission: 'pricing.read', icon: 'barcode' },
    { path: 'pricing/import', tag: 'cpt-pricing-import', title: { fr: 'Import de catalogue', nl: 'Catalogusimport', en: 'Catalogue import' }, permission: 'pricing.import', icon: 'file' },
  ],
  demo: seedPricingDemo,
});
