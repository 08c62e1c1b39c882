import { EntitySchema } from '@comptoir/kernel';
import type { BarcodeEncoding, BarcodeRuleType, DiscountUnit } from '../domain/index.js';

/**
 * How the article digits (`A`) of an in-store code find the article:
 * - `plu-internal-code`: the article carrying the internal barcode `PLU-` + the number without its leading zeros,
 *   padded to 4 digits (scale label 21 01001 … → `PLU-1001`; 21 12345 … → `PLU-12345`);
 * - `barcode`: the article carrying the digits as printed as a barcode (`01001`);
 * - `article-code`: the article whose code is the digits as printed.
 */
export type ArticleLookup = 'plu-internal-code' | 'barcode' | 'article-code';
export const ARTICLE_LOOKUPS: readonly ArticleLookup[] = ['plu-internal-code', 'barcode', 'article-code'];

/** One rule of the shop's barcode nomenclature; rules are tried by `position`, the first that fits reads the code. */
export class NomenclatureRule {
  id!: number;
  position = 0;
  name!: string;
  type!: BarcodeRuleType;
  pattern!: string;
  encoding: BarcodeEncoding | null = null;
  discountUnit: DiscountUnit | null = null;
  articleLookup: ArticleLookup = 'plu-internal-code';
  active = true;
  updatedAt: Date = new Date();
}

export const NomenclatureRuleSchema = new EntitySchema<NomenclatureRule>({
  class: NomenclatureRule,
  tableName: 'pricing_barcode_rule',
  properties: {
    id: { type: 'integer', primary: true },
    position: { type: 'integer' },
    name: { type: 'string', length: 80 },
    type: { type: 'string', length: 12 },
    pattern: { type: 'string', length: 32 },
    encoding: { type: 'string', length: 8, nullable: true },
    discountUnit: { type: 'string', length: 8, nullable: true },
    articleLookup: { type: 'string', length: 24 },
    active: { type: 'boolean' },
    updatedAt: { type: 'datetime' },
  },
});
