/**
 * The plugin UI contract.
 *
 * A plugin declares its screens and zone widgets once, in its definition (`definePlugin({ screens, widgets })`,
 * each with the `module` that defines its element), and ships its UI as ES modules built into the folder its
 * package.json names: `"comptoir": { "plugin": ".", "ui": "dist/ui" }` (`comptoir-dev ui` builds `src/ui/*.ts`
 * there). The server serves that folder for enabled plugins and tells the shell, in `GET /api/ui`, which
 * modules to import; the page's import map gives those modules the shell's own `lit` and `@comptoir/shell`.
 *
 * - `index.js` of the UI folder, when present, is imported after sign-in; its default export is a `PluginUi`
 *   (the plugin's messages, so that titles and groups given as message keys show in the navigation).
 * - A screen's module defines its custom element. The shell creates it by `tag` and sets, before inserting it:
 *     api: ApiClient      fetch wrapper (CSRF, problem+json → ApiError)
 *     session: Session    current user, station, shop, enabled plugins
 *     route: ScreenRoute  { path, segments, query, screen, rest }; updated in place when only the part after
 *                         the screen's path changes (e.g. 'catalog/articles/42')
 *   and may call these optional members:
 *     onBarcode(code)     a barcode was scanned while this screen is active
 *     wantsBarcodes       when true (and no onBarcode), a `barcode` CustomEvent<{ code }> is dispatched instead
 *     focusSearch()       F2 or '/' pressed (default: focus the first <cpt-search-field>)
 * - A widget's module defines its element; `<cpt-zone>` creates it and sets api, session, zone and context.
 */
import type { ApiClient } from './api/client.js';
import type { Language, Session, UiPlugin, UiScreen, UiWidget } from './api/types.js';
import type { Dictionaries, LocalizedText } from './i18n/i18n.js';
import type { ScreenRoute } from './router.js';

/** What a plugin's UI entry module (`index.js` of its UI folder) exports by default. */
export interface PluginUi {
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

/** Properties of a zone widget element, set by `<cpt-zone>`. */
export interface WidgetElement<Context = unknown> extends HTMLElement {
  api: ApiClient;
  session: Session;
  /** The zone's name, e.g. 'catalog.article.aside'. */
  zone: string;
  /** What the screen passes to its zone (documented per zone, e.g. `{ article }`). */
  context: Context;
}

export type { Language, LocalizedText, ScreenRoute, UiPlugin, UiScreen, UiWidget };

/** Identity helper giving type checking to the default export of a plugin's UI entry. */
export function definePluginUi(ui: PluginUi): PluginUi {
  return ui;
}
