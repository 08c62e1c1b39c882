import { describe, expect, it } from 'vitest';
import { allowedScreens, collectScreens, navScreens, pluginEnabled } from './registry.js';
import { hasPermission } from '../api/types.js';

const load = async () => ({});
const uis = [
  {
    plugin: 'catalog',
    screens: [
      { path: 'catalog/articles', tag: 'a', title: 't', icon: 'box', permission: 'catalog.read', order: 10, load },
      { path: '/catalog/customers/', tag: 'c', title: 't', icon: 'users', permission: 'catalog.read', order: 20, load },
      { path: 'catalog/hidden', tag: 'h', title: 't', icon: 'x', nav: false, load },
    ],
  },
  { plugin: 'sales', screens: [{ path: 'sales', tag: 's', title: 't', icon: 'cart', permission: 'sales.sell', order: 1, load }] },
  { plugin: 'kernel', screens: [{ path: 'settings/users', tag: 'u', title: 't', icon: 'user', permission: 'kernel.users', order: 900, load }] },
];

const session = (permissions: string[], plugins: string[]) => ({
  user: { id: 1, username: 'a', displayName: 'A', roles: [], permissions, language: 'fr' as const },
  plugins: plugins.map((name) => ({ name, version: '1.0.0' })),
});

describe('screen registry', () => {
  const all = collectScreens(uis);

  it('normalises paths', () => {
    expect(all.map((s) => s.path)).toContain('catalog/customers');
  });

  it('matches plugin names with or without scope', () => {
    expect(pluginEnabled(session([], ['@comptoir/catalog']), 'catalog')).toBe(true);
    expect(pluginEnabled(session([], ['catalog']), 'catalog')).toBe(true);
    expect(pluginEnabled(session([], ['catalogue']), 'catalog')).toBe(false);
    expect(pluginEnabled(session([], []), 'kernel')).toBe(true);
  });

  it('filters by enabled plugin and permission', () => {
    const s = session(['catalog.read', 'sales.sell'], ['@comptoir/catalog']);
    expect(allowedScreens(all, s).map((x) => x.path)).toEqual(['catalog/articles', 'catalog/customers', 'catalog/hidden']);
    expect(navScreens(all, s).map((x) => x.path)).toEqual(['catalog/articles', 'catalog/customers']);
    const admin = session(['*'], ['catalog', 'sales']);
    expect(navScreens(all, admin).map((x) => x.path)).toEqual(['sales', 'catalog/articles', 'catalog/customers', 'settings/users']);
  });

  it('hasPermission honours wildcards', () => {
    expect(hasPermission(session(['catalog.*'], []), 'catalog.write')).toBe(true);
    expect(hasPermission(session(['catalog.read'], []), 'catalog.write')).toBe(false);
    expect(hasPermission(session([], []), undefined)).toBe(true);
  });
});
