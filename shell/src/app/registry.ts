import { hasPermission, type Session, type UiPlugin } from '../api/types.js';
import type { LocalizedText } from '../i18n/i18n.js';

/** A screen the shell can route to: declared by a plugin (or the kernel), with the function that loads its element. */
export interface RegisteredScreen {
  plugin: string;
  path: string;
  tag: string;
  title: LocalizedText;
  icon?: string;
  permission?: string;
  group?: LocalizedText;
  order?: number;
  nav?: boolean;
  load: () => Promise<unknown>;
}

/** A widget of a named zone, with the function that loads its element. */
export interface RegisteredWidget {
  plugin: string;
  zone: string;
  tag: string;
  permission?: string;
  order?: number;
  load: () => Promise<unknown>;
}

/** Imports an ES module by URL (the import map resolves its `lit` and `@comptoir/shell` imports). */
export type ModuleImporter = (url: string) => Promise<unknown>;

/** Plugins always available (the kernel's own screens). */
const ALWAYS_ENABLED = new Set(['kernel', 'shell']);

/** The screens and widgets of the plugins' UIs served by the kernel, each loading its module by URL. */
export function fromCatalogue(plugins: readonly UiPlugin[], importer: ModuleImporter): { screens: RegisteredScreen[]; widgets: RegisteredWidget[] } {
  const screens: RegisteredScreen[] = [];
  const widgets: RegisteredWidget[] = [];
  for (const p of plugins) {
    for (const { module, ...s } of p.screens ?? []) screens.push({ ...s, plugin: p.name, load: () => importer(module) });
    for (const { module, ...w } of p.widgets ?? []) widgets.push({ ...w, plugin: p.name, load: () => importer(module) });
  }
  return { screens, widgets };
}

/** Screens with normalised paths; a path already taken keeps its first screen (a warning names the other plugin). */
export function collectScreens(screens: readonly RegisteredScreen[]): RegisteredScreen[] {
  const out: RegisteredScreen[] = [];
  const seen = new Map<string, string>();
  for (const s of screens) {
    const path = s.path.replace(/^\/+|\/+$/g, '');
    if (seen.has(path)) {
      console.warn(`[comptoir] screen path "${path}" of plugin ${s.plugin} is already used by ${seen.get(path)}; ignored`);
      continue;
    }
    seen.set(path, s.plugin);
    out.push({ ...s, path });
  }
  return out;
}

/** Bare plugin name: '@comptoir/catalog' → 'catalog'. */
export function bareName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

/** Is the plugin enabled in this session? session.plugins names may be 'catalog' or '@comptoir/catalog'. */
export function pluginEnabled(session: Pick<Session, 'plugins'>, plugin: string): boolean {
  if (ALWAYS_ENABLED.has(plugin)) return true;
  const want = bareName(plugin);
  return (session.plugins ?? []).some((p) => p && (p.name === plugin || bareName(p.name) === want));
}

/** Screens of enabled plugins (regardless of permission). */
export function enabledScreens(all: readonly RegisteredScreen[], session: Pick<Session, 'plugins'>): RegisteredScreen[] {
  return all.filter((s) => pluginEnabled(session, s.plugin));
}

/** Screens the user can open: plugin enabled and permission held. */
export function allowedScreens(all: readonly RegisteredScreen[], session: Pick<Session, 'plugins' | 'user'>): RegisteredScreen[] {
  return enabledScreens(all, session).filter((s) => hasPermission(session, s.permission));
}

/** Navigation entries: allowed, listed (nav !== false), sorted by order then path. */
export function navScreens(all: readonly RegisteredScreen[], session: Pick<Session, 'plugins' | 'user'>): RegisteredScreen[] {
  return allowedScreens(all, session)
    .filter((s) => s.nav !== false)
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.path.localeCompare(b.path));
}

/** The widgets a zone shows to this user: of enabled plugins, permission held, by order then plugin. */
export function zoneWidgets(all: readonly RegisteredWidget[], zone: string, session: Pick<Session, 'plugins' | 'user'> | null): RegisteredWidget[] {
  if (!session) return [];
  return all
    .filter((w) => w.zone === zone && pluginEnabled(session, w.plugin) && hasPermission(session, w.permission))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.plugin.localeCompare(b.plugin) || a.tag.localeCompare(b.tag));
}
