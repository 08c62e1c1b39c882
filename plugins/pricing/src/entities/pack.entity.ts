import { EntitySchema } from '@comptoir/kernel';
import { PriceList } from './price-list.entity.js';

/**
 * A packed quantity of an article with its own barcode: scanning a case of 24 sells 24 units, at the case's
 * price when it has one.
 */
export class ArticlePack {
  id!: number;
  articleId!: number;
  /** EAN-13, EAN-8, UPC-A or internal code, unique among packs and never one of an article's barcodes. */
  barcode!: string;
  /** Units in the pack, in thousandths (a case of 24 = 24000). */
  quantity!: number;
  /** Price of the whole pack in cents, on the side of VAT of its list; null: the units' price. */
  price: number | null = null;
  /** The list whose customers get `price` (null: the default list); other lists price the units. */
  priceList: PriceList | null = null;
  /** What the shop calls it ("Casier 24 × 33 cl"); empty: the article's name and the quantity. */
  name = '';
  updatedAt: Date = new Date();
}

export const ArticlePackSchema = new EntitySchema<ArticlePack>({
  class: ArticlePack,
  tableName: 'pricing_pack',
  properties: {
    id: { type: 'integer', primary: true },
    articleId: { type: 'integer', index: true },
    barcode: { type: 'string', length: 32, unique: true },
    quantity: { type: 'integer' },
    price: { type: 'integer', nullable: true },
    priceList: { kind: 'm:1', entity: () => PriceList, nullable: true, deleteRule: 'set null' },
    name: { type: 'string', length: 120 },
    updatedAt: { type: 'datetime' },
  },
});
