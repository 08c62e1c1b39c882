/**
 * Human explanations of a price rule, in each UI language ("gros, palier à partir de 24",
 * "prix client (à partir de 6), jusqu'au 31/12/2026"). Kept apart from the engine: wording changes
 * for other reasons than the pricing rules do.
 */
import { formatQuantity } from '@comptoir/kernel';
import type { Language, LocalizedText } from '@comptoir/catalog';

/** What an explanation is built from. */
export interface ExplanationInput {
  readonly kind: 'customer' | 'break' | 'list' | 'default-list' | 'catalogue' | 'none';
  /** Name of the list the price comes from (break, list, default-list). */
  readonly listName?: LocalizedText;
  /** Threshold of the applied row, in thousandths; 0 or 1000 is the base price. */
  readonly minQuantity?: number | null;
  /** Last day of the applied row ('YYYY-MM-DD'), when it ends. */
  readonly validTo?: string | null;
}

/** Number formats of each language: fr and nl write "1,5", en writes "1.5". */
const LOCALES: Readonly<Record<Language, string>> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

const WORDS = {
  fr: {
    customer: 'prix client',
    base: 'prix de base',
    from: (q: string) => `à partir de ${q}`,
    breakFrom: (q: string) => `palier à partir de ${q}`,
    defaultList: 'liste par défaut',
    until: (d: string) => `jusqu'au ${d}`,
    catalogue: 'prix catalogue',
    none: 'aucun prix',
  },
  nl: {
    customer: 'klantprijs',
    base: 'basisprijs',
    from: (q: string) => `vanaf ${q}`,
    breakFrom: (q: string) => `staffel vanaf ${q}`,
    defaultList: 'standaardlijst',
    until: (d: string) => `tot en met ${d}`,
    catalogue: 'catalogusprijs',
    none: 'geen prijs',
  },
  en: {
    customer: 'customer price',
    base: 'base price',
    from: (q: string) => `from ${q}`,
    breakFrom: (q: string) => `break from ${q}`,
    defaultList: 'default list',
    until: (d: string) => `until ${d}`,
    catalogue: 'catalogue price',
    none: 'no price',
  },
} as const;

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', as dates are written in Belgium and France. */
function displayDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** True when a row threshold is a real quantity break (above one unit). */
function isBreak(minQuantity: number | null | undefined): minQuantity is number {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: null > 1000 and undefined > 1000 are false; the checks narrow the type
  return minQuantity !== null && minQuantity !== undefined && minQuantity > 1000;
}

function explainIn(language: Language, input: ExplanationInput): string {
  const w = WORDS[language];
  const quantity = (milli: number) => formatQuantity(milli, LOCALES[language]);
  const until = input.validTo ? `, ${w.until(displayDate(input.validTo))}` : '';
  const listName = input.listName?.[language] ?? '';
  switch (input.kind) {
    case 'customer':
      return `${w.customer}${isBreak(input.minQuantity) ? ` (${w.from(quantity(input.minQuantity))})` : ''}${until}`;
    case 'break':
    case 'list':
    case 'default-list': {
      const name = input.kind === 'default-list' ? `${listName} (${w.defaultList})` : listName;
      const tier = isBreak(input.minQuantity) ? w.breakFrom(quantity(input.minQuantity)) : w.base;
      return `${name}, ${tier}${until}`;
    }
    case 'catalogue':
      return w.catalogue;
    case 'none':
      return w.none;
  }
}

/** The explanation of a price rule in French, Dutch and English. */
export function explainPrice(input: ExplanationInput): LocalizedText {
  return { fr: explainIn('fr', input), nl: explainIn('nl', input), en: explainIn('en', input) };
}
