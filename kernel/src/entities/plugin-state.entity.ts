import { EntitySchema } from '@mikro-orm/core';

/** Whether a plugin is enabled in this installation; disabling keeps its tables and data. */
export class PluginState {
  name!: string;
  enabled!: boolean;
  version!: string;
  changedAt: Date = new Date();
}

export const PluginStateSchema = new EntitySchema<PluginState>({
  class: PluginState,
  tableName: 'kernel_plugin',
  properties: {
    name: { type: 'string', primary: true, length: 64 },
    enabled: { type: 'boolean' },
    version: { type: 'string', length: 32 },
    changedAt: { type: 'datetime' },
  },
});
