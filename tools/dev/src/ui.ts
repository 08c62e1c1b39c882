import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What `comptoir-dev ui` builds. */
export interface UiBuildOptions {
  /** The plugin's folder (its package.json, src/ui). */
  dir: string;
  /** Rebuild on every change until stopped. */
  watch?: boolean;
}

/**
 * The shell's build helpers, taken from the `@comptoir/shell` the plugin itself depends on (so that the modules
 * it leaves to the import map are the ones that shell shares), else from the one next to this tool.
 */
async function shellBuildHelpers(dir: string): Promise<typeof import('@comptoir/shell/vite-plugin')> {
  for (const from of [join(dir, 'package.json'), import.meta.filename]) {
    try {
      const path = createRequire(from).resolve('@comptoir/shell/vite-plugin');
      return await import(pathToFileURL(path).href);
    } catch {
      // not installed there: try the next place
    }
  }
  throw new Error(`@comptoir/shell is not installed in ${dir}: add it to the plugin's devDependencies and install.`);
}

/**
 * Builds the plugin's browser UI: each top-level module of `src/ui/` becomes `dist/ui/<name>.js` (ES module,
 * minified, no source map, with `.br` and `.gz` beside it); `lit` and `@comptoir/shell` stay imports that the
 * page's import map resolves to the shell's own copies. Returns the output folder.
 */
export async function buildUi(options: UiBuildOptions): Promise<string> {
  const dir = resolve(options.dir);
  if (!existsSync(join(dir, 'src', 'ui'))) throw new Error(`${dir} has no src/ui folder: run comptoir-dev ui in the plugin's folder.`);
  const { pluginUiConfig } = await shellBuildHelpers(dir);
  const { build } = await import('vite');
  await build(pluginUiConfig({ root: dir, watch: options.watch }));
  return join(dir, 'dist', 'ui');
}
