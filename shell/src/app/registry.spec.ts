import { describe, expect, it } from 'vitest';
import { allowedScreens, collectScreens, fromCatalogue, navScreens, pluginEnabled, zoneWidgets } from './registry.js';
import { hasPermission, type UiPlugin } from '../api/types.js';

const catalogue: UiPlugin[] = [
  {
    name: 'catalog', version: '0.1.0', base: '/plugins/catalog/', entry: '/plugins/catalog/index.js',
    screens: [
      { plugin: 'catalog', path: 'catalog/articles', tag: 'cpt-a', title: 't', icon: 'box', permission: 'catalog.read', order: 10, module: '/plugins/catalog/articles-screen.js' },
      { plugin: 'catalog', path: '/catalog/customers/', tag: 'cpt-c', title: 't', icon: 'users', permission: 'catalog.read', order: 20, module: '/plugins/catalog/customers-screen.js' },
      { plugin: 'catalog', path: 'catalog/hidden', tag: 'cpt-h', title: 't', icon: 'x', nav: false, permission: 'authenticated', module: '/plugins/catalog/hidden.js' },
    ],
    widgets: [],
  },
  {
    name: 'sales', version: '0.1.0', base: '/plugins/sales/', entry: null,
    screens: [{ plugin: 'sales', path: 'sales', tag: 'cpt-s', title: 't', icon: 'cart', permission: 'sales.sell', order: 1, module: '/plugins/sales/sale.js' }],
    widgets: [],
  },
  {
    name: 'notes', version: '0.1.0', base: '/plugins/notes/', entry: '/plugins/notes/index.js', screens: [],
    widgets: [
      { plugin: 'notes', zone: 'catalog.article.aside', tag: 'cpt-notes-aside', permission: 'catalog.read', order: 20, module: '/plugins/notes/aside.js' },
      { plugin: 'notes', zone: 'catalog.article.toolbar', tag: 'cpt-notes-button', permission: 'notes.write', module: '/plugins/notes/button.js' },
    ],
  },
  {
    name: 'labels', version: '0.1.0', base: '/plugins/labels/', entry: null, screens: [],
    widgets: [{ plugin: 'labels', zone: 'catalog.article.aside', tag: 'cpt-labels-aside', order: 10, module: '/plugins/labels/aside.js' }],
  },
];

const session = (permissions: string[], plugins: string[]) => ({
  user: { id: 1, username: 'a', displayName: 'A', roles: [], permissions, language: 'fr' as const },
  plugins: plugins.map((name) => ({ name, version: '1.0.0' })),
});

const imported: string[] = [];
const { screens, widgets } = fromCatalogue(catalogue, async (url) => {
  imported.push(url);
  return {};
});
const kernel = { plugin: 'kernel', path: 'settings/users', tag: 'u', title: 't', icon: 'user', permission: 'kernel.users', order: 900, load: async () => ({}) };

describe('screen registry', () => {
  const all = collectScreens([...screens, kernel]);

  it('loads a screen by the module URL the server gave, only when it opens', async () => {
    expect(imported).toEqual([]);
    await all.find((s) => s.path === 'catalog/customers')!.load();
    expect(imported).toEqual(['/plugins/catalog/customers-screen.js']);
  });

  it('normalises paths and keeps the first screen of a path used twice', () => {
    expect(all.map((s) => s.path)).toContain('catalog/customers');
    const twice = collectScreens([...all, { ...kernel, plugin: 'other', path: 'catalog/articles' }]);
    expect(twice.filter((s) => s.path === 'catalog/articles').map((s) => s.plugin)).toEqual(['catalog']);
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

  it('hasPermission honours wildcards and "authenticated"', () => {
    expect(hasPermission(session(['catalog.*'], []), 'catalog.write')).toBe(true);
    expect(hasPermission(session(['catalog.read'], []), 'catalog.write')).toBe(false);
    expect(hasPermission(session([], []), undefined)).toBe(true);
    expect(hasPermission(session([], []), 'authenticated')).toBe(true);
    expect(hasPermission(null, 'authenticated')).toBe(false);
  });
});

describe('zone widgets', () => {
  it('lists a zone’s widgets of enabled plugins, by order', () => {
    const s = session(['*'], ['catalog', 'notes', 'labels']);
    expect(zoneWidgets(widgets, 'catalog.article.aside', s).map((w) => w.tag)).toEqual(['cpt-labels-aside', 'cpt-notes-aside']);
    expect(zoneWidgets(widgets, 'catalog.article.toolbar', s).map((w) => w.tag)).toEqual(['cpt-notes-button']);
    expect(zoneWidgets(widgets, 'pos.ticket.actions', s)).toEqual([]);
  });

  it('leaves out the widgets of disabled plugins and those the user may not see', () => {
    const cashier = session(['catalog.read'], ['catalog', 'notes']);
    expect(zoneWidgets(widgets, 'catalog.article.aside', cashier).map((w) => w.tag)).toEqual(['cpt-notes-aside']);
    expect(zoneWidgets(widgets, 'catalog.article.toolbar', cashier)).toEqual([]);
    expect(zoneWidgets(widgets, 'catalog.article.aside', null)).toEqual([]);
  });

  it('loads a widget by its module URL', async () => {
    const w = zoneWidgets(widgets, 'catalog.article.toolbar', session(['*'], ['notes']))[0];
    await w.load();
    expect(imported).toContain('/plugins/notes/button.js');
  });
});
