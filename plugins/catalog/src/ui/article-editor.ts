import {
  ApiClient,
  FormController,
  LitElement,
  LocaleController,
  customElement,
  formAlerts,
  formatMoney,
  formatRate,
  hasPermission,
  html,
  isApiError,
  nothing,
  property,
  state,
  submitOnEnter,
  t,
  toast,
  type PropertyValues,
  type Session,
} from '@comptoir/shell';
import { articleEditorStyles } from './editor-styles.js';
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

const FIELDS = ['code', 'name', 'description', 'familyId', 'unit', 'vatCategory', 'price', 'active', 'barcodes'];
const TESTIDS: Record<string, string> = { vatCategory: 'article-vat', familyId: 'article-family' };

function emptyDraft(): Draft {
  return { code: '', name: '', description: '', familyId: null, unit: 'piece', vatCategory: '', barcodes: [], price: null, active: true };
}

function draftOf(a: Article): Draft {
  return {
    code: a.code ?? '', name: a.name ?? '', description: a.description ?? '', familyId: a.familyId ?? null, unit: a.unit ?? 'piece',
    vatCategory: a.vatCategory ?? '', barcodes: (a.barcodes ?? []).map((b) => ({ code: b.code, kind: b.kind })), price: a.price ?? null, active: a.active !== false,
  };
}

/**
 * <cpt-catalog-article-editor> — create / edit an article.
 * Properties: api, session, articleId (null = new), initialBarcode (prefilled for new), families.
 * Events: `saved` { article }, `cancel`.
 *
 * A scanned barcode goes into the focused empty barcode row, else the first empty one, else a new row
 * (addBarcode()). A barcode another article carries is refused at once, naming that article (the server is
 * asked as soon as the code is complete). Leaving with unsaved changes asks first (the shell's guard).
 *
 * Zones (for other plugins' widgets, context `{ article }`: the stored article, null while new):
 * `catalog.article.toolbar` (buttons in the header) and `catalog.article.aside` (panels beside the form).
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

  @state() private article: Article | null = null;
  @state() private vatCategories: VatCategory[] = [];
  /** What the zones receive; a new object only when the stored article changes. */
  @state() private zoneContext: { article: Article | null } = { article: null };
  /** Barcodes another article carries, with the message naming it (asked of the server as they are entered). */
  private taken = new Map<string, string>();

  private i18n = new LocaleController(this);
  private form: FormController<Draft> = new FormController<Draft>(this, emptyDraft(), {
    fields: FIELDS,
    onSave: () => void this.save(),
    describe: (): string => this.form.draft.name.trim() || this.article?.name || t('catalog.articles.new'),
    focusTarget: (field) => {
      const row = /^barcodes\.(\d+)/.exec(field);
      const testid = row ? `article-barcode-${row[1]}` : (TESTIDS[field] ?? `article-${field}`);
      return this.renderRoot.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
    },
  });

  static override styles = articleEditorStyles;

  get canWrite(): boolean {
    return hasPermission(this.session, 'catalog.write');
  }

  get isNew(): boolean {
    return this.articleId === null;
  }

  private get draft(): Draft {
    return this.form.draft;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('articleId') || changed.has('initialBarcode')) void this.load();
  }

  override firstUpdated(): void {
    void this.loadVat();
  }

  /** A scanned barcode: into the focused empty row, else the first empty row, else a new row (none twice). */
  addBarcode(code: string): void {
    if (!this.canWrite) return;
    const rows = this.draft.barcodes;
    if (rows.some((b) => b.code === code)) {
      toast(t('catalog.article.barcodeAlready', { code }), 'info');
      return;
    }
    const focused = this.renderRoot.querySelector<HTMLElement>('[data-testid^="article-barcode-"]:focus');
    const focusedRow = focused ? Number(/article-barcode-(\d+)$/.exec(focused.dataset.testid ?? '')?.[1]) : NaN;
    let i = Number.isInteger(focusedRow) && rows[focusedRow]?.code === '' ? focusedRow : rows.findIndex((b) => b.code.trim() === '');
    if (i < 0) i = rows.length;
    const next = [...rows];
    next[i] = { code, kind: detectBarcodeKind(code) };
    this.form.set('barcodes', next, `barcodes.${i}`);
    toast(t('catalog.article.barcodeAdded', { code }), 'success');
    void this.checkBarcode(i);
  }

  private async loadVat(): Promise<void> {
    try {
      this.vatCategories = await this.api.get<VatCategory[]>('/catalog/vat-categories');
      if (this.isNew && !this.draft.vatCategory) this.form.reset({ ...this.draft, vatCategory: this.defaultVat() });
    } catch {
      this.vatCategories = [];
    }
  }

  private defaultVat(): string {
    if (!this.vatCategories.length) return '';
    return [...this.vatCategories].sort((a, b) => b.rate - a.rate)[0].code;
  }

  private setArticle(article: Article | null): void {
    this.article = article;
    this.zoneContext = { article };
  }

  private async load(): Promise<void> {
    this.taken.clear();
    if (this.isNew) {
      this.setArticle(null);
      const draft = { ...emptyDraft(), vatCategory: this.defaultVat() };
      if (this.initialBarcode) draft.barcodes = [{ code: this.initialBarcode, kind: detectBarcodeKind(this.initialBarcode) }];
      this.form.reset(draft);
      if (this.initialBarcode) void this.checkBarcode(0);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[data-testid="article-code"]')?.focus());
      return;
    }
    await this.form.load(async () => {
      const a = await this.api.get<Article>(`/catalog/articles/${encodeURIComponent(this.articleId!)}`);
      this.setArticle(a);
      return draftOf(a);
    });
  }

  private setBarcode(i: number, patch: Partial<Barcode>): void {
    const next = this.draft.barcodes.map((b, j) => (j === i ? { ...b, ...patch } : b));
    this.form.set('barcodes', next, `barcodes.${i}`);
  }

  private removeBarcode(i: number): void {
    this.form.set('barcodes', this.draft.barcodes.filter((_, j) => j !== i), 'barcodes');
  }

  private async addBarcodeRow(): Promise<void> {
    this.form.set('barcodes', [...this.draft.barcodes, { code: '', kind: 'ean13' }], 'barcodes');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`[data-testid="article-barcode-${this.draft.barcodes.length - 1}"]`)?.focus();
  }

  /** Asks the server whether another article carries row i's barcode; if so, the row says which. */
  private async checkBarcode(i: number): Promise<void> {
    const code = this.draft.barcodes[i]?.code.trim();
    if (!code || this.taken.has(code)) {
      if (code && this.taken.has(code)) this.form.errors = { ...this.form.errors, [`barcodes.${i}`]: this.taken.get(code)! };
      this.requestUpdate();
      return;
    }
    try {
      const owner = await this.api.get<Article>(`/catalog/barcodes/${encodeURIComponent(code)}`);
      if (owner.id === this.article?.id) return;
      this.taken.set(code, t('catalog.article.barcodeTaken', { code, article: `${owner.code} – ${owner.name}` }));
      const row = this.draft.barcodes.findIndex((b) => b.code.trim() === code);
      if (row >= 0) this.form.errors = { ...this.form.errors, [`barcodes.${row}`]: this.taken.get(code)! };
      this.requestUpdate();
    } catch (err) {
      // Not found is the expected answer: the code is free. Anything else is told again when saving.
      if (!(isApiError(err) && err.status === 404)) console.warn(err);
    }
  }

  private check(): Record<string, string> {
    const errors: Record<string, string> = {};
    const d = this.draft;
    if (!d.code.trim()) errors.code = t('catalog.required');
    if (!d.name.trim()) errors.name = t('catalog.required');
    if (!d.vatCategory) errors.vatCategory = t('catalog.required');
    const seen = new Map<string, number>();
    d.barcodes.forEach((b, i) => {
      const code = b.code.trim();
      if (!code) return;
      if (this.taken.has(code)) errors[`barcodes.${i}`] = this.taken.get(code)!;
      else if (seen.has(code)) errors[`barcodes.${i}`] = t('catalog.article.barcodeTwice', { code, row: seen.get(code)! + 1 });
      seen.set(code, i);
    });
    return errors;
  }

  async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (!this.canWrite || this.form.loadError) return;
    // A barcode row left empty is no barcode: it is dropped rather than refused.
    const barcodes = this.draft.barcodes.filter((b) => b.code.trim() !== '');
    if (barcodes.length !== this.draft.barcodes.length) this.form.draft = { ...this.draft, barcodes };
    const d = this.draft;
    const body: Record<string, unknown> = {
      code: d.code.trim(), name: d.name.trim(), description: d.description, familyId: d.familyId, unit: d.unit, vatCategory: d.vatCategory,
      barcodes: d.barcodes.map((b) => ({ code: b.code.trim(), kind: b.kind })), price: d.price, active: d.active,
    };
    let saved: Article | null = null;
    const ok = await this.form.save(() => this.check(), async () => {
      saved = this.isNew
        ? await this.api.post<Article>('/catalog/articles', body)
        : await this.api.patch<Article>(`/catalog/articles/${encodeURIComponent(this.articleId!)}`, { ...body, version: this.article?.version });
      this.setArticle(saved);
      return draftOf(saved);
    });
    if (!ok || !saved) return;
    toast(t('catalog.article.saved', { name: (saved as Article).name }), 'success');
    this.dispatchEvent(new CustomEvent('saved', { detail: { article: saved }, bubbles: true, composed: true }));
  }

  private barcodeErrors(i: number) {
    return Object.entries(this.form.errors)
      .filter(([k]) => k === `barcodes.${i}` || k.startsWith(`barcodes.${i}.`))
      .map(([field, message]) => html`<span class="field-error err" role="alert" data-testid=${`error-${field}`}>${message}</span>`);
  }

  private renderBarcodes(ro: boolean) {
    const d = this.draft;
    const errors = this.form.errors;
    return html`<div class="card">
      <h2 class="section-title">${t('catalog.article.barcodes')}</h2>
      <div class="barcodes">
        ${d.barcodes.length === 0 ? html`<p class="empty-barcodes" data-testid="article-barcodes-empty">${t('catalog.article.noBarcode')}</p>` : nothing}
        ${d.barcodes.map(
          (b, i) => html`<div class="barcode">
            <input class="mono-input" data-testid=${`article-barcode-${i}`} aria-label=${t('catalog.article.barcode', { n: i + 1 })}
              aria-invalid=${Object.keys(errors).some((k) => k === `barcodes.${i}` || k.startsWith(`barcodes.${i}.`)) ? 'true' : 'false'}
              inputmode="numeric" autocomplete="off" .value=${b.code} ?disabled=${ro}
              @input=${(e: Event) => {
                const code = (e.target as HTMLInputElement).value.trim();
                this.setBarcode(i, { code, kind: detectBarcodeKind(code) });
              }}
              @change=${() => void this.checkBarcode(i)} />
            <select data-testid=${`article-barcode-kind-${i}`} aria-label=${t('catalog.article.barcodeKind')} ?disabled=${ro}
              @change=${(e: Event) => this.setBarcode(i, { kind: (e.target as HTMLSelectElement).value as Barcode['kind'] })}>
              ${BARCODE_KINDS.map((k) => html`<option value=${k} ?selected=${b.kind === k}>${t(`catalog.barcodeKind.${k}`)}</option>`)}
            </select>
            ${ro ? nothing : html`<cpt-button variant="ghost" icon="trash" label=${t('catalog.article.removeBarcode')} data-testid=${`article-barcode-remove-${i}`} @click=${() => this.removeBarcode(i)}></cpt-button>`}
            ${this.barcodeErrors(i)}
          </div>`,
        )}
        ${errors.barcodes ? html`<span class="field-error" role="alert" data-testid="error-barcodes">${errors.barcodes}</span>` : nothing}
        ${ro
          ? nothing
          : html`<div>
              <cpt-button icon="plus" data-testid="article-barcode-add" @click=${() => this.addBarcodeRow()}>${t('catalog.article.addBarcode')}</cpt-button>
              <span class="muted scan-hint">${t('catalog.article.scanToAdd')}</span>
            </div>`}
      </div>
    </div>`;
  }

  private renderMain(ro: boolean) {
    const d = this.draft;
    const errors = this.form.errors;
    const set = <K extends keyof Draft>(key: K) => (e: Event) => this.form.set(key, (e.target as HTMLInputElement).value as Draft[K]);
    return html`<div class="card">
      <div class="form-grid">
        <cpt-field label=${t('catalog.article.code')} field="code" .error=${errors.code} required>
          <input class="mono-input" data-testid="article-code" autocomplete="off" spellcheck="false" .value=${d.code} ?disabled=${ro} @input=${set('code')} />
        </cpt-field>
        <cpt-field label=${t('catalog.article.name')} field="name" .error=${errors.name} required>
          <input data-testid="article-name" autocomplete="off" .value=${d.name} ?disabled=${ro} @input=${set('name')} />
        </cpt-field>
        <cpt-field class="wide" label=${t('catalog.article.description')} field="description" .error=${errors.description}>
          <textarea data-testid="article-description" rows="2" .value=${d.description} ?disabled=${ro} @input=${set('description')}></textarea>
        </cpt-field>
        <cpt-field label=${t('catalog.article.family')} field="familyId" .error=${errors.familyId}>
          <select data-testid="article-family" ?disabled=${ro} @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.form.set('familyId', v === '' ? null : Number(v));
          }}>
            <option value="" ?selected=${d.familyId === null}>${t('catalog.article.noFamily')}</option>
            ${familyTree(this.families).map(({ family, depth }) => html`<option value=${String(family.id)} ?selected=${d.familyId === family.id}>${'\u00a0\u00a0'.repeat(depth)}${family.name}</option>`)}
          </select>
        </cpt-field>
        <cpt-field label=${t('catalog.article.unit')} field="unit" .error=${errors.unit}>
          <select data-testid="article-unit" ?disabled=${ro} @change=${set('unit')}>
            ${UNITS.map((u) => html`<option value=${u} ?selected=${d.unit === u}>${t(`catalog.unit.${u}`)}</option>`)}
          </select>
        </cpt-field>
      </div>
    </div>`;
  }

  private renderPricing(ro: boolean) {
    const d = this.draft;
    const errors = this.form.errors;
    const vat = this.vatCategories.find((v) => v.code === d.vatCategory);
    const exclVat = d.price !== null && vat ? Math.round((d.price * 10000) / (10000 + vat.rate)) : null;
    const vatOptions = vat || !d.vatCategory ? this.vatCategories : [...this.vatCategories, { code: d.vatCategory, rate: this.article?.vatRate ?? 0, name: `${d.vatCategory} (${formatRate(this.article?.vatRate ?? 0)})` }];
    return html`<div class="card">
      <h2 class="section-title">${t('catalog.article.pricing')}</h2>
      <div class="form-grid">
        <cpt-field label=${t('catalog.article.vatCategory')} field="vatCategory" .error=${errors.vatCategory} required>
          <select data-testid="article-vat" ?disabled=${ro} @change=${(e: Event) => this.form.set('vatCategory', (e.target as HTMLSelectElement).value)}>
            ${d.vatCategory ? nothing : html`<option value="" selected disabled>${t('catalog.choose')}</option>`}
            ${vatOptions.map((v) => html`<option value=${v.code} ?selected=${d.vatCategory === v.code}>${v.name}</option>`)}
          </select>
        </cpt-field>
        <cpt-field label=${d.unit === 'piece' ? t('catalog.article.priceInclVat') : t('catalog.article.pricePerUnit', { unit: t(`catalog.unitShort.${d.unit}`) })}
          field="price" .error=${errors.price} hint=${exclVat !== null ? t('catalog.article.exclVat', { amount: formatMoney(exclVat) }) : t('catalog.article.priceHint')}>
          <cpt-numeric-field testid="article-price" mode="money" keypad .min=${0} .value=${d.price} ?disabled=${ro}
            @change=${this.form.numeric('price', (v) => this.form.set('price', v))}></cpt-numeric-field>
        </cpt-field>
        <cpt-field label=${t('catalog.status')} field="active" .error=${errors.active}>
          <label class="check">
            <input type="checkbox" data-testid="article-active" .checked=${d.active} ?disabled=${ro}
              @change=${(e: Event) => this.form.set('active', (e.target as HTMLInputElement).checked)} />
            ${t('catalog.article.activeLabel')}
          </label>
        </cpt-field>
      </div>
    </div>`;
  }

  override render() {
    const title = this.isNew ? t('catalog.articles.new') : this.article ? this.article.name : t('catalog.article.title');
    const header = html`<div class="page-header">
      <cpt-button class="back" variant="ghost" icon="back" label=${t('catalog.backToList')} data-testid="article-back" @click=${this.cancel}></cpt-button>
      <h1>${title}</h1>
      ${this.article && !this.article.active ? html`<span class="badge">${t('catalog.inactive')}</span>` : nothing}
      <cpt-zone name="catalog.article.toolbar" layout="inline" .context=${this.zoneContext}></cpt-zone>
    </div>`;
    if (this.form.loading) return html`<div class="page" data-testid="article-editor">${header}<p class="muted">${t('catalog.loading')}</p></div>`;
    if (this.form.loadError) {
      return html`<div class="page" data-testid="article-editor">${header}<div class="alert error" role="alert" data-testid="article-error">${this.form.loadError}</div></div>`;
    }
    const ro = !this.canWrite;
    return html`<div class="page" data-testid="article-editor">
      ${header}
      ${ro ? html`<div class="alert info">${t('catalog.readOnly')}</div>` : nothing}
      <div class="layout">
        <form @submit=${this.save} @keydown=${submitOnEnter} novalidate>
          ${this.renderMain(ro)} ${this.renderPricing(ro)} ${this.renderBarcodes(ro)}
          ${formAlerts(this.form, 'article', () => void this.load())}
          <div class="actions sticky-actions">
            <cpt-button data-testid="article-cancel" @click=${this.cancel}>${ro ? t('catalog.backToList') : t('catalog.cancel')}</cpt-button>
            ${ro ? nothing : html`<cpt-button type="submit" variant="primary" icon="check" data-testid="article-save" ?busy=${this.form.saving}>${t('catalog.save')}</cpt-button>`}
          </div>
        </form>
        <cpt-zone class="aside" name="catalog.article.aside" .context=${this.zoneContext}></cpt-zone>
      </div>
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
