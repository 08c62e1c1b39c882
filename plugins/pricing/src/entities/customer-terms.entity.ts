import { EntitySchema } from '@comptoir/kernel';
import { PriceList } from './price-list.entity.js';

/** The commercial terms of a customer: the price list they buy at (none: the default list). */
export class CustomerTerms {
  id!: number;
  /** The catalogue's customer id; one row per customer. */
  customerId!: number;
  priceList!: PriceList;
  updatedAt: Date = new Date();
}

export const CustomerTermsSchema = new EntitySchema<CustomerTerms>({
  class: CustomerTerms,
  tableName: 'pricing_customer_terms',
  properties: {
    id: { type: 'integer', primary: true },
    customerId: { type: 'integer', unique: true },
    priceList: { kind: 'm:1', entity: () => PriceList, deleteRule: 'cascade', index: true },
    updatedAt: { type: 'datetime' },
  },
});
