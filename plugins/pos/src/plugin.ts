import { createRequire } from 'node:module';
import { asClass, definePlugin } from '@comptoir/kernel';
import { posEntities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { TicketService } from './services/ticket.service.js';
import { CheckoutService } from './services/checkout.service.js';
import { RefundService } from './services/refund.service.js';
import { CashService } from './services/cash.service.js';
import { ClosureService, closureAnchors } from './services/closure.service.js';
import { posRoutes } from './http/routes.js';
import { saleScreenRoutes } from './http/sale-routes.js';
import { QuickKeysService } from './services/quick-keys.service.js';
import { closurePrintRoutes } from './http/closure-print-routes.js';
import { historyRoutes } from './http/history-routes.js';
import { zClosureTemplate } from './print/z-closure.template.js';
import { StatsService } from './services/stats.service.js';
import { JournalsService } from './services/journals.service.js';
import { statsRoutes } from './http/stats-routes.js';
import { reportTemplate } from './templates/report.template.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const label = (fr: string, nl: string, en: string) => ({ fr, nl, en });

/** The till: tickets, payments, refunds, parked tickets, cash, X reports and Z closures. */
export const posPlugin = definePlugin({
  name: 'pos',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Caisse : tickets, paiements, remboursements, tickets en attente, caisse, rapports X et clôtures Z',
    nl: 'Kassa: tickets, betalingen, terugbetalingen, geparkeerde tickets, kas, X-rapporten en Z-afsluitingen',
    en: 'Till: tickets, payments, refunds, parked tickets, cash, X reports and Z closures',
  },
  requires: { catalog: '^0.1.0', sales: '^0.1.0' },
  entities: posEntities,
  migrations,
  permissions: {
    'pos.sell': { label: label('Vendre à la caisse', 'Verkopen aan de kassa', 'Sell at the till'), roles: ['admin', 'manager', 'cashier'] },
    'pos.discount': { label: label('Accorder des remises au-delà de la limite', 'Kortingen boven de limiet toekennen', 'Give discounts above the limit'), roles: ['admin', 'manager'] },
    'pos.void': { label: label('Annuler une ligne après affichage du total', 'Een regel schrappen nadat het totaal getoond werd', 'Void a line after the total was shown'), roles: ['admin', 'manager'] },
    'pos.cancel': { label: label('Annuler un ticket', 'Een ticket annuleren', 'Cancel a ticket'), roles: ['admin', 'manager'] },
    'pos.refund': { label: label('Rembourser', 'Terugbetalen', 'Refund'), roles: ['admin', 'manager'] },
    'pos.correct': { label: label('Corriger le moyen de paiement d’un ticket', 'De betaalwijze van een ticket corrigeren', 'Correct a ticket’s payment method'), roles: ['admin', 'manager'] },
    'pos.cash': { label: label('Fond de caisse, apports et retraits', 'Wisselgeld, stortingen en opnames', 'Float, cash deposits and withdrawals'), roles: ['admin', 'manager', 'cashier'] },
    'pos.drawer': { label: label('Ouvrir le tiroir sans vente', 'De lade openen zonder verkoop', 'Open the drawer without a sale'), roles: ['admin', 'manager'] },
    'pos.reprint': { label: label('Réimprimer un ticket (duplicata)', 'Een ticket herdrukken (duplicaat)', 'Reprint a receipt (duplicate)'), roles: ['admin', 'manager'] },
    'pos.report': { label: label('Lire le rapport X', 'Het X-rapport lezen', 'Read the X report'), roles: ['admin', 'manager', 'cashier'] },
    'pos.close': { label: label('Faire la clôture Z', 'De Z-afsluiting maken', 'Take the Z closure'), roles: ['admin', 'manager'] },
    'pos.layout': { label: label('Arranger les touches rapides des caisses', 'De sneltoetsen van de kassa’s schikken', 'Arrange the tills’ quick keys'), roles: ['admin', 'manager'] },
    'pos.stats': { label: label('Consulter les statistiques, le livre de caisse et les journaux', 'Statistieken, kasboek en journalen raadplegen', 'Read the statistics, cash book and journals'), roles: ['admin', 'manager'] },
  },
  register({ container }) {
    container.register({
      posTickets: asClass(TicketService).singleton(),
      posCheckout: asClass(CheckoutService).singleton(),
      posRefunds: asClass(RefundService).singleton(),
      posCash: asClass(CashService).singleton(),
      posClosures: asClass(ClosureService).singleton(),
      posQuickKeys: asClass(QuickKeysService).singleton(),
      posStats: asClass(StatsService).singleton(),
      posJournals: asClass(JournalsService).singleton(),
    });
  },
  routes(r, ctx) {
    posRoutes(r, ctx);
    saleScreenRoutes(r, ctx);
    historyRoutes(r, ctx);
    closurePrintRoutes(r, ctx);
    statsRoutes(r, ctx);
  },
  templates: [zClosureTemplate, reportTemplate],
  // The screens are built from src/ui into dist/ui (`comptoir-dev ui`); `module` names the file that defines `tag`.
  screens: [
    { path: 'pos/sale', tag: 'cpt-pos-sale', module: 'sale-screen.js', title: 'pos.sale.title', permission: 'pos.sell', icon: 'cart', group: 'pos.group', order: 100 },
    { path: 'pos/quick-keys', tag: 'cpt-pos-quick-keys-screen', module: 'quick-keys-screen.js', title: 'pos.quickKeys.title', permission: 'pos.layout', icon: 'keyboard', group: 'nav.group.settings', order: 912 },
    { path: 'pos/closing', tag: 'cpt-pos-closing', module: 'closing-screen.js', title: 'pos.closing.title', permission: 'pos.report', icon: 'calculator', group: 'pos.group', order: 110 },
    { path: 'pos/refund', tag: 'cpt-pos-refund', module: 'refund-screen.js', title: 'pos.refund.title', permission: 'pos.sell', icon: 'back', group: 'pos.group', order: 102 },
    { path: 'pos/history', tag: 'cpt-pos-history', module: 'history-screen.js', title: 'pos.history.title', permission: 'pos.sell', icon: 'file', group: 'pos.group', order: 104 },
    { path: 'pos/cash', tag: 'cpt-pos-cash', module: 'cash-screen.js', title: 'pos.cash.title', permission: 'pos.cash', icon: 'store', group: 'pos.group', order: 106 },
    { path: 'pos/stats', tag: 'cpt-pos-stats', module: 'stats-screen.js', title: 'pos.stats.title', permission: 'pos.stats', icon: 'calendar', group: 'pos.group', order: 130 },
  ],
  journalAnchors: closureAnchors,
});
