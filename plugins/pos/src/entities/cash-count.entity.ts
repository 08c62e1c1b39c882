import { EntitySchema } from '@comptoir/kernel';

/** The cash counted in a drawer by denomination, against what was expected, with the difference explained. */
export class CashCount {
  id!: number;
  stationId!: number;
  closureId: number | null = null;
  businessDay!: string;
  /** Canonical JSON: `{ "5000": 2, "2000": 3, … }` — count of each denomination in cents. */
  counts!: string;
  counted!: number;
  expected!: number;
  difference!: number;
  explanation = '';
  userId: number | null = null;
  at!: string;
}

export const CashCountSchema = new EntitySchema<CashCount>({
  class: CashCount,
  tableName: 'pos_cash_count',
  properties: {
    id: { type: 'integer', primary: true },
    stationId: { type: 'integer' },
    closureId: { type: 'integer', nullable: true, index: true },
    businessDay: { type: 'string', length: 10 },
    counts: { type: 'text' },
    counted: { type: 'integer' },
    expected: { type: 'integer' },
    difference: { type: 'integer' },
    explanation: { type: 'string', length: 500 },
    userId: { type: 'integer', nullable: true },
    at: { type: 'string', length: 32 },
  },
});
