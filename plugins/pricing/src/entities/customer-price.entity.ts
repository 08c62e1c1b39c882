import { EntitySchema } from '@comptoir/kernel';

/** A price agreed with one customer for one article, possibly from a quantity and for a period. */
export class CustomerPrice {
  id!: number;
  /** The catalogue's customer id. */
  customerId!: number;
  /** The catalogue's article id. */
  articleId!: number;
  minQuantity = 0;
  unitPrice!: number;
  /** Whether `unitPrice` includes VAT; the quote shows it on the side of the customer's list. */
  includesVat = false;
  validFrom: string | null = null;
  validTo: string | null = null;
  updatedAt: Date = new Date();
}

export const CustomerPriceSchema = new EntitySchema<CustomerPrice>({
  class: CustomerPrice,
  tableName: 'pricing_customer_price',
  uniques: [{ name: 'pricing_customer_price_row_unique', expression: "create unique index pricing_customer_price_row_unique on pricing_customer_price (customer_id, article_id, min_quantity, coalesce(valid_from, ''))" }],
  indexes: [{ properties: ['customerId', 'articleId'] }],
  properties: {
    id: { type: 'integer', primary: true },
    customerId: { type: 'integer' },
    articleId: { type: 'integer', index: true },
    minQuantity: { type: 'integer' },
    unitPrice: { type: 'integer' },
    includesVat: { type: 'boolean' },
    validFrom: { type: 'string', length: 10, nullable: true },
    validTo: { type: 'string', length: 10, nullable: true },
    updatedAt: { type: 'datetime' },
  },
});
