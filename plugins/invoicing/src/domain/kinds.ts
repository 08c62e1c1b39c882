// The small lists both the server and the browser UI need, in a module without imports (the UI bundle stays small).

/** The kinds of customer document (supplier orders and receipts come later). */
export const DOCUMENT_TYPES = ['quote', 'order', 'delivery', 'invoice', 'credit_note'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** An article line (priced through the sale contract), a free text, a section title or a subtotal. */
export const LINE_KINDS = ['article', 'text', 'section', 'subtotal'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** How an invoice was paid. */
export const PAYMENT_METHODS = ['transfer', 'cash', 'card', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What each issued document type may become. */
export const CONVERSIONS: Record<DocumentType, readonly DocumentType[]> = {
  quote: ['order', 'invoice'],
  order: ['delivery', 'invoice'],
  delivery: ['invoice'],
  invoice: ['credit_note'],
  credit_note: [],
};
