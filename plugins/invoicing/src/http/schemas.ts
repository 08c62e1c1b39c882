/** JSON schemas of invoicing's routes: integers stay integers (no coercion of money, quantities or ids). */
import { DOCUMENT_TYPES } from '../entities/document.entity.js';
import { LINE_KINDS } from '../entities/line.entity.js';
import { PAYMENT_METHODS } from '../entities/payment.entity.js';

const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const version = { type: 'integer', minimum: 1, maximum: 2_147_483_647, description: 'the version the editor read; another answers 409 VERSION_CONFLICT' } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const cents = { type: 'integer', minimum: 0, maximum: 99_999_999 } as const;
const quantity = { type: 'integer', minimum: -99_999_999, maximum: 99_999_999, not: { const: 0 }, description: 'thousandths (1 piece = 1000, 1.250 kg = 1250)' } as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id } } as const;
export const lineParams = { type: 'object', required: ['id', 'lineId'], additionalProperties: false, properties: { id, lineId: id } } as const;
export const versionQuery = { type: 'object', required: ['version'], additionalProperties: false, properties: { version } } as const;

const discount = {
  oneOf: [
    { type: 'null' },
    { type: 'object', required: ['rate'], additionalProperties: false, properties: { rate: { type: 'integer', minimum: 0, maximum: 10000, description: 'basis points (5 % = 500)' } } },
    { type: 'object', required: ['amount'], additionalProperties: false, properties: { amount: cents } },
  ],
} as const;

const headerProperties = {
  customerId: { type: ['integer', 'null'], minimum: 1, maximum: 2_147_483_647 },
  pricesIncludeVat: { type: 'boolean' },
  date: { oneOf: [day, { type: 'null' }] },
  validUntil: { oneOf: [day, { type: 'null' }] },
  paymentTermsDays: { type: ['integer', 'null'], minimum: 0, maximum: 365 },
  paymentTerms: text(500),
  deliveryAddress: text(500),
  customerReference: text(100),
  notes: text(2000),
  lang: { type: 'string', enum: ['fr', 'nl', 'en'] },
  discount,
} as const;

export const lineBody = {
  type: 'object', additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...LINE_KINDS] },
    articleId: id,
    code: { type: 'string', minLength: 1, maxLength: 64 },
    quantity,
    unitPrice: cents,
    includesVat: { type: 'boolean' },
    discountRate: { type: ['integer', 'null'], minimum: 0, maximum: 10000 },
    discountAmount: { type: ['integer', 'null'], minimum: 0, maximum: 99_999_999 },
    description: text(500),
  },
} as const;

export const createBody = {
  type: 'object', required: ['type'], additionalProperties: false,
  properties: { type: { type: 'string', enum: [...DOCUMENT_TYPES] }, ...headerProperties, lines: { type: 'array', maxItems: 500, items: lineBody } },
} as const;

export const updateBody = { type: 'object', required: ['version'], additionalProperties: false, properties: { version, ...headerProperties } } as const;

export const addLineBody = { ...lineBody, required: ['version'], properties: { version, ...lineBody.properties } } as const;

export const updateLineBody = {
  type: 'object', required: ['version'], additionalProperties: false,
  properties: {
    version, quantity, unitPrice: cents, includesVat: { type: 'boolean' }, description: text(500),
    discountRate: lineBody.properties.discountRate, discountAmount: lineBody.properties.discountAmount,
  },
} as const;

export const versionBody = { type: 'object', required: ['version'], additionalProperties: false, properties: { version } } as const;

export const conversionBody = {
  type: 'object', required: ['from', 'to'], additionalProperties: false,
  properties: {
    from: { type: 'array', minItems: 1, maxItems: 100, items: id },
    to: { type: 'string', enum: [...DOCUMENT_TYPES] },
    lines: { type: 'array', minItems: 1, maxItems: 500, items: { type: 'object', required: ['lineId', 'quantity'], additionalProperties: false, properties: { lineId: id, quantity } } },
    reason: text(500),
  },
} as const;

export const paymentBody = {
  type: 'object', required: ['amount', 'method'], additionalProperties: false,
  properties: { amount: { type: 'integer', minimum: 1, maximum: 99_999_999 }, method: { type: 'string', enum: [...PAYMENT_METHODS] }, date: day, reference: text(140) },
} as const;

export const listQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    type: { type: 'string', enum: [...DOCUMENT_TYPES] },
    status: { type: 'string', enum: ['draft', 'issued'] },
    customerId: id,
    paymentStatus: { type: 'string', enum: ['unpaid', 'partial', 'paid', 'overdue'] },
    page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
} as const;

export const printQuery = {
  type: 'object', additionalProperties: false,
  properties: { format: { type: 'string', enum: ['pdf', 'html'], default: 'pdf' }, lang: { type: 'string', enum: ['fr', 'nl', 'en'] } },
} as const;
