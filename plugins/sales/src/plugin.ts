import { createRequire } from 'node:module';
import { DomainError, asClass, definePlugin } from '@comptoir/kernel';
import type { ArticleService } from '@comptoir/catalog';
import { getSalesHooks } from './hooks.js';
import { SalesBuilder } from './services/sales-builder.service.js';
import { salesRoutes } from './http/routes.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Stage of the catalogue's own barcode lookup in `resolveCode`: after every plugin that knows codes better. */
export const CATALOGUE_CODES_STAGE = 1000;

/** The sale contract: sale lines, document totals and the selling hooks shared by the till and invoicing. */
export const salesPlugin = definePlugin({
  name: 'sales',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Le contrat de vente commun à la caisse et à la facturation : lignes, totaux, points d’extension de la vente',
    nl: 'Het verkoopcontract van de kassa en de facturatie: lijnen, totalen, uitbreidingspunten van de verkoop',
    en: 'The sale contract shared by the till and invoicing: lines, totals and the selling hooks',
  },
  requires: { catalog: '^0.1.0' },
  permissions: {
    'sales.preview': {
      label: { fr: 'Calculer une vente sans l’enregistrer', nl: 'Een verkoop berekenen zonder ze te bewaren', en: 'Build a sale without storing it' },
      roles: ['admin', 'manager', 'cashier'],
    },
  },
  register({ kernel, container }) {
    container.register({ salesBuilder: asClass(SalesBuilder).singleton() });
    const articles = () => container.resolve<ArticleService>('catalogArticles');
    // The catalogue's barcodes, last: pricing's nomenclature (scale labels, cards, coupons) and packs come first.
    getSalesHooks(kernel).resolveCode.tapPromise({ name: 'sales', stage: CATALOGUE_CODES_STAGE }, async ({ code, quantity }, { em }) => {
      try {
        const article = await articles().findByBarcode(em, code);
        return { kind: 'line', by: 'sales', line: { articleId: article.id, quantity: quantity ?? 1000 } };
      } catch (e) {
        if (e instanceof DomainError && e.code === 'ARTICLE_NOT_FOUND') return undefined;
        throw e;
      }
    });
  },
  routes: salesRoutes,
});
