import { EntitySchema } from '@mikro-orm/core';

/**
 * A person who signs in: by password, and at a station by PIN. What each sign-in changes (failures, lock, last
 * sign-in) is kept apart in `kernel_sign_in` (auth/sign-in-records.ts), so that signing in never bumps `version`.
 */
export class User {
  id!: number;
  username!: string;
  displayName!: string;
  passwordHash: string | null = null;
  pinHash: string | null = null;
  roles: string[] = [];
  language = 'fr';
  active = true;
  createdAt: Date = new Date();
  version = 1;
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'kernel_user',
  properties: {
    id: { type: 'integer', primary: true },
    username: { type: 'string', length: 64, unique: true },
    displayName: { type: 'string', length: 120 },
    passwordHash: { type: 'string', length: 255, nullable: true },
    pinHash: { type: 'string', length: 255, nullable: true },
    roles: { type: 'json' },
    language: { type: 'string', length: 2 },
    active: { type: 'boolean' },
    createdAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});
