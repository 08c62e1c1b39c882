// @ts-check
/**
 * Vite plugin that discovers Comptoir plugin UIs at build time.
 *
 * It scans the workspace (repository root = parent folder of shell/) for
 * `plugins/*\/package.json`, `plugins/devices/*\/package.json` and
 * `examples/*\/package.json`, keeps the packages whose package.json has a
 * `comptoir.ui` field (path of the UI entry module, relative to the package)
 * and generates the virtual module `virtual:comptoir-plugins`:
 *
 *   import { ui as ui0 } from '/abs/path/plugins/catalog/src/ui/index.ts';
 *   export const uis = [ui0];
 *   export const packages = [{ name: '@comptoir/catalog', version: '0.1.0', ui: 'catalog' }];
 *
 * Each UI entry module must export `const ui: PluginUi` (see shell/src/plugin-api.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VIRTUAL_ID = 'virtual:comptoir-plugins';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** Folders (relative to the repository root) whose children are packages. */
export const PLUGIN_PARENT_DIRS = ['plugins', 'plugins/devices', 'examples'];

/**
 * @param {string} repoRoot
 * @param {(message: string) => void} [warn] called for packages whose declared UI entry is missing (they are skipped)
 * @returns {{ name: string, version: string, dir: string, packageJson: string, entry: string }[]}
 */
export function findPluginUis(repoRoot, warn = (m) => console.warn(m)) {
  /** @type {{ name: string, version: string, dir: string, packageJson: string, entry: string }[]} */
  const found = [];
  for (const parent of PLUGIN_PARENT_DIRS) {
    const parentDir = path.join(repoRoot, parent);
    if (!existsSync(parentDir)) continue;
    for (const child of readdirSync(parentDir).sort()) {
      if (child === 'node_modules' || child.startsWith('.')) continue;
      const dir = path.join(parentDir, child);
      const packageJson = path.join(dir, 'package.json');
      if (!statSync(dir).isDirectory() || !existsSync(packageJson)) continue;
      let pkg;
      try {
        pkg = JSON.parse(readFileSync(packageJson, 'utf8'));
      } catch (err) {
        throw new Error(`comptoir-plugins: cannot parse ${packageJson}: ${/** @type {Error} */ (err).message}`, { cause: err });
      }
      const ui = pkg?.comptoir?.ui;
      if (typeof ui !== 'string' || ui === '') continue;
      const entry = path.resolve(dir, ui);
      if (!existsSync(entry)) {
        warn(`comptoir-plugins: ${pkg.name ?? packageJson} declares comptoir.ui "${ui}" but ${entry} does not exist; its UI is skipped`);
        continue;
      }
      found.push({ name: String(pkg.name ?? child), version: String(pkg.version ?? '0.0.0'), dir, packageJson, entry });
    }
  }
  return found;
}

/**
 * @param {{ root?: string }} [options] root: repository root (defaults to the parent of shell/)
 * @returns {import('vite').Plugin}
 */
export function comptoirPlugins(options = {}) {
  const repoRoot = options.root ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return {
    name: 'comptoir-plugins',
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      return null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const found = findPluginUis(repoRoot, (m) => this.warn(m));
      const lines = [];
      found.forEach((p, i) => {
        this.addWatchFile(p.packageJson);
        lines.push(`import { ui as ui${i} } from ${JSON.stringify(p.entry.split(path.sep).join('/'))};`);
      });
      lines.push(`export const uis = [${found.map((_, i) => `ui${i}`).join(', ')}];`);
      lines.push(
        `export const packages = ${JSON.stringify(found.map((p) => ({ name: p.name, version: p.version })))};`,
      );
      return lines.join('\n') + '\n';
    },
  };
}

export default comptoirPlugins;
