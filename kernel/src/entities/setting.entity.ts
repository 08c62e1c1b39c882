import { EntitySchema } from '@mikro-orm/core';

/** A setting of the installation or of a plugin, stored as JSON under `<plugin>.<key>`. */
export class Setting {
  key!: string;
  value!: unknown;
}

export const SettingSchema = new EntitySchema<Setting>({
  class: Setting,
  tableName: 'kernel_setting',
  properties: {
    key: { type: 'string', primary: true, length: 128 },
    value: { type: 'json' },
  },
});
