import { describe, expect, it } from 'vitest';
import { definePlugin, type PluginDefinition } from './define.js';

const base = { name: 'deposits', version: '1.0.0', kernel: '^0.1.0' };

describe('declaring a plugin', () => {
  it('returns the definition, frozen so that nobody changes it after the package loaded', () => {
    const def = definePlugin({ ...base, permissions: { 'deposits.return': { label: 'Reprendre des vidanges', roles: ['cashier'] } } });
    expect(def.name).toBe('deposits');
    expect(Object.isFrozen(def)).toBe(true);
  });

  it.each([
    ['an upper-case letter', 'Deposits'],
    ['a leading digit', '1deposits'],
    ['a single letter', 'd'],
    ['an underscore', 'bottle_deposits'],
    ['a dot', 'deposits.be'],
    ['a space', 'bottle deposits'],
    ['more than 40 characters', `d${'e'.repeat(40)}`],
    ['an empty name', ''],
  ])('refuses a name with %s', (_what, name) => {
    expect(() => definePlugin({ ...base, name })).toThrow(
      `Plugin '${name}': name must be 2-40 lower-case letters, digits or '-', starting with a letter`);
  });

  it('accepts lower-case names with digits and dashes', () => {
    expect(definePlugin({ ...base, name: 'device-escpos2' }).name).toBe('device-escpos2');
  });

  it('refuses a permission that does not start with the plugin name', () => {
    expect(() => definePlugin({ ...base, permissions: { 'pos.refund': { label: 'Rembourser' } } }))
      .toThrow("Plugin 'deposits': permission 'pos.refund' must start with 'deposits.'");
  });

  it('refuses a permission that only starts with the same letters as the plugin name', () => {
    expect(() => definePlugin({ ...base, permissions: { 'depositsx.return': { label: 'x' } } }))
      .toThrow("permission 'depositsx.return' must start with 'deposits.'");
  });

  it('refuses a version that is not semver', () => {
    expect(() => definePlugin({ ...base, version: 'v1' })).toThrow("Plugin 'deposits': version must be semver");
  });

  it('refuses a plugin that does not say which kernel versions it works with', () => {
    expect(() => definePlugin({ ...base, kernel: '' })).toThrow("Plugin 'deposits': 'kernel' must give the supported kernel version range");
  });

  it('refuses something that is not an object', () => {
    expect(() => definePlugin(null as unknown as PluginDefinition)).toThrow('definePlugin expects an object');
  });
});
