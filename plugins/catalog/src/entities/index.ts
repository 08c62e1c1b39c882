export * from './family.entity.js';
export * from './article.entity.js';
export * from './barcode.entity.js';
export * from './party.entity.js';

import { FamilySchema } from './family.entity.js';
import { ArticleSchema } from './article.entity.js';
import { BarcodeSchema } from './barcode.entity.js';
import { CustomerSchema, SupplierSchema } from './party.entity.js';

/** Every table the catalogue owns. */
export const catalogEntities = [FamilySchema, ArticleSchema, BarcodeSchema, CustomerSchema, SupplierSchema];
