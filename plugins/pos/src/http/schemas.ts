/** JSON schemas shared by the till's routes: integers stay integers (no coercion of money, quantities or ids). */
export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'integer', minimum: 1 } } } as const;
export const lineParams = {
  type: 'object', required: ['id', 'lineId'], additionalProperties: false,
  properties: { id: { type: 'integer', minimum: 1 }, lineId: { type: 'integer', minimum: 1 } },
} as const;
const cents = { type: 'integer', minimum: 1, maximum: 99_999_999 } as const;
export const quantity = { type: 'integer', minimum: 1, maximum: 99_999_999, description: 'thousandths (1 piece = 1000, 1.250 kg = 1250)' } as const;
export const tenders = {
  type: 'array', minItems: 1, maxItems: 20,
  items: {
    type: 'object', required: ['method', 'amount'], additionalProperties: false,
    properties: { method: { type: 'string', minLength: 1, maxLength: 32 }, amount: cents },
  },
} as const;
export const lineBody = {
  type: 'object', additionalProperties: false,
  properties: {
    articleId: { type: 'integer', minimum: 1 },
    code: { type: 'string', minLength: 1, maxLength: 64 },
    quantity,
    unitPrice: { type: 'integer', minimum: 0, maximum: 99_999_999 },
    discountRate: { type: ['integer', 'null'], minimum: 0, maximum: 10000, description: 'basis points (10 % = 1000)' },
    discountAmount: { type: ['integer', 'null'], minimum: 0, maximum: 99_999_999 },
    note: { type: 'string', maxLength: 500 },
  },
} as const;
export const periodQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    scope: { type: 'string', enum: ['station', 'shop'], default: 'station' },
    period: { type: 'string', enum: ['day', 'month', 'year', 'period'], default: 'day' },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    to: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  },
} as const;
export const closureBody = {
  type: 'object', additionalProperties: false,
  properties: {
    ...periodQuery.properties,
    cashCount: {
      type: 'object', required: ['counts'], additionalProperties: false,
      properties: {
        counts: { type: 'object', additionalProperties: false, patternProperties: { '^(1|2|5|10|20|50|100|200|500|1000|2000|5000|10000|20000|50000)$': { type: 'integer', minimum: 0, maximum: 100000 } } },
        explanation: { type: 'string', maxLength: 500 },
      },
    },
  },
} as const;
