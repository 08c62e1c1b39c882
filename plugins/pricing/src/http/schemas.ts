/** JSON schemas shared by the pricing routes. */
import { MAX_INT32 } from '@comptoir/kernel';
export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
export const articleParams = { type: 'object', required: ['articleId'], properties: { articleId: { type: 'integer', minimum: 1 } } } as const;
export const customerParams = { type: 'object', required: ['customerId'], properties: { customerId: { type: 'integer', minimum: 1 } } } as const;

const day = { type: ['string', 'null'], maxLength: 10 } as const;
// Bounded like the 32-bit integer columns that store them, so that a value too large is refused naming its field.
const cents = { type: 'integer', minimum: -MAX_INT32 - 1, maximum: MAX_INT32 } as const;
const thousandths = { type: 'integer', minimum: -MAX_INT32 - 1, maximum: MAX_INT32 } as const;
const listCode = { type: 'string', minLength: 1, maxLength: 32 } as const;

export const listNameSchema = {
  anyOf: [
    { type: 'string', maxLength: 80 },
    { type: 'object', required: ['fr'], additionalProperties: false, properties: { fr: { type: 'string', maxLength: 80 }, nl: { type: 'string', maxLength: 80 }, en: { type: 'string', maxLength: 80 } } },
  ],
} as const;

export const priceListBody = {
  type: 'object', additionalProperties: false,
  properties: {
    code: { type: 'string', maxLength: 64 }, name: listNameSchema, includesVat: { type: 'boolean' }, isDefault: { type: 'boolean' },
    active: { type: 'boolean' }, position: { type: 'integer', minimum: 0, maximum: 10000 }, version: { type: 'integer' },
  },
} as const;

export const listPriceBody = {
  type: 'object', additionalProperties: false,
  properties: {
    priceListId: { type: 'integer', minimum: 1 }, priceListCode: listCode, articleId: { type: 'integer', minimum: 1 },
    minQuantity: thousandths, unitPrice: cents, validFrom: day, validTo: day,
  },
} as const;

export const articleListParams = {
  type: 'object', required: ['articleId', 'listCode'], properties: { articleId: { type: 'integer', minimum: 1 }, listCode },
} as const;

/** An article's rows in one list, all at once (`PUT /prices/articles/:articleId/lists/:listCode`). */
export const articleListPricesBody = {
  type: 'object', required: ['rows'], additionalProperties: false,
  properties: {
    rows: {
      type: 'array', maxItems: 500,
      items: {
        type: 'object', required: ['minQuantity', 'unitPrice'], additionalProperties: false,
        properties: { id: { type: 'integer', minimum: 0 }, minQuantity: thousandths, unitPrice: cents, validFrom: day, validTo: day },
      },
    },
    version: { type: 'integer', minimum: 0 },
  },
} as const;

export const customerPriceBody = {
  type: 'object', additionalProperties: false,
  properties: {
    customerId: { type: 'integer', minimum: 1 }, articleId: { type: 'integer', minimum: 1 }, minQuantity: thousandths, unitPrice: cents,
    includesVat: { type: 'boolean' }, validFrom: day, validTo: day,
  },
} as const;

export const packBody = {
  type: 'object', additionalProperties: false,
  properties: {
    articleId: { type: 'integer', minimum: 1 }, barcode: { type: 'string', maxLength: 64 }, quantity: thousandths, price: { type: ['integer', 'null'], minimum: -MAX_INT32 - 1, maximum: MAX_INT32 },
    priceListCode: { type: ['string', 'null'], maxLength: 32 }, name: { type: 'string', maxLength: 120 },
  },
} as const;

export const associationBody = {
  type: 'object', additionalProperties: false,
  properties: {
    articleId: { type: 'integer', minimum: 1 }, associatedArticleId: { type: 'integer', minimum: 1 }, packId: { type: ['integer', 'null'] },
    ratio: thousandths, kind: { type: 'string', enum: ['deposit', 'accessory', 'fee'] },
  },
} as const;

export const ruleBody = {
  type: 'object', additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 80 }, type: { type: 'string', enum: ['weight', 'price', 'quantity', 'discount', 'customer', 'cashier', 'article'] },
    pattern: { type: 'string', maxLength: 32 }, encoding: { type: ['string', 'null'], enum: ['ean13', 'ean8', 'any', null] },
    discountUnit: { type: ['string', 'null'], enum: ['percent', 'cents', null] },
    articleLookup: { type: 'string', enum: ['plu-internal-code', 'barcode', 'article-code'] }, active: { type: 'boolean' }, position: { type: 'integer', minimum: 0 },
  },
} as const;
