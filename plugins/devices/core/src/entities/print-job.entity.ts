import { EntitySchema } from '@comptoir/kernel';

/**
 * A print job: stored before anything is sent, kept until the printer confirmed it. `pending` waits for its
 * `next_attempt_at`; `sending` is held by one worker; `done` was confirmed by the printer; `cancelled` was given
 * up by a person (sent to another printer, or not wanted).
 */
export class PrintJobRow {
  id!: number;
  deviceId!: number;
  stationId: number | null = null;
  /** Why it prints: `receipt`, `reprint`, `drawer`, `test`. */
  source!: string;
  /** What it prints, for people: the ticket number. */
  reference = '';
  /** JSON: the device-neutral `PrintDocument`, or null for a drawer kick alone. */
  document: string | null = null;
  /** Drawer pin to pulse after printing (2 or 5), or null. */
  drawerPin: number | null = null;
  status = 'pending';
  attempts = 0;
  nextAttemptAt!: string;
  lastError: string | null = null;
  lastErrorCode: string | null = null;
  /** The job this one copies (a reprint, or a job sent to another printer). */
  copyOfId: number | null = null;
  userId: number | null = null;
  createdAt!: string;
  doneAt: string | null = null;
}

export const PrintJobSchema = new EntitySchema<PrintJobRow>({
  class: PrintJobRow,
  tableName: 'devices_print_job',
  indexes: [{ properties: ['status', 'nextAttemptAt'] }, { properties: ['deviceId', 'status'] }, { properties: ['stationId', 'createdAt'] }],
  properties: {
    id: { type: 'integer', primary: true },
    deviceId: { type: 'integer' },
    stationId: { type: 'integer', nullable: true },
    source: { type: 'string', length: 20 },
    reference: { type: 'string', length: 80, default: '' },
    document: { type: 'text', nullable: true },
    drawerPin: { type: 'integer', nullable: true },
    status: { type: 'string', length: 12, default: 'pending' },
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { type: 'string', length: 32 },
    lastError: { type: 'string', length: 500, nullable: true },
    lastErrorCode: { type: 'string', length: 40, nullable: true },
    copyOfId: { type: 'integer', nullable: true },
    userId: { type: 'integer', nullable: true },
    createdAt: { type: 'string', length: 32 },
    doneAt: { type: 'string', length: 32, nullable: true },
  },
});
