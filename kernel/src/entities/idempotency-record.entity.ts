import { EntitySchema } from '@mikro-orm/core';

/**
 * The answer given to a request sent with an `Idempotency-Key`: written in the same transaction as the
 * request's effect, so that a retry gets this answer instead of doing the work again.
 */
export class IdempotencyRecord {
  /** The signed-in user who sent the key: keys of different users never meet. */
  userId!: number;
  key!: string;
  /** The route that answered, e.g. `POST /api/sales/tickets`. */
  route!: string;
  /** SHA-256 of the method, path and canonical JSON body: the same key with another request is refused. */
  requestHash!: string;
  status!: number;
  /** The answer's JSON body (null for an empty answer). */
  response: string | null = null;
  createdAt!: Date;
  expiresAt!: Date;
}

export const IdempotencyRecordSchema = new EntitySchema<IdempotencyRecord>({
  class: IdempotencyRecord,
  tableName: 'kernel_idempotency',
  properties: {
    userId: { type: 'integer', primary: true },
    key: { type: 'string', primary: true, length: 255 },
    route: { type: 'string', length: 300 },
    requestHash: { type: 'string', length: 64 },
    status: { type: 'integer' },
    response: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime', index: true },
  },
});
