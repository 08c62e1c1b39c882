import { EntitySchema } from '@mikro-orm/core';

/** A shop's changes to a print template in one language: texts, hidden blocks, logo. Versioned. */
export class PrintOverride {
  /** The template's id, `<plugin>.<name>`. */
  template!: string;
  language!: string;
  /** Text key → the shop's text. */
  texts: Record<string, string> = {};
  hiddenBlocks: string[] = [];
  /** data: URL, or null for the shop's logo. */
  logo: string | null = null;
  version = 1;
  updatedAt!: Date;
  updatedBy: number | null = null;
}

export const PrintOverrideSchema = new EntitySchema<PrintOverride>({
  class: PrintOverride,
  tableName: 'kernel_print_override',
  properties: {
    template: { type: 'string', primary: true, length: 80 },
    language: { type: 'string', primary: true, length: 2 },
    texts: { type: 'json' },
    hiddenBlocks: { type: 'json' },
    logo: { type: 'text', nullable: true },
    version: { type: 'integer' },
    updatedAt: { type: 'datetime' },
    updatedBy: { type: 'integer', nullable: true },
  },
});
