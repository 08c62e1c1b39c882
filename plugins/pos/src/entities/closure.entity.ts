import { EntitySchema } from '@comptoir/kernel';

/**
 * A Z closure of a station (stationKey = its id) or of the shop (stationKey 0) over a day, month, year or period.
 * Immutable (database triggers refuse UPDATE and DELETE), journaled in the `closures` chain, and unique per
 * scope and period: a day cannot be closed twice.
 */
export class Closure {
  id!: number;
  stationKey!: number;
  stationId: number | null = null;
  period!: string;
  periodFrom!: string;
  periodTo!: string;
  number!: string;
  /** Canonical JSON of the report's figures. */
  totals!: string;
  grandTotal!: string;
  grandSales!: string;
  grandRefunds!: string;
  /** Canonical JSON of the journal chains' head hashes when the Z was taken. */
  journalHeads!: string;
  userId: number | null = null;
  createdAt!: string;
}

export const ClosureSchema = new EntitySchema<Closure>({
  class: Closure,
  tableName: 'pos_closure',
  uniques: [{ properties: ['stationKey', 'period', 'periodFrom', 'periodTo'] }],
  properties: {
    id: { type: 'integer', primary: true },
    stationKey: { type: 'integer' },
    stationId: { type: 'integer', nullable: true },
    period: { type: 'string', length: 8 },
    periodFrom: { type: 'string', length: 10 },
    periodTo: { type: 'string', length: 10 },
    number: { type: 'string', length: 80, unique: true },
    totals: { type: 'text' },
    grandTotal: { type: 'bigint' },
    grandSales: { type: 'bigint' },
    grandRefunds: { type: 'bigint' },
    journalHeads: { type: 'text' },
    userId: { type: 'integer', nullable: true },
    createdAt: { type: 'string', length: 32 },
  },
});
