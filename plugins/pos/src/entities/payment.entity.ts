import { EntitySchema } from '@comptoir/kernel';

/** A tender of a paid ticket. A correction marks it `corrected` and adds the right ones: the original stays. */
export class Payment {
  id!: number;
  ticketId!: number;
  method!: string;
  /** Cents settled (negative on a refund). */
  amount!: number;
  /** Cents handed over (cash beyond `amount` is change). */
  tendered!: number;
  status: 'active' | 'corrected' = 'active';
  correctionOfId: number | null = null;
  userId: number | null = null;
  createdAt!: string;
}

export const PaymentSchema = new EntitySchema<Payment>({
  class: Payment,
  tableName: 'pos_payment',
  properties: {
    id: { type: 'integer', primary: true },
    ticketId: { type: 'integer', index: true },
    method: { type: 'string', length: 32 },
    amount: { type: 'integer' },
    tendered: { type: 'integer' },
    status: { type: 'string', length: 12 },
    correctionOfId: { type: 'integer', nullable: true, index: true },
    userId: { type: 'integer', nullable: true },
    createdAt: { type: 'string', length: 32 },
  },
});
