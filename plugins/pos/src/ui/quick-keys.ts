import { ApiClient, LitElement, LocaleController, css, customElement, errorMessage, formatMoney, html, nothing, property, sharedStyles, state, t, type Page } from '@comptoir/shell';
import type { QuickKeyLayoutView, QuickKeyView } from '../services/quick-keys.service.js';

/** An article a quick key stands for, as the sale screen adds it. */
export interface QuickArticle {
  id: number;
  code: string;
  name: string;
  price: number | null;
  unit: string | null;
}

/**
 * The sale screen's quick keys: the station's pages as tabs, each page's keys as large touch targets in their
 * colours; a family key shows that family's articles. Emits `quick-article` { article } when a key is touched.
 *
 * Test ids: pos-qk, pos-qk-page, pos-qk-key, pos-qk-back.
 */
@customElement('cpt-pos-quick-keys')
export class PosQuickKeys extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) layout: QuickKeyLayoutView | null = null;
  @state() private page = 0;
  @state() private family: { name: string; articles: QuickArticle[] } | null = null;
  @state() private error = '';
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, css`
    :host { display: block; }
    .tabs { display: flex; gap: 4px; overflow-x: auto; padding: 6px 8px 0; }
    .tabs button { min-height: 40px; padding: 0 14px; border: 1px solid var(--cpt-border, #d5dae1); border-bottom: 0; border-radius: 8px 8px 0 0;
      background: var(--cpt-surface, #fff); font: inherit; color: inherit; cursor: pointer; white-space: nowrap; border-top: 4px solid var(--tab, #8a94a6); }
    .tabs button[aria-selected='true'] { font-weight: 700; background: var(--cpt-primary-soft, #e8f0fe); }
    .keys { display: grid; grid-template-columns: repeat(auto-fill, minmax(112px, 1fr)); gap: 6px; padding: 8px; max-height: 34vh; overflow-y: auto;
      border-top: 1px solid var(--cpt-border, #d5dae1); }
    .key { min-height: 64px; border-radius: 8px; border: 1px solid rgba(0, 0, 0, 0.12); background: var(--key, #eef2f7); color: #111; font: inherit;
      font-size: 0.92rem; line-height: 1.15; cursor: pointer; padding: 6px; display: flex; flex-direction: column; justify-content: space-between; text-align: left;
      touch-action: manipulation; }
    .key:active { transform: translateY(1px); filter: brightness(0.95); }
    .key small { opacity: 0.75; font-variant-numeric: tabular-nums; }
    .key.family { border-style: dashed; }
  `];

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('layout') && this.page >= (this.layout?.pages.length ?? 0)) this.page = 0;
  }

  private async touch(k: QuickKeyView): Promise<void> {
    if (k.kind === 'article') {
      this.emit({ id: k.id, code: k.code, name: k.name, price: k.price, unit: k.unit });
      return;
    }
    try {
      const page = await this.api.get<Page<QuickArticle>>('/catalog/articles', { family: k.id, pageSize: 60 });
      this.family = { name: k.label || k.name, articles: page.items };
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private emit(article: QuickArticle): void {
    this.dispatchEvent(new CustomEvent('quick-article', { detail: { article }, bubbles: true, composed: true }));
  }

  override render() {
    const pages = this.layout?.pages ?? [];
    if (!pages.length) return nothing;
    const page = pages[this.page] ?? pages[0]!;
    return html`<div data-testid="pos-qk">
      <div class="tabs" role="tablist" aria-label=${t('pos.quickKeys')}>
        ${pages.map((p, i) => html`<button role="tab" data-testid="pos-qk-page" aria-selected=${String(i === this.page && !this.family)} style="--tab:${p.color ?? '#8a94a6'}"
          @click=${() => { this.page = i; this.family = null; }}>${p.name}</button>`)}
        ${this.family ? html`<button role="tab" aria-selected="true" data-testid="pos-qk-back" @click=${() => (this.family = null)}>‹ ${this.family.name}</button>` : nothing}
      </div>
      <div class="keys">
        ${this.family
          ? this.family.articles.map((a) => html`<button class="key" data-testid="pos-qk-key" style="--key:${page.color ?? '#eef2f7'}33" @click=${() => this.emit(a)}>
              <span>${a.name}</span><small>${a.price !== null ? formatMoney(a.price) : ''}</small></button>`)
          : page.keys.map((k) => html`<button class="key ${k.kind}" data-testid="pos-qk-key" style="--key:${k.color ?? page.color ?? '#eef2f7'}"
              @click=${() => void this.touch(k)}>
              <span>${k.label || k.name}</span><small>${k.kind === 'family' ? t('pos.quickKeys.family') : k.price !== null ? formatMoney(k.price) : ''}</small></button>`)}
      </div>
      ${this.error ? html`<div class="alert error" role="alert">${this.error}</div>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-quick-keys': PosQuickKeys;
  }
}
