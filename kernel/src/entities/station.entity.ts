import { EntitySchema } from '@mikro-orm/core';

/** A till or tablet of the shop, bound to one browser by a secret cookie. */
export class Station {
  id!: number;
  number!: number;
  name!: string;
  tokenHash!: string;
  active = true;
  createdAt: Date = new Date();
}

export const StationSchema = new EntitySchema<Station>({
  class: Station,
  tableName: 'kernel_station',
  properties: {
    id: { type: 'integer', primary: true },
    number: { type: 'integer', unique: true },
    name: { type: 'string', length: 80 },
    tokenHash: { type: 'string', length: 64, unique: true },
    active: { type: 'boolean' },
    createdAt: { type: 'datetime' },
  },
});
