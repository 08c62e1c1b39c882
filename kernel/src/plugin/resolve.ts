import semver from 'semver';
import { KernelError } from '../errors.js';
import type { PluginDefinition } from './define.js';

/**
 * Names a plugin may not take: `kernel` keys the kernel's own migrations and permissions, the others are the
 * first segment of the kernel's routes (`/api/users`, `/api/docs`, …) that a plugin's `/api/<name>` would collide with.
 */
export const RESERVED_PLUGIN_NAMES: readonly string[] = [
  'kernel', 'health', 'session', 'auth', 'shop', 'stations', 'users', 'roles', 'permissions', 'plugins', 'journal', 'events', 'docs',
];

/**
 * Orders the enabled plugins so that every plugin comes after what it requires and enhances,
 * refusing a missing dependency, an unknown plugin, a cycle or an incompatible version.
 */
export function resolvePlugins(
  available: readonly PluginDefinition[],
  enabled: readonly string[],
  kernelVersion: string,
): PluginDefinition[] {
  const byName = new Map<string, PluginDefinition>();
  for (const p of available) {
    if (byName.has(p.name)) throw new KernelError('PLUGIN_DUPLICATE', `Plugin '${p.name}' is installed twice.`);
    if (RESERVED_PLUGIN_NAMES.includes(p.name)) {
      throw new KernelError('PLUGIN_NAME_RESERVED', `Plugin '${p.name}' cannot be named so: the kernel uses '${p.name}' (reserved: ${RESERVED_PLUGIN_NAMES.join(', ')}). Rename the plugin.`);
    }
    byName.set(p.name, p);
  }
  const enabledSet = new Set(enabled);
  for (const name of enabledSet) {
    if (!byName.has(name)) {
      throw new KernelError('PLUGIN_UNKNOWN',
        `Plugin '${name}' is enabled but not installed. Install its package, or run: comptoir plugins disable ${name}`);
    }
  }
  for (const name of enabledSet) {
    const p = byName.get(name)!;
    if (!semver.satisfies(kernelVersion, p.kernel, { includePrerelease: true })) {
      throw new KernelError('PLUGIN_KERNEL_INCOMPATIBLE',
        `Plugin '${p.name}' ${p.version} needs kernel ${p.kernel}, but this kernel is ${kernelVersion}.`);
    }
    for (const [dep, range] of Object.entries(p.requires ?? {})) {
      const d = byName.get(dep);
      if (!d) {
        throw new KernelError('PLUGIN_MISSING_DEPENDENCY',
          `Plugin '${p.name}' requires plugin '${dep}' (${range}), which is not installed.`);
      }
      if (!enabledSet.has(dep)) {
        throw new KernelError('PLUGIN_MISSING_DEPENDENCY',
          `Plugin '${p.name}' requires plugin '${dep}', which is disabled. Run: comptoir plugins enable ${dep}`);
      }
      if (!semver.satisfies(d.version, range, { includePrerelease: true })) {
        throw new KernelError('PLUGIN_DEPENDENCY_VERSION',
          `Plugin '${p.name}' requires '${dep}' ${range}, but '${dep}' ${d.version} is installed.`);
      }
    }
  }
  // Depth-first topological sort; requires and enabled enhances are both ordering edges.
  const order: PluginDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      throw new KernelError('PLUGIN_CYCLE', `Plugin dependency cycle: ${cycle.join(' → ')}`);
    }
    state.set(name, 'visiting');
    const p = byName.get(name)!;
    const deps = [...Object.keys(p.requires ?? {}), ...(p.enhances ?? []).filter((e) => enabledSet.has(e))];
    for (const dep of deps.sort()) visit(dep, [...path, name]);
    state.set(name, 'done');
    order.push(p);
  };
  for (const name of [...enabledSet].sort()) visit(name, []);
  return order;
}

/** Names of enabled plugins that require `name` (they block disabling it). */
export function dependentsOf(available: readonly PluginDefinition[], enabled: readonly string[], name: string): string[] {
  return available
    .filter((p) => enabled.includes(p.name) && Object.keys(p.requires ?? {}).includes(name))
    .map((p) => p.name);
}
