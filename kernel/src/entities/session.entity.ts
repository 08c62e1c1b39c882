import { EntitySchema } from '@mikro-orm/core';

/** A signed-in browser; the cookie holds a secret whose SHA-256 is the id. */
export class Session {
  id!: string;
  userId!: number;
  stationId: number | null = null;
  csrfToken!: string;
  method!: 'password' | 'pin';
  createdAt: Date = new Date();
  lastSeenAt: Date = new Date();
  expiresAt!: Date;
}

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'kernel_session',
  properties: {
    id: { type: 'string', primary: true, length: 64 },
    userId: { type: 'integer', index: true },
    stationId: { type: 'integer', nullable: true },
    csrfToken: { type: 'string', length: 64 },
    method: { type: 'string', length: 16 },
    createdAt: { type: 'datetime' },
    lastSeenAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
  },
});
