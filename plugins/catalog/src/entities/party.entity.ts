import { EntitySchema } from '@comptoir/kernel';

/** Address and identity fields shared by customers and suppliers. */
abstract class Party {
  id!: number;
  code!: string;
  name!: string;
  street = '';
  postalCode = '';
  city = '';
  country = 'BE';
  vatNumber = '';
  email = '';
  phone = '';
  active = true;
  searchText = '';
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  version = 1;
}

/** Someone the shop sells to: a person or a company, with the language documents are written in. */
export class Customer extends Party {
  kind: 'person' | 'company' = 'person';
  language: 'fr' | 'nl' | 'en' = 'fr';
}

/** Someone the shop buys from. */
export class Supplier extends Party {}

const partyProperties = {
  id: { type: 'integer', primary: true },
  code: { type: 'string', length: 32, unique: true },
  name: { type: 'string', length: 200 },
  street: { type: 'string', length: 200 },
  postalCode: { type: 'string', length: 16 },
  city: { type: 'string', length: 100 },
  country: { type: 'string', length: 2 },
  vatNumber: { type: 'string', length: 32, index: true },
  email: { type: 'string', length: 200 },
  phone: { type: 'string', length: 40 },
  active: { type: 'boolean' },
  searchText: { type: 'string', length: 400, index: true },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
  version: { type: 'integer', version: true },
} as const;

export const CustomerSchema = new EntitySchema<Customer>({
  class: Customer,
  tableName: 'catalog_customer',
  properties: {
    ...partyProperties,
    kind: { type: 'string', length: 8 },
    language: { type: 'string', length: 2 },
  } as any,
});

export const SupplierSchema = new EntitySchema<Supplier>({
  class: Supplier,
  tableName: 'catalog_supplier',
  properties: { ...partyProperties } as any,
});
