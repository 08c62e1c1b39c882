import { EntitySchema } from '@comptoir/kernel';

/** A saved column mapping for a supplier's catalogue, so that next month's file imports in one click. */
export class ImportProfile {
  id!: number;
  name!: string;
  /** Field → column header, plus the reading options (format, delimiter, decimal separator, supplier). */
  settings!: Record<string, unknown>;
  updatedAt: Date = new Date();
}

export const ImportProfileSchema = new EntitySchema<ImportProfile>({
  class: ImportProfile,
  tableName: 'pricing_import_profile',
  properties: {
    id: { type: 'integer', primary: true },
    name: { type: 'string', length: 80, unique: true },
    settings: { type: 'json' },
    updatedAt: { type: 'datetime' },
  },
});
