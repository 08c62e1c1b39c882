import { DomainError, NotFoundError } from '@comptoir/kernel';

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
};
