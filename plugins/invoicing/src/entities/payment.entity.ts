import { EntitySchema } from '@comptoir/kernel';

import type { PaymentMethod } from '../domain/kinds.js';

export { PAYMENT_METHODS, type PaymentMethod } from '../domain/kinds.js';

/** A payment received on an invoice (several per invoice: partial, by several methods); never changed once recorded. */
export class InvoicingPayment {
  id!: number;
  documentId!: number;
  date!: string;
  method!: PaymentMethod;
  amount!: number;
  reference = '';
  userId: number | null = null;
  createdAt!: string;
}

export const InvoicingPaymentSchema = new EntitySchema<InvoicingPayment>({
  class: InvoicingPayment,
  tableName: 'invoicing_payment',
  properties: {
    id: { type: 'integer', primary: true },
    documentId: { type: 'integer', index: true },
    date: { type: 'string', length: 10 },
    method: { type: 'string', length: 16 },
    amount: { type: 'integer' },
    reference: { type: 'string', length: 140 },
    userId: { type: 'integer', nullable: true },
    createdAt: { type: 'string', length: 32 },
  },
});
