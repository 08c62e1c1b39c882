import { EntitySchema } from '@mikro-orm/core';

/** The last number given in a document series for a year (written with plain SQL by `sequences`). */
export class SequenceCounter {
  series!: string;
  year!: number;
  lastValue!: number;
}

export const SequenceCounterSchema = new EntitySchema<SequenceCounter>({
  class: SequenceCounter,
  tableName: 'kernel_sequence',
  properties: {
    series: { type: 'string', primary: true, length: 64 },
    year: { type: 'integer', primary: true },
    lastValue: { type: 'integer' },
  },
});
