import { DomainError, formatMoney } from '@comptoir/kernel';

/** The refusals of the sale screen's additions (ticket discount, quick keys): a stable code, three languages. */
export const SaleScreenErrors = {
  discountBoth: () => new DomainError('POS_DISCOUNT_INVALID', {
    fr: 'Une remise sur le ticket est un pourcentage ou un montant, pas les deux.',
    nl: 'Een korting op het ticket is een percentage of een bedrag, niet beide.',
    en: 'A ticket discount is a percentage or an amount, not both.',
  }, { status: 422 }),
  ticketDiscountTooLarge: (discount: number, subtotal: number) => new DomainError('POS_TICKET_DISCOUNT_TOO_LARGE', {
    fr: `La remise sur le ticket (${formatMoney(discount, 'fr-BE')}) dépasse le montant des lignes (${formatMoney(subtotal, 'fr-BE')}) : réduisez-la d’abord.`,
    nl: `De korting op het ticket (${formatMoney(discount, 'nl-BE')}) is groter dan het bedrag van de regels (${formatMoney(subtotal, 'nl-BE')}): verlaag ze eerst.`,
    en: `The ticket discount (${formatMoney(discount, 'en-IE')}) is larger than the lines’ amount (${formatMoney(subtotal, 'en-IE')}): lower it first.`,
  }, { status: 422, extra: { discount, subtotal } }),
  quickKeysStation: (id: number) => new DomainError('POS_QUICK_KEYS_STATION', {
    fr: `Le poste ${id} n’existe pas.`, nl: `Post ${id} bestaat niet.`, en: `Station ${id} does not exist.`,
  }, { status: 422 }),
  quickKeyUnknown: (kind: 'article' | 'family', id: number) => new DomainError('POS_QUICK_KEY_UNKNOWN', {
    fr: `${kind === 'article' ? 'L’article' : 'La famille'} ${id} d’une touche rapide n’existe pas.`,
    nl: `${kind === 'article' ? 'Artikel' : 'Familie'} ${id} van een sneltoets bestaat niet.`,
    en: `The ${kind} ${id} of a quick key does not exist.`,
  }, { status: 422, extra: { kind, id } }),
};
