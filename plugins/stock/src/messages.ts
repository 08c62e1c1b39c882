import { DomainError, NotFoundError, type LocalizedText } from '@comptoir/kernel';

/** A quantity in thousandths as a person reads it in the language (3 → "0,003", 24000 → "24"). */
export function formatQuantity(thousandths: number, lang: 'fr' | 'nl' | 'en'): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'nl' ? 'nl-BE' : 'fr-BE', { maximumFractionDigits: 3 }).format(thousandths / 1000);
}

const both = (f: (lang: 'fr' | 'nl' | 'en') => string, fr: string, nl: string, en: string): LocalizedText => ({
  fr: fr.replace('{}', f('fr')), nl: nl.replace('{}', f('nl')), en: en.replace('{}', f('en')),
});

/** The stock plugin's errors, each with its sentence in French, Dutch and English. */
export const StockErrors = {
  /** The sale or the movement would take the article below zero where negative stock is refused. */
  insufficient: (a: { articleId: number; name: string; locationId: number; available: number; requested: number }) => new DomainError('STOCK_INSUFFICIENT', both(
    (l) => formatQuantity(a.available, l),
    `Stock insuffisant pour « ${a.name} » : il reste {}.`,
    `Onvoldoende voorraad voor "${a.name}": er blijft {} over.`,
    `Not enough stock for "${a.name}": {} left.`,
  ), { status: 409, extra: { articleId: a.articleId, article: a.name, locationId: a.locationId, available: a.available, requested: a.requested } }),
  articleNotFound: (id: number) => new NotFoundError('ARTICLE_NOT_FOUND', {
    fr: `L’article ${id} n’existe pas.`, nl: `Artikel ${id} bestaat niet.`, en: `Article ${id} does not exist.`,
  }),
  locationNotFound: (id: number) => new NotFoundError('STOCK_LOCATION_NOT_FOUND', {
    fr: `L’emplacement ${id} n’existe pas.`, nl: `Locatie ${id} bestaat niet.`, en: `Location ${id} does not exist.`,
  }),
  sameLocation: () => new DomainError('STOCK_TRANSFER_SAME_LOCATION', {
    fr: 'Un transfert va d’un emplacement à un autre.', nl: 'Een overboeking gaat van de ene locatie naar een andere.', en: 'A transfer goes from one location to another.',
  }, { status: 422 }),
  reasonRequired: () => new DomainError('STOCK_REASON_REQUIRED', {
    fr: 'Indiquez la raison de la perte.', nl: 'Geef de reden van het verlies op.', en: 'Give the reason for the loss.',
  }, { status: 422 }),
  thresholdInvalid: () => new DomainError('STOCK_THRESHOLD_INVALID', {
    fr: 'Le maximum doit être supérieur ou égal au minimum.', nl: 'Het maximum moet groter dan of gelijk aan het minimum zijn.', en: 'The maximum must be at least the minimum.',
  }, { status: 422 }),
  dateInvalid: () => new DomainError('STOCK_DATE_INVALID', {
    fr: 'Date invalide (AAAA-MM-JJ).', nl: 'Ongeldige datum (JJJJ-MM-DD).', en: 'Invalid date (YYYY-MM-DD).',
  }, { status: 422 }),
};
