import {
  ApiClient,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formatMoney,
  html,
  nothing,
  property,
  query,
  sharedStyles,
  state,
  t,
} from '@comptoir/shell';
import type { Article, Customer } from './types.js';

type Item = Article | Customer;

/**
 * <cpt-pricing-picker> — find an article or a customer by code, barcode or name, and pick it.
 *
 * Properties: api, source ('articles' | 'customers'), testid (prefix), placeholder, family (articles only).
 * Results show under the field as the user types; Enter picks the only result, or the one whose code or
 * barcode is exactly what was typed. Events: `pick` (CustomEvent<{ item }>, bubbles, composed).
 *
 * Test ids: <testid>-search (the input), <testid>-result (data-key = id, data-code = code), <testid>-none.
 */
@customElement('cpt-pricing-picker')
export class PricingPicker extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property() source: 'articles' | 'customers' = 'articles';
  @property() testid = 'picker';
  @property() placeholder = '';

  @state() private q = '';
  @state() private results: Item[] = [];
  @state() private open = false;
  @state() private error = '';
  @query('cpt-search-field') private field?: HTMLElement & { focus(): void; clear(): void };

  private requestId = 0;
  private enter = false;
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: relative;
      }
      ul {
        list-style: none;
        margin: 4px 0 0;
        padding: 4px;
        position: absolute;
        left: 0;
        right: 0;
        z-index: 20;
        background: var(--cpt-surface);
        border: 1px solid var(--cpt-border);
        border-radius: var(--cpt-radius-sm);
        box-shadow: 0 12px 30px rgba(16, 24, 40, 0.18);
        max-height: 360px;
        overflow-y: auto;
      }
      li button {
        all: unset;
        box-sizing: border-box;
        display: flex;
        gap: 12px;
        align-items: center;
        width: 100%;
        min-height: 48px;
        padding: 6px 10px;
        border-radius: var(--cpt-radius-sm);
        cursor: pointer;
      }
      li button:hover,
      li button:focus-visible {
        background: var(--cpt-hover);
      }
      .code {
        font-family: ui-monospace, Menlo, Consolas, monospace;
        font-size: 0.875rem;
        color: var(--cpt-muted);
        min-width: 96px;
      }
      .name {
        flex: 1;
      }
      .none {
        padding: 12px;
        color: var(--cpt-muted);
      }
    `,
  ];

  override focus(): void {
    this.field?.focus();
  }

  clear(): void {
    this.q = '';
    this.results = [];
    this.open = false;
    this.field?.clear();
  }

  private async search(q: string, pickExact: boolean): Promise<void> {
    this.q = q;
    this.error = '';
    if (!q) {
      this.results = [];
      this.open = false;
      return;
    }
    const id = ++this.requestId;
    try {
      const page = await this.api.page<Item>(`/catalog/${this.source}`, { q, pageSize: 8, ...(this.source === 'articles' ? {} : { active: true }) });
      if (id !== this.requestId) return;
      this.results = page.items ?? [];
      this.open = true;
      if (pickExact) {
        const lower = q.toLowerCase();
        const exact = this.results.filter(
          (r) => r.code.toLowerCase() === lower || ('barcodes' in r && (r.barcodes ?? []).some((b) => b.code === q)),
        );
        if (exact.length === 1) this.pick(exact[0]);
        else if (this.results.length === 1) this.pick(this.results[0]);
      }
    } catch (err) {
      if (id !== this.requestId) return;
      this.error = errorMessage(err);
    }
  }

  private pick(item: Item): void {
    this.open = false;
    this.results = [];
    this.dispatchEvent(new CustomEvent('pick', { detail: { item }, bubbles: true, composed: true }));
  }

  private describe(item: Item) {
    if ('unit' in item) {
      return html`<span class="code">${item.code}</span><span class="name">${item.name}</span>
        <span class="muted">${item.price === null ? '—' : formatMoney(item.price)}</span>`;
    }
    return html`<span class="code">${item.code}</span><span class="name">${item.name}</span><span class="muted">${item.city ?? ''}</span>`;
  }

  /** Closes the results once the focus has left the picker (a tap on a result keeps it inside). */
  private onFocusOut = (): void => {
    setTimeout(() => {
      if (!this.matches(':focus-within')) this.open = false;
    }, 150);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusout', this.onFocusOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusout', this.onFocusOut);
  }

  override render() {
    return html`<cpt-search-field
        testid=${`${this.testid}-search`}
        .value=${this.q}
        placeholder=${this.placeholder || (this.source === 'articles' ? t('pricing.pick.article') : t('pricing.pick.customer'))}
        @search=${(e: CustomEvent<{ value: string }>) => {
          // Enter searches at once and picks the exact match; typing only lists.
          const enter = this.enter;
          this.enter = false;
          void this.search(e.detail.value, enter);
        }}
        @keydown=${{
          // Capture: runs before the field's own Enter handler fires `search`.
          capture: true,
          handleEvent: (e: KeyboardEvent) => {
            if (e.key === 'Enter') this.enter = true;
            if (e.key === 'Escape') this.open = false;
          },
        }}
      ></cpt-search-field>
      ${this.error ? html`<div class="alert error" role="alert" data-testid=${`${this.testid}-error`}>${this.error}</div>` : nothing}
      ${this.open
        ? html`<ul role="listbox">
            ${this.results.length === 0 ? html`<li class="none" data-testid=${`${this.testid}-none`}>${t('pricing.pick.none')}</li>` : nothing}
            ${this.results.map(
              (r) => html`<li>
                <button type="button" role="option" data-testid=${`${this.testid}-result`} data-key=${String(r.id)} data-code=${r.code} @click=${() => this.pick(r)}>
                  ${this.describe(r)}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-picker': PricingPicker;
  }
}
