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

describe('declaring screens and zone widgets', () => {
  const screen = { path: 'deposits/returns', tag: 'cpt-deposits-returns', module: 'returns-screen.js', title: 'deposits.returns', permission: 'deposits.read' };
  const widget = { zone: 'pos.ticket.actions', tag: 'cpt-deposits-return-button', module: 'return-button.js' };

  it('accepts a screen and a widget with their modules', () => {
    const def = definePlugin({ ...base, screens: [screen], widgets: [widget] });
    expect(def.screens![0].module).toBe('returns-screen.js');
    expect(def.widgets![0].zone).toBe('pos.ticket.actions');
  });

  it.each([
    ['a path with a leading slash', { ...screen, path: '/deposits' }, "path must be lower-case segments"],
    ['a tag without a dash', { ...screen, tag: 'returns' }, "is not a custom element name"],
    ['no module', { ...screen, module: undefined }, "module 'undefined' must be a .js file"],
    ['a module outside the UI folder', { ...screen, module: '../server/index.js' }, 'must be a .js file inside the UI folder'],
    ['a hidden module', { ...screen, module: '.cache/x.js' }, 'must be a .js file inside the UI folder'],
    ['a TypeScript module', { ...screen, module: 'returns-screen.ts' }, 'must be a .js file'],
    ['no permission', { ...screen, permission: '' }, 'permission is required'],
  ])('refuses a screen with %s', (_what, s, message) => {
    expect(() => definePlugin({ ...base, screens: [s as typeof screen] })).toThrow(message);
  });

  it('refuses the same screen path twice', () => {
    expect(() => definePlugin({ ...base, screens: [screen, { ...screen, tag: 'cpt-other' }] })).toThrow("screen 'deposits/returns': declared twice");
  });

  it.each([
    ['a zone without its plugin', { ...widget, zone: 'aside' }],
    ['an upper-case zone', { ...widget, zone: 'POS.ticket' }],
  ])('refuses a widget with %s', (_what, w) => {
    expect(() => definePlugin({ ...base, widgets: [w] })).toThrow("zone must be '<plugin>.<place>'");
  });
});
