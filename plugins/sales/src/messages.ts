import type { LocalizedText } from '@comptoir/kernel';

/** The sale contract's sentences, in French, Dutch and English. */
export const M = {
  cataloguePrice: { fr: 'prix du catalogue', nl: 'catalogusprijs', en: 'catalogue price' } satisfies LocalizedText,
  typedPrice: { fr: 'prix saisi', nl: 'ingevoerde prijs', en: 'typed price' } satisfies LocalizedText,
  codeUnknown: (code: string): LocalizedText => ({
    fr: `Le code ${code} ne correspond à aucun article, carte ou bon.`,
    nl: `De code ${code} hoort bij geen enkel artikel, kaart of bon.`,
    en: `The code ${code} is no article, card or voucher.`,
  }),
  articleNotFound: (id: number): LocalizedText => ({
    fr: `L’article n° ${id} n’existe pas.`,
    nl: `Artikel nr. ${id} bestaat niet.`,
    en: `Article #${id} does not exist.`,
  }),
  articleInactive: (name: string): LocalizedText => ({
    fr: `« ${name} » n’est plus vendu (article désactivé).`,
    nl: `'${name}' wordt niet meer verkocht (artikel uitgeschakeld).`,
    en: `'${name}' is no longer sold (article deactivated).`,
  }),
  customerNotFound: (id: number): LocalizedText => ({
    fr: `Le client n° ${id} n’existe pas.`,
    nl: `Klant nr. ${id} bestaat niet.`,
    en: `Customer #${id} does not exist.`,
  }),
  amountTooLarge: {
    fr: 'Les montants de cette vente sont trop grands pour être calculés au centime près : divisez-la.',
    nl: 'De bedragen van deze verkoop zijn te groot om tot op de cent te berekenen: splits ze op.',
    en: 'This sale’s amounts are too large to compute to the cent: split it.',
  } satisfies LocalizedText,
  dayInvalid: { fr: 'Date invalide : attendu AAAA-MM-JJ.', nl: 'Ongeldige datum: verwacht JJJJ-MM-DD.', en: 'Invalid date: expected YYYY-MM-DD.' } satisfies LocalizedText,
  lineNeedsArticleOrCode: { fr: 'Chaque ligne donne un code ou un article.', nl: 'Elke lijn geeft een code of een artikel.', en: 'Each line gives a code or an article.' } satisfies LocalizedText,
};
