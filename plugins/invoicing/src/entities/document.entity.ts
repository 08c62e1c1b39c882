import { EntitySchema } from '@comptoir/kernel';

import type { DocumentType } from '../domain/kinds.js';

export { DOCUMENT_TYPES, type DocumentType } from '../domain/kinds.js';

/** A draft is free to change and has no number; an issued document is numbered and never changes again. */
export type DocumentStatus = 'draft' | 'issued';

/**
 * A customer document: quote, order, delivery note, invoice or credit note. Amounts in cents on the side of VAT
 * that `pricesIncludeVat` says; the customer's name and addresses are copied when set, so an issued document
 * keeps what it said.
 */
export class InvoicingDocument {
  id!: number;
  type!: DocumentType;
  status: DocumentStatus = 'draft';
  series: string | null = null;
  year: number | null = null;
  seq: number | null = null;
  number: string | null = null;
  /** The document's day, 'YYYY-MM-DD' (set to the day of issue when issued). */
  date: string | null = null;
  dueDate: string | null = null;
  validUntil: string | null = null;
  paymentTermsDays: number | null = null;
  paymentTerms = '';
  customerId: number | null = null;
  customerName = '';
  customerAddress = '';
  customerVatNumber = '';
  deliveryAddress = '';
  customerReference = '';
  pricesIncludeVat = false;
  discountRate: number | null = null;
  discountAmount: number | null = null;
  subtotal = 0;
  discount = 0;
  base = 0;
  vat = 0;
  total = 0;
  /** What payments brought in (invoices). */
  paidTotal = 0;
  /** What issued credit notes gave back (invoices); never more than the total. */
  creditedTotal = 0;
  /** The invoice a credit note corrects. */
  creditOfId: number | null = null;
  creditReason = '';
  /** The Belgian structured communication of an invoice (12 digits, the last two the mod-97 check). */
  structuredRef: string | null = null;
  /** The legal mentions printed on the document, fixed when issued (a credit note's reference to its invoice). */
  mentions = '';
  notes = '';
  lang = 'fr';
  country = 'BE';
  issuedAt: string | null = null;
  issuedBy: number | null = null;
  /** The hash of the issuing journal entry (invoices and credit notes). */
  signature: string | null = null;
  createdAt!: string;
  updatedAt!: string;
  version = 1;
}

export const InvoicingDocumentSchema = new EntitySchema<InvoicingDocument>({
  class: InvoicingDocument,
  tableName: 'invoicing_document',
  // (type, id) and (customer, id) serve the lists, newest first, without sorting every matching row (0003-list-indexes).
  indexes: [{ properties: ['type', 'status'] }, { properties: ['customerId'] }, { properties: ['type', 'id'] }, { properties: ['customerId', 'id'] }],
  uniques: [{ properties: ['series', 'year', 'seq'] }],
  properties: {
    id: { type: 'integer', primary: true },
    type: { type: 'string', length: 16 },
    status: { type: 'string', length: 12 },
    series: { type: 'string', length: 16, nullable: true },
    year: { type: 'integer', nullable: true },
    seq: { type: 'integer', nullable: true },
    number: { type: 'string', length: 40, nullable: true, unique: true },
    date: { type: 'string', length: 10, nullable: true },
    dueDate: { type: 'string', length: 10, nullable: true },
    validUntil: { type: 'string', length: 10, nullable: true },
    paymentTermsDays: { type: 'integer', nullable: true },
    paymentTerms: { type: 'text' },
    customerId: { type: 'integer', nullable: true },
    customerName: { type: 'string', length: 200 },
    customerAddress: { type: 'text' },
    customerVatNumber: { type: 'string', length: 32 },
    deliveryAddress: { type: 'text' },
    customerReference: { type: 'string', length: 100 },
    pricesIncludeVat: { type: 'boolean' },
    discountRate: { type: 'integer', nullable: true },
    discountAmount: { type: 'integer', nullable: true },
    subtotal: { type: 'integer' },
    discount: { type: 'integer' },
    base: { type: 'integer' },
    vat: { type: 'integer' },
    total: { type: 'integer' },
    paidTotal: { type: 'integer' },
    creditedTotal: { type: 'integer' },
    creditOfId: { type: 'integer', nullable: true, index: true },
    creditReason: { type: 'text' },
    structuredRef: { type: 'string', length: 12, nullable: true, unique: true },
    mentions: { type: 'text' },
    notes: { type: 'text' },
    lang: { type: 'string', length: 2 },
    country: { type: 'string', length: 2 },
    issuedAt: { type: 'string', length: 32, nullable: true },
    issuedBy: { type: 'integer', nullable: true },
    signature: { type: 'string', length: 64, nullable: true },
    createdAt: { type: 'string', length: 32 },
    updatedAt: { type: 'string', length: 32 },
    version: { type: 'integer' },
  },
});
