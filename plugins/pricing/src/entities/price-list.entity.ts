import { EntitySchema } from '@comptoir/kernel';

/** A list's name in each UI language (a name typed once serves every language). */
export interface ListName {
  fr: string;
  nl: string;
  en: string;
}

/** A price list: retail (prices with VAT), wholesale (prices without VAT), or any list the shop adds. */
export class PriceList {
  id!: number;
  code!: string;
  name!: ListName;
  /** True when the list's prices include VAT (shop counter), false when they exclude it (trade customers). */
  includesVat = true;
  /** The list of customers who have none of their own; exactly one list is the default. */
  isDefault = false;
  active = true;
  /** Order in the shell's lists. */
  position = 0;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  version = 1;
}

export const PriceListSchema = new EntitySchema<PriceList>({
  class: PriceList,
  tableName: 'pricing_price_list',
  properties: {
    id: { type: 'integer', primary: true },
    code: { type: 'string', length: 32, unique: true },
    name: { type: 'json' },
    includesVat: { type: 'boolean' },
    isDefault: { type: 'boolean' },
    active: { type: 'boolean' },
    position: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});
