import {
  ApiClient,
  ApiError,
  LitElement,
  LocaleController,
  ShortcutController,
  css,
  customElement,
  errorMessage,
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
import { familyTree, type Family } from './types.js';

interface Draft {
  code: string;
  name: string;
  parentId: number | null;
}

const FIELDS = ['code', 'name', 'parentId'];

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

  @state() private draft: Draft = { code: '', name: '', parentId: null };
  @state() private family: Family | null = null;
  @state() private families: Family[] = [];
  @state() private loading = true;
  @state() private saving = false;
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private otherErrors: { field: string; message: string }[] = [];
  @state() private conflict = false;
  @state() private loadError = '';

  private requestId = 0;
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
      .mono-input {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace !important;
        letter-spacing: 0.02em;
      }
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
    this.errors = {};
    this.formError = '';
    this.otherErrors = [];
    this.conflict = false;
    this.loadError = '';
    this.loading = true;
    try {
      const families = await this.api.get<Family[]>('/catalog/families');
      if (id !== this.requestId) return;
      this.families = families ?? [];
      if (this.isNew) {
        this.family = null;
        this.draft = { code: '', name: '', parentId: null };
      } else {
        const family = this.families.find((f) => String(f.id) === this.familyId) ?? null;
        this.family = family;
        if (family) this.draft = { code: family.code, name: family.name, parentId: family.parentId };
        else this.loadError = t('catalog.family.notFound');
      }
    } catch (err) {
      if (id === this.requestId) this.loadError = errorMessage(err);
    } finally {
      if (id === this.requestId) this.loading = false;
    }
    if (id === this.requestId && this.isNew && !this.loadError) void this.updateComplete.then(() => this.focusField('code'));
  }

  private focusField(field: string): void {
    const testid = field === 'parentId' ? 'family-parent' : `family-${field}`;
    this.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${testid}"]`)?.focus();
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft[key] = value;
    if (this.errors[key as string]) {
      const { [key as string]: _removed, ...rest } = this.errors;
      this.errors = rest;
    }
    // Re-render on every change: the path preview under the parent follows the name and the parent.
    this.requestUpdate();
  }

  private validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!this.draft.code.trim()) errors.code = t('catalog.required');
    if (!this.draft.name.trim()) errors.name = t('catalog.required');
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
    const body: Record<string, unknown> = { code: d.code.trim(), name: d.name.trim(), parentId: d.parentId };
    try {
      const saved = this.isNew
        ? await this.api.post<Family>('/catalog/families', body)
        : await this.api.patch<Family>(`/catalog/families/${encodeURIComponent(this.familyId!)}`, { ...body, version: this.family?.version });
      toast(t('catalog.family.saved', { name: saved?.name ?? d.name.trim() }), 'success');
      this.dispatchEvent(new CustomEvent('saved', { detail: { family: saved }, bubbles: true, composed: true }));
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
      const first = FIELDS.find((f) => this.errors[f]);
      if (first) this.focusField(first);
    });
  }

  /** "Boissons > Bières belges > <name>" for the draft, from the chosen parent's path. */
  private previewPath(): string {
    const name = this.draft.name.trim() || '…';
    const parent = this.draft.parentId === null ? null : this.families.find((f) => f.id === this.draft.parentId);
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
    if (this.loading) return html`<div class="page" data-testid="family-editor">${header}<p class="muted">${t('catalog.loading')}</p></div>`;
    if (this.loadError)
      return html`<div class="page" data-testid="family-editor">
        ${header}
        <div class="alert error" role="alert" data-testid="family-error">${this.loadError}</div>
      </div>`;

    const d = this.draft;
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
            <cpt-field label=${t('catalog.family.code')} field="code" .error=${this.errors.code} hint=${t('catalog.family.codeHint')} required>
              <input
                class="mono-input"
                data-testid="family-code"
                autocomplete="off"
                spellcheck="false"
                maxlength="32"
                .value=${d.code}
                ?disabled=${ro}
                @input=${(e: Event) => this.set('code', (e.target as HTMLInputElement).value)}
              />
            </cpt-field>
            <cpt-field label=${t('catalog.family.name')} field="name" .error=${this.errors.name} required>
              <input
                data-testid="family-name"
                autocomplete="off"
                maxlength="120"
                .value=${d.name}
                ?disabled=${ro}
                @input=${(e: Event) => this.set('name', (e.target as HTMLInputElement).value)}
              />
            </cpt-field>
            <cpt-field
              class="wide"
              label=${t('catalog.family.parent')}
              field="parentId"
              .error=${this.errors.parentId}
              hint=${t('catalog.family.pathHint', { path: this.previewPath() })}
            >
              <select
                data-testid="family-parent"
                ?disabled=${ro}
                @change=${(e: Event) => {
                  const v = (e.target as HTMLSelectElement).value;
                  this.set('parentId', v === '' ? null : Number(v));
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

        ${this.conflict
          ? html`<div class="alert warning" role="alert" data-testid="family-conflict">
              ${t('catalog.conflict')}
              <div style="margin-top:8px"><cpt-button data-testid="family-reload" @click=${() => this.load()}>${t('catalog.reload')}</cpt-button></div>
            </div>`
          : nothing}
        ${this.formError
          ? html`<div class="alert error" role="alert" data-testid="family-error">
              ${this.formError}
              ${this.otherErrors.map((o) => html`<div data-testid=${`error-${o.field}`}>${o.field} : ${o.message}</div>`)}
            </div>`
          : nothing}

        <div class="actions">
          <cpt-button data-testid="family-cancel" @click=${this.cancel}>${ro ? t('catalog.backToList') : t('catalog.cancel')}</cpt-button>
          ${ro ? nothing : html`<cpt-button type="submit" variant="primary" icon="check" data-testid="family-save" ?busy=${this.saving}>${t('catalog.save')}</cpt-button>`}
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
