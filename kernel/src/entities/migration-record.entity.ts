import { EntitySchema } from '@mikro-orm/core';

/** The ledger of applied migrations (written by the migration runner with plain SQL). */
export class MigrationRecord {
  plugin!: string;
  name!: string;
  appliedAt!: string;
}

export const MigrationRecordSchema = new EntitySchema<MigrationRecord>({
  class: MigrationRecord,
  tableName: 'kernel_migration',
  properties: {
    plugin: { type: 'string', primary: true, length: 64 },
    name: { type: 'string', primary: true, length: 128 },
    appliedAt: { type: 'string', length: 32 },
  },
});
