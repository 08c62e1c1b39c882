import { EntitySchema } from '@comptoir/kernel';

import type { LineKind } from '../domain/kinds.js';

export { LINE_KINDS, type LineKind } from '../domain/kinds.js';

/**
 * One line of a document. Article lines carry the sale contract's fields (price on the side of VAT `includesVat`
 * says, VAT rate, discounts, fixed amount, origin, parent line); `total` is on the document's side, after the
 * line's discount. A line made from another document's line names it in `sourceLineId`; the counters say how
 * much of this line issued delivery notes, invoices and credit notes took (the database refuses more).
 */
export class InvoicingLine {
  id!: number;
  documentId!: number;
  position!: number;
  kind: LineKind = 'article';
  articleId: number | null = null;
  code = '';
  description = '';
  /** Thousandths. */
  quantity = 0;
  unitPrice = 0;
  includesVat = true;
  vatRate = 0;
  fixedAmount: number | null = null;
  discountRate: number | null = null;
  discountAmount: number | null = null;
  priceFixed = false;
  origin = 'typed';
  parentLineId: number | null = null;
  sourceLineId: number | null = null;
  /** Each plugin's data about the line (the sale contract's `ext`), canonical JSON. */
  ext = '{}';
  total = 0;
  deliveredQuantity = 0;
  invoicedQuantity = 0;
  creditedQuantity = 0;
}

export const InvoicingLineSchema = new EntitySchema<InvoicingLine>({
  class: InvoicingLine,
  tableName: 'invoicing_line',
  properties: {
    id: { type: 'integer', primary: true },
    documentId: { type: 'integer', index: true },
    position: { type: 'integer' },
    kind: { type: 'string', length: 12 },
    articleId: { type: 'integer', nullable: true },
    code: { type: 'string', length: 64 },
    description: { type: 'text' },
    quantity: { type: 'integer' },
    unitPrice: { type: 'integer' },
    includesVat: { type: 'boolean' },
    vatRate: { type: 'integer' },
    fixedAmount: { type: 'integer', nullable: true },
    discountRate: { type: 'integer', nullable: true },
    discountAmount: { type: 'integer', nullable: true },
    priceFixed: { type: 'boolean' },
    origin: { type: 'string', length: 32 },
    parentLineId: { type: 'integer', nullable: true },
    sourceLineId: { type: 'integer', nullable: true, index: true },
    ext: { type: 'text' },
    total: { type: 'integer' },
    deliveredQuantity: { type: 'integer' },
    invoicedQuantity: { type: 'integer' },
    creditedQuantity: { type: 'integer' },
  },
});
