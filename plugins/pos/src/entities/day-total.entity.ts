import { EntitySchema } from '@comptoir/kernel';

/**
 * Running totals per station, day and figure (`sales.total`, `vat.2100.base`, `pay.cash`…), added to inside each
 * checkout's transaction, so an X or Z over a year reads a few thousand rows rather than every ticket line.
 */
export class DayTotal {
  stationId!: number;
  day!: string;
  key!: string;
  amount = 0;
  count = 0;
}

export const DayTotalSchema = new EntitySchema<DayTotal>({
  class: DayTotal,
  tableName: 'pos_day_total',
  indexes: [{ properties: ['day'] }],
  properties: {
    stationId: { type: 'integer', primary: true },
    day: { type: 'string', length: 10, primary: true },
    key: { type: 'string', length: 48, primary: true },
    amount: { type: 'bigint' },
    count: { type: 'integer' },
  },
});
