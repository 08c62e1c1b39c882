import {
  ApiClient,
  FormController,
  LitElement,
  LocaleController,
  css,
  customElement,
  formAlerts,
  hasPermission,
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
import { editorStyles } from './editor-styles.js';
import { familyTree, type Family } from './types.js';

interface Draft {
  code: string;
  name: string;
  parentId: number | null;
}

const FIELDS = ['code', 'name', 'parentId'];
const emptyDraft = (): Draft => ({ code: '', name: '', parentId: null });

/**
 * <cpt-catalog-family-editor> — create a family, or rename / move (change the parent of) one.
 * Properties: api, session, familyId (null = new).
 * It reads GET /catalog/families itself (the list gives the family's version and the parents to choose from).
 * Events: `saved` { family }, `cancel`.
 *
 * Test ids: family-editor, family-code, family-name, family-parent, family-save, family-cancel,
 * family-back, family-error, family-conflict, family-reload, error-<field> (error-code, error-name, error-parentId).
 */
@customElement('cpt-catalog-family-editor')
export class CatalogFamilyEditor extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) familyId: string | null = null;

  @state() private family: Family | null = null;
  @state() private families: Family[] = [];

  private requestId = 0;
  private i18n = new LocaleController(this);
  private form: FormController<Draft> = new FormController<Draft>(this, emptyDraft(), {
    fields: FIELDS,
    onSave: () => void this.save(),
    describe: (): string => this.form.draft.name.trim() || this.family?.name || t('catalog.families.new'),
  });

  static override styles = [
    ...editorStyles,
    css`
      .path {
        flex-basis: 100%;
        margin: -8px 0 0 44px;
        font-size: 0.875rem;
      }
    `,
  ];

  get canWrite(): boolean {
    return hasPermission(this.session, 'catalog.write');
  }

  get isNew(): boolean {
    return this.familyId === null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('familyId')) void this.load();
  }

  private async load(): Promise<void> {
    const id = ++this.requestId;
    const loaded = await this.form.load(async () => {
      const families = (await this.api.get<Family[]>('/catalog/families')) ?? [];
      if (id !== this.requestId) return this.form.draft;
      this.families = families;
      this.family = this.isNew ? null : (families.find((f) => String(f.id) === this.familyId) ?? null);
      if (this.isNew) return emptyDraft();
      if (!this.family) throw new Error(t('catalog.family.notFound'));
      return { code: this.family.code, name: this.family.name, parentId: this.family.parentId };
    });
    if (loaded && id === this.requestId && this.isNew) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-testid="family-code"]')?.focus());
  }

  private check(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!this.form.draft.code.trim()) errors.code = t('catalog.required');
    if (!this.form.draft.name.trim()) errors.name = t('catalog.required');
    return errors;
  }

  async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (!this.canWrite || this.form.loadError) return;
    const d = this.form.draft;
    const body = { code: d.code.trim(), name: d.name.trim(), parentId: d.parentId };
    let saved: Family | null = null;
    const ok = await this.form.save(() => this.check(), async () => {
      saved = this.isNew
        ? await this.api.post<Family>('/catalog/families', body)
        : await this.api.patch<Family>(`/catalog/families/${encodeURIComponent(this.familyId!)}`, { ...body, version: this.family?.version });
    });
    if (!ok) return;
    toast(t('catalog.family.saved', { name: (saved as Family | null)?.name ?? body.name }), 'success');
    this.dispatchEvent(new CustomEvent('saved', { detail: { family: saved }, bubbles: true, composed: true }));
  }

  /** "Boissons > Bières belges > <name>" for the draft, from the chosen parent's path. */
  private previewPath(): string {
    const name = this.form.draft.name.trim() || '…';
    const parent = this.form.draft.parentId === null ? null : this.families.find((f) => f.id === this.form.draft.parentId);
    if (!parent) return name;
    return `${parent.path ?? parent.name} > ${name}`;
  }

  override render() {
    const title = this.isNew ? t('catalog.families.new') : this.family ? this.family.name : t('catalog.family.title');
    const header = html`<div class="page-header">
      <cpt-button class="back" variant="ghost" icon="back" label=${t('catalog.backToList')} data-testid="family-back" @click=${this.cancel}></cpt-button>
      <h1>${title}</h1>
      ${this.family?.path && this.family.parentId !== null ? html`<span class="path muted">${this.family.path}</span>` : nothing}
    </div>`;
    if (this.form.loading) return html`<div class="page" data-testid="family-editor">${header}<p class="muted">${t('catalog.loading')}</p></div>`;
    if (this.form.loadError) {
      return html`<div class="page" data-testid="family-editor">${header}<div class="alert error" role="alert" data-testid="family-error">${this.form.loadError}</div></div>`;
    }
    const d = this.form.draft;
    const errors = this.form.errors;
    const ro = !this.canWrite;
    // Every family but this one can be chosen: moving a family under one of its own
    // sub-families is refused by the server, whose message shows under the field.
    const parents = familyTree(this.families).filter(({ family }) => family.id !== this.family?.id);

    return html`<div class="page" data-testid="family-editor">
      ${header}
      ${ro ? html`<div class="alert info">${t('catalog.readOnly')}</div>` : nothing}
      <form @submit=${this.save} @keydown=${submitOnEnter} novalidate>
        <div class="card">
          <div class="form-grid">
            <cpt-field label=${t('catalog.family.code')} field="code" .error=${errors.code} hint=${t('catalog.family.codeHint')} required>
              <input
                class="mono-input"
                data-testid="family-code"
                autocomplete="off"
                spellcheck="false"
                maxlength="32"
                .value=${d.code}
                ?disabled=${ro}
                @input=${(e: Event) => this.form.set('code', (e.target as HTMLInputElement).value)}
              />
            </cpt-field>
            <cpt-field label=${t('catalog.family.name')} field="name" .error=${errors.name} required>
              <input
                data-testid="family-name"
                autocomplete="off"
                maxlength="120"
                .value=${d.name}
                ?disabled=${ro}
                @input=${(e: Event) => this.form.set('name', (e.target as HTMLInputElement).value)}
              />
            </cpt-field>
            <cpt-field
              class="wide"
              label=${t('catalog.family.parent')}
              field="parentId"
              .error=${errors.parentId}
              hint=${t('catalog.family.pathHint', { path: this.previewPath() })}
            >
              <select
                data-testid="family-parent"
                ?disabled=${ro}
                @change=${(e: Event) => {
                  const v = (e.target as HTMLSelectElement).value;
                  this.form.set('parentId', v === '' ? null : Number(v));
                }}
              >
                <option value="" ?selected=${d.parentId === null}>${t('catalog.family.noParent')}</option>
                ${parents.map(
                  ({ family, depth }) =>
                    html`<option value=${String(family.id)} ?selected=${d.parentId === family.id}>${'\u00a0\u00a0'.repeat(depth)}${family.name}</option>`,
                )}
              </select>
            </cpt-field>
          </div>
        </div>

        ${formAlerts(this.form, 'family', () => void this.load())}

        <div class="actions">
          <cpt-button data-testid="family-cancel" @click=${this.cancel}>${ro ? t('catalog.backToList') : t('catalog.cancel')}</cpt-button>
          ${ro ? nothing : html`<cpt-button type="submit" variant="primary" icon="check" data-testid="family-save" ?busy=${this.form.saving}>${t('catalog.save')}</cpt-button>`}
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
    'cpt-catalog-family-editor': CatalogFamilyEditor;
  }
}
