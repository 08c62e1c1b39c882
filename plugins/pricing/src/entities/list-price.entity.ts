import { EntitySchema } from '@comptoir/kernel';
import { PriceList } from './price-list.entity.js';

/**
 * One price of an article in a list: the base price (minQuantity 0) or a quantity break ("from 24"),
 * possibly for a period. The article is the catalogue's, kept as a plain id (no foreign key into another
 * plugin's table, see docs/plugin-guide.md §4).
 */
export class ListPrice {
  id!: number;
  priceList!: PriceList;
  articleId!: number;
  /** Threshold in thousandths: 0 is the base price, 24000 is "from 24". */
  minQuantity = 0;
  /** Cents, with or without VAT as the list says. */
  unitPrice!: number;
  /** First day 'YYYY-MM-DD', inclusive; null: always. */
  validFrom: string | null = null;
  /** Last day 'YYYY-MM-DD', inclusive; null: for ever. */
  validTo: string | null = null;
  updatedAt: Date = new Date();
}

export const ListPriceSchema = new EntitySchema<ListPrice>({
  class: ListPrice,
  tableName: 'pricing_list_price',
  // One row per list, article, threshold and first day; NULL first days compare equal through coalesce.
  uniques: [{ name: 'pricing_list_price_row_unique', expression: "create unique index pricing_list_price_row_unique on pricing_list_price (price_list_id, article_id, min_quantity, coalesce(valid_from, ''))" }],
  properties: {
    id: { type: 'integer', primary: true },
    priceList: { kind: 'm:1', entity: () => PriceList, deleteRule: 'cascade', index: true },
    articleId: { type: 'integer', index: true },
    minQuantity: { type: 'integer' },
    unitPrice: { type: 'integer' },
    validFrom: { type: 'string', length: 10, nullable: true },
    validTo: { type: 'string', length: 10, nullable: true },
    updatedAt: { type: 'datetime' },
  },
});
