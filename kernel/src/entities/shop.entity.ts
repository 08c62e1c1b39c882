import { EntitySchema } from '@mikro-orm/core';

/** The shop's identity, printed on every receipt and document. One row. */
export class Shop {
  id = 1;
  name = 'Ma boutique';
  street = '';
  postalCode = '';
  city = '';
  country = 'BE';
  vatNumber = '';
  email = '';
  phone = '';
  currency = 'EUR';
  language = 'fr';
  logo: string | null = null;
  configured = false;
  version = 1;
}

export const ShopSchema = new EntitySchema<Shop>({
  class: Shop,
  tableName: 'kernel_shop',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    name: { type: 'string', length: 120 },
    street: { type: 'string', length: 200 },
    postalCode: { type: 'string', length: 16 },
    city: { type: 'string', length: 100 },
    country: { type: 'string', length: 2 },
    vatNumber: { type: 'string', length: 32 },
    email: { type: 'string', length: 200 },
    phone: { type: 'string', length: 40 },
    currency: { type: 'string', length: 3 },
    language: { type: 'string', length: 2 },
    logo: { type: 'text', nullable: true },
    configured: { type: 'boolean' },
    version: { type: 'integer', version: true },
  },
});
