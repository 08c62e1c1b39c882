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
 * Properties: api, source ('articles' | 'customers'), testid (prefix), placeholder.
 * Results show under the field as the user types. Keyboard: ↓ and ↑ move through them, Enter picks the one
 * highlighted — or, when none is, the only result or the one whose code or barcode is exactly what was typed —
 * and Escape closes the list (a second Escape clears the field). Once picked, or once the focus leaves the
 * picker, the field is empty again.
 * Events: `pick` (CustomEvent<{ item }>, bubbles, composed).
 *
 * Test ids: <testid>-search (the input), <testid>-result (data-key = id, data-code = code, aria-selected on the
 * highlighted one), <testid>-none.
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
  /** The highlighted result (↓ / ↑), -1 for none. */
  @state() private active = -1;
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
      li button[aria-selected='true'] {
        background: var(--cpt-primary-soft);
        box-shadow: inset 3px 0 0 var(--cpt-primary);
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
    // An answer still on its way is for a search that no longer exists.
    this.requestId++;
    this.q = '';
    this.results = [];
    this.open = false;
    this.active = -1;
    this.field?.clear();
  }

  private async search(q: string, pickExact: boolean): Promise<void> {
    this.q = q;
    this.error = '';
    if (!q) {
      this.results = [];
      this.open = false;
      this.active = -1;
      return;
    }
    const id = ++this.requestId;
    try {
      const page = await this.api.page<Item>(`/catalog/${this.source}`, { q, pageSize: 8, ...(this.source === 'articles' ? {} : { active: true }) });
      if (id !== this.requestId) return;
      this.results = page.items ?? [];
      this.open = true;
      this.active = -1;
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
    // The field empties: what was typed to find the item is not left behind.
    this.clear();
    this.dispatchEvent(new CustomEvent('pick', { detail: { item }, bubbles: true, composed: true }));
  }

  /** ↓ / ↑ / Enter / Escape on the field, before the field's own handling (capture). */
  private onKey(e: KeyboardEvent): void {
    const n = this.results.length;
    const stop = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n > 0) {
      stop();
      this.open = true;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n;
      void this.updateComplete.then(() => this.renderRoot.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }));
    } else if (e.key === 'Enter' && this.open && this.active >= 0 && this.results[this.active]) {
      stop();
      this.pick(this.results[this.active]);
    } else if (e.key === 'Enter') {
      // Enter searches at once and picks the exact match; typing only lists.
      this.enter = true;
    } else if (e.key === 'Escape' && this.open) {
      stop();
      this.open = false;
      this.active = -1;
    }
  }

  private describe(item: Item) {
    if ('unit' in item) {
      return html`<span class="code">${item.code}</span><span class="name">${item.name}</span>
        <span class="muted">${item.price === null ? '—' : formatMoney(item.price)}</span>`;
    }
    return html`<span class="code">${item.code}</span><span class="name">${item.name}</span><span class="muted">${item.city ?? ''}</span>`;
  }

  /**
   * Once the focus has left the picker (a tap on a result keeps it inside), the search is over: the results
   * close and the text typed to search goes too, so no half-typed name is left looking like a choice.
   */
  private onFocusOut = (): void => {
    setTimeout(() => {
      if (!this.matches(':focus-within')) this.clear();
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
          const enter = this.enter;
          this.enter = false;
          void this.search(e.detail.value, enter);
        }}
        @keydown=${{ capture: true, handleEvent: (e: KeyboardEvent) => this.onKey(e) }}
      ></cpt-search-field>
      ${this.error ? html`<div class="alert error" role="alert" data-testid=${`${this.testid}-error`}>${this.error}</div>` : nothing}
      ${this.open
        ? html`<ul role="listbox" aria-label=${this.placeholder || t('pricing.pick.article')}>
            ${this.results.length === 0 ? html`<li class="none" data-testid=${`${this.testid}-none`}>${t('pricing.pick.none')}</li>` : nothing}
            ${this.results.map(
              (r, i) => html`<li>
                <button type="button" role="option" tabindex="-1" aria-selected=${i === this.active ? 'true' : 'false'} data-testid=${`${this.testid}-result`}
                  data-key=${String(r.id)} data-code=${r.code} @click=${() => this.pick(r)} @mouseenter=${() => (this.active = i)}>
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
