export * from './price-list.entity.js';
export * from './list-price.entity.js';
export * from './customer-price.entity.js';
export * from './customer-terms.entity.js';
export * from './pack.entity.js';
export * from './association.entity.js';
export * from './article-content.entity.js';
export * from './nomenclature-rule.entity.js';
export * from './purchase-price.entity.js';
export * from './import-profile.entity.js';

import { PriceListSchema } from './price-list.entity.js';
import { ListPriceSchema } from './list-price.entity.js';
import { CustomerPriceSchema } from './customer-price.entity.js';
import { CustomerTermsSchema } from './customer-terms.entity.js';
import { ArticlePackSchema } from './pack.entity.js';
import { ArticleAssociationSchema } from './association.entity.js';
import { ArticleContentSchema } from './article-content.entity.js';
import { NomenclatureRuleSchema } from './nomenclature-rule.entity.js';
import { PurchasePriceSchema } from './purchase-price.entity.js';
import { ImportProfileSchema } from './import-profile.entity.js';

/** Every table the pricing plugin owns. */
export const pricingEntities = [
  PriceListSchema, ListPriceSchema, CustomerPriceSchema, CustomerTermsSchema, ArticlePackSchema,
  ArticleAssociationSchema, ArticleContentSchema, NomenclatureRuleSchema, PurchasePriceSchema, ImportProfileSchema,
];
