import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KernelError } from '../errors.js';
import type { PluginDefinition } from './define.js';

/** What an installation holds: its plugins, the folder of each one's built UI, and each one's package name. */
export interface Installation {
  plugins: PluginDefinition[];
  /** Plugin name → absolute folder of its built browser UI (package.json `comptoir.ui`), when it has one. */
  uiDirs: Record<string, string>;
  /** Plugin name → npm package name ('notes' → '@comptoir-example/shop-notes'). */
  packages: Record<string, string>;
}

/**
 * Finds the installed plugins: every dependency of the installation's package.json whose own package.json
 * has a `comptoir.plugin` field, plus the module paths listed in COMPTOIR_PLUGINS (comma-separated).
 */
export async function discoverInstallation(root: string, extra: string[] = []): Promise<Installation> {
  const pkgPath = join(root, 'package.json');
  if (!existsSync(pkgPath)) throw new KernelError('INSTALLATION_NOT_FOUND', `No package.json in ${root}: run comptoir from the installation's folder.`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const req = createRequire(pkgPath);
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }).sort();
  const found: Installation = { plugins: [], uiDirs: {}, packages: {} };
  const add = (def: PluginDefinition, manifest: string, meta: { name?: string; comptoir?: { ui?: unknown } }) => {
    found.plugins.push(def);
    if (meta.name) found.packages[def.name] = meta.name;
    const ui = uiFolder(manifest, meta);
    if (ui) found.uiDirs[def.name] = ui;
  };
  for (const name of names) {
    let manifest: string;
    try {
      manifest = req.resolve(`${name}/package.json`);
    } catch {
      continue;
    }
    const meta = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!meta.comptoir?.plugin) continue;
    add(await loadPlugin(req.resolve(name), name), manifest, meta);
  }
  for (const path of extra) {
    const file = resolve(root, path);
    const manifest = nearestPackageJson(file);
    add(await loadPlugin(file, path), manifest ?? '', manifest ? JSON.parse(readFileSync(manifest, 'utf8')) : {});
  }
  return found;
}

/** The installed plugins' definitions (see discoverInstallation). */
export async function discoverPlugins(root: string, extra: string[] = []): Promise<PluginDefinition[]> {
  return (await discoverInstallation(root, extra)).plugins;
}

/** The package's built UI folder: `comptoir.ui` relative to its package.json, if that folder exists. */
function uiFolder(manifest: string, meta: { comptoir?: { ui?: unknown } }): string | null {
  const ui = meta.comptoir?.ui;
  if (!manifest || typeof ui !== 'string' || !ui) return null;
  const dir = resolve(dirname(manifest), ui);
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : null;
}

function nearestPackageJson(file: string): string | null {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'package.json');
    if (dirname(dir) === dir) return null;
  }
}

async function loadPlugin(file: string, label: string): Promise<PluginDefinition> {
  const mod = await import(pathToFileURL(file).href);
  const def = mod.default as PluginDefinition | undefined;
  if (!def?.name || !def.version) {
    throw new KernelError('PLUGIN_INVALID', `Package ${label} declares a Comptoir plugin but its default export is not a definePlugin(...) result (${file}).`);
  }
  return def;
}

/** The built shell next to the installation (`@comptoir/shell/dist`), if any. */
export function findShellDir(root: string): string | null {
  try {
    const req = createRequire(join(root, 'package.json'));
    const dir = join(dirname(req.resolve('@comptoir/shell/package.json')), 'dist');
    return existsSync(join(dir, 'index.html')) ? dir : null;
  } catch {
    return null;
  }
}

/**
 * The plugin a person means: its name ('notes'), or its package's name with or without the scope
 * ('@comptoir-example/shop-notes', 'shop-notes'), as `comptoir plugins enable` accepts either.
 */
export function pluginNameFor(input: string, packages: Record<string, string>): string {
  if (Object.hasOwn(packages, input)) return input;
  for (const [plugin, pkg] of Object.entries(packages)) {
    if (pkg === input || pkg.slice(pkg.lastIndexOf('/') + 1) === input) return plugin;
  }
  return input;
}
