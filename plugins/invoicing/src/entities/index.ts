export * from './document.entity.js';
export * from './line.entity.js';
export * from './link.entity.js';
export * from './payment.entity.js';

import { InvoicingDocumentSchema } from './document.entity.js';
import { InvoicingLineSchema } from './line.entity.js';
import { InvoicingLinkSchema } from './link.entity.js';
import { InvoicingPaymentSchema } from './payment.entity.js';

/** Every table invoicing owns. */
export const invoicingEntities = [InvoicingDocumentSchema, InvoicingLineSchema, InvoicingLinkSchema, InvoicingPaymentSchema];
