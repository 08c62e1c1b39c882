import { DomainError, NotFoundError, formatMoney, localize, type LocalizedText } from '@comptoir/kernel';

const eur = (cents: number) => ({ fr: formatMoney(cents, 'fr-BE'), nl: formatMoney(cents, 'nl-BE'), en: formatMoney(cents, 'en-IE') });

/** The till's refusals: a stable code, a sentence in three languages, the HTTP status. */
export const PosErrors = {
  stationRequired: () => new DomainError('POS_STATION_REQUIRED', {
    fr: 'Ce navigateur n’est pas une caisse enregistrée : faites-le enregistrer comme caisse par un responsable.',
    nl: 'Deze browser is geen geregistreerde kassa: laat hem door een verantwoordelijke als kassa registreren.',
    en: 'This browser is not a registered till: ask a manager to register it as a station.',
  }, { status: 409 }),
  ticketNotFound: (id: number | string) => new NotFoundError('POS_TICKET_NOT_FOUND', {
    fr: `Le ticket ${id} n’existe pas.`, nl: `Ticket ${id} bestaat niet.`, en: `Ticket ${id} does not exist.`,
  }),
  lineNotFound: (id: number) => new NotFoundError('POS_LINE_NOT_FOUND', {
    fr: `La ligne ${id} n’est pas sur ce ticket.`, nl: `Regel ${id} staat niet op dit ticket.`, en: `Line ${id} is not on this ticket.`,
  }),
  ticketNotOpen: (status: string) => new DomainError('POS_TICKET_NOT_OPEN', {
    fr: `Ce ticket est ${({ parked: 'en attente', paid: 'déjà payé', cancelled: 'annulé', open: 'ouvert' } as Record<string, string>)[status] ?? status} : il ne peut plus être modifié ici.`,
    nl: `Dit ticket is ${({ parked: 'geparkeerd', paid: 'al betaald', cancelled: 'geannuleerd', open: 'open' } as Record<string, string>)[status] ?? status}: het kan hier niet meer gewijzigd worden.`,
    en: `This ticket is ${({ parked: 'parked', paid: 'already paid', cancelled: 'cancelled', open: 'open' } as Record<string, string>)[status] ?? status}: it cannot be changed here.`,
  }, { status: 409 }),
  ticketNotParked: () => new DomainError('POS_TICKET_NOT_PARKED', {
    fr: 'Ce ticket n’est pas en attente : il a déjà été repris.', nl: 'Dit ticket is niet geparkeerd: het werd al hervat.', en: 'This ticket is not parked: it was already resumed.',
  }, { status: 409 }),
  ticketEmpty: () => new DomainError('POS_TICKET_EMPTY', {
    fr: 'Le ticket n’a aucune ligne.', nl: 'Het ticket heeft geen regels.', en: 'The ticket has no lines.',
  }, { status: 422 }),
  ticketNotPaid: (n: string) => new DomainError('POS_TICKET_NOT_PAID', {
    fr: `Le ticket ${n} n’est pas une vente payée.`, nl: `Ticket ${n} is geen betaalde verkoop.`, en: `Ticket ${n} is not a paid sale.`,
  }, { status: 422 }),
  articleNotFound: (code: string) => new NotFoundError('POS_ARTICLE_NOT_FOUND', {
    fr: `Aucun article ne porte le code « ${code} ».`, nl: `Geen artikel heeft de code "${code}".`, en: `No article has the code '${code}'.`,
  }),
  articleWithoutPrice: (code: string) => new DomainError('POS_ARTICLE_WITHOUT_PRICE', {
    fr: `L’article ${code} n’a pas de prix : tapez le prix.`, nl: `Artikel ${code} heeft geen prijs: typ de prijs.`, en: `Article ${code} has no price: type the price.`,
  }, { status: 422 }),
  discountTooHigh: (limit: number) => new DomainError('POS_DISCOUNT_ABOVE_LIMIT', {
    fr: `Une remise de plus de ${limit / 100} % demande l’autorisation « remises au-delà de la limite ».`,
    nl: `Een korting van meer dan ${limit / 100} % vraagt de toestemming "kortingen boven de limiet".`,
    en: `A discount above ${limit / 100} % needs the "discounts above the limit" permission.`,
  }, { status: 403, extra: { permission: 'pos.discount' } }),
  discountInvalid: (detail: string) => new DomainError('POS_DISCOUNT_INVALID', { fr: detail, nl: detail, en: detail }, { status: 422 }),
  voidAfterDisplay: () => new DomainError('POS_VOID_NOT_ALLOWED', {
    fr: 'Le total a déjà été montré au client : supprimer une ligne demande l’autorisation « annuler une ligne après affichage ».',
    nl: 'Het totaal werd al aan de klant getoond: een regel schrappen vraagt de toestemming "regel schrappen na weergave".',
    en: 'The total was already shown to the customer: voiding a line needs the "void after display" permission.',
  }, { status: 403, extra: { permission: 'pos.void' } }),
  tenderUnknown: (m: string) => new DomainError('POS_TENDER_UNKNOWN', {
    fr: `Le moyen de paiement « ${m} » n’existe pas.`, nl: `Betaalwijze "${m}" bestaat niet.`, en: `Payment method '${m}' does not exist.`,
  }, { status: 422 }),
  tenderExcess: (m: LocalizedText, excess: number) => new DomainError('POS_TENDER_EXCESS', {
    fr: `Le paiement « ${localize(m, 'fr')} » dépasse le montant dû de ${eur(excess).fr} : seules les espèces peuvent dépasser (le rendu).`,
    nl: `De betaling "${localize(m, 'nl')}" overschrijdt het verschuldigde bedrag met ${eur(excess).nl}: alleen contant mag meer zijn (wisselgeld).`,
    en: `The '${localize(m, 'en')}' payment exceeds what is due by ${eur(excess).en}: only cash may exceed it (change is given).`,
  }, { status: 422, extra: { excess } }),
  tenderShort: (missing: number) => new DomainError('POS_TENDER_SHORT', {
    fr: `Il manque ${eur(missing).fr}.`, nl: `Er ontbreekt ${eur(missing).nl}.`, en: `${eur(missing).en} is missing.`,
  }, { status: 422, extra: { missing } }),
  tenderNotRefundable: (m: string) => new DomainError('POS_TENDER_NOT_REFUNDABLE', {
    fr: `On ne rembourse pas par « ${m} ».`, nl: `Terugbetalen met "${m}" kan niet.`, en: `Refunds cannot be paid by '${m}'.`,
  }, { status: 422 }),
  refundTooMuch: (code: string, left: number) => new DomainError('POS_REFUND_EXCEEDS_SALE', {
    fr: `On ne peut plus rembourser que ${left / 1000} de « ${code} » : le reste l’a déjà été.`,
    nl: `Van "${code}" kan nog maar ${left / 1000} terugbetaald worden: de rest werd al terugbetaald.`,
    en: `Only ${left / 1000} of '${code}' can still be refunded: the rest already was.`,
  }, { status: 409, extra: { left } }),
  refundEmpty: () => new DomainError('POS_REFUND_EMPTY', {
    fr: 'Choisissez au moins une ligne à rembourser.', nl: 'Kies minstens één regel om terug te betalen.', en: 'Choose at least one line to refund.',
  }, { status: 422 }),
  correctionTotal: (expected: number) => new DomainError('POS_CORRECTION_TOTAL', {
    fr: `Les paiements corrigés doivent totaliser ${eur(expected).fr}.`, nl: `De gecorrigeerde betalingen moeten samen ${eur(expected).nl} zijn.`, en: `The corrected payments must add up to ${eur(expected).en}.`,
  }, { status: 422 }),
  alreadyClosed: (what: string) => new DomainError('POS_ALREADY_CLOSED', {
    fr: `${what} est déjà clôturé : un Z ne se refait pas.`, nl: `${what} is al afgesloten: een Z wordt niet opnieuw gemaakt.`, en: `${what} is already closed: a Z cannot be taken twice.`,
  }, { status: 409 }),
  periodInvalid: () => new DomainError('POS_PERIOD_INVALID', {
    fr: 'La période est invalide : une date AAAA-MM-JJ, et pour une période libre une fin après le début.',
    nl: 'De periode is ongeldig: een datum JJJJ-MM-DD, en voor een vrije periode een einde na het begin.',
    en: 'The period is invalid: a date YYYY-MM-DD, and for a free period an end after the start.',
  }, { status: 422 }),
  reasonRequired: () => new DomainError('POS_REASON_REQUIRED', {
    fr: 'Donnez la raison du mouvement de caisse.', nl: 'Geef de reden van de kasbeweging.', en: 'Give the reason for the cash movement.',
  }, { status: 422 }),
  concurrent: () => new DomainError('POS_CONCURRENT_CHANGE', {
    fr: 'Le ticket a changé entre-temps sur une autre caisse : rechargez-le.', nl: 'Het ticket werd intussen op een andere kassa gewijzigd: herlaad het.', en: 'The ticket changed meanwhile on another station: reload it.',
  }, { status: 409 }),
};

/** Localized text of a payment method for messages. */
export type Label = LocalizedText;
