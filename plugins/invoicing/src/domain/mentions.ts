import type { Language } from '@comptoir/kernel';
import { formatDay } from './days.js';

/** The Belgian mention on a credit note correcting an invoice (art. 5 §1 of royal decree no. 1, VAT code). */
export const BE_CREDIT_MENTION: Record<Language, string> = {
  fr: 'TVA à reverser à l’État dans la mesure où elle a été initialement déduite.',
  nl: 'Btw terug te storten aan de Staat in de mate waarin ze oorspronkelijk werd afgetrokken.',
  en: 'VAT to be repaid to the State insofar as it was initially deducted.',
};

const day = formatDay;

/**
 * What a credit note must say: the invoice it corrects, by number and date (France, art. 242 nonies A of the
 * CGI annex II; Belgium too), and in Belgium the mention that VAT deducted must be repaid.
 */
export function creditNoteMentions(country: string, lang: string, invoice: { number: string; date: string }): string[] {
  const l: Language = lang === 'nl' || lang === 'en' ? lang : 'fr';
  const ref = {
    fr: `Note de crédit relative à la facture ${invoice.number} du ${day(invoice.date, 'fr')}.`,
    nl: `Creditnota met betrekking tot factuur ${invoice.number} van ${day(invoice.date, 'nl')}.`,
    en: `Credit note for invoice ${invoice.number} of ${day(invoice.date, 'en')}.`,
  }[l];
  return country === 'BE' ? [ref, BE_CREDIT_MENTION[l]] : [ref];
}
