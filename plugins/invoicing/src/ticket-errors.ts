import { DomainError, NotFoundError, formatMoney } from '@comptoir/kernel';

/** Refusals of `POST /from-ticket` (the VAT invoice of a paid till ticket), in French, Dutch and English. */
export const TicketErrors = {
  tillMissing: () => new NotFoundError('INVOICING_TILL_NOT_INSTALLED', {
    fr: 'La caisse n’est pas installée : il n’y a pas de ticket à facturer.', nl: 'De kassa is niet geïnstalleerd: er is geen ticket te factureren.', en: 'The till is not installed: there is no ticket to invoice.',
  }),
  notInvoiceable: (number: string) => new DomainError('INVOICING_TICKET_NOT_INVOICEABLE', {
    fr: `Le ticket ${number} ne peut pas être facturé : seul un ticket de vente payé peut l’être.`,
    nl: `Ticket ${number} kan niet gefactureerd worden: enkel een betaald verkoopticket kan dat.`,
    en: `Ticket ${number} cannot be invoiced: only a paid sale ticket can.`,
  }, { status: 422 }),
  alreadyInvoiced: (number: string) => new DomainError('INVOICING_TICKET_ALREADY_INVOICED', {
    fr: `Le ticket ${number} a déjà sa facture.`, nl: `Ticket ${number} heeft al een factuur.`, en: `Ticket ${number} already has its invoice.`,
  }, { status: 409 }),
  totalsDiffer: (number: string, ticket: number, invoice: number) => new DomainError('INVOICING_TICKET_TOTALS_DIFFER', {
    fr: `La facture du ticket ${number} ferait ${formatMoney(invoice, 'fr-BE')} au lieu de ${formatMoney(ticket, 'fr-BE')} : une ligne du ticket ne peut pas être reprise.`,
    nl: `De factuur van ticket ${number} zou ${formatMoney(invoice, 'nl-BE')} bedragen in plaats van ${formatMoney(ticket, 'nl-BE')}: een regel van het ticket kan niet overgenomen worden.`,
    en: `The invoice of ticket ${number} would come to ${formatMoney(invoice, 'en-IE')} instead of ${formatMoney(ticket, 'en-IE')}: a line of the ticket cannot be carried over.`,
  }, { status: 422 }),
};
