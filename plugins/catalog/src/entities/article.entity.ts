import { Collection, EntitySchema } from '@comptoir/kernel';
import { Family } from './family.entity.js';
import type { Barcode } from './barcode.entity.js';

/** How an article is counted: quantities are thousandths of this unit. */
export type ArticleUnit = 'piece' | 'kg' | 'litre';
export const ARTICLE_UNITS: readonly ArticleUnit[] = ['piece', 'kg', 'litre'];

/** Something the shop sells: its code, name, family, unit, VAT category, barcodes and retail price. */
export class Article {
  id!: number;
  code!: string;
  name!: string;
  description = '';
  family: Family | null = null;
  unit: ArticleUnit = 'piece';
  /** VAT category code of the shop's country, e.g. 'BE-21'. */
  vatCategory!: string;
  /** Retail price in cents, VAT included (the pricing plugin refines it). */
  price: number | null = null;
  active = true;
  /** Lower-case, accent-free code and name, for searching by fragment on every database. */
  searchText = '';
  barcodes = new Collection<Barcode>(this);
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  version = 1;
}

export const ArticleSchema = new EntitySchema<Article>({
  class: Article,
  tableName: 'catalog_article',
  properties: {
    id: { type: 'integer', primary: true },
    code: { type: 'string', length: 32, unique: true },
    name: { type: 'string', length: 200, index: true },
    description: { type: 'text' },
    family: { kind: 'm:1', entity: () => Family, nullable: true, deleteRule: 'set null', index: true },
    unit: { type: 'string', length: 8 },
    vatCategory: { type: 'string', length: 16 },
    price: { type: 'integer', nullable: true },
    active: { type: 'boolean', index: true },
    searchText: { type: 'string', length: 240, index: true },
    barcodes: { kind: '1:m', entity: 'Barcode', mappedBy: 'article', orphanRemoval: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});
