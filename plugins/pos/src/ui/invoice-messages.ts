import type { Dictionaries } from '@comptoir/shell';

/** Messages of the ticket history's "make an invoice" action (invoicing's POST /api/invoicing/from-ticket). */
export const invoiceMessages: Dictionaries = {
  fr: {
    'pos.invoice.make': 'Faire une facture',
    'pos.invoice.done': 'Facture préparée pour {customer} (ticket {number}) : émettez-la dans Facturation.',
  },
  nl: {
    'pos.invoice.make': 'Factuur maken',
    'pos.invoice.done': 'Factuur voorbereid voor {customer} (ticket {number}): geef ze uit in Facturatie.',
  },
  en: {
    'pos.invoice.make': 'Make an invoice',
    'pos.invoice.done': 'Invoice drafted for {customer} (ticket {number}): issue it in Invoicing.',
  },
};
