import { EntitySchema } from '@mikro-orm/core';

/** A named set of permissions; admin, manager and cashier are built in. */
export class Role {
  name!: string;
  permissions: string[] = [];
  builtin = false;
}

/** A permission the kernel has seen declared; new ones are granted to their default roles once. */
export class KnownPermission {
  name!: string;
  plugin!: string;
}

export const RoleSchema = new EntitySchema<Role>({
  class: Role,
  tableName: 'kernel_role',
  properties: {
    name: { type: 'string', primary: true, length: 64 },
    permissions: { type: 'json' },
    builtin: { type: 'boolean' },
  },
});

export const KnownPermissionSchema = new EntitySchema<KnownPermission>({
  class: KnownPermission,
  tableName: 'kernel_permission',
  properties: {
    name: { type: 'string', primary: true, length: 100 },
    plugin: { type: 'string', length: 64 },
  },
});
