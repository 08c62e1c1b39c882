/**
 * The shell and the plugins' browser UIs, as the server hands them out.
 *
 * - `/` (and any page address) answers the shell's index.html, with an import map written here at start from
 *   the list the shell's build leaves in `dist/shared-modules.json` (`lit`, its sub-paths, `@comptoir/shell`):
 *   every plugin UI that imports `lit` or `@comptoir/shell` gets the shell's own copy. The import map is the
 *   page's only inline script. Never cached: a new build shows at the next load.
 * - `/assets/…`: the shell's built files, content-hashed by Vite, cached for a year.
 * - `/plugins/<plugin>/…`: the files of an enabled plugin's UI folder (package.json `comptoir.ui`), nothing
 *   outside it. `chunks/` and `assets/` hold content-hashed names (cached for a year); the modules the
 *   definition names keep their names and are revalidated.
 * - `GET /api/ui`: which enabled plugins have a UI, their entry, screens and zone widgets with module URLs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PluginDefinition } from '../plugin/define.js';
import type { ScreenDefinition, WidgetDefinition } from '../plugin/ui-contract.js';
import type { RouteRegistrar } from './routes.js';
import { IMMUTABLE, MemoryFile, REVALIDATE, StaticFolder } from './static-files.js';

/** A screen as the shell receives it: `module` is the URL to import. */
export interface UiScreen extends ScreenDefinition {
  plugin: string;
}

/** A zone widget as the shell receives it: `module` is the URL to import. */
export interface UiWidget extends WidgetDefinition {
  plugin: string;
}

/** An enabled plugin's browser UI. */
export interface UiPlugin {
  name: string;
  version: string;
  /** URL of the plugin's UI folder, ending with '/'. */
  base: string;
  /** URL of the module the shell imports first (its messages), when the folder has an `index.js`. */
  entry: string | null;
  screens: UiScreen[];
  widgets: UiWidget[];
}

/** The module specifiers the shell shares, and the URL of the shell's built module for each. */
export interface ImportMap {
  imports: Record<string, string>;
}

/**
 * The enabled plugins' UIs: each declared module must be in the plugin's UI folder; what is missing is left
 * out with a warning that says how to build it (the till still starts).
 */
export function uiCatalogue(enabled: readonly PluginDefinition[], uiDirs: Readonly<Record<string, string>>, warn: (message: string) => void): UiPlugin[] {
  const out: UiPlugin[] = [];
  for (const p of enabled) {
    const dir = uiDirs[p.name];
    const declared = [...(p.screens ?? []), ...(p.widgets ?? [])];
    if (!dir) {
      if (declared.length) warn(`Plugin '${p.name}' declares screens or widgets but its package has no built UI folder (package.json "comptoir.ui"): run \`comptoir-dev ui\` in the plugin's folder. Its screens are left out.`);
      continue;
    }
    const base = `/plugins/${p.name}/`;
    const present = (what: string, module: string) => {
      if (existsSync(join(dir, ...module.split('/')))) return true;
      warn(`Plugin '${p.name}': ${what} needs ${module}, which is not in ${dir}: run \`comptoir-dev ui\` in the plugin's folder. It is left out.`);
      return false;
    };
    out.push({
      name: p.name,
      version: p.version,
      base,
      entry: existsSync(join(dir, 'index.js')) ? `${base}index.js` : null,
      screens: (p.screens ?? []).filter((s) => present(`screen '${s.path}'`, s.module)).map((s) => ({ ...s, plugin: p.name, module: base + s.module })),
      widgets: (p.widgets ?? []).filter((w) => present(`widget '${w.tag}'`, w.module)).map((w) => ({ ...w, plugin: p.name, module: base + w.module })),
    });
  }
  return out;
}

/** The import map of the shell's shared modules, from the list its build wrote; null when the build has none. */
export function importMapOf(shellDir: string): ImportMap | null {
  const file = join(shellDir, 'shared-modules.json');
  if (!existsSync(file)) return null;
  const listed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const imports: Record<string, string> = {};
  for (const [specifier, path] of Object.entries(listed)) {
    if (typeof path !== 'string' || path.includes('..') || !existsSync(join(shellDir, path))) {
      throw new Error(`The shell's build lists ${specifier} at ${path}, which is not in ${shellDir}: rebuild the shell.`);
    }
    imports[specifier] = `/${path}`;
  }
  return { imports };
}

/**
 * index.html with the import map inserted before the first script or module preload (an import map must come
 * before any module is fetched). `<` is escaped so that no text in the map can close the script.
 */
export function withImportMap(html: string, map: ImportMap): string {
  const at = html.search(/<script\b|<link\b[^>]*\brel=["']?modulepreload/i);
  if (at < 0) throw new Error('index.html has no <script> or modulepreload link to put the import map before');
  const json = JSON.stringify(map).replace(/</g, '\\u003c');
  return `${html.slice(0, at)}<script type="importmap">${json}</script>\n    ${html.slice(at)}`;
}

/** A page address of the single-page shell (not an asset, a plugin file or the API). */
export function isPageUrl(url: string): boolean {
  const path = url.split('?')[0];
  if (/^\/(api|assets|plugins)(\/|$)/.test(path)) return false;
  return !/\.[a-z0-9]+$/i.test(path);
}

/** The CSP source of each inline script of a page ('sha256-…'): the import map is the shell's only one. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
}

/** What the server serves of the shell and of the plugins' UIs. */
export class ShellUi {
  readonly index: MemoryFile | null;
  /** The CSP sources (`'sha256-…'`) of index.html's inline scripts, for a Content-Security-Policy's script-src. */
  readonly scriptHashes: string[];
  private readonly assets: StaticFolder | null;
  private readonly pluginFolders = new Map<string, StaticFolder>();

  constructor(opts: { shellDir: string | null; catalogue: UiPlugin[]; uiDirs: Readonly<Record<string, string>>; warn: (message: string) => void }) {
    const { shellDir } = opts;
    if (shellDir && existsSync(join(shellDir, 'index.html'))) {
      let html = readFileSync(join(shellDir, 'index.html'), 'utf8');
      const map = importMapOf(shellDir);
      if (map) html = withImportMap(html, map);
      else opts.warn(`The shell in ${shellDir} lists no shared modules (shared-modules.json): plugins' screens will not load. Rebuild the shell.`);
      this.index = new MemoryFile(Buffer.from(html), 'text/html; charset=utf-8', REVALIDATE);
      this.assets = existsSync(join(shellDir, 'assets')) ? new StaticFolder(join(shellDir, 'assets'), () => IMMUTABLE) : null;
    } else {
      this.index = new MemoryFile(Buffer.from(NOT_BUILT), 'text/html; charset=utf-8', REVALIDATE);
      this.assets = null;
    }
    this.scriptHashes = inlineScriptHashes(this.index.body.toString('utf8'));
    // Only enabled plugins with a UI are served; the catalogue lists exactly those.
    for (const p of opts.catalogue) {
      this.pluginFolders.set(p.name, new StaticFolder(opts.uiDirs[p.name], (path) => (/^(chunks|assets)\//.test(path) ? IMMUTABLE : REVALIDATE)));
    }
  }

  /** Mounts `/`, `/assets/*` and `/plugins/:plugin/*`. */
  mount(app: FastifyInstance): void {
    const hidden = { schema: { hide: true } };
    const page = async (req: FastifyRequest, reply: FastifyReply) => this.index!.send(req, reply);
    app.get('/', hidden, page);
    app.get('/index.html', hidden, page);
    app.get('/assets/*', hidden, async (req, reply) => {
      const path = (req.params as { '*': string })['*'];
      if (!this.assets || !(await this.assets.send(req, reply, path))) return reply.callNotFound();
      return reply;
    });
    app.get('/plugins/:plugin/*', hidden, async (req, reply) => {
      const params = req.params as { plugin: string; '*': string };
      const folder = this.pluginFolders.get(params.plugin);
      if (!folder || !(await folder.send(req, reply, params['*']))) return reply.callNotFound();
      return reply;
    });
  }

  /** Answers a page address with the shell (the not-found handler's fallback for client-side routes). */
  sendPage(req: FastifyRequest, reply: FastifyReply): FastifyReply {
    return this.index!.send(req, reply);
  }
}

const NOT_BUILT = '<!doctype html><meta charset="utf-8"><title>Comptoir</title><p>Comptoir is running, but the shell is not built. Run <code>pnpm build</code>, then restart. The API is at <a href="/api/docs">/api/docs</a>.</p>';

const localized = { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }] } as const;
const uiPluginSchema = {
  type: 'object', required: ['name', 'version', 'base', 'entry', 'screens', 'widgets'],
  properties: {
    name: { type: 'string' }, version: { type: 'string' }, base: { type: 'string' }, entry: { type: ['string', 'null'] },
    screens: {
      type: 'array',
      items: {
        type: 'object', required: ['plugin', 'path', 'tag', 'title', 'permission', 'module'],
        properties: {
          plugin: { type: 'string' }, path: { type: 'string' }, tag: { type: 'string' }, title: localized, permission: { type: 'string' },
          icon: { type: 'string' }, group: localized, order: { type: 'number' }, nav: { type: 'boolean' }, module: { type: 'string' },
        },
      },
    },
    widgets: {
      type: 'array',
      items: {
        type: 'object', required: ['plugin', 'zone', 'tag', 'module'],
        properties: { plugin: { type: 'string' }, zone: { type: 'string' }, tag: { type: 'string' }, permission: { type: 'string' }, order: { type: 'number' }, module: { type: 'string' } },
      },
    },
  },
} as const;

/** `GET /api/ui`: the enabled plugins' UIs, for the shell to import at run time. */
export function uiRoutes(r: RouteRegistrar, catalogue: () => UiPlugin[]): void {
  r.get('/ui', {
    permission: 'authenticated',
    summary: 'The enabled plugins’ browser UIs: entry module, screens and zone widgets, with the URLs to import',
    schema: { response: { 200: { type: 'object', required: ['plugins'], properties: { plugins: { type: 'array', items: uiPluginSchema } } } } },
    handler: async () => ({ plugins: catalogue() }),
  });
}
