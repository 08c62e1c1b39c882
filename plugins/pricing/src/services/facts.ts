import { findVatCategory, type Article, type ArticleFacts } from '@comptoir/catalog';

/** The few article fields pricing needs: the catalogue's read API's facts. */
export type { ArticleFacts } from '@comptoir/catalog';

/** The pricing facts of a catalogue article. */
export const toFacts = (a: Article): ArticleFacts => ({
  id: a.id, code: a.code, name: a.name, unit: a.unit, vatCategory: a.vatCategory,
  vatRate: findVatCategory(a.vatCategory)?.rate ?? 0, price: a.price, familyId: a.family?.id ?? null,
});

