import { createRequire } from 'node:module';
import { asClass, definePlugin } from '@comptoir/kernel';
import { invoicingEntities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { DocumentService } from './services/documents.service.js';
import { DocumentReads } from './services/document-reads.js';
import { IssueService } from './services/issue.service.js';
import { ConversionService } from './services/conversion.service.js';
import { PaymentService } from './services/payment.service.js';
import { FromTicketService } from './services/from-ticket.service.js';
import { UblService } from './services/ubl.service.js';
import { invoicingRoutes } from './http/routes.js';
import { fromTicketRoutes } from './http/from-ticket-routes.js';
import { documentTemplate } from './templates/document.template.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const label = (fr: string, nl: string, en: string) => ({ fr, nl, en });

/** Invoicing: quotes, orders, delivery notes, invoices, credit notes and their payments, built through the sale contract. */
export const invoicingPlugin = definePlugin({
  name: 'invoicing',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Facturation : devis, commandes, bons de livraison, factures, notes de crédit et paiements',
    nl: 'Facturatie: offertes, bestellingen, leveringsbons, facturen, creditnota’s en betalingen',
    en: 'Invoicing: quotes, orders, delivery notes, invoices, credit notes and payments',
  },
  requires: { catalog: '^0.1.0', sales: '^0.1.0' },
  entities: invoicingEntities,
  migrations,
  permissions: {
    'invoicing.read': { label: label('Consulter les devis, commandes et factures', 'Offertes, bestellingen en facturen raadplegen', 'Read quotes, orders and invoices'), roles: ['admin', 'manager'] },
    'invoicing.write': { label: label('Préparer des devis, commandes, livraisons et factures', 'Offertes, bestellingen, leveringen en facturen opmaken', 'Prepare quotes, orders, deliveries and invoices'), roles: ['admin', 'manager'] },
    'invoicing.issue': { label: label('Émettre (numéroter) les documents', 'Documenten uitgeven (nummeren)', 'Issue (number) documents'), roles: ['admin', 'manager'] },
    'invoicing.pay': { label: label('Enregistrer les paiements des factures', 'Betalingen van facturen registreren', 'Record invoice payments'), roles: ['admin', 'manager'] },
  },
  register({ container }) {
    container.register({
      invoicingDocuments: asClass(DocumentService).singleton(),
      invoicingReads: asClass(DocumentReads).singleton(),
      invoicingIssue: asClass(IssueService).singleton(),
      invoicingConversions: asClass(ConversionService).singleton(),
      invoicingPayments: asClass(PaymentService).singleton(),
      invoicingUbl: asClass(UblService).singleton(),
      invoicingFromTicket: asClass(FromTicketService).singleton(),
    });
  },
  routes: (r, ctx) => { invoicingRoutes(r, ctx); fromTicketRoutes(r, ctx); },
  templates: [documentTemplate],
  // The screens are built from src/ui into dist/ui (`comptoir-dev ui`); `module` names the file that defines `tag`.
  screens: [
    { path: 'invoicing/documents', tag: 'cpt-invoicing-documents', module: 'documents-screen.js', title: 'invoicing.documents.title', permission: 'invoicing.read', icon: 'file', group: 'invoicing.group', order: 300 },
  ],
});
