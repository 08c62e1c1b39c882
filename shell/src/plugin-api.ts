/**
 * The plugin UI contract.
 *
 * A plugin package declares its UI entry in package.json:
 *   "comptoir": { "plugin": ".", "ui": "./src/ui/index.ts" }
 * That module exports `const ui: PluginUi`. At build time the shell's Vite plugin
 * (shell/vite-plugin.mjs) finds every such package under plugins/*, plugins/devices/* and
 * examples/* and bundles their UIs (virtual module `virtual:comptoir-plugins`).
 *
 * At run time the shell shows a plugin's screens only when the plugin is enabled
 * (listed in `session.plugins`, matched by `ui.plugin` = package name with or without its
 * npm scope) and the user holds the screen's `permission`.
 *
 * A screen is a custom element (registered by its module when `load()` imports it). The shell
 * creates it by `tag` and sets these properties before inserting it:
 *   - api: ApiClient      — fetch wrapper (CSRF, problem+json → ApiError)
 *   - session: Session    — current user, station, shop, enabled plugins
 *   - route: ScreenRoute  — { path, segments, query, screen, rest }; updated in place when only
 *                           the part after the screen's path changes (e.g. 'catalog/articles/42')
 * and may call these optional members:
 *   - onBarcode(code)     — a barcode was scanned while this screen is active
 *   - wantsBarcodes       — when true (and no onBarcode), the shell dispatches a `barcode`
 *                           CustomEvent<{ code }> on the element instead
 *   - focusSearch()       — F2 or '/' pressed (default: focus the first <cpt-search-field>)
 */
import type { ApiClient } from './api/client.js';
import type { Language, Session } from './api/types.js';
import type { Dictionaries, LocalizedText } from './i18n/i18n.js';
import type { ScreenRoute } from './router.js';

export interface ScreenDefinition {
  /** Route path without leading slash, e.g. 'catalog/articles' (URL '#/catalog/articles'). */
  path: string;
  /** Custom element tag defined by the loaded module, e.g. 'cpt-catalog-articles'. */
  tag: string;
  /** Title: a message key of the plugin's `messages`, or `{ fr, nl, en }`. */
  title: LocalizedText;
  /** Icon name from the shell's icon set (see icons.ts: 'box', 'users', 'truck', 'settings'…) or an emoji. */
  icon: string;
  /** Permission the user needs to see and open the screen (e.g. 'catalog.read'). */
  permission?: string;
  /** Navigation group: message key or text (screens without group go first). */
  group?: LocalizedText;
  /** Sort order inside the navigation (ascending, default 100). */
  order?: number;
  /** false: routable but not listed in the navigation. */
  nav?: boolean;
  /** Lazily imports the module that defines `tag`. */
  load: () => Promise<unknown>;
}

export interface PluginUi {
  /** Plugin name ('catalog' for @comptoir/catalog). */
  plugin: string;
  screens: ScreenDefinition[];
  /** Messages merged into the shell's dictionaries (prefix keys with the plugin name). */
  messages?: Dictionaries;
}

/** Properties and optional hooks of a screen element (see the comment at the top). */
export interface ScreenElement extends HTMLElement {
  api: ApiClient;
  session: Session;
  route?: ScreenRoute;
  onBarcode?(code: string): void | Promise<void>;
  wantsBarcodes?: boolean;
  focusSearch?(): void;
}

export type { Language, LocalizedText, ScreenRoute };

/** Identity helper giving type inference/checking to a plugin's `ui` object. */
export function definePluginUi(ui: PluginUi): PluginUi {
  return ui;
}
