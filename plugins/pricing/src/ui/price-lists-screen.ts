import {
  ApiClient,
  FormController,
  LitElement,
  LocaleController,
  confirmDialog,
  customElement,
  errorMessage,
  formAlerts,
  hasPermission,
  html,
  nothing,
  property,
  query,
  state,
  submitOnEnter,
  t,
  toast,
  toastError,
  type Column,
  type CptDialog,
  type Session,
} from '@comptoir/shell';
import { listName, vatSide } from './format.js';
import { pricingStyles } from './styles.js';
import type { PriceList } from './types.js';

interface Draft {
  code: string;
  fr: string;
  nl: string;
  en: string;
  includesVat: boolean;
  isDefault: boolean;
  active: boolean;
}

const FIELDS = ['code', 'name', 'includesVat', 'isDefault', 'active'];

/**
 * Price lists (route #/pricing/lists): code, name, prices with or without VAT, default; create and edit a list
 * in a dialog; delete one that no customer buys at.
 *
 * Test ids: lists-new, lists-table, lists-row (data-key = id, data-code = code), lists-error, list-dialog,
 * list-code, list-name-fr, list-name-nl, list-name-en, list-vat-incl, list-vat-excl, list-default, list-active,
 * list-save, list-cancel, list-delete, list-form-error, list-customers, error-<field> (error-code, error-name…).
 */
@customElement('cpt-pricing-lists')
export class PricingListsScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private lists: PriceList[] = [];
  @state() private loading = false;
  @state() private error = '';
  @state() private editing: PriceList | null = null;
  @state() private customers: Array<{ id: number; code: string; name: string }> = [];

  @query('cpt-dialog') private dialog?: CptDialog;
  private i18n = new LocaleController(this);
  private form: FormController<Draft> = new FormController<Draft>(this, emptyDraft(), {
    fields: FIELDS,
    describe: (): string => this.form.draft.fr.trim() || t('pricing.lists.new'),
  });

  static override styles = pricingStyles;

  get canWrite(): boolean {
    return hasPermission(this.session, 'pricing.write');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading = true;
    this.error = '';
    try {
      this.lists = await this.api.get<PriceList[]>('/pricing/lists');
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  private async open(list: PriceList | null): Promise<void> {
    this.editing = list;
    this.form.reset(list
      ? { code: list.code, fr: list.name.fr, nl: list.name.nl, en: list.name.en, includesVat: list.includesVat, isDefault: list.isDefault, active: list.active }
      : emptyDraft());
    this.customers = [];
    await this.updateComplete;
    this.dialog?.show();
    if (list && list.customerCount > 0) {
      try {
        this.customers = await this.api.get(`/pricing/lists/${list.id}/customers`);
      } catch {
        this.customers = [];
      }
    }
  }

  /** The three names are one field for the server ('name'). */
  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.form.set(key, value, key === 'fr' || key === 'nl' || key === 'en' ? 'name' : key);
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (!this.canWrite) return;
    const d = this.form.draft;
    const name: Record<string, string> = { fr: d.fr.trim() };
    if (d.nl.trim()) name.nl = d.nl.trim();
    if (d.en.trim()) name.en = d.en.trim();
    const body: Record<string, unknown> = { code: d.code.trim(), name, includesVat: d.includesVat, active: d.active };
    // Only a list becomes the default; the previous default steps down on the server.
    if (d.isDefault && !this.editing?.isDefault) body.isDefault = true;
    const editing = this.editing;
    const check = (): Record<string, string> => ({ ...(d.code.trim() ? {} : { code: t('pricing.required') }), ...(d.fr.trim() ? {} : { name: t('pricing.required') }) });
    const ok = await this.form.save(check, async () => {
      if (editing) await this.api.patch(`/pricing/lists/${editing.id}`, { ...body, version: editing.version });
      else await this.api.post('/pricing/lists', body);
    });
    if (!ok) return;
    toast(t('pricing.lists.saved', { name: d.fr.trim() }), 'success');
    this.dialog?.close('saved');
    await this.load();
  }

  private async removeItem(): Promise<void> {
    const list = this.editing;
    if (!list) return;
    const ok = await confirmDialog({
      title: t('pricing.lists.deleteTitle'),
      message: t('pricing.lists.deleteText', { name: listName(list), count: list.priceCount }),
      confirmLabel: t('pricing.delete'),
      cancelLabel: t('pricing.cancel'),
      danger: true,
      testid: 'list-delete-confirm',
    });
    if (!ok) return;
    try {
      await this.api.delete(`/pricing/lists/${list.id}`);
      toast(t('pricing.lists.deleted', { name: listName(list) }), 'success');
      this.dialog?.close('deleted');
      await this.load();
    } catch (err) {
      this.form.fail(err);
      toastError(err);
    }
  }

  private renderDialog() {
    const d = this.form.draft;
    const errors = this.form.errors;
    const ro = !this.canWrite;
    const list = this.editing;
    // Closing the dialog (Cancel, ✕, Escape) drops what was typed in it.
    return html`<cpt-dialog testid="list-dialog" heading=${list ? t('pricing.lists.edit', { name: listName(list) }) : t('pricing.lists.new')}
      @close=${() => this.form.reset(emptyDraft())}>
      <form id="list-form" @submit=${this.save} @keydown=${submitOnEnter} novalidate>
        <div class="form-grid">
          <cpt-field label=${t('pricing.lists.code')} field="code" .error=${errors.code} required hint=${t('pricing.lists.codeHint')}>
            <input class="mono-input" data-testid="list-code" autocomplete="off" spellcheck="false" .value=${d.code} ?disabled=${ro}
              @input=${(e: Event) => this.set('code', (e.target as HTMLInputElement).value)} />
          </cpt-field>
          <cpt-field label=${t('pricing.lists.nameFr')} field="name" .error=${errors.name} required>
            <input data-testid="list-name-fr" autocomplete="off" .value=${d.fr} ?disabled=${ro} @input=${(e: Event) => this.set('fr', (e.target as HTMLInputElement).value)} />
          </cpt-field>
          <cpt-field label=${t('pricing.lists.nameNl')} hint=${t('pricing.lists.nameHint')}>
            <input data-testid="list-name-nl" autocomplete="off" .value=${d.nl} ?disabled=${ro} @input=${(e: Event) => this.set('nl', (e.target as HTMLInputElement).value)} />
          </cpt-field>
          <cpt-field label=${t('pricing.lists.nameEn')} hint=${t('pricing.lists.nameHint')}>
            <input data-testid="list-name-en" autocomplete="off" .value=${d.en} ?disabled=${ro} @input=${(e: Event) => this.set('en', (e.target as HTMLInputElement).value)} />
          </cpt-field>
          <cpt-field class="wide" label=${t('pricing.lists.prices')} field="includesVat" .error=${errors.includesVat}
            hint=${list && list.priceCount > 0 ? t('pricing.lists.vatLocked') : ''}>
            <div>
              <label class="check" style="margin-right:24px">
                <input type="radio" name="vat" data-testid="list-vat-incl" .checked=${d.includesVat} ?disabled=${ro} @change=${() => this.set('includesVat', true)} />
                ${t('pricing.lists.withVat', { side: vatSide(true, this.session) })}
              </label>
              <label class="check">
                <input type="radio" name="vat" data-testid="list-vat-excl" .checked=${!d.includesVat} ?disabled=${ro} @change=${() => this.set('includesVat', false)} />
                ${t('pricing.lists.withoutVat', { side: vatSide(false, this.session) })}
              </label>
            </div>
          </cpt-field>
          <cpt-field field="isDefault" .error=${errors.isDefault} hint=${t('pricing.lists.defaultHint')}>
            <label class="check">
              <input type="checkbox" data-testid="list-default" .checked=${d.isDefault} ?disabled=${ro || !!list?.isDefault}
                @change=${(e: Event) => this.set('isDefault', (e.target as HTMLInputElement).checked)} />
              ${t('pricing.lists.isDefault')}
            </label>
          </cpt-field>
          <cpt-field field="active" .error=${errors.active}>
            <label class="check">
              <input type="checkbox" data-testid="list-active" .checked=${d.active} ?disabled=${ro}
                @change=${(e: Event) => this.set('active', (e.target as HTMLInputElement).checked)} />
              ${t('pricing.lists.activeLabel')}
            </label>
          </cpt-field>
        </div>
        ${this.customers.length
          ? html`<p class="muted" data-testid="list-customers">
              ${t('pricing.lists.customersOf', { count: this.customers.length })} ${this.customers.map((c) => c.name).join(', ')}
            </p>`
          : nothing}
        <div class="form-alerts">${formAlerts(this.form, 'list-form', () => {
          this.dialog?.close('reload');
          void this.load();
        })}</div>
      </form>
      ${list && !ro && !list.isDefault
        ? html`<cpt-button slot="footer" variant="danger" icon="trash" data-testid="list-delete" @click=${() => this.removeItem()}>${t('pricing.delete')}</cpt-button>`
        : nothing}
      <cpt-button slot="footer" data-testid="list-cancel" @click=${() => this.dialog?.close('cancel')}>${ro ? t('pricing.close') : t('pricing.cancel')}</cpt-button>
      ${ro
        ? nothing
        : html`<cpt-button slot="footer" variant="primary" icon="check" data-testid="list-save" ?busy=${this.form.saving} @click=${() => this.save()}>${t('pricing.save')}</cpt-button>`}
    </cpt-dialog>`;
  }

  override render() {
    const columns: Column<PriceList>[] = [
      { key: 'code', label: t('pricing.lists.code'), mono: true, width: '140px' },
      {
        key: 'name',
        label: t('pricing.lists.name'),
        render: (l) => html`<span class="strong">${listName(l)}</span>
          ${l.isDefault ? html` <span class="badge primary" data-testid="list-default-badge">${t('pricing.lists.default')}</span>` : nothing}
          ${l.active ? nothing : html` <span class="badge">${t('pricing.inactive')}</span>`}`,
      },
      { key: 'includesVat', label: t('pricing.lists.side'), width: '140px', render: (l) => vatSide(l.includesVat, this.session) },
      { key: 'priceCount', label: t('pricing.lists.priceCount'), align: 'end', width: '110px', priority: 'low' },
      { key: 'customerCount', label: t('pricing.lists.customerCount'), align: 'end', width: '110px', priority: 'low' },
    ];
    return html`<div class="page">
      <div class="page-header">
        <h1>${t('pricing.lists.title')}</h1>
        ${this.canWrite ? html`<cpt-button variant="primary" icon="plus" data-testid="lists-new" @click=${() => this.open(null)}>${t('pricing.lists.new')}</cpt-button>` : nothing}
      </div>
      <p class="muted" style="margin:0">${t('pricing.lists.intro')}</p>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="lists-error">${this.error}</div>` : nothing}
      <cpt-data-table
        testid="lists"
        .columns=${columns}
        .rows=${this.lists}
        .loading=${this.loading}
        .rowData=${(l: PriceList) => ({ code: l.code })}
        .rowClass=${(l: PriceList) => (l.active ? '' : 'inactive')}
        emptyText=${t('pricing.lists.empty')}
        @row-click=${(e: CustomEvent<{ row: PriceList }>) => this.open(e.detail.row)}
      ></cpt-data-table>
      ${this.renderDialog()}
    </div>`;
  }
}

function emptyDraft(): Draft {
  return { code: '', fr: '', nl: '', en: '', includesVat: true, isDefault: false, active: true };
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-lists': PricingListsScreen;
  }
}
