import { EntitySchema } from '@comptoir/kernel';
import type { Article } from './article.entity.js';

import type { BarcodeKind } from '../domain/index.js';

/** A code that identifies an article at the scanner; unique across the catalogue. */
export class Barcode {
  id!: number;
  article!: Article;
  code!: string;
  kind!: BarcodeKind;
}

export const BarcodeSchema = new EntitySchema<Barcode>({
  class: Barcode,
  tableName: 'catalog_barcode',
  properties: {
    id: { type: 'integer', primary: true },
    article: { kind: 'm:1', entity: 'Article', deleteRule: 'cascade', index: true },
    code: { type: 'string', length: 32, unique: true },
    kind: { type: 'string', length: 8 },
  },
});
