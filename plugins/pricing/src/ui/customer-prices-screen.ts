import {
  ApiClient,
  FormController,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formAlerts,
  formatMoney,
  hasPermission,
  html,
  navigate,
  nothing,
  property,
  state,
  submitOnEnter,
  t,
  toast,
  toastError,
  type PropertyValues,
  type ScreenRoute,
  type Session,
} from '@comptoir/shell';
import './picker.js';
import { formatDay, listName, tierLabel, toThousandths, toUnits, vatSide } from './format.js';
import { plainTable } from './plain-table.js';
import { pricingStyles } from './styles.js';
import type { Article, Customer, CustomerPrice, CustomerTerms, PriceList, ScanResolution } from './types.js';

interface Draft {
  article: Pick<Article, 'id' | 'code' | 'name'> | null;
  minUnits: number | null;
  unitPrice: number | null;
  /** '' = on the side of the customer's list. */
  vat: '' | 'incl' | 'excl';
  validFrom: string;
  validTo: string;
}

const FIELDS = ['articleId', 'minQuantity', 'unitPrice', 'includesVat', 'validFrom', 'validTo'];
const emptyDraft = (): Draft => ({ article: null, minUnits: 1, unitPrice: null, vat: '', validFrom: '', validTo: '' });

/**
 * Customer prices and terms (route #/pricing/customers, #/pricing/customers/<id>): pick a customer, choose the
 * list they buy at, and agree prices of their own (article, from quantity, price with or without VAT, period).
 *
 * Test ids: customer-prices-pick (picker prefix), list-customers-row (data-key = customer id), customer-prices-name, customer-prices-back, customer-list,
 * customer-list-effective, customer-prices-row (data-key = id), customer-price-edit-<i>, customer-price-delete-<i>,
 * customer-price-article (picker prefix), customer-price-picked, customer-price-min, customer-price-price,
 * customer-price-vat, customer-price-from, customer-price-to, customer-price-save, customer-price-cancel,
 * customer-price-error, customer-prices-error, error-cp.<field>.
 */
@customElement('cpt-pricing-customers')
export class PricingCustomersScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) route: ScreenRoute | undefined;

  @state() private customer: Customer | null = null;
  @state() private terms: CustomerTerms | null = null;
  @state() private lists: PriceList[] = [];
  @state() private prices: CustomerPrice[] = [];
  @state() private editing: CustomerPrice | null = null;
  @state() private error = '';
  /** Customers buying at another list than the default one (the start page). */
  @state() private listCustomers: Array<{ id: number; code: string; name: string; list: PriceList }> | null = null;
  private i18n = new LocaleController(this);
  private form: FormController<Draft> = new FormController<Draft>(this, emptyDraft(), {
    fields: FIELDS,
    describe: (): string => (this.customer ? `${this.customer.name} — ${t('pricing.customers.prices')}` : t('pricing.customers.title')),
    focusTarget: (field) => this.renderRoot.querySelector<HTMLElement>(`cpt-field[field="cp.${field}"]`),
  });

  static override styles = [
    ...pricingStyles,
    css`
      .terms {
        display: grid;
        grid-template-columns: minmax(240px, 360px) 1fr;
        gap: 12px 20px;
        align-items: end;
      }
      @media (max-width: 600px) {
        .terms {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  get canWrite(): boolean {
    return hasPermission(this.session, 'pricing.write');
  }

  private get customerId(): number | null {
    const id = Number(this.route?.rest?.[0]);
    return Number.isInteger(id) && id > 0 ? id : null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route')) {
      const id = this.customerId;
      if (id === null) {
        this.customer = null;
        void this.loadListCustomers();
      } else if (id !== this.customer?.id) void this.load(id);
    }
  }

  /** With a customer open, a scanned article fills the price form; a customer card opens that customer. */
  async onBarcode(code: string): Promise<void> {
    try {
      const scan = await this.api.get<ScanResolution>(`/pricing/scan/${encodeURIComponent(code)}`);
      if (scan.kind === 'customer' && scan.customer) navigate(`pricing/customers/${scan.customer.id}`);
      else if (scan.article && this.customer) this.form.set('article', scan.article, 'articleId');
      else toast(t('pricing.scan.notCustomer', { code }), 'warning');
    } catch (err) {
      toastError(err);
    }
  }

  private async load(id: number): Promise<void> {
    this.error = '';
    this.startNew();
    try {
      const [customer, terms, lists, prices] = await Promise.all([
        this.api.get<Customer>(`/catalog/customers/${id}`),
        this.api.get<CustomerTerms>(`/pricing/customers/${id}/terms`),
        this.api.get<PriceList[]>('/pricing/lists'),
        this.api.get<CustomerPrice[]>('/pricing/customer-prices', { customer: id }),
      ]);
      Object.assign(this, { customer, terms, lists, prices });
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async loadListCustomers(): Promise<void> {
    try {
      const lists = await this.api.get<PriceList[]>('/pricing/lists');
      const rows = await Promise.all(
        lists
          .filter((l) => !l.isDefault && l.customerCount > 0)
          .map(async (list) => (await this.api.get<Array<{ id: number; code: string; name: string }>>(`/pricing/lists/${list.id}/customers`)).map((c) => ({ ...c, list }))),
      );
      this.listCustomers = rows.flat().sort((a, b) => a.name.localeCompare(b.name));
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async reloadPrices(): Promise<void> {
    if (!this.customer) return;
    this.prices = await this.api.get<CustomerPrice[]>('/pricing/customer-prices', { customer: this.customer.id });
  }

  private async setList(code: string): Promise<void> {
    if (!this.customer) return;
    try {
      this.terms = await this.api.put<CustomerTerms>(`/pricing/customers/${this.customer.id}/terms`, { priceListCode: code || null });
      const list = this.lists.find((l) => l.code === this.terms?.effectiveListCode);
      toast(t('pricing.customers.listSet', { name: this.customer.name, list: listName(list) }), 'success');
    } catch (err) {
      toastError(err);
    }
  }

  private startNew(): void {
    this.editing = null;
    this.form.reset(emptyDraft());
  }

  private edit(p: CustomerPrice): void {
    this.editing = p;
    this.form.reset({
      article: { id: p.articleId, code: p.articleCode ?? '', name: p.articleName ?? '' },
      minUnits: p.minQuantity <= 1000 ? 1 : toUnits(p.minQuantity), unitPrice: p.unitPrice, vat: p.includesVat ? 'incl' : 'excl',
      validFrom: p.validFrom ?? '', validTo: p.validTo ?? '',
    });
  }

  private check(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!this.form.draft.article) errors.articleId = t('pricing.required');
    if (this.form.draft.unitPrice === null) errors.unitPrice = t('pricing.required');
    return errors;
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (!this.customer || !this.canWrite) return;
    const d = this.form.draft;
    const min = toThousandths(d.minUnits) ?? 0;
    const body: Record<string, unknown> = {
      articleId: d.article?.id, minQuantity: min <= 1000 ? 0 : min, unitPrice: d.unitPrice, validFrom: d.validFrom || null, validTo: d.validTo || null,
    };
    if (d.vat) body.includesVat = d.vat === 'incl';
    const editing = this.editing;
    const customer = this.customer;
    const ok = await this.form.save(() => this.check(), async () => {
      if (editing) await this.api.patch(`/pricing/customer-prices/${editing.id}`, body);
      else await this.api.post('/pricing/customer-prices', { customerId: customer.id, ...body });
    });
    if (!ok) return;
    toast(t('pricing.customers.priceSaved', { article: d.article!.name }), 'success');
    this.startNew();
    await this.reloadPrices();
  }

  private async removeItem(p: CustomerPrice): Promise<void> {
    try {
      await this.api.delete(`/pricing/customer-prices/${p.id}`);
      if (this.editing?.id === p.id) this.startNew();
      await this.reloadPrices();
    } catch (err) {
      toastError(err);
    }
  }

  private renderTerms(c: Customer) {
    const effective = this.lists.find((l) => l.code === this.terms?.effectiveListCode);
    const def = this.lists.find((l) => l.isDefault);
    return html`<div class="card">
      <h2 class="section-title">${t('pricing.customers.terms')}</h2>
      <div class="terms">
        <cpt-field label=${t('pricing.customers.list')}>
          <select data-testid="customer-list" ?disabled=${!this.canWrite} @change=${(e: Event) => this.setList((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.terms?.priceListCode}>${t('pricing.customers.defaultList', { list: listName(def) })}</option>
            ${this.lists.map(
              (l) => html`<option value=${l.code} ?selected=${this.terms?.priceListCode === l.code}>
                ${listName(l)} (${vatSide(l.includesVat, this.session)})${l.active ? '' : ` — ${t('pricing.inactive')}`}
              </option>`,
            )}
          </select>
        </cpt-field>
        <p class="muted" style="margin:0 0 12px;overflow-wrap:anywhere" data-testid="customer-list-effective">
          ${t('pricing.customers.buysAt', { name: c.name, list: listName(effective), side: effective ? vatSide(effective.includesVat, this.session) : '' })}
        </p>
      </div>
    </div>`;
  }

  private renderForm() {
    const d = this.form.draft;
    const errors = this.form.errors;
    const effective = this.lists.find((l) => l.code === this.terms?.effectiveListCode);
    return html`<form @submit=${this.save} @keydown=${submitOnEnter} novalidate style="margin-top:16px">
      <h3 style="margin-bottom:10px">${this.editing ? t('pricing.customers.editPrice') : t('pricing.customers.addPrice')}</h3>
      <div class="form-grid">
        <cpt-field class="wide" label=${t('pricing.customers.article')} field="cp.articleId" .error=${errors.articleId} required>
          ${d.article
            ? html`<div style="display:flex;gap:8px;align-items:center;min-height:44px">
                <span class="badge primary" data-testid="customer-price-picked">${d.article.code} · ${d.article.name}</span>
                ${this.editing ? nothing : html`<cpt-button variant="ghost" icon="close" label=${t('pricing.change')} @click=${() => this.form.set('article', null, 'articleId')}></cpt-button>`}
              </div>`
            : html`<cpt-pricing-picker .api=${this.api} source="articles" testid="customer-price-article"
                @pick=${(e: CustomEvent<{ item: Article }>) => this.form.set('article', e.detail.item, 'articleId')}></cpt-pricing-picker>`}
        </cpt-field>
        <cpt-field label=${t('pricing.prices.from')} field="cp.minQuantity" .error=${errors.minQuantity} hint=${t('pricing.customers.fromHint')}>
          <cpt-numeric-field testid="customer-price-min" mode="decimal" .decimals=${3} .min=${0} .value=${d.minUnits}
            @change=${this.form.numeric('minQuantity', (v) => this.form.set('minUnits', v, 'minQuantity'))}></cpt-numeric-field>
        </cpt-field>
        <cpt-field label=${t('pricing.prices.price')} field="cp.unitPrice" .error=${errors.unitPrice} required>
          <cpt-numeric-field testid="customer-price-price" mode="money" .min=${0} .value=${d.unitPrice}
            @change=${this.form.numeric('unitPrice', (v) => this.form.set('unitPrice', v))}></cpt-numeric-field>
        </cpt-field>
        <cpt-field label=${t('pricing.customers.side')} field="cp.includesVat" .error=${errors.includesVat}>
          <select data-testid="customer-price-vat" @change=${(e: Event) => this.form.set('vat', (e.target as HTMLSelectElement).value as Draft['vat'], 'includesVat')}>
            <option value="" ?selected=${d.vat === ''}>${t('pricing.customers.sideOfList', { side: effective ? vatSide(effective.includesVat, this.session) : '' })}</option>
            <option value="incl" ?selected=${d.vat === 'incl'}>${vatSide(true, this.session)}</option>
            <option value="excl" ?selected=${d.vat === 'excl'}>${vatSide(false, this.session)}</option>
          </select>
        </cpt-field>
        <cpt-field label=${t('pricing.prices.validFrom')} field="cp.validFrom" .error=${errors.validFrom}>
          <cpt-date-field testid="customer-price-from" label=${t('pricing.prices.validFrom')} ?invalid=${!!errors.validFrom} .value=${d.validFrom} @change=${(e: Event) => this.form.set('validFrom', (e.target as HTMLInputElement).value)}></cpt-date-field>
        </cpt-field>
        <cpt-field label=${t('pricing.prices.validTo')} field="cp.validTo" .error=${errors.validTo}>
          <cpt-date-field testid="customer-price-to" label=${t('pricing.prices.validTo')} ?invalid=${!!errors.validTo} .value=${d.validTo} @change=${(e: Event) => this.form.set('validTo', (e.target as HTMLInputElement).value)}></cpt-date-field>
        </cpt-field>
      </div>
      <div class="form-alerts">${formAlerts(this.form, 'customer-price', () => void this.reloadPrices())}</div>
      <div class="actions" style="margin-top:12px">
        ${this.editing ? html`<cpt-button data-testid="customer-price-cancel" @click=${() => this.startNew()}>${t('pricing.cancel')}</cpt-button>` : nothing}
        <cpt-button type="submit" variant="primary" icon=${this.editing ? 'check' : 'plus'} data-testid="customer-price-save" ?busy=${this.form.saving}>
          ${this.editing ? t('pricing.save') : t('pricing.customers.addButton')}
        </cpt-button>
      </div>
    </form>`;
  }

  private renderPrices() {
    const ro = !this.canWrite;
    return html`<div class="card">
      <h2 class="section-title">${t('pricing.customers.prices')}</h2>
      ${plainTable({
        testid: 'customer-prices', action: 'customer-price', rows: this.prices, empty: t('pricing.customers.noPrices'), readonly: ro,
        onEdit: (p) => this.edit(p), onDelete: (p) => void this.removeItem(p),
        columns: [
          { label: t('pricing.customers.article'), cell: (p) => html`<span class="mono muted">${p.articleCode ?? ''}</span> ${p.articleName ?? `#${p.articleId}`}` },
          { label: t('pricing.prices.tier'), cell: (p) => tierLabel(p.minQuantity) },
          { label: t('pricing.prices.price'), end: true, cell: (p) => html`<strong>${formatMoney(p.unitPrice)}</strong> <span class="muted">${vatSide(p.includesVat, this.session)}</span>` },
          { label: t('pricing.customers.period'), cell: (p) => periodText(p) },
        ],
      })}
      ${ro ? nothing : this.renderForm()}
    </div>`;
  }

  override render() {
    if (this.customerId === null) {
      return html`<div class="page">
        <div class="page-header"><h1>${t('pricing.customers.title')}</h1></div>
        <div class="card">
          <cpt-pricing-picker .api=${this.api} source="customers" testid="customer-prices-pick" placeholder=${t('pricing.customers.pickPlaceholder')}
            @pick=${(e: CustomEvent<{ item: Customer }>) => navigate(`pricing/customers/${e.detail.item.id}`)}></cpt-pricing-picker>
          <p class="hint" style="margin-top:10px">${t('pricing.customers.intro')}</p>
        </div>
        ${this.error ? html`<div class="alert error" role="alert" data-testid="customer-prices-error">${this.error}</div>` : nothing}
        ${this.listCustomers === null
          ? nothing
          : html`<h2 class="section-title" style="margin:8px 0 0">${t('pricing.customers.withList')}</h2>
              <cpt-data-table
                testid="list-customers"
                .columns=${[
                  { key: 'code', label: t('pricing.articles.code'), mono: true, width: '140px' },
                  { key: 'name', label: t('pricing.lists.name') },
                  { key: 'list', label: t('pricing.customers.list'), width: '220px', render: (r: { list: PriceList }) => `${listName(r.list)} (${vatSide(r.list.includesVat, this.session)})` },
                ]}
                .rows=${this.listCustomers}
                emptyText=${t('pricing.customers.noneWithList')}
                @row-click=${(e: CustomEvent<{ row: { id: number } }>) => navigate(`pricing/customers/${e.detail.row.id}`)}
              ></cpt-data-table>`}
      </div>`;
    }
    const c = this.customer;
    return html`<div class="page">
      <div class="page-header">
        <cpt-button variant="ghost" icon="back" label=${t('pricing.customers.other')} data-testid="customer-prices-back" @click=${() => navigate('pricing/customers')}></cpt-button>
        <h1 data-testid="customer-prices-name">${c ? c.name : t('pricing.customers.title')}</h1>
        ${c ? html`<span class="mono muted">${c.code}</span>` : nothing}
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="customer-prices-error">${this.error}</div>` : nothing}
      ${c ? html`${this.renderTerms(c)}${this.renderPrices()}` : nothing}
    </div>`;
  }
}

function periodText(p: { validFrom: string | null; validTo: string | null }): string {
  if (p.validFrom && p.validTo) return t('pricing.period.between', { from: formatDay(p.validFrom), to: formatDay(p.validTo) });
  if (p.validFrom) return t('pricing.period.from', { from: formatDay(p.validFrom) });
  if (p.validTo) return t('pricing.period.until', { to: formatDay(p.validTo) });
  return t('pricing.period.always');
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-customers': PricingCustomersScreen;
  }
}
