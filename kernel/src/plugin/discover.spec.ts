import { describe, expect, it } from 'vitest';
import { pluginNameFor } from './discover.js';

describe('naming a plugin on the command line', () => {
  const packages = { notes: '@comptoir-example/shop-notes', catalog: '@comptoir/catalog' };

  it.each([
    ['notes', 'notes'], ['shop-notes', 'notes'], ['@comptoir-example/shop-notes', 'notes'], ['@comptoir/catalog', 'catalog'], ['catalog', 'catalog'], ['stock', 'stock'],
  ])('%s means the plugin %s', (input, plugin) => expect(pluginNameFor(input, packages)).toBe(plugin));
});
