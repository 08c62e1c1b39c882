import { EntitySchema } from '@comptoir/kernel';

/** What the shop pays a supplier for one unit of an article, VAT excluded (from a supplier's catalogue). */
export class PurchasePrice {
  id!: number;
  articleId!: number;
  /** The catalogue's supplier id; null when the import named no supplier. */
  supplierId: number | null = null;
  /** Cents, VAT excluded. */
  unitPrice!: number;
  updatedAt: Date = new Date();
}

export const PurchasePriceSchema = new EntitySchema<PurchasePrice>({
  class: PurchasePrice,
  tableName: 'pricing_purchase_price',
  uniques: [{ name: 'pricing_purchase_price_unique', expression: 'create unique index pricing_purchase_price_unique on pricing_purchase_price (article_id, coalesce(supplier_id, 0))' }],
  properties: {
    id: { type: 'integer', primary: true },
    articleId: { type: 'integer', index: true },
    supplierId: { type: 'integer', nullable: true },
    unitPrice: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});
