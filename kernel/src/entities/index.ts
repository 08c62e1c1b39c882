export * from './plugin-state.entity.js';
export * from './migration-record.entity.js';
export * from './shop.entity.js';
export * from './station.entity.js';
export * from './user.entity.js';
export * from './role.entity.js';
export * from './session.entity.js';
export * from './sequence.entity.js';
export * from './journal.entity.js';
export * from './setting.entity.js';
export * from './idempotency-record.entity.js';
export * from './print-override.entity.js';

import { PluginStateSchema } from './plugin-state.entity.js';
import { MigrationRecordSchema } from './migration-record.entity.js';
import { ShopSchema } from './shop.entity.js';
import { StationSchema } from './station.entity.js';
import { UserSchema } from './user.entity.js';
import { RoleSchema, KnownPermissionSchema } from './role.entity.js';
import { SessionSchema } from './session.entity.js';
import { SequenceCounterSchema } from './sequence.entity.js';
import { JournalEntrySchema, JournalHeadSchema, JournalSignatureSchema } from './journal.entity.js';
import { SettingSchema } from './setting.entity.js';
import { IdempotencyRecordSchema } from './idempotency-record.entity.js';
import { PrintOverrideSchema } from './print-override.entity.js';

/** Every table the kernel owns. */
export const kernelEntities = [
  PluginStateSchema, MigrationRecordSchema, ShopSchema, StationSchema, UserSchema, RoleSchema,
  KnownPermissionSchema, SessionSchema, SequenceCounterSchema, JournalEntrySchema, JournalHeadSchema, JournalSignatureSchema, SettingSchema,
  IdempotencyRecordSchema, PrintOverrideSchema,
];
