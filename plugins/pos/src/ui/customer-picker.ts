import { ApiClient, LitElement, LocaleController, css, customElement, errorMessage, html, nothing, property, sharedStyles, state, t, toast, type Page } from '@comptoir/shell';
import type { Hit } from './types.js';

/**
 * The till's customer dialog: search the catalogue's customers (GET /api/catalog/customers), or create one quickly
 * (name, optional e-mail, phone, postal code: POST /api/catalog/customers, the catalogue's own route). A card scanned
 * while it is open closes it and reaches the sale screen, where `resolveCode` sets the customer.
 * Emits `customer-picked` { id, name } (id null: no customer) and `close`.
 *
 * Test ids: pos-customer-dialog, pos-customer-search, pos-customer-row, pos-customer-new, pos-customer-name,
 * pos-customer-email, pos-customer-phone, pos-customer-postal, pos-customer-create, pos-customer-remove.
 */
@customElement('cpt-pos-customer-picker')
export class PosCustomerPicker extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Boolean }) open = false;
  @property({ type: Boolean }) hasCustomer = false;
  @state() private hits: Hit[] = [];
  @state() private creating = false;
  @state() private error = '';
  @state() private saving = false;
  @state() private form = { name: '', email: '', phone: '', postalCode: '' };
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, css`
    .list { list-style: none; margin: 0; padding: 0; max-height: 50vh; overflow-y: auto; }
    .list li button { display: flex; width: 100%; gap: 8px; justify-content: space-between; align-items: center; min-height: 48px; padding: 6px 10px;
      border: 0; border-bottom: 1px solid var(--cpt-border, #eef0f3); background: none; font: inherit; color: inherit; text-align: left; cursor: pointer; }
    .list li button:hover, .list li button:focus-visible { background: var(--cpt-primary-soft, #e8f0fe); }
    .form { display: grid; gap: 10px; }
    .form label { display: grid; gap: 4px; }
    .form input { min-height: 44px; font-size: 1rem; }
  `];

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('open') && this.open) {
      this.creating = false;
      this.error = '';
      void this.search('');
    }
  }

  private async search(q: string): Promise<void> {
    try {
      this.hits = (await this.api.get<Page<Hit>>('/catalog/customers', { q, pageSize: 20 })).items;
      if (q) this.form = { ...this.form, name: q };
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private pick(id: number | null, name = ''): void {
    this.dispatchEvent(new CustomEvent('customer-picked', { detail: { id, name }, bubbles: true, composed: true }));
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(this.form).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    this.saving = true;
    this.error = '';
    try {
      const c = await this.api.post<Hit>('/catalog/customers', body);
      toast(t('pos.customer.created', { name: c.name }), 'success');
      this.form = { name: '', email: '', phone: '', postalCode: '' };
      this.pick(c.id, c.name);
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.saving = false;
    }
  }

  private field(key: keyof PosCustomerPicker['form'], label: string, testid: string, type = 'text') {
    return html`<label>${t(label)}<input data-testid=${testid} type=${type} .value=${this.form[key]} ?required=${key === 'name'} autocomplete="off"
      @input=${(e: Event) => (this.form = { ...this.form, [key]: (e.target as HTMLInputElement).value })} /></label>`;
  }

  override render() {
    return html`<cpt-dialog .open=${this.open} heading=${t(this.creating ? 'pos.customer.new' : 'pos.chooseCustomer')} testid="pos-customer-dialog"
      @close=${() => this.dispatchEvent(new CustomEvent('close'))}>
      ${this.creating
        ? html`<form class="form" @submit=${this.create}>
            ${this.field('name', 'pos.customer.name', 'pos-customer-name')}
            ${this.field('email', 'pos.customer.email', 'pos-customer-email', 'email')}
            ${this.field('phone', 'pos.customer.phone', 'pos-customer-phone', 'tel')}
            ${this.field('postalCode', 'pos.customer.postalCode', 'pos-customer-postal')}
            <cpt-button type="submit" variant="primary" icon="check" data-testid="pos-customer-create" ?busy=${this.saving}>${t('pos.customer.create')}</cpt-button>
          </form>`
        : html`<p class="muted" style="margin:0 0 8px">${t('pos.customer.scanHint')}</p>
          <cpt-search-field testid="pos-customer-search" autofocus placeholder=${t('pos.customerSearch')}
            @search=${(e: CustomEvent<{ value: string }>) => void this.search(e.detail.value)}></cpt-search-field>
          <ul class="list">
            ${this.hits.map((c) => html`<li><button data-testid="pos-customer-row" @click=${() => this.pick(c.id, c.name)}>
              <span><span class="mono">${c.code}</span> ${c.name}</span><span class="muted">${c.city ?? ''}</span></button></li>`)}
          </ul>
          ${this.open && !this.hits.length ? html`<p class="muted">${t('pos.noCustomerFound')}</p>` : nothing}`}
      ${this.error ? html`<div class="alert error" role="alert">${this.error}</div>` : nothing}
      <div slot="footer">
        ${this.creating
          ? html`<cpt-button icon="back" @click=${() => (this.creating = false)}>${t('pos.chooseCustomer')}</cpt-button>`
          : html`<cpt-button icon="plus" data-testid="pos-customer-new" @click=${() => (this.creating = true)}>${t('pos.customer.new')}</cpt-button>`}
        ${this.hasCustomer ? html`<cpt-button icon="close" data-testid="pos-customer-remove" @click=${() => this.pick(null)}>${t('pos.removeCustomer')}</cpt-button>` : nothing}
      </div>
    </cpt-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-customer-picker': PosCustomerPicker;
  }
}
