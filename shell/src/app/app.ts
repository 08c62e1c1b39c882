import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient, ApiError } from '../api/client.js';
import { type Language, type NotificationEvent, type Session, type SignedOutInfo } from '../api/types.js';
import { kernelUi } from '../builtin.js';
import { LocaleController, i18n, isLanguage, t } from '../i18n/i18n.js';
import { shellMessages } from '../i18n/messages.js';
import { icon } from '../icons.js';
import { inputService, shortcuts } from '../input/input-service.js';
import { errorMessage, toast, toastError } from '../notify.js';
import type { ScreenElement } from '../plugin-api.js';
import { currentRoute, href, matchScreen, navigate, onRouteChange, type Route } from '../router.js';
import { confirmLeave } from '../editing/leave-guard.js';
import { appStyles } from './app-styles.js';
import { pluginUis } from './plugin-uis.js';
import { initials } from '../util.js';
import { allowedScreens, collectScreens, enabledScreens, navScreens, type RegisteredScreen } from './registry.js';
import '../elements/button.js';
import '../elements/lang-switch.js';
import { offerScanToDialogs } from '../elements/dialog.js';
import '../elements/toaster.js';
import './sign-in.js';
import './shop-setup.js';

type Phase = 'loading' | 'signed-out' | 'unreachable' | 'setup' | 'ready';
type View =
  | { kind: 'home' }
  | { kind: 'loading'; screen: RegisteredScreen }
  | { kind: 'screen'; screen: RegisteredScreen; el: ScreenElement }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'error'; screen: RegisteredScreen; message: string };

const KERNEL_SCREENS: RegisteredScreen[] = kernelUi.screens.map((s) => ({ ...s, plugin: kernelUi.plugin }));
i18n.addMessages(shellMessages);

/**
 * <cpt-app> — the Comptoir shell frame: session bootstrap, sign-in, first-run shop setup,
 * navigation built from the enabled plugins' screens and the user's permissions, header
 * (shop, station, user, language, sign-out), toasts, keyboard shortcuts and barcode routing,
 * and the lazily loaded screens (hash routing, see router.ts).
 */
@customElement('cpt-app')
export class CptApp extends LitElement {
  @state() private phase: Phase = 'loading';
  @state() private session: Session | null = null;
  @state() private signedOut: SignedOutInfo | null = null;
  @state() private route: Route = currentRoute();
  @state() private view: View = { kind: 'home' };
  @state() private navOpen = false;
  @state() private helpOpen = false;
  @state() private unreachableMessage = '';

  readonly api = new ApiClient({ language: () => i18n.language });
  /** The kernel's screens, then the enabled plugins' once their UIs are read (after sign-in). */
  private screens = collectScreens(KERNEL_SCREENS);
  private events: EventSource | null = null;
  private loadToken = 0;
  private offs: (() => void)[] = [];
  private i18n = new LocaleController(this);

  static override styles = appStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    this.offs.push(
      onRouteChange((r) => void this.onRoute(r)),
      this.api.onUnauthorized(() => this.onSessionLost()),
      shortcuts.register({ keys: 'F2', description: 'shortcuts.search', handler: () => this.focusSearch() }),
      shortcuts.register({ keys: '/', description: 'shortcuts.search', handler: () => this.focusSearch() }),
      shortcuts.register({ keys: '?', description: 'shortcuts.help', handler: () => this.toggleHelp() }),
      shortcuts.register({ keys: 'Escape', description: 'shortcuts.close', handler: () => this.onEscape() }),
      shortcuts.onChange(() => this.helpOpen && this.requestUpdate()),
    );
    inputService.barcodeHandler = (code) => this.onBarcode(code);
    inputService.start();
    window.addEventListener('online', this.onOnline);
    this.addEventListener('session-changed', this.onSessionChanged);
    void this.loadSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.offs) off();
    this.offs = [];
    inputService.stop();
    inputService.barcodeHandler = null;
    this.closeEvents();
    window.removeEventListener('online', this.onOnline);
    this.removeEventListener('session-changed', this.onSessionChanged);
  }

  // ---------------------------------------------------------------- session

  private async loadSession(): Promise<void> {
    try {
      const session = await this.api.get<Session>('/session', undefined, { quiet401: true });
      await this.applySession(session);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        this.applySignedOut(err.problem as unknown as SignedOutInfo);
      } else {
        this.phase = 'unreachable';
        this.unreachableMessage = errorMessage(err);
      }
    }
  }

  private applySignedOut(info: SignedOutInfo): void {
    this.closeEvents();
    this.session = null;
    pluginUis.setSession(null, null);
    this.api.csrfToken = null;
    this.signedOut = { station: info?.station ?? null, shop: info?.shop ?? { name: '' }, code: info?.code };
    const shop = this.signedOut.shop;
    i18n.setShop({ locale: shop.locale, country: shop.country });
    i18n.setLanguage(i18n.storedLanguage() ?? (isLanguage(shop.language) ? shop.language : browserLanguage()));
    this.setView({ kind: 'home' });
    this.phase = 'signed-out';
  }

  private async applySession(session: Session): Promise<void> {
    const previousUser = this.session?.user?.id;
    this.session = session;
    this.signedOut = null;
    this.api.csrfToken = session.csrfToken;
    pluginUis.setSession(this.api, session);
    await this.loadPluginUis();
    i18n.setShop({ country: session.shop?.country, currency: session.shop?.currency, locale: session.shop?.locale });
    if (previousUser !== session.user.id) {
      const lang = i18n.storedLanguage(session.user.id) ?? (isLanguage(session.user.language) ? session.user.language : null) ?? session.shop?.language;
      i18n.setLanguage(isLanguage(lang) ? lang : 'fr');
      this.openEvents();
      // A different user signed in on this browser: leave a screen they may not open.
      const m = matchScreen(this.route, enabledScreens(this.screens, session));
      if (m && !allowedScreens([m.screen], session).length) {
        navigate('', undefined, { replace: true });
        this.route = currentRoute();
      }
    }
    const needsSetup = session.shop && session.shop.configured === false && allowedToSetUp(session);
    this.phase = needsSetup ? 'setup' : 'ready';
    if (this.phase === 'ready') {
      // Screens get the fresh session object.
      if (this.view.kind === 'screen') this.view.el.session = session;
      void this.resolveView();
    }
  }

  /**
   * Reads the enabled plugins' UIs once per page (`GET /api/ui`: entries, screens, zone widgets) and adds their
   * screens to the kernel's. A plugin whose entry fails to load is named in a warning; the rest works.
   */
  private async loadPluginUis(): Promise<void> {
    try {
      const failed = await pluginUis.load(this.api);
      this.screens = collectScreens([...KERNEL_SCREENS, ...pluginUis.screens]);
      if (failed.length) toast(t('shell.pluginUiFailed', { plugins: failed.join(', ') }), 'warning');
    } catch (err) {
      toastError(err);
    }
  }

  private onSessionChanged = (): void => {
    void this.refreshSession();
  };

  /** Re-read the session (after shop/station changes). */
  async refreshSession(): Promise<void> {
    try {
      const session = await this.api.get<Session>('/session', undefined, { quiet401: true });
      await this.applySession(session);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.applySignedOut(err.problem as unknown as SignedOutInfo);
      else toastError(err);
    }
  }

  private onSessionLost(): void {
    if (this.phase !== 'ready' && this.phase !== 'setup') return;
    toast(t('session.expired'), 'warning');
    void this.loadSession();
  }

  private onOnline = (): void => {
    if (this.phase === 'unreachable') void this.loadSession();
  };

  private async signOut(): Promise<void> {
    if (!(await confirmLeave())) return;
    try {
      await this.api.post('/auth/logout', undefined, { quiet401: true });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) {
        toastError(err);
        return;
      }
    }
    this.closeEvents();
    this.session = null;
    pluginUis.setSession(null, null);
    this.setView({ kind: 'home' });
    this.phase = 'loading';
    await this.loadSession();
  }

  private openEvents(): void {
    this.closeEvents();
    if (typeof EventSource === 'undefined') return;
    try {
      const es = new EventSource(this.api.url('/events'));
      es.addEventListener('notification', (ev) => {
        try {
          const data = JSON.parse((ev as MessageEvent).data) as NotificationEvent;
          if (data && data.message) toast(data.message, data.level ?? 'info');
        } catch {
          /* ignore malformed events */
        }
      });
      this.events = es;
    } catch {
      this.events = null;
    }
  }

  private closeEvents(): void {
    this.events?.close();
    this.events = null;
  }

  // ---------------------------------------------------------------- routing

  /** A new address: leaving unsaved work needs the person's yes; no keeps the address where it was. */
  private async onRoute(next: Route): Promise<void> {
    const previous = this.route;
    if (this.phase === 'ready' && next.path + JSON.stringify(next.query) !== previous.path + JSON.stringify(previous.query)) {
      if (!(await confirmLeave())) {
        // The address already changed: put the old one back without a new history entry or hashchange.
        history.replaceState(history.state, '', href(previous.path, previous.query));
        return;
      }
    }
    this.route = next;
    this.navOpen = false;
    void this.resolveView();
  }

  private setView(view: View): void {
    this.view = view;
  }

  private async resolveView(): Promise<void> {
    if (this.phase !== 'ready' || !this.session) return;
    const session = this.session;
    const route = this.route;
    if (route.path === '') {
      this.loadToken++;
      this.setView({ kind: 'home' });
      return;
    }
    const m = matchScreen(route, enabledScreens(this.screens, session));
    if (!m) {
      this.loadToken++;
      this.setView({ kind: 'not-found' });
      return;
    }
    if (!allowedScreens([m.screen], session).length) {
      this.loadToken++;
      this.setView({ kind: 'forbidden' });
      return;
    }
    const screenRoute = { ...route, screen: m.screen.path, rest: m.rest };
    const cur = this.view;
    if (cur.kind === 'screen' && cur.screen === m.screen) {
      cur.el.route = screenRoute;
      return;
    }
    const token = ++this.loadToken;
    this.setView({ kind: 'loading', screen: m.screen });
    try {
      await m.screen.load();
      await Promise.race([
        customElements.whenDefined(m.screen.tag),
        new Promise((_, reject) => setTimeout(() => reject(new Error(t('screen.notDefined', { tag: m.screen.tag }))), 5000)),
      ]);
      if (token !== this.loadToken) return;
      const el = document.createElement(m.screen.tag) as ScreenElement;
      el.api = this.api;
      el.session = session;
      el.route = screenRoute;
      el.setAttribute('data-screen', m.screen.path);
      this.setView({ kind: 'screen', screen: m.screen, el });
      document.title = `${i18n.text(m.screen.title)} · ${session.shop?.name || 'Comptoir'}`;
    } catch (err) {
      if (token !== this.loadToken) return;
      console.error(err);
      this.setView({ kind: 'error', screen: m.screen, message: errorMessage(err) });
    }
  }

  // ---------------------------------------------------------------- input

  private activeScreen(): ScreenElement | null {
    return this.phase === 'ready' && this.view.kind === 'screen' ? this.view.el : null;
  }

  private onBarcode(code: string): void {
    if (this.phase !== 'ready') return;
    // A scan goes to the topmost layer: an open dialog takes it, or is closed first (see offerScanToDialogs).
    const offer = offerScanToDialogs(code);
    if (offer === 'taken') return;
    if (offer === 'refused') {
      toast(t('barcode.dialogOpen', { code }), 'warning');
      return;
    }
    const el = this.activeScreen();
    if (el && typeof el.onBarcode === 'function') {
      Promise.resolve()
        .then(() => el.onBarcode!(code))
        .catch((err) => toastError(err));
      return;
    }
    if (el && el.wantsBarcodes) {
      el.dispatchEvent(new CustomEvent('barcode', { detail: { code } }));
      return;
    }
    toast(t('barcode.read', { code }), 'info');
  }

  private focusSearch(): boolean {
    const el = this.activeScreen();
    if (!el) return false;
    if (typeof el.focusSearch === 'function') {
      el.focusSearch();
      return true;
    }
    const field = findDeep(el, 'cpt-search-field') as HTMLElement | null;
    if (!field) return false;
    field.focus();
    (field as HTMLElement & { select?: () => void }).select?.();
    return true;
  }

  private toggleHelp(): boolean {
    if (this.phase !== 'ready') return false;
    this.helpOpen = !this.helpOpen;
    return true;
  }

  private onEscape(): boolean {
    if (this.navOpen) {
      this.navOpen = false;
      return true;
    }
    return false;
  }

  private setLanguage(lang: Language): void {
    i18n.setLanguage(lang, { persist: true, userId: this.session?.user?.id ?? null });
    if (this.view.kind === 'screen') document.title = `${i18n.text(this.view.screen.title)} · ${this.session?.shop?.name || 'Comptoir'}`;
  }

  // ---------------------------------------------------------------- render

  override render() {
    switch (this.phase) {
      case 'loading':
        return html`<div class="center" data-testid="app-loading">
            <div><div class="spinner"></div>${t('shell.loading')}</div>
          </div>
          <cpt-toaster></cpt-toaster>`;
      case 'unreachable':
        return html`<div class="center">
            <div class="state" data-testid="app-unreachable">
              <span class="big">${icon('alert', 40)}</span>
              <h1>${t('shell.unreachable.title')}</h1>
              <p class="muted">${this.unreachableMessage}</p>
              <cpt-button variant="primary" data-testid="app-retry" @click=${() => ((this.phase = 'loading'), this.loadSession())}
                >${t('shell.retry')}</cpt-button
              >
            </div>
          </div>
          <cpt-toaster></cpt-toaster>`;
      case 'signed-out':
        return html`<cpt-sign-in
            .api=${this.api}
            .info=${this.signedOut}
            @signed-in=${(e: CustomEvent<{ session: Session }>) => void this.applySession(e.detail.session)}
            @language-change=${(e: CustomEvent<{ language: Language }>) => this.setLanguage(e.detail.language)}
          ></cpt-sign-in>
          <cpt-toaster></cpt-toaster>`;
      case 'setup':
        return html`<cpt-shop-setup
            .api=${this.api}
            .session=${this.session}
            @saved=${() => this.refreshSession()}
            @sign-out=${() => this.signOut()}
            @language-change=${(e: CustomEvent<{ language: Language }>) => this.setLanguage(e.detail.language)}
          ></cpt-shop-setup>
          <cpt-toaster></cpt-toaster>`;
      case 'ready':
        return this.renderFrame();
    }
  }

  private renderFrame(): TemplateResult {
    const session = this.session!;
    const items = navScreens(this.screens, session);
    return html`<div class="frame ${this.navOpen ? 'nav-open' : ''}">
        <header class="top">
          <cpt-button
            class="hamburger"
            variant="ghost"
            icon="menu"
            label=${t('nav.menu')}
            data-testid="nav-toggle"
            aria-expanded=${this.navOpen ? 'true' : 'false'}
            @click=${() => (this.navOpen = !this.navOpen)}
          ></cpt-button>
          <a class="brand" href="#/" data-testid="header-shop" title=${t('nav.home')}>
            ${typeof session.shop?.logo === 'string' && session.shop.logo
              ? html`<img src=${session.shop.logo} alt="" />`
              : html`<span class="mark">${icon('store', 20)}</span>`}
            <span class="name">${session.shop?.name || 'Comptoir'}</span>
          </a>
          ${session.station
            ? html`<span class="chip station" data-testid="header-station" title=${t('header.station')}
                >${icon('monitor', 16)} ${t('header.stationName', { number: session.station.number, name: session.station.name })}</span
              >`
            : html`<span class="chip station warn" data-testid="header-station">${icon('monitor', 16)} ${t('header.noStation')}</span>`}
          <span class="spacer"></span>
          <cpt-lang-switch @language-change=${(e: CustomEvent<{ language: Language }>) => this.setLanguage(e.detail.language)}></cpt-lang-switch>
          <cpt-button
            class="help"
            variant="ghost"
            icon="help"
            label=${t('shortcuts.title')}
            data-testid="help-button"
            @click=${() => (this.helpOpen = true)}
          ></cpt-button>
          <span class="user" data-testid="header-user" title=${session.user.username}>
            <span class="avatar" aria-hidden="true">${initials(session.user.displayName || session.user.username)}</span>
            <span class="label">${session.user.displayName || session.user.username}</span>
          </span>
          <cpt-button variant="ghost" icon="logout" label=${t('header.signOut')} data-testid="logout" @click=${() => this.signOut()}>
            <span class="logout-label">${t('header.signOut')}</span>
          </cpt-button>
        </header>
        <nav class="nav" data-testid="nav" aria-label=${t('nav.label')}>
          <div class="drawer-head">
            <span class="who"
              ><span class="avatar" aria-hidden="true">${initials(session.user.displayName || session.user.username)}</span>${session.user.displayName ||
              session.user.username}</span
            >
            <span class="where"
              >${session.station ? t('header.stationName', { number: session.station.number, name: session.station.name }) : t('header.noStation')}</span
            >
          </div>
          ${this.renderNav(items)}
        </nav>
        <div class="scrim" @click=${() => (this.navOpen = false)}></div>
        <main id="main" data-testid="main">${this.renderView(items)}</main>
      </div>
      ${this.renderHelp()}
      <cpt-toaster></cpt-toaster>`;
  }

  private renderNav(items: RegisteredScreen[]): TemplateResult {
    const groups = new Map<string, RegisteredScreen[]>();
    for (const s of items) {
      // Grouped by the heading people read: a plugin may name another's group by its key or by the same words.
      const g = s.group ? i18n.text(s.group) : '';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(s);
    }
    const current = this.view.kind === 'screen' || this.view.kind === 'loading' || this.view.kind === 'error' ? this.view.screen : null;
    return html`${[...groups.entries()].map(
      ([, list]) => html`${list[0].group ? html`<div class="group-label">${i18n.text(list[0].group)}</div>` : nothing}
      ${list.map(
        (s) => html`<a
          href=${href(s.path)}
          data-testid=${`nav-${s.path}`}
          aria-current=${current === s ? 'page' : nothing}
          @click=${() => (this.navOpen = false)}
          >${icon(s.icon, 24)}<span>${i18n.text(s.title)}</span></a
        >`,
      )}`,
    )}`;
  }

  private renderView(items: RegisteredScreen[]): unknown {
    const v = this.view;
    switch (v.kind) {
      case 'home':
        return this.renderHome(items);
      case 'loading':
        return html`<div class="state" data-testid="screen-loading"><div class="spinner"></div>${t('shell.loading')}</div>`;
      case 'screen':
        return v.el;
      case 'forbidden':
        return html`<div class="state" data-testid="screen-forbidden">
          <span class="big">${icon('key', 40)}</span>
          <h1>${t('screen.forbidden.title')}</h1>
          <p class="muted">${t('screen.forbidden.text')}</p>
          <cpt-button @click=${() => navigate('')}>${t('nav.home')}</cpt-button>
        </div>`;
      case 'not-found':
        return html`<div class="state" data-testid="screen-not-found">
          <span class="big">${icon('search', 40)}</span>
          <h1>${t('screen.notFound.title')}</h1>
          <p class="muted">${t('screen.notFound.text')}</p>
          <cpt-button @click=${() => navigate('')}>${t('nav.home')}</cpt-button>
        </div>`;
      case 'error':
        return html`<div class="state" data-testid="screen-error">
          <span class="big">${icon('alert', 40)}</span>
          <h1>${t('screen.error.title')}</h1>
          <p class="muted">${v.message}</p>
          <cpt-button variant="primary" @click=${() => location.reload()}>${t('shell.reload')}</cpt-button>
        </div>`;
    }
  }

  private renderHome(items: RegisteredScreen[]): TemplateResult {
    const session = this.session!;
    return html`<div class="page" data-testid="home">
      <h1 class="hello">${t('home.hello', { name: session.user.displayName || session.user.username })}</h1>
      ${session.shop && session.shop.configured === false
        ? html`<div class="alert warning" data-testid="shop-not-configured">${t('home.shopNotConfigured')}</div>`
        : nothing}
      ${items.length
        ? html`<div class="tiles">
            ${items.map(
              (s) => html`<a class="tile" href=${href(s.path)} data-testid=${`home-tile-${s.path}`}>
                <span class="ic">${icon(s.icon, 24)}</span>
                <span>${i18n.text(s.title)}${s.group ? html`<br /><span class="grp">${i18n.text(s.group)}</span>` : nothing}</span>
              </a>`,
            )}
          </div>`
        : html`<p class="muted" data-testid="home-empty">${t('home.nothing')}</p>`}
    </div>`;
  }

  private renderHelp(): TemplateResult {
    const list = shortcuts.visible();
    return html`<cpt-dialog
      .open=${this.helpOpen}
      heading=${t('shortcuts.title')}
      testid="shortcuts-help"
      @close=${() => (this.helpOpen = false)}
    >
      <dl class="shortcut-list">
        ${list.map((s) => html`<dt><kbd>${keyLabel(s.keys)}</kbd></dt><dd>${t(s.description)}</dd>`)}
        <dt><kbd>${icon('barcode', 16)}</kbd></dt>
        <dd>${t('shortcuts.scanner')}</dd>
      </dl>
    </cpt-dialog>`;
  }
}

function allowedToSetUp(session: Session): boolean {
  const p = session.user?.permissions ?? [];
  return p.includes('kernel.shop') || p.includes('*') || p.includes('kernel.*');
}

function browserLanguage(): Language {
  const l = (navigator.language || 'fr').slice(0, 2).toLowerCase();
  return isLanguage(l) ? l : 'fr';
}

function keyLabel(keys: string): string {
  return keys
    .split('+')
    .map((k) => (k === 'Escape' ? t('key.escape') : k === 'Ctrl' ? t('key.ctrl') : k))
    .join(' + ');
}

/** First element matching `selector` inside el's shadow tree (depth-first through open shadow roots). */
function findDeep(el: Element, selector: string): Element | null {
  const roots: (Element | ShadowRoot)[] = [el];
  while (roots.length) {
    const r = roots.shift()!;
    const root = r instanceof Element && r.shadowRoot ? r.shadowRoot : r;
    const found = root.querySelector(selector);
    if (found) return found;
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) roots.push(child);
  }
  return null;
}


declare global {
  interface HTMLElementTagNameMap {
    'cpt-app': CptApp;
  }
}
