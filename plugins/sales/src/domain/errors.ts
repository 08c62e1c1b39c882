import { DomainError, formatMoney } from '@comptoir/kernel';

/** The sale contract's refusals, each with its sentence in French, Dutch and English. */
export const SaleErrors = {
  lineNotPriced: (line: { id: string; description: string }) => new DomainError('SALE_LINE_NOT_PRICED', {
    fr: `« ${line.description} » n’a pas de prix : donnez-lui un prix dans le catalogue ou tapez-le.`,
    nl: `'${line.description}' heeft geen prijs: geef het een prijs in de catalogus of typ ze in.`,
    en: `'${line.description}' has no price: give it one in the catalogue or type it in.`,
  }, { status: 422, extra: { lineId: line.id } }),
  discountBoth: (where: string) => new DomainError('SALE_DISCOUNT_INVALID', {
    fr: `${where} : une remise est un pourcentage ou un montant, pas les deux.`,
    nl: `${where}: een korting is een percentage of een bedrag, niet beide.`,
    en: `${where}: a discount is a percentage or an amount, not both.`,
  }, { status: 422 }),
  discountRate: (where: string) => new DomainError('SALE_DISCOUNT_INVALID', {
    fr: `${where} : le pourcentage de remise doit être compris entre 0 et 100 %.`,
    nl: `${where}: het kortingspercentage moet tussen 0 en 100 % liggen.`,
    en: `${where}: the discount percentage must be between 0 and 100 %.`,
  }, { status: 422 }),
  discountTooLarge: (where: string, discount: number, total: number) => new DomainError('SALE_DISCOUNT_TOO_LARGE', {
    fr: `${where} : la remise de ${formatMoney(discount, 'fr-BE')} dépasse le montant de ${formatMoney(total, 'fr-BE')}.`,
    nl: `${where}: de korting van ${formatMoney(discount, 'nl-BE')} is groter dan het bedrag van ${formatMoney(total, 'nl-BE')}.`,
    en: `${where}: the discount of ${formatMoney(discount, 'en-GB')} is larger than the amount of ${formatMoney(total, 'en-GB')}.`,
  }, { status: 422 }),
};
