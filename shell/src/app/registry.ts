import { hasPermission, type Session } from '../api/types.js';
import type { PluginUi, ScreenDefinition } from '../plugin-api.js';

export interface RegisteredScreen extends ScreenDefinition {
  plugin: string;
}

/** Plugins always available (the kernel's own screens). */
const ALWAYS_ENABLED = new Set(['kernel', 'shell']);

export function collectScreens(uis: readonly PluginUi[]): RegisteredScreen[] {
  const out: RegisteredScreen[] = [];
  const seen = new Set<string>();
  for (const ui of uis) {
    if (!ui || !Array.isArray(ui.screens)) continue;
    for (const s of ui.screens) {
      const path = s.path.replace(/^\/+|\/+$/g, '');
      if (seen.has(path)) {
        console.warn(`[comptoir] screen path "${path}" of plugin ${ui.plugin} is already used; ignored`);
        continue;
      }
      seen.add(path);
      out.push({ ...s, path, plugin: ui.plugin });
    }
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
