/**
 * Router: a HASH router. URLs look like `/#/catalog/articles/42?barcode=5410…`.
 *
 * Why hash routing: the app is served at `/` by the kernel and only index.html is needed —
 * deep links and reloads work even without the server's SPA fallback, asset URLs never
 * depend on the route, and `/api/*` can never collide with a screen path.
 *
 * A route path is matched against the screens' `path` by longest prefix (segment-wise);
 * the remaining segments are given to the screen as `route.rest` (e.g. ['42'] or ['new']).
 */

export interface Route {
  /** Full path without leading slash, e.g. 'catalog/articles/42'. */
  path: string;
  segments: string[];
  query: Record<string, string>;
}

/** What a screen receives in its `route` property. */
export interface ScreenRoute extends Route {
  /** The screen's own path, e.g. 'catalog/articles'. */
  screen: string;
  /** Segments after the screen path, e.g. ['42']. */
  rest: string[];
}

export function parseHash(hash: string): Route {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  let search = '';
  const q = h.indexOf('?');
  if (q >= 0) {
    search = h.slice(q + 1);
    h = h.slice(0, q);
  }
  const segments = h
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  return { path: segments.join('/'), segments, query };
}

export function currentRoute(): Route {
  return parseHash(typeof location === 'undefined' ? '' : location.hash);
}

/** '#/catalog/articles/42?x=1' */
export function href(path: string, query?: Record<string, string | number | null | undefined>): string {
  const clean = path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => encodeURIComponent(s).replace(/%2F/gi, '/'))
    .join('/');
  let out = '#/' + clean;
  if (query) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    const s = p.toString();
    if (s) out += '?' + s;
  }
  return out;
}

export function navigate(
  path: string,
  query?: Record<string, string | number | null | undefined>,
  options: { replace?: boolean } = {},
): void {
  const target = href(path, query);
  if (location.hash === target) return;
  if (options.replace) {
    history.replaceState(history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}

export function onRouteChange(listener: (route: Route) => void): () => void {
  const handler = () => listener(currentRoute());
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

/** Longest screen path that prefixes the route (segment-wise). */
export function matchScreen<T extends { path: string }>(route: Route, screens: readonly T[]): { screen: T; rest: string[] } | null {
  let best: { screen: T; rest: string[] } | null = null;
  let bestLen = -1;
  for (const s of screens) {
    const segs = s.path.split('/').filter(Boolean);
    if (segs.length > route.segments.length || segs.length <= bestLen) continue;
    if (segs.every((seg, i) => seg === route.segments[i])) {
      best = { screen: s, rest: route.segments.slice(segs.length) };
      bestLen = segs.length;
    }
  }
  return best;
}
