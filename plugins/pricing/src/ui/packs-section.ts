import {
  ApiClient,
  FormController,
  LitElement,
  LocaleController,
  confirmDialog,
  customElement,
  errorMessage,
  formAlerts,
  formatMoney,
  html,
  nothing,
  property,
  state,
  submitOnEnter,
  t,
  toast,
  type PropertyValues,
  type Session,
} from '@comptoir/shell';
import { formatQuantity, listName, toThousandths, toUnits } from './format.js';
import { plainTable } from './plain-table.js';
import { pricingStyles } from './styles.js';
import type { Article, Pack, PriceList } from './types.js';

interface Draft {
  barcode: string;
  name: string;
  units: number | null;
  price: number | null;
  priceListCode: string;
}

const FIELDS = ['barcode', 'name', 'quantity', 'price', 'priceListCode'];
const empty = (): Draft => ({ barcode: '', name: '', units: null, price: null, priceListCode: '' });

/**
 * <cpt-pricing-packs> — an article's packs: a case with its own barcode, how many units it holds, and its own
 * price (optional; in one list, the default list when none is chosen).
 *
 * Properties: api, session, article, lists, readonly. Events: `changed` after a pack is added, changed or deleted.
 * Test ids: packs-row (data-key = id), pack-edit-<i>, pack-delete-<i>, pack-barcode, pack-name, pack-quantity,
 * pack-price, pack-list, pack-save, pack-cancel, pack-error, error-pack.<field>.
 */
@customElement('cpt-pricing-packs')
export class PricingPacks extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) article!: Article;
  @property({ attribute: false }) lists: PriceList[] = [];
  @property({ type: Boolean }) readonly = false;

  @state() private packs: Pack[] = [];
  @state() private editing: Pack | null = null;
  @state() private loadError = '';
  private i18n = new LocaleController(this);
  private form: FormController<Draft> = new FormController<Draft>(this, empty(), {
    fields: FIELDS,
    describe: (): string => this.editing ? t('pricing.packs.edit', { barcode: this.editing.barcode }) : t('pricing.packs.add'),
    focusTarget: (field) => this.renderRoot.querySelector<HTMLElement>(`cpt-field[field="pack.${field}"]`),
  });

  static override styles = pricingStyles;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('article')) {
      this.startNew();
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.packs = await this.api.get<Pack[]>('/pricing/packs', { article: this.article.id });
      this.loadError = '';
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private startNew(): void {
    this.editing = null;
    this.form.reset(empty());
  }

  private edit(p: Pack): void {
    this.editing = p;
    this.form.reset({ barcode: p.barcode, name: p.name, units: toUnits(p.quantity), price: p.price, priceListCode: p.priceListCode ?? '' });
  }

  /** A barcode scanned while the article is open fills the pack's barcode. */
  fillBarcode(code: string): void {
    this.form.set('barcode', code);
  }

  private check(): Record<string, string> {
    const d = this.form.draft;
    const errors: Record<string, string> = {};
    if (!d.barcode.trim()) errors.barcode = t('pricing.required');
    if (d.units === null) errors.quantity = t('pricing.required');
    return errors;
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.readonly) return;
    const d = this.form.draft;
    const body = { barcode: d.barcode.trim(), name: d.name.trim(), quantity: toThousandths(d.units), price: d.price, priceListCode: d.priceListCode || null };
    const editing = this.editing;
    const ok = await this.form.save(() => this.check(), async () => {
      if (editing) await this.api.patch(`/pricing/packs/${editing.id}`, body);
      else await this.api.post('/pricing/packs', { articleId: this.article.id, ...body });
    });
    if (!ok) return;
    toast(t('pricing.packs.saved', { barcode: body.barcode }), 'success');
    this.startNew();
    await this.load();
    this.dispatchEvent(new CustomEvent('changed', { bubbles: true, composed: true }));
  }

  private async removeItem(p: Pack): Promise<void> {
    const ok = await confirmDialog({
      title: t('pricing.packs.deleteTitle'),
      message: t('pricing.packs.deleteText', { barcode: p.barcode }),
      confirmLabel: t('pricing.delete'),
      cancelLabel: t('pricing.cancel'),
      danger: true,
      testid: 'pack-delete-confirm',
    });
    if (!ok) return;
    try {
      await this.api.delete(`/pricing/packs/${p.id}`);
      if (this.editing?.id === p.id) this.startNew();
      await this.load();
      this.dispatchEvent(new CustomEvent('changed', { bubbles: true, composed: true }));
    } catch (err) {
      this.form.fail(err);
    }
  }

  private renderForm() {
    const d = this.form.draft;
    const errors = this.form.errors;
    return html`<form @submit=${this.save} @keydown=${submitOnEnter} novalidate style="margin-top:16px">
      <h3 style="margin-bottom:10px">${this.editing ? t('pricing.packs.edit', { barcode: this.editing.barcode }) : t('pricing.packs.add')}</h3>
      <div class="form-grid">
        <cpt-field label=${t('pricing.packs.barcode')} field="pack.barcode" .error=${errors.barcode} required hint=${t('pricing.packs.barcodeHint')}>
          <input class="mono-input" data-testid="pack-barcode" inputmode="numeric" autocomplete="off" .value=${d.barcode}
            @input=${(e: Event) => this.form.set('barcode', (e.target as HTMLInputElement).value.trim())} />
        </cpt-field>
        <cpt-field label=${t('pricing.packs.name')} field="pack.name" .error=${errors.name} hint=${t('pricing.packs.nameHint')}>
          <input data-testid="pack-name" autocomplete="off" .value=${d.name} @input=${(e: Event) => this.form.set('name', (e.target as HTMLInputElement).value)} />
        </cpt-field>
        <cpt-field label=${t('pricing.packs.quantity')} field="pack.quantity" .error=${errors.quantity} required>
          <cpt-numeric-field testid="pack-quantity" mode="decimal" .decimals=${3} .min=${0} .value=${d.units} suffix=${this.article.unit === 'piece' ? '' : this.article.unit === 'kg' ? 'kg' : 'l'}
            @change=${this.form.numeric('quantity', (v) => this.form.set('units', v, 'quantity'))}></cpt-numeric-field>
        </cpt-field>
        <cpt-field label=${t('pricing.packs.price')} field="pack.price" .error=${errors.price} hint=${t('pricing.packs.priceHint')}>
          <cpt-numeric-field testid="pack-price" mode="money" .min=${0} .value=${d.price}
            @change=${this.form.numeric('price', (v) => this.form.set('price', v))}></cpt-numeric-field>
        </cpt-field>
        <cpt-field label=${t('pricing.packs.list')} field="pack.priceListCode" .error=${errors.priceListCode}>
          <select data-testid="pack-list" @change=${(e: Event) => this.form.set('priceListCode', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${d.priceListCode === ''}>${t('pricing.packs.defaultList')}</option>
            ${this.lists.map((l) => html`<option value=${l.code} ?selected=${d.priceListCode === l.code}>${listName(l)}</option>`)}
          </select>
        </cpt-field>
      </div>
      <div class="form-alerts">${formAlerts(this.form, 'pack', () => this.startNew())}</div>
      <div class="actions" style="margin-top:12px">
        ${this.editing ? html`<cpt-button data-testid="pack-cancel" @click=${() => this.startNew()}>${t('pricing.cancel')}</cpt-button>` : nothing}
        <cpt-button type="submit" variant="primary" icon=${this.editing ? 'check' : 'plus'} data-testid="pack-save" ?busy=${this.form.saving}>
          ${this.editing ? t('pricing.save') : t('pricing.packs.addButton')}
        </cpt-button>
      </div>
    </form>`;
  }

  override render() {
    const ro = this.readonly;
    return html`<div class="card" data-testid="packs">
      <h2 class="section-title">${t('pricing.packs.title')}</h2>
      ${this.loadError ? html`<div class="alert error" role="alert" data-testid="packs-load-error">${this.loadError}</div>` : nothing}
      ${plainTable({
        testid: 'packs', action: 'pack', rows: this.packs, empty: t('pricing.packs.empty'), readonly: ro,
        onEdit: (p) => this.edit(p), onDelete: (p) => void this.removeItem(p),
        columns: [
          { label: t('pricing.packs.barcode'), cell: (p) => html`<span class="mono">${p.barcode}</span>` },
          { label: t('pricing.packs.name'), cell: (p) => p.name || html`<span class="muted">${this.article.name} × ${formatQuantity(p.quantity)}</span>` },
          { label: t('pricing.packs.quantity'), end: true, cell: (p) => formatQuantity(p.quantity) },
          { label: t('pricing.packs.price'), end: true, cell: (p) => (p.price === null ? html`<span class="muted">${t('pricing.packs.unitPrices')}</span>` : formatMoney(p.price)) },
          { label: t('pricing.packs.list'), cell: (p) => (p.price === null ? '' : listName(this.lists.find((l) => l.code === p.priceListCode) ?? this.lists.find((l) => l.isDefault))) },
        ],
      })}
      ${ro ? nothing : this.renderForm()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-packs': PricingPacks;
  }
}
