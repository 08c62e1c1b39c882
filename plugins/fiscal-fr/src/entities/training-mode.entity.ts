import { EntitySchema } from '@comptoir/kernel';

/** A station or a user in training mode: its tickets are journaled apart and never counted. */
export class TrainingMode {
  id!: number;
  scope!: 'station' | 'user';
  refId!: number;
  enabledBy: number | null = null;
  enabledAt!: string;
}

export const TrainingModeSchema = new EntitySchema<TrainingMode>({
  class: TrainingMode,
  tableName: 'fiscal_fr_training_mode',
  uniques: [{ properties: ['scope', 'refId'] }],
  properties: {
    id: { type: 'integer', primary: true },
    scope: { type: 'string', length: 8 },
    refId: { type: 'integer' },
    enabledBy: { type: 'integer', nullable: true },
    enabledAt: { type: 'string', length: 32 },
  },
});
