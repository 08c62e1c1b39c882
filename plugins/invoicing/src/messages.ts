import { DomainError, NotFoundError, VersionConflictError, formatMoney } from '@comptoir/kernel';
import type { DocumentType } from './entities/document.entity.js';

const eur = (cents: number) => ({ fr: formatMoney(cents, 'fr-BE'), nl: formatMoney(cents, 'nl-BE'), en: formatMoney(cents, 'en-IE') });
const qty = (thousandths: number) => String(thousandths / 1000);

/** A document type's name, in each language, with its article (« la facture », "de factuur", "the invoice"). */
export const TYPE_NAMES: Record<DocumentType, { fr: string; nl: string; en: string }> = {
  quote: { fr: 'devis', nl: 'offerte', en: 'quote' },
  order: { fr: 'bon de commande', nl: 'bestelbon', en: 'order' },
  delivery: { fr: 'bon de livraison', nl: 'leveringsbon', en: 'delivery note' },
  invoice: { fr: 'facture', nl: 'factuur', en: 'invoice' },
  credit_note: { fr: 'note de crédit', nl: 'creditnota', en: 'credit note' },
};

/** Invoicing's refusals: a stable code, a sentence in three languages, the HTTP status. */
export const InvoicingErrors = {
  documentNotFound: (id: number) => new NotFoundError('INVOICING_DOCUMENT_NOT_FOUND', {
    fr: `Le document ${id} n’existe pas.`, nl: `Document ${id} bestaat niet.`, en: `Document ${id} does not exist.`,
  }),
  lineNotFound: (id: number) => new NotFoundError('INVOICING_LINE_NOT_FOUND', {
    fr: `La ligne ${id} n’est pas sur ce document.`, nl: `Regel ${id} staat niet op dit document.`, en: `Line ${id} is not on this document.`,
  }),
  notDraft: (number: string) => new DomainError('INVOICING_NOT_DRAFT', {
    fr: `Le document ${number} est émis : il ne peut plus être modifié. Corrigez une facture par une note de crédit.`,
    nl: `Document ${number} is uitgegeven: het kan niet meer gewijzigd worden. Corrigeer een factuur met een creditnota.`,
    en: `Document ${number} is issued: it can no longer be changed. Correct an invoice with a credit note.`,
  }, { status: 409 }),
  versionConflict: (id: number) => new VersionConflictError({ fr: `le document ${id}`, nl: `document ${id}`, en: `document ${id}` }),
  customerRequired: () => new DomainError('INVOICING_CUSTOMER_REQUIRED', {
    fr: 'Choisissez le client avant d’émettre ce document.', nl: 'Kies de klant voor u dit document uitgeeft.', en: 'Choose the customer before issuing this document.',
  }, { status: 422, errors: [{ field: 'customerId', code: 'INVOICING_CUSTOMER_REQUIRED', message: { fr: 'Client obligatoire', nl: 'Klant verplicht', en: 'Customer required' } }] }),
  empty: () => new DomainError('INVOICING_DOCUMENT_EMPTY', {
    fr: 'Le document n’a aucune ligne d’article.', nl: 'Het document heeft geen artikelregels.', en: 'The document has no article lines.',
  }, { status: 422 }),
  negativeTotal: () => new DomainError('INVOICING_TOTAL_NEGATIVE', {
    fr: 'Le total est négatif : faites une note de crédit sur la facture à corriger.', nl: 'Het totaal is negatief: maak een creditnota op de te corrigeren factuur.', en: 'The total is negative: make a credit note on the invoice to correct.',
  }, { status: 422 }),
  creditNeedsInvoice: () => new DomainError('INVOICING_CREDIT_NEEDS_INVOICE', {
    fr: 'Une note de crédit se fait à partir de la facture qu’elle corrige.', nl: 'Een creditnota wordt gemaakt vanuit de factuur die ze corrigeert.', en: 'A credit note is made from the invoice it corrects.',
  }, { status: 422 }),
  conversionInvalid: (from: DocumentType, to: DocumentType) => new DomainError('INVOICING_CONVERSION_INVALID', {
    fr: `On ne passe pas de « ${TYPE_NAMES[from].fr} » à « ${TYPE_NAMES[to].fr} ».`,
    nl: `Van "${TYPE_NAMES[from].nl}" naar "${TYPE_NAMES[to].nl}" kan niet.`,
    en: `A ${TYPE_NAMES[from].en} cannot become a ${TYPE_NAMES[to].en}.`,
  }, { status: 422 }),
  sourceNotIssued: (id: number) => new DomainError('INVOICING_SOURCE_NOT_ISSUED', {
    fr: `Le document ${id} est un brouillon : émettez-le d’abord.`, nl: `Document ${id} is een ontwerp: geef het eerst uit.`, en: `Document ${id} is a draft: issue it first.`,
  }, { status: 422 }),
  sourcesMixed: () => new DomainError('INVOICING_SOURCES_MIXED', {
    fr: 'Les documents regroupés doivent être du même type et du même client.', nl: 'Gegroepeerde documenten moeten van hetzelfde type en dezelfde klant zijn.', en: 'Grouped documents must be of the same type and customer.',
  }, { status: 422 }),
  nothingLeft: () => new DomainError('INVOICING_NOTHING_LEFT', {
    fr: 'Il ne reste rien à reprendre de ces documents.', nl: 'Er blijft niets over om van deze documenten over te nemen.', en: 'Nothing is left to take from these documents.',
  }, { status: 422 }),
  exceedsRemaining: (description: string, asked: number, left: number) => new DomainError('INVOICING_QUANTITY_EXCEEDS_REMAINING', {
    fr: `« ${description} » : ${qty(asked)} demandé, il en reste ${qty(left)}.`,
    nl: `"${description}": ${qty(asked)} gevraagd, er blijft ${qty(left)} over.`,
    en: `'${description}': ${qty(asked)} asked, ${qty(left)} left.`,
  }, { status: 422, extra: { asked, left } }),
  creditExceedsInvoice: (number: string, left: number) => new DomainError('INVOICING_CREDIT_EXCEEDS_INVOICE', {
    fr: `La facture ${number} ne peut plus être créditée que de ${eur(left).fr}.`,
    nl: `Factuur ${number} kan nog maar voor ${eur(left).nl} gecrediteerd worden.`,
    en: `Invoice ${number} can only be credited for ${eur(left).en} more.`,
  }, { status: 422, extra: { left } }),
  notInvoice: () => new DomainError('INVOICING_NOT_AN_INVOICE', {
    fr: 'Seule une facture émise reçoit des paiements.', nl: 'Alleen een uitgegeven factuur ontvangt betalingen.', en: 'Only an issued invoice receives payments.',
  }, { status: 422 }),
  paymentExceedsBalance: (balance: number) => new DomainError('INVOICING_PAYMENT_EXCEEDS_BALANCE', {
    fr: `Le paiement dépasse le solde dû de ${eur(balance).fr}.`, nl: `De betaling overschrijdt het openstaande saldo van ${eur(balance).nl}.`, en: `The payment exceeds the balance due of ${eur(balance).en}.`,
  }, { status: 422, extra: { balance } }),
  amountTooLarge: () => new DomainError('INVOICING_AMOUNT_TOO_LARGE', {
    fr: 'Les montants de ce document sont trop grands pour être enregistrés : divisez-le en plusieurs documents.',
    nl: 'De bedragen van dit document zijn te groot om te bewaren: verdeel het over meerdere documenten.',
    en: 'This document’s amounts are too large to be stored: split it into several documents.',
  }, { status: 422 }),
  dayInvalid: (field: string) => new DomainError('INVOICING_DATE_INVALID', {
    fr: 'Cette date n’existe pas.', nl: 'Deze datum bestaat niet.', en: 'This date does not exist.',
  }, { status: 422, errors: [{ field, code: 'INVOICING_DATE_INVALID', message: { fr: 'Date invalide', nl: 'Ongeldige datum', en: 'Invalid date' } }] }),
  lineKindFields: () => new DomainError('INVOICING_LINE_INVALID', {
    fr: 'Une ligne d’article donne un article ou un code ; une ligne de texte ou de section donne son texte.',
    nl: 'Een artikelregel geeft een artikel of een code; een tekst- of sectieregel geeft zijn tekst.',
    en: 'An article line gives an article or a code; a text or section line gives its text.',
  }, { status: 422 }),
};
