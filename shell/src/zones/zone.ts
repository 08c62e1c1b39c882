import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pluginUis, type PluginUis } from '../app/plugin-uis.js';
import { zoneWidgets, type RegisteredWidget } from '../app/registry.js';
import type { WidgetElement } from '../plugin-api.js';

const key = (w: RegisteredWidget) => `${w.plugin}:${w.tag}`;

/**
 * <cpt-zone name="catalog.article.aside" .context=${{ article }}> — a place in a screen where other plugins
 * add widgets. It shows one element per widget declared for `name` (definePlugin({ widgets })) by an enabled
 * plugin whose permission the user holds, in their `order`, and gives each one `api`, `session`, `zone` and
 * `context` (set again whenever the screen passes a new context). A zone without widgets takes no room
 * (attribute `empty`), so a screen can lay itself out around it with `cpt-zone:not([empty])`.
 *
 * Properties: name, context, layout ('stack': one under the other, default; 'inline': side by side, for
 * toolbars). A widget whose module fails to load is left out (the error is in the console); the screen
 * goes on working.
 */
@customElement('cpt-zone')
export class CptZone extends LitElement {
  @property({ reflect: true }) name = '';
  @property({ attribute: false }) context: unknown = null;
  @property({ reflect: true }) layout: 'stack' | 'inline' = 'stack';
  @property({ type: Boolean, reflect: true }) empty = true;

  /** The registry the zone reads (the page's plugin UIs; replaceable in tests). */
  uis: PluginUis = pluginUis;
  private elements = new Map<string, WidgetElement>();
  private shown: string[] = [];
  private off: (() => void) | null = null;
  private generation = 0;

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    :host([empty]) {
      display: none;
    }
    .stack {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .inline {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.off = this.uis.onChange(() => void this.refresh());
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.off?.();
    this.off = null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('name') && changed.get('name') !== undefined) void this.refresh();
    if (changed.has('context')) for (const el of this.elements.values()) el.context = this.context;
  }

  /** Shows the zone's widgets for the current session: loads the new ones, drops those no longer allowed. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const widgets = zoneWidgets(this.uis.widgets, this.name, this.uis.session);
    await Promise.all(widgets.filter((w) => !this.elements.has(key(w))).map((w) => this.create(w)));
    if (generation !== this.generation) return;
    const wanted = new Set(widgets.map(key));
    for (const k of [...this.elements.keys()]) if (!wanted.has(k)) this.elements.delete(k);
    for (const el of this.elements.values()) {
      el.api = this.uis.api!;
      el.session = this.uis.session!;
    }
    this.shown = widgets.map(key).filter((k) => this.elements.has(k));
    this.empty = this.shown.length === 0;
    this.requestUpdate();
  }

  private async create(w: RegisteredWidget): Promise<void> {
    try {
      await w.load();
      await Promise.race([
        customElements.whenDefined(w.tag),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${w.tag} was not defined by its module`)), 5000)),
      ]);
      const el = document.createElement(w.tag) as WidgetElement;
      el.zone = this.name;
      el.context = this.context;
      el.setAttribute('data-widget', key(w));
      this.elements.set(key(w), el);
    } catch (err) {
      console.error(`[comptoir] widget ${w.tag} of plugin ${w.plugin} for zone ${w.zone} did not load`, err);
    }
  }

  override render() {
    return html`<div class=${this.layout === 'inline' ? 'inline' : 'stack'} part="widgets">${this.shown.map((k) => this.elements.get(k))}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-zone': CptZone;
  }
}
