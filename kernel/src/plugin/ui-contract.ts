import type { LocalizedText } from '../errors.js';

/**
 * A screen a plugin adds to the shell. Declared once, in the plugin's definition: the server sends the
 * enabled plugins' screens to the shell (`GET /api/ui`), which lists them in the navigation and imports
 * `module` from the plugin's built UI folder when the screen opens.
 */
export interface ScreenDefinition {
  /** Route path without leading slash, e.g. 'catalog/articles' (URL '#/catalog/articles'). */
  path: string;
  /** The custom element `module` defines, e.g. 'cpt-catalog-articles'. */
  tag: string;
  /** A message key of the plugin's UI messages, or `{ fr, nl, en }`. */
  title: LocalizedText;
  /** The permission a user needs to see and open the screen (`'authenticated'`: every signed-in user). */
  permission: string;
  /** A name of the shell's icon set ('box', 'users', 'tag'…) or an emoji. */
  icon?: string;
  /** Navigation heading: a message key or `{ fr, nl, en }`; screens without one come first. */
  group?: LocalizedText;
  /** Place in the navigation, ascending (default 100). */
  order?: number;
  /** false: reachable by its address but not listed in the navigation. */
  nav?: boolean;
  /** The ES module defining `tag`, relative to the package's UI folder (package.json `comptoir.ui`), e.g. 'articles-screen.js'. */
  module: string;
}

/**
 * A widget a plugin puts in a named zone of a screen (its own or another plugin's), such as a panel beside the
 * article form (`catalog.article.aside`) or a button in a toolbar. The screen renders
 * `<cpt-zone name="catalog.article.aside" .context=${…}>`; the shell creates one `tag` element per widget of
 * an enabled plugin whose permission the user holds, and gives it `api`, `session`, `zone` and `context`.
 */
export interface WidgetDefinition {
  /** The zone's name: '<owner plugin>.<place>', e.g. 'catalog.article.aside'. */
  zone: string;
  /** The custom element `module` defines, e.g. 'cpt-notes-article-notes'. */
  tag: string;
  /** The permission a user needs to see the widget (default: every signed-in user). */
  permission?: string;
  /** Place among the zone's widgets, ascending (default 100). */
  order?: number;
  /** The ES module defining `tag`, relative to the package's UI folder. */
  module: string;
}

const PATH_RE = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;
// Custom element names need a dash; lower case keeps them valid in every browser.
const TAG_RE = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const ZONE_RE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
// A file inside the UI folder: relative, forward slashes, no '..' and no hidden segment.
const MODULE_RE = /^(?!.*(^|\/)\.)[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*\.m?js$/;

/** Checks a plugin's screens and widgets; throws a TypeError naming the plugin, the entry and the fix. */
export function checkUiDeclarations(where: string, screens: readonly ScreenDefinition[] = [], widgets: readonly WidgetDefinition[] = []): void {
  const paths = new Set<string>();
  for (const s of screens) {
    const at = `${where}: screen '${s?.path ?? '?'}'`;
    if (!PATH_RE.test(s?.path ?? '')) throw new TypeError(`${at}: path must be lower-case segments separated by '/', without a leading '/' (e.g. 'notes/recent')`);
    if (paths.has(s.path)) throw new TypeError(`${at}: declared twice`);
    paths.add(s.path);
    if (!TAG_RE.test(s.tag ?? '')) throw new TypeError(`${at}: tag '${s.tag}' is not a custom element name (lower case, with a '-', e.g. 'cpt-notes-recent')`);
    if (!s.permission) throw new TypeError(`${at}: permission is required ('authenticated' lets every signed-in user in)`);
    if (!s.title) throw new TypeError(`${at}: title is required (a message key or { fr, nl, en })`);
    if (!MODULE_RE.test(s.module ?? '')) throw new TypeError(`${at}: module '${s.module}' must be a .js file inside the UI folder (e.g. 'recent-notes-screen.js')`);
  }
  for (const w of widgets) {
    const at = `${where}: widget '${w?.tag ?? '?'}' in zone '${w?.zone ?? '?'}'`;
    if (!ZONE_RE.test(w?.zone ?? '')) throw new TypeError(`${at}: zone must be '<plugin>.<place>' in lower case (e.g. 'catalog.article.aside')`);
    if (!TAG_RE.test(w.tag ?? '')) throw new TypeError(`${at}: tag is not a custom element name (lower case, with a '-')`);
    if (!MODULE_RE.test(w.module ?? '')) throw new TypeError(`${at}: module '${w.module}' must be a .js file inside the UI folder`);
  }
}
