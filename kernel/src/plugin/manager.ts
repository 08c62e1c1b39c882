import type { EntityManager } from '@mikro-orm/core';
import { KernelError } from '../errors.js';
import { PluginState } from '../entities/index.js';
import type { Journal } from '../journal/journal.js';
import type { PluginDefinition } from './define.js';
import { dependentsOf, resolvePlugins } from './resolve.js';

/** A plugin as the installation sees it. */
export interface PluginStatus {
  name: string;
  version: string;
  enabled: boolean;
  installed: boolean;
  requires: string[];
  enhances: string[];
  description?: unknown;
}

/** Names of the enabled plugins: the persisted choice, else each plugin's default. */
export async function enabledPluginNames(em: EntityManager, available: readonly PluginDefinition[]): Promise<string[]> {
  const states = await em.find(PluginState, {});
  const byName = new Map(states.map((s) => [s.name, s.enabled]));
  const names = new Set<string>();
  for (const p of available) if (byName.get(p.name) ?? p.defaultEnabled !== false) names.add(p.name);
  for (const s of states) if (s.enabled) names.add(s.name);
  return [...names].sort();
}

/** Every known plugin with its state, for `comptoir plugins list` and the admin screen. */
export async function listPlugins(em: EntityManager, available: readonly PluginDefinition[]): Promise<PluginStatus[]> {
  const enabled = await enabledPluginNames(em, available);
  const out: PluginStatus[] = available.map((p) => ({
    name: p.name, version: p.version, enabled: enabled.includes(p.name), installed: true,
    requires: Object.keys(p.requires ?? {}), enhances: p.enhances ?? [], description: p.description,
  }));
  for (const name of enabled) {
    if (!available.some((p) => p.name === name)) {
      out.push({ name, version: '?', enabled: true, installed: false, requires: [], enhances: [] });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Enables or disables a plugin, refusing when that would leave a plugin without what it requires.
 * Data is never deleted. Takes effect at the next start.
 */
export async function setPluginEnabled(
  em: EntityManager, available: readonly PluginDefinition[], kernelVersion: string, journal: Journal,
  name: string, enabled: boolean, userId: number | null = null,
): Promise<{ changed: boolean }> {
  const plugin = available.find((p) => p.name === name);
  const current = await enabledPluginNames(em, available);
  if (!plugin && enabled) {
    throw new KernelError('PLUGIN_UNKNOWN', `Plugin '${name}' is not installed. Installed: ${available.map((p) => p.name).join(', ') || 'none'}.`);
  }
  if (enabled === current.includes(name)) return { changed: false };
  const next = enabled ? [...current, name] : current.filter((n) => n !== name);
  if (!enabled) {
    const blockers = dependentsOf(available, current, name);
    if (blockers.length) {
      throw new KernelError('PLUGIN_REQUIRED_BY', `Cannot disable '${name}': ${blockers.join(', ')} require${blockers.length > 1 ? '' : 's'} it. Disable ${blockers.join(', ')} first.`);
    }
  } else {
    resolvePlugins(available, next, kernelVersion);
  }
  await em.transactional(async (tem) => {
    await tem.upsert(PluginState, { name, enabled, version: plugin?.version ?? '?', changedAt: new Date() });
    await journal.technical(tem, enabled ? 'plugin.enabled' : 'plugin.disabled', { plugin: name, version: plugin?.version ?? null }, userId);
  });
  return { changed: true };
}
