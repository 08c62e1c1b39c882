import { EntitySchema } from '@comptoir/kernel';

/** Money put in or taken out of a drawer outside a sale, or the drawer opened without a sale (amount 0). */
export class CashMovement {
  id!: number;
  stationId!: number;
  kind!: 'float' | 'deposit' | 'withdrawal' | 'no-sale';
  /** Cents: positive into the drawer, negative out of it. */
  amount!: number;
  reason = '';
  userId: number | null = null;
  at!: string;
  businessDay!: string;
}

export const CashMovementSchema = new EntitySchema<CashMovement>({
  class: CashMovement,
  tableName: 'pos_cash_movement',
  indexes: [{ properties: ['businessDay', 'stationId'] }],
  properties: {
    id: { type: 'integer', primary: true },
    stationId: { type: 'integer' },
    kind: { type: 'string', length: 12 },
    amount: { type: 'integer' },
    reason: { type: 'string', length: 200 },
    userId: { type: 'integer', nullable: true },
    at: { type: 'string', length: 32 },
    businessDay: { type: 'string', length: 10 },
  },
});
