import { formatMoney, type Language, type LocalizedText } from '@comptoir/kernel';
import { NOTE_MAX_LENGTH } from './entities/article-note.entity.js';

const NO_PRICE: Record<Language, string> = { fr: 'sans prix', nl: 'geen prijs', en: 'no price' };

/** A price in cents as people read it in a language and country ("2,49 €"); "?" when it is not known. */
function price(cents: number | null | undefined, lang: Language, country: string): string {
  if (cents === undefined) return '?';
  if (cents === null) return NO_PRICE[lang];
  return formatMoney(cents, `${lang}-${country}`);
}

/** French, Dutch and English sentences of the notes plugin. */
export const M = {
  required: { fr: 'Écrivez le texte de la note.', nl: 'Schrijf de tekst van de notitie.', en: 'Write the text of the note.' },
  tooLong: {
    fr: `Une note compte au plus ${NOTE_MAX_LENGTH} caractères.`,
    nl: `Een notitie telt hoogstens ${NOTE_MAX_LENGTH} tekens.`,
    en: `A note has at most ${NOTE_MAX_LENGTH} characters.`,
  },
  /** The automatic note of a price change, e.g. "Prix modifié : 2,49 € → 2,59 €". */
  priceChanged: (before: number | null | undefined, after: number | null, country: string): LocalizedText => ({
    fr: `Prix modifié : ${price(before, 'fr', country)} → ${price(after, 'fr', country)}`,
    nl: `Prijs gewijzigd: ${price(before, 'nl', country)} → ${price(after, 'nl', country)}`,
    en: `Price changed: ${price(before, 'en', country)} → ${price(after, 'en', country)}`,
  }),
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;
