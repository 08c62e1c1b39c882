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
import { refusePackBarcodes } from './services/catalogue-sync.js';
import { pricingRoutes } from './http/routes.js';
import { tapSales } from './services/sales-taps.js';
import { seedPricingDemo } from './demo/seed.js';

/** The navigation heading of the pricing screens (a message key of src/ui/messages). */
const PRICING = 'pricing.group';

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
  // Taps the sale contract when it is enabled; nothing that sells requires pricing.
  enhances: ['sales'],
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
    // No copy of the catalogue's price: the default list's base price *is* the article's price (see price-list.service.ts).
    // Scanned codes, line prices and associated articles for the till and invoicing (see src/services/sales-taps.ts).
    tapSales(kernel, container);
  },
  routes: pricingRoutes,
  // Screens are built from src/ui into dist/ui (`comptoir-dev ui`); `module` names the file that defines `tag`;
  // titles and groups are message keys of src/ui/messages (the shell loads them with the UI's entry).
  widgets: [
    // The article's purchase prices and margins beside the catalogue's article form.
    { zone: 'catalog.article.aside', tag: 'cpt-pricing-article-costs', module: 'article-costs-widget.js', permission: 'pricing.read' },
  ],
  screens: [
    { path: 'pricing/check', tag: 'cpt-pricing-checker', module: 'price-checker-screen.js', title: 'pricing.checker.title', permission: 'pricing.read', icon: 'search', group: PRICING, order: 230 },
    { path: 'pricing/lists', tag: 'cpt-pricing-lists', module: 'price-lists-screen.js', title: 'pricing.lists.title', permission: 'pricing.read', icon: 'menu', group: PRICING, order: 240 },
    { path: 'pricing/articles', tag: 'cpt-pricing-articles', module: 'article-prices-screen.js', title: 'pricing.articles.title', permission: 'pricing.read', icon: 'calculator', group: PRICING, order: 250 },
    { path: 'pricing/customers', tag: 'cpt-pricing-customers', module: 'customer-prices-screen.js', title: 'pricing.customers.title', permission: 'pricing.read', icon: 'user', group: PRICING, order: 260 },
    { path: 'pricing/labels', tag: 'cpt-pricing-labels', module: 'labels-screen.js', title: 'pricing.labels.title', permission: 'pricing.labels', icon: 'tag', group: PRICING, order: 270 },
    { path: 'pricing/nomenclature', tag: 'cpt-pricing-nomenclature', module: 'nomenclature-screen.js', title: 'pricing.nomenclature.title', permission: 'pricing.read', icon: 'barcode', group: PRICING, order: 280 },
    { path: 'pricing/import', tag: 'cpt-pricing-import', module: 'import-screen.js', title: 'pricing.import.title', permission: 'pricing.import', icon: 'file', group: PRICING, order: 290 },
  ],
  demo: seedPricingDemo,
});
