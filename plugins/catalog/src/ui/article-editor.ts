import {
  ApiClient,
  ApiError,
  LitElement,
  LocaleController,
  ShortcutController,
  css,
  customElement,
  errorMessage,
  formatMoney,
  formatRate,
  hasPermission,
  html,
  nothing,
  property,
  sharedStyles,
  splitFieldErrors,
  state,
  submitOnEnter,
  t,
  toast,
  type PropertyValues,
  type Session,
} from '@comptoir/shell';
import { BARCODE_KINDS, UNITS, detectBarcodeKind, familyTree, type Article, type Barcode, type Family, type Unit, type VatCategory } from './types.js';

interface Draft {
  code: string;
  name: string;
  description: string;
  familyId: number | null;
  unit: Unit;
  vatCategory: string;
  barcodes: Barcode[];
  price: number | null;
  active: boolean;
}

const FIELDS = ['code', 'name', 'description', 'familyId', 'unit', 'vatCategory', 'barcodes', 'price', 'active'];
const TEXT_FIELDS = new Set<keyof Draft>(['code', 'name', 'description']);

function emptyDraft(): Draft {
  return { code: '', name: '', description: '', familyId: null, unit: 'piece', vatCategory: '', barcodes: [], price: null, active: true };
}

function draftOf(a: Article): Draft {
  return {
    code: a.code ?? '',
    name: a.name ?? '',
    description: a.description ?? '',
    familyId: a.familyId ?? null,
    unit: a.unit ?? 'piece',
    vatCategory: a.vatCategory ?? '',
    barcodes: (a.barcodes ?? []).map((b) => ({ code: b.code, kind: b.kind })),
    price: a.price ?? null,
    active: a.active !== false,
  };
}

/**
 * <cpt-catalog-article-editor> — create / edit an article.
 * Properties: api, session, articleId (null = new), initialBarcode (prefilled for new), families.
 * Events: `saved` { article }, `cancel`.
 * Scanning a barcode while the editor is open adds it to the barcode list (addBarcode()).
 *
 * Test ids: article-editor, article-code, article-name, article-description, article-family,
 * article-unit, article-vat, article-price (inner input of cpt-numeric-field), article-active,
 * article-barcode-<i>, article-barcode-kind-<i>, article-barcode-remove-<i>, article-barcode-add,
 * article-save, article-cancel, article-back, article-error, article-conflict, article-reload,
 * error-<field> (e.g. error-name, error-barcodes.0, error-price).
 */
@customElement('cpt-catalog-article-editor')
export class CatalogArticleEditor extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) articleId: string | null = null;
  @property({ attribute: false }) initialBarcode = '';
  @property({ attribute: false }) families: Family[] = [];

  @state() private draft: Draft = emptyDraft();
  @state() private article: Article | null = null;
  @state() private vatCategories: VatCategory[] = [];
  @state() private loading = true;
  @state() private saving = false;
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private otherErrors: { field: string; message: string }[] = [];
  @state() private conflict = false;
  @state() private priceInvalid = false;
  @state() private loadError = '';

  private i18n = new LocaleController(this);
  private keys = new ShortcutController(this, [
    {
      keys: 'Ctrl+S',
      description: 'catalog.shortcut.save',
      handler: () => {
        void this.save();
      },
    },
  ]);

  static override styles = [
    sharedStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      .back {
        margin-left: -8px;
      }
      .section-title {
        font-size: 0.8125rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--cpt-muted);
        margin: 0 0 12px;
      }
      .barcodes {
        display: flex;
        flex-direction: column;
        gap: 10px;
      }
      .barcode {
        display: grid;
        grid-template-columns: 1fr 170px 44px;
        gap: 8px;
        align-items: start;
      }
      .barcode .err {
        grid-column: 1 / -1;
        margin-top: -4px;
      }
      .field-error {
        display: block;
        font-size: 0.875rem;
        color: var(--cpt-danger);
      }
      .empty-barcodes {
        color: var(--cpt-muted);
        font-size: 0.9375rem;
        margin: 0;
      }
      .mono-input {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace !important;
        letter-spacing: 0.02em;
      }
      .sticky-actions {
        position: sticky;
        bottom: 0;
        background: linear-gradient(to top, var(--cpt-bg) 70%, transparent);
        padding: 12px 0 4px;
      }
      @media (max-width: 600px) {
        .barcode {
          grid-template-columns: 1fr 44px;
        }
        .barcode select {
          grid-column: 1 / 2;
          grid-row: 2;
        }
      }
    `,
  ];

  get canWrite(): boolean {
    return hasPermission(this.session, 'catalog.write');
  }

  get isNew(): boolean {
    return this.articleId === null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('articleId') || changed.has('initialBarcode')) void this.load();
  }

  override firstUpdated(): void {
    void this.loadVat();
  }

  /** Add a scanned barcode (no-op if already listed). */
  addBarcode(code: string): void {
    if (!this.canWrite) return;
    if (this.draft.barcodes.some((b) => b.code === code)) {
      toast(t('catalog.article.barcodeAlready', { code }), 'info');
      return;
    }
    this.set('barcodes', [...this.draft.barcodes, { code, kind: detectBarcodeKind(code) }]);
    toast(t('catalog.article.barcodeAdded', { code }), 'success');
  }

  private async loadVat(): Promise<void> {
    try {
      this.vatCategories = await this.api.get<VatCategory[]>('/catalog/vat-categories');
      if (this.isNew && !this.draft.vatCategory) this.draft = { ...this.draft, vatCategory: this.defaultVat() };
    } catch {
      this.vatCategories = [];
    }
  }

  private defaultVat(): string {
    if (!this.vatCategories.length) return '';
    return [...this.vatCategories].sort((a, b) => b.rate - a.rate)[0].code;
  }

  private async load(): Promise<void> {
    this.errors = {};
    this.formError = '';
    this.otherErrors = [];
    this.conflict = false;
    this.loadError = '';
    this.priceInvalid = false;
    if (this.isNew) {
      this.article = null;
      const draft = emptyDraft();
      draft.vatCategory = this.defaultVat();
      if (this.initialBarcode) draft.barcodes = [{ code: this.initialBarcode, kind: detectBarcodeKind(this.initialBarcode) }];
      this.draft = draft;
      this.loading = false;
      void this.updateComplete.then(() => this.focusFirst());
      return;
    }
    this.loading = true;
    try {
      const a = await this.api.get<Article>(`/catalog/articles/${encodeURIComponent(this.articleId!)}`);
      this.article = a;
      this.draft = draftOf(a);
    } catch (err) {
      this.loadError = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  private focusFirst(): void {
    const el = this.shadowRoot?.querySelector<HTMLInputElement>('[data-testid="article-code"]');
    el?.focus();
  }

  /**
   * Update one draft field. Text typed in an input is already displayed by the input itself,
   * so plain text fields are updated without re-rendering (keeps keystrokes cheap, which also
   * keeps barcode-scanner bursts tight); other fields re-render.
   */
  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft[key] = value;
    if (this.errors[key as string]) {
      const { [key as string]: _removed, ...rest } = this.errors;
      this.errors = rest;
    } else if (!TEXT_FIELDS.has(key)) {
      this.requestUpdate();
    }
  }

  private setBarcode(i: number, patch: Partial<Barcode>): void {
    const current = this.draft.barcodes[i];
    if (!current) return;
    const kindChanged = patch.kind !== undefined && patch.kind !== current.kind;
    Object.assign(current, patch);
    const errorKeys = Object.keys(this.errors).filter((k) => k === `barcodes.${i}` || k.startsWith(`barcodes.${i}.`));
    if (errorKeys.length) this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !errorKeys.includes(k)));
    else if (kindChanged) this.requestUpdate();
  }

  private removeBarcode(i: number): void {
    this.set(
      'barcodes',
      this.draft.barcodes.filter((_, j) => j !== i),
    );
    // Indices shift: drop the barcode errors, they refer to the old positions.
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith('barcodes.')));
  }

  private async addBarcodeRow(): Promise<void> {
    this.set('barcodes', [...this.draft.barcodes, { code: '', kind: 'ean13' }]);
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLInputElement>(`[data-testid="article-barcode-${this.draft.barcodes.length - 1}"]`)?.focus();
  }

  private validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    const d = this.draft;
    if (!d.code.trim()) errors.code = t('catalog.required');
    if (!d.name.trim()) errors.name = t('catalog.required');
    if (!d.vatCategory) errors.vatCategory = t('catalog.required');
    if (this.priceInvalid) errors.price = t('catalog.article.priceInvalid');
    d.barcodes.forEach((b, i) => {
      if (!b.code.trim()) errors[`barcodes.${i}`] = t('catalog.required');
    });
    return errors;
  }

  async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.saving || this.loading || !this.canWrite || this.loadError) return;
    const errors = this.validate();
    this.formError = '';
    this.otherErrors = [];
    this.conflict = false;
    if (Object.keys(errors).length) {
      this.errors = errors;
      this.focusError();
      return;
    }
    this.errors = {};
    this.saving = true;
    const d = this.draft;
    const body: Record<string, unknown> = {
      code: d.code.trim(),
      name: d.name.trim(),
      description: d.description,
      familyId: d.familyId,
      unit: d.unit,
      vatCategory: d.vatCategory,
      barcodes: d.barcodes.map((b) => ({ code: b.code.trim(), kind: b.kind })),
      price: d.price,
      active: d.active,
    };
    try {
      let saved: Article;
      if (this.isNew) saved = await this.api.post<Article>('/catalog/articles', body);
      else saved = await this.api.patch<Article>(`/catalog/articles/${encodeURIComponent(this.articleId!)}`, { ...body, version: this.article?.version });
      toast(t('catalog.article.saved', { name: saved?.name ?? d.name }), 'success');
      if (saved) {
        this.article = saved;
        this.draft = draftOf(saved);
      }
      this.dispatchEvent(new CustomEvent('saved', { detail: { article: saved }, bubbles: true, composed: true }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        this.conflict = true;
      } else {
        const { fields, other } = splitFieldErrors(err, FIELDS);
        this.errors = fields;
        this.otherErrors = other;
        if (!Object.keys(fields).length || other.length || !(err instanceof ApiError && err.status === 400)) {
          this.formError = errorMessage(err);
        } else {
          this.formError = t('catalog.fixErrors');
        }
        this.focusError();
      }
    } finally {
      this.saving = false;
    }
  }

  private focusError(): void {
    void this.updateComplete.then(() => {
      const first = Object.keys(this.errors)[0];
      if (!first) return;
      const map: Record<string, string> = { vatCategory: 'article-vat', familyId: 'article-family' };
      const m = /^barcodes\.(\d+)/.exec(first);
      const testid = m ? `article-barcode-${m[1]}` : (map[first] ?? `article-${first}`);
      const el = this.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
      el?.focus();
    });
  }

  private barcodeErrors(i: number) {
    const entries = Object.entries(this.errors).filter(([k]) => k === `barcodes.${i}` || k.startsWith(`barcodes.${i}.`));
    return entries.map(
      ([field, message]) => html`<span class="field-error err" role="alert" data-testid=${`error-${field}`}>${message}</span>`,
    );
  }

  private renderBarcodes(ro: boolean) {
    const d = this.draft;
    return html`<div class="card">
      <h2 class="section-title">${t('catalog.article.barcodes')}</h2>
      <div class="barcodes">
        ${d.barcodes.length === 0 ? html`<p class="empty-barcodes" data-testid="article-barcodes-empty">${t('catalog.article.noBarcode')}</p>` : nothing}
        ${d.barcodes.map(
          (b, i) => html`<div class="barcode">
            <input
              class="mono-input"
              data-testid=${`article-barcode-${i}`}
              aria-label=${t('catalog.article.barcode', { n: i + 1 })}
              aria-invalid=${this.errors[`barcodes.${i}`] || Object.keys(this.errors).some((k) => k.startsWith(`barcodes.${i}.`)) ? 'true' : 'false'}
              inputmode="numeric"
              autocomplete="off"
              .value=${b.code}
              ?disabled=${ro}
              @input=${(e: Event) => {
                const code = (e.target as HTMLInputElement).value.trim();
                this.setBarcode(i, { code, kind: detectBarcodeKind(code) });
              }}
            />
            <select
              data-testid=${`article-barcode-kind-${i}`}
              aria-label=${t('catalog.article.barcodeKind')}
              ?disabled=${ro}
              @change=${(e: Event) => this.setBarcode(i, { kind: (e.target as HTMLSelectElement).value as Barcode['kind'] })}
            >
              ${BARCODE_KINDS.map((k) => html`<option value=${k} ?selected=${b.kind === k}>${t(`catalog.barcodeKind.${k}`)}</option>`)}
            </select>
            ${ro
              ? nothing
              : html`<cpt-button
                  variant="ghost"
                  icon="trash"
                  label=${t('catalog.article.removeBarcode')}
                  data-testid=${`article-barcode-remove-${i}`}
                  @click=${() => this.removeBarcode(i)}
                ></cpt-button>`}
            ${this.barcodeErrors(i)}
          </div>`,
        )}
        ${this.errors.barcodes ? html`<span class="field-error" role="alert" data-testid="error-barcodes">${this.errors.barcodes}</span>` : nothing}
        ${ro
          ? nothing
          : html`<div>
              <cpt-button icon="plus" data-testid="article-barcode-add" @click=${() => this.addBarcodeRow()}>${t('catalog.article.addBarcode')}</cpt-button>
              <span class="muted" style="margin-left:8px;font-size:0.875rem">${t('catalog.article.scanToAdd')}</span>
            </div>`}
      </div>
    </div>`;
  }

  override render() {
    const title = this.isNew ? t('catalog.articles.new') : this.article ? this.article.name : t('catalog.article.title');
    const header = html`<div class="page-header">
      <cpt-button class="back" variant="ghost" icon="back" label=${t('catalog.backToList')} data-testid="article-back" @click=${this.cancel}></cpt-button>
      <h1>${title}</h1>
      ${this.article && !this.article.active ? html`<span class="badge">${t('catalog.inactive')}</span>` : nothing}
    </div>`;
    if (this.loading) return html`<div class="page" data-testid="article-editor">${header}<p class="muted">${t('catalog.loading')}</p></div>`;
    if (this.loadError)
      return html`<div class="page" data-testid="article-editor">
        ${header}
        <div class="alert error" role="alert" data-testid="article-error">${this.loadError}</div>
      </div>`;

    const d = this.draft;
    const ro = !this.canWrite;
    const vat = this.vatCategories.find((v) => v.code === d.vatCategory);
    const exclVat = d.price !== null && vat ? Math.round((d.price * 10000) / (10000 + vat.rate)) : null;
    const vatOptions = this.vatCategories.some((v) => v.code === d.vatCategory) || !d.vatCategory
      ? this.vatCategories
      : [...this.vatCategories, { code: d.vatCategory, rate: this.article?.vatRate ?? 0, name: d.vatCategory }];

    return html`<div class="page" data-testid="article-editor">
      ${header}
      ${ro ? html`<div class="alert info">${t('catalog.readOnly')}</div>` : nothing}
      <form @submit=${this.save} @keydown=${submitOnEnter} novalidate>
        <div class="card">
          <div class="form-grid">
            <cpt-field label=${t('catalog.article.code')} field="code" .error=${this.errors.code} required>
              <input
                class="mono-input"
                data-testid="article-code"
                autocomplete="off"
                spellcheck="false"
                .value=${d.code}
                ?disabled=${ro}
                @input=${(e: Event) => this.set('code', (e.target as HTMLInputElement).value)}
              />
            </cpt-field>
            <cpt-field label=${t('catalog.article.name')} field="name" .error=${this.errors.name} required>
              <input data-testid="article-name" autocomplete="off" .value=${d.name} ?disabled=${ro} @input=${(e: Event) => this.set('name', (e.target as HTMLInputElement).value)} />
            </cpt-field>
            <cpt-field class="wide" label=${t('catalog.article.description')} field="description" .error=${this.errors.description}>
              <textarea
                data-testid="article-description"
                rows="2"
                .value=${d.description}
                ?disabled=${ro}
                @input=${(e: Event) => this.set('description', (e.target as HTMLTextAreaElement).value)}
              ></textarea>
            </cpt-field>
            <cpt-field label=${t('catalog.article.family')} field="familyId" .error=${this.errors.familyId}>
              <select
                data-testid="article-family"
                ?disabled=${ro}
                @change=${(e: Event) => {
                  const v = (e.target as HTMLSelectElement).value;
                  this.set('familyId', v === '' ? null : Number(v));
                }}
              >
                <option value="" ?selected=${d.familyId === null}>${t('catalog.article.noFamily')}</option>
                ${familyTree(this.families).map(
                  ({ family, depth }) =>
                    html`<option value=${String(family.id)} ?selected=${d.familyId === family.id}>${'\u00a0\u00a0'.repeat(depth)}${family.name}</option>`,
                )}
              </select>
            </cpt-field>
            <cpt-field label=${t('catalog.article.unit')} field="unit" .error=${this.errors.unit}>
              <select data-testid="article-unit" ?disabled=${ro} @change=${(e: Event) => this.set('unit', (e.target as HTMLSelectElement).value as Unit)}>
                ${UNITS.map((u) => html`<option value=${u} ?selected=${d.unit === u}>${t(`catalog.unit.${u}`)}</option>`)}
              </select>
            </cpt-field>
          </div>
        </div>

        <div class="card">
          <h2 class="section-title">${t('catalog.article.pricing')}</h2>
          <div class="form-grid">
            <cpt-field label=${t('catalog.article.vatCategory')} field="vatCategory" .error=${this.errors.vatCategory} required>
              <select data-testid="article-vat" ?disabled=${ro} @change=${(e: Event) => this.set('vatCategory', (e.target as HTMLSelectElement).value)}>
                ${d.vatCategory ? nothing : html`<option value="" selected disabled>${t('catalog.choose')}</option>`}
                ${vatOptions.map((v) => html`<option value=${v.code} ?selected=${d.vatCategory === v.code}>${v.name} (${formatRate(v.rate)})</option>`)}
              </select>
            </cpt-field>
            <cpt-field
              label=${d.unit === 'piece' ? t('catalog.article.priceInclVat') : t('catalog.article.pricePerUnit', { unit: t(`catalog.unitShort.${d.unit}`) })}
              field="price"
              .error=${this.errors.price}
              hint=${exclVat !== null ? t('catalog.article.exclVat', { amount: formatMoney(exclVat) }) : t('catalog.article.priceHint')}
            >
              <cpt-numeric-field
                testid="article-price"
                mode="money"
                keypad
                .min=${0}
                .value=${d.price}
                ?disabled=${ro}
                @change=${(e: CustomEvent<{ value: number | null; valid: boolean }>) => {
                  this.priceInvalid = !e.detail.valid;
                  if (e.detail.valid) this.set('price', e.detail.value);
                }}
              ></cpt-numeric-field>
            </cpt-field>
            <cpt-field label=${t('catalog.status')} field="active" .error=${this.errors.active}>
              <label class="check">
                <input type="checkbox" data-testid="article-active" .checked=${d.active} ?disabled=${ro} @change=${(e: Event) => this.set('active', (e.target as HTMLInputElement).checked)} />
                ${t('catalog.article.activeLabel')}
              </label>
            </cpt-field>
          </div>
        </div>

        ${this.renderBarcodes(ro)}

        ${this.conflict
          ? html`<div class="alert warning" role="alert" data-testid="article-conflict">
              ${t('catalog.conflict')}
              <div style="margin-top:8px"><cpt-button data-testid="article-reload" @click=${() => this.load()}>${t('catalog.reload')}</cpt-button></div>
            </div>`
          : nothing}
        ${this.formError
          ? html`<div class="alert error" role="alert" data-testid="article-error">
              ${this.formError}
              ${this.otherErrors.map((o) => html`<div data-testid=${`error-${o.field}`}>${o.field} : ${o.message}</div>`)}
            </div>`
          : nothing}

        <div class="actions sticky-actions">
          <cpt-button data-testid="article-cancel" @click=${this.cancel}>${ro ? t('catalog.backToList') : t('catalog.cancel')}</cpt-button>
          ${ro ? nothing : html`<cpt-button type="submit" variant="primary" icon="check" data-testid="article-save" ?busy=${this.saving}>${t('catalog.save')}</cpt-button>`}
        </div>
      </form>
    </div>`;
  }

  private cancel = (): void => {
    this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-catalog-article-editor': CatalogArticleEditor;
  }
}
