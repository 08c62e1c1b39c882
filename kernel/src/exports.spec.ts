import { describe, expect, it } from 'vitest';
import * as kernel from './index.js';
import * as host from './host.js';

describe('the kernel’s public API', () => {
  it('gives plugins what they build with, and keeps what only the host does behind @comptoir/kernel/host', () => {
    for (const name of ['definePlugin', 'defineHooks', 'defineMigration', 'afterCommit', 'sql', 'DomainError', 'EntitySchema', 'asClass', 'lineTotal', 'Shop', 'User', 'Station']) {
      expect(kernel, name).toHaveProperty(name);
    }
    for (const name of ['createKernel', 'openOrm', 'databaseConfig', 'runMigrations', 'seedDemo', 'wipeDatabase', 'listPlugins', 'setPluginEnabled',
      'enabledPluginNames', 'resolvePlugins', 'kernelPluginDefinition', 'openAdmin', 'Session', 'Role']) {
      expect(kernel, name).not.toHaveProperty(name);
      expect(host, name).toHaveProperty(name);
    }
  });
});
