import { findVatCategory, type Article, type ArticleUnit } from '@comptoir/catalog';

/** The few article fields pricing needs. */
export interface ArticleFacts {
  id: number;
  code: string;
  name: string;
  unit: ArticleUnit;
  vatCategory: string;
  vatRate: number;
  price: number | null;
  familyId: number | null;
}

/** The pricing facts of a catalogue article. */
export const toFacts = (a: Article): ArticleFacts => ({
  id: a.id, code: a.code, name: a.name, unit: a.unit, vatCategory: a.vatCategory,
  vatRate: findVatCategory(a.vatCategory)?.rate ?? 0, price: a.price, familyId: a.family?.id ?? null,
});

