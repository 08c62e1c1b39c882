import { EntitySchema } from '@comptoir/kernel';

/** A family of articles ("Boissons > Bières belges"); families form a tree. */
export class Family {
  id!: number;
  code!: string;
  name!: string;
  parent: Family | null = null;
  version = 1;
}

export const FamilySchema = new EntitySchema<Family>({
  class: Family,
  tableName: 'catalog_family',
  properties: {
    id: { type: 'integer', primary: true },
    code: { type: 'string', length: 32, unique: true },
    name: { type: 'string', length: 120 },
    parent: { kind: 'm:1', entity: () => Family, nullable: true, deleteRule: 'set null' },
    version: { type: 'integer', version: true },
  },
});
