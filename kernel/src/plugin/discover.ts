import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KernelError } from '../errors.js';
import type { PluginDefinition } from './define.js';

/**
 * Finds the installed plugins: every dependency of the installation's package.json whose own package.json
 * has a `comptoir.plugin` field, plus the module paths listed in COMPTOIR_PLUGINS (comma-separated).
 */
export async function discoverPlugins(root: string, extra: string[] = []): Promise<PluginDefinition[]> {
  const pkgPath = join(root, 'package.json');
  if (!existsSync(pkgPath)) throw new KernelError('INSTALLATION_NOT_FOUND', `No package.json in ${root}: run comptoir from the installation's folder.`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const req = createRequire(pkgPath);
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }).sort();
  const found: PluginDefinition[] = [];
  for (const name of names) {
    let manifest: string;
    try {
      manifest = req.resolve(`${name}/package.json`);
    } catch {
      continue;
    }
    const meta = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!meta.comptoir?.plugin) continue;
    const entry = req.resolve(name);
    found.push(await loadPlugin(entry, name));
  }
  for (const path of extra) found.push(await loadPlugin(resolve(root, path), path));
  return found;
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
