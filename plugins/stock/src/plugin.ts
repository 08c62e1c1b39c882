import { createRequire } from 'node:module';
import { asClass, definePlugin } from '@comptoir/kernel';
import { getSalesHooks } from '@comptoir/sales';
import { migrations } from './migrations/index.js';
import { SHOP_LOCATION, StockService, type MovementInput } from './services/stock.service.js';
import { LevelsService } from './services/levels.service.js';
import { stockRoutes } from './http/stock-routes.js';
import { seedStockDemo } from './demo/seed.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const label = (fr: string, nl: string, en: string) => ({ fr, nl, en });

/** Stock: a ledger of movements per article and location, fed by every sale inside its transaction. */
export const stockPlugin = definePlugin({
  name: 'stock',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Stock : mouvements par article et emplacement, niveaux, stock négatif refusé à la caisse, minimums et valorisation',
    nl: 'Voorraad: bewegingen per artikel en locatie, niveaus, negatieve voorraad geweigerd aan de kassa, minima en waardering',
    en: 'Stock: movements per article and location, levels, negative stock refused at the till, minimums and valuation',
  },
  requires: { catalog: '^0.1.0' },
  // Sales from the till and delivery notes arrive through the sale contract's `committing` hook.
  enhances: ['sales', 'pos', 'invoicing'],
  migrations,
  permissions: {
    'stock.read': { label: label('Consulter le stock et ses mouvements', 'De voorraad en haar bewegingen raadplegen', 'Read stock levels and movements'), roles: ['admin', 'manager', 'cashier'] },
    'stock.write': { label: label('Enregistrer des réceptions, pertes, ajustements et transferts', 'Ontvangsten, verliezen, correcties en overboekingen boeken', 'Record receipts, losses, adjustments and transfers'), roles: ['admin', 'manager'] },
    'stock.settings': { label: label('Régler le stock négatif, les minimums et maximums', 'Negatieve voorraad, minima en maxima instellen', 'Set negative stock, minimums and maximums'), roles: ['admin', 'manager'] },
    'stock.valuation': { label: label('Consulter la valorisation du stock', 'De voorraadwaardering raadplegen', 'Read the stock valuation'), roles: ['admin', 'manager'] },
  },
  register({ kernel, container }) {
    container.register({
      stock: asClass(StockService).singleton(),
      stockLevels: asClass(LevelsService).singleton(),
    });
    // A sale's lines leave the shop, a refund's come back, in the sale's transaction: a refusal rolls it all back.
    // A document whose goods do not change hands with it (an invoice of delivered goods, a credit note) moves nothing.
    getSalesHooks(kernel).committing.tapPromise('stock', async ({ em, document, record, user }) => {
      if (record.goods === 'none') return;
      const byArticle = new Map<number, { quantity: number; name: string }>();
      for (const l of document.lines) {
        if (l.articleId === null || !l.quantity) continue;
        const a = byArticle.get(l.articleId) ?? { quantity: 0, name: l.description };
        a.quantity += l.quantity;
        byArticle.set(l.articleId, a);
      }
      const moves: MovementInput[] = [];
      for (const [articleId, a] of byArticle) {
        if (!a.quantity) continue;
        moves.push({ articleId, locationId: SHOP_LOCATION, kind: a.quantity > 0 ? 'sale' : 'return', quantity: -a.quantity, document: record, name: a.name });
      }
      await container.resolve<StockService>('stock').move(em, moves, user?.id ?? null);
    });
  },
  routes(r, ctx) {
    stockRoutes(r, ctx);
  },
  demo: seedStockDemo,
  // The screens are built from src/ui into dist/ui (`comptoir-dev ui`); titles and groups are messages of src/ui.
  screens: [
    { path: 'stock/levels', tag: 'cpt-stock-levels', module: 'levels-screen.js', title: 'stock.levels.title', permission: 'stock.read', icon: 'box', group: 'stock.group', order: 300 },
    { path: 'stock/valuation', tag: 'cpt-stock-valuation', module: 'valuation-screen.js', title: 'stock.valuation.title', permission: 'stock.valuation', icon: 'calculator', group: 'stock.group', order: 310 },
    { path: 'stock/settings', tag: 'cpt-stock-settings', module: 'settings-screen.js', title: 'stock.settings.title', permission: 'stock.settings', icon: 'settings', group: 'stock.group', order: 320 },
  ],
});
