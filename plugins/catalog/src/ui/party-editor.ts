import {
  ApiClient,
  FormController,
  LANGUAGES,
  LitElement,
  LocaleController,
  countryName,
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
  type Language,
  type PropertyValues,
  type Session,
} from '@comptoir/shell';
import { editorStyles } from './editor-styles.js';
import type { Party, PartyKind } from './types.js';

type TextField = 'code' | 'name' | 'street' | 'postalCode' | 'city' | 'vatNumber' | 'email' | 'phone';

interface Draft {
  code: string;
  name: string;
  kind: 'person' | 'company';
  street: string;
  postalCode: string;
  city: string;
  country: string;
  vatNumber: string;
  language: Language;
  email: string;
  phone: string;
  active: boolean;
}

const MAIN_COUNTRIES = ['BE', 'FR', 'NL', 'LU', 'DE'];
const OTHER_COUNTRIES = ['AT', 'CH', 'DK', 'ES', 'GB', 'IE', 'IT', 'PL', 'PT', 'SE'];

/**
 * <cpt-catalog-party-editor> — create / edit a customer or a supplier.
 * Properties: api, session, kind ('customer' | 'supplier'), partyId (null = new).
 * Events: `saved` { party }, `cancel`.
 *
 * Test ids (<p> = customer | supplier): <p>-editor, <p>-code, <p>-name, <p>-kind (customers),
 * <p>-street, <p>-postalCode, <p>-city, <p>-country, <p>-vatNumber, <p>-language (customers),
 * <p>-email, <p>-phone, <p>-active, <p>-save, <p>-cancel, <p>-back, <p>-error, <p>-conflict,
 * <p>-reload, error-<field>.
 */
@customElement('cpt-catalog-party-editor')
export class CatalogPartyEditor extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) kind: PartyKind = 'customer';
  @property({ attribute: false }) partyId: string | null = null;

  @state() private party: Party | null = null;
  private i18n = new LocaleController(this);
  private form: FormController<Draft> = new FormController<Draft>(this, this.empty(), {
    fields: ['code', 'name', 'kind', 'street', 'postalCode', 'city', 'country', 'vatNumber', 'language', 'email', 'phone', 'active'],
    onSave: () => void this.save(),
    describe: (): string => this.form.draft.name.trim() || this.party?.name || t(`catalog.${this.plural}.new`),
    focusTarget: (field) => this.renderRoot.querySelector<HTMLElement>(`[data-testid="${this.p}-${field}"]`),
  });

  static override styles = [
    ...editorStyles,
    css`
      .segmented {
        display: inline-flex;
        border: 1px solid var(--cpt-border-strong);
        border-radius: var(--cpt-radius-sm);
        overflow: hidden;
      }
      .segmented label {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-height: 42px;
        padding: 0 16px;
        cursor: pointer;
        background: var(--cpt-surface);
      }
      .segmented label + label {
        border-left: 1px solid var(--cpt-border);
      }
      .segmented label:has(input:checked) {
        background: var(--cpt-primary-soft);
        color: var(--cpt-primary-strong);
        font-weight: 600;
      }
      .segmented label:focus-within {
        outline: 3px solid var(--cpt-focus);
        outline-offset: -3px;
      }
      .segmented input {
        accent-color: var(--cpt-primary);
        width: 18px;
        height: 18px;
        margin: 0;
      }
    `,
  ];

  private get p(): PartyKind {
    return this.kind;
  }

  private get plural(): string {
    return this.kind === 'customer' ? 'customers' : 'suppliers';
  }

  get canWrite(): boolean {
    return hasPermission(this.session, 'catalog.write');
  }

  private empty(): Draft {
    const shop = this.session?.shop;
    return {
      code: '',
      name: '',
      kind: 'person',
      street: '',
      postalCode: '',
      city: '',
      country: shop?.country ?? 'BE',
      vatNumber: '',
      language: (shop?.language as Language) ?? 'fr',
      email: '',
      phone: '',
      active: true,
    };
  }

  private draftOf(p: Party): Draft {
    const e = this.empty();
    return {
      code: p.code ?? '',
      name: p.name ?? '',
      kind: p.kind ?? 'person',
      street: p.street ?? '',
      postalCode: p.postalCode ?? '',
      city: p.city ?? '',
      country: p.country || e.country,
      vatNumber: p.vatNumber ?? '',
      language: p.language ?? e.language,
      email: p.email ?? '',
      phone: p.phone ?? '',
      active: p.active !== false,
    };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('partyId') || changed.has('kind')) void this.load();
  }

  private async load(): Promise<void> {
    if (this.partyId === null) {
      this.party = null;
      this.form.reset(this.empty());
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`[data-testid="${this.p}-name"]`)?.focus());
      return;
    }
    await this.form.load(async () => {
      this.party = await this.api.get<Party>(`/catalog/${this.plural}/${encodeURIComponent(this.partyId!)}`);
      return this.draftOf(this.party);
    });
  }

  async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (!this.canWrite || this.form.loadError) return;
    const d = this.form.draft;
    const body: Record<string, unknown> = {
      code: d.code.trim(), name: d.name.trim(), street: d.street, postalCode: d.postalCode, city: d.city, country: d.country,
      vatNumber: d.vatNumber.trim(), email: d.email.trim(), phone: d.phone.trim(), active: d.active,
      ...(this.kind === 'customer' ? { kind: d.kind, language: d.language } : {}),
    };
    let saved: Party | null = null;
    const ok = await this.form.save((): Record<string, string> => (d.name.trim() ? {} : { name: t('catalog.required') }), async () => {
      saved = this.partyId === null
        ? await this.api.post<Party>(`/catalog/${this.plural}`, body)
        : await this.api.patch<Party>(`/catalog/${this.plural}/${encodeURIComponent(this.partyId)}`, { ...body, version: this.party?.version });
    });
    if (!ok) return;
    toast(t(`catalog.${this.kind}.saved`, { name: (saved as Party | null)?.name ?? d.name }), 'success');
    this.dispatchEvent(new CustomEvent('saved', { detail: { party: saved }, bubbles: true, composed: true }));
  }

  private text(field: TextField, label: string, opts: { type?: string; wide?: boolean; required?: boolean; mono?: boolean; autocomplete?: string; hint?: string } = {}) {
    const ro = !this.canWrite;
    return html`<cpt-field
      class=${opts.wide ? 'wide' : ''}
      label=${label}
      field=${field}
      .error=${this.form.errors[field]}
      hint=${opts.hint ?? ''}
      ?required=${opts.required}
    >
      <input
        class=${opts.mono ? 'mono-input' : ''}
        data-testid=${`${this.p}-${field}`}
        type=${opts.type ?? 'text'}
        autocomplete=${opts.autocomplete ?? 'off'}
        .value=${this.form.draft[field]}
        ?disabled=${ro}
        @input=${(e: Event) => this.form.set(field, (e.target as HTMLInputElement).value)}
      />
    </cpt-field>`;
  }

  private cancel = (): void => {
    this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }));
  };

  override render() {
    const p = this.p;
    const isNew = this.partyId === null;
    const title = isNew ? t(`catalog.${this.plural}.new`) : (this.party?.name ?? t(`catalog.${p}.title`));
    const header = html`<div class="page-header">
      <cpt-button class="back" variant="ghost" icon="back" label=${t('catalog.backToList')} data-testid=${`${p}-back`} @click=${this.cancel}></cpt-button>
      <h1>${title}</h1>
      ${this.party && !this.party.active ? html`<span class="badge">${t('catalog.inactive')}</span>` : nothing}
    </div>`;
    if (this.form.loading) return html`<div class="page" data-testid=${`${p}-editor`}>${header}<p class="muted">${t('catalog.loading')}</p></div>`;
    if (this.form.loadError) {
      return html`<div class="page" data-testid=${`${p}-editor`}>${header}<div class="alert error" role="alert" data-testid=${`${p}-error`}>${this.form.loadError}</div></div>`;
    }
    const d = this.form.draft;
    const errors = this.form.errors;
    const ro = !this.canWrite;
    const countries = [...MAIN_COUNTRIES, ...OTHER_COUNTRIES.sort((a, b) => countryName(a).localeCompare(countryName(b)))];
    if (d.country && !countries.includes(d.country)) countries.push(d.country);

    return html`<div class="page" data-testid=${`${p}-editor`}>
      ${header}
      ${ro ? html`<div class="alert info">${t('catalog.readOnly')}</div>` : nothing}
      <form @submit=${this.save} @keydown=${submitOnEnter} novalidate>
        <div class="card">
          <div class="form-grid">
            ${this.kind === 'customer'
              ? html`<cpt-field class="wide" label=${t('catalog.customer.kind')} field="kind" .error=${errors.kind}>
                  <div class="segmented" role="radiogroup" data-testid="customer-kind">
                    ${(['person', 'company'] as const).map(
                      (k) => html`<label>
                        <input
                          type="radio"
                          name="kind"
                          value=${k}
                          data-testid=${`customer-kind-${k}`}
                          .checked=${d.kind === k}
                          ?disabled=${ro}
                          @change=${() => this.form.set('kind', k)}
                        />
                        ${t(`catalog.customerKind.${k}`)}
                      </label>`,
                    )}
                  </div>
                </cpt-field>`
              : nothing}
            ${this.text('name', t('catalog.party.name'), { required: true, autocomplete: 'off' })}
            ${this.text('code', t('catalog.party.code'), { mono: true, hint: isNew ? t('catalog.party.codeHint') : '' })}
            ${this.kind === 'supplier' || d.kind === 'company'
              ? this.text('vatNumber', t('catalog.party.vatNumber'), {
                  mono: true,
                  hint: d.country === 'FR' || d.country === 'BE' ? t('form.example', { example: d.country === 'FR' ? 'FR40303265045' : 'BE0412345614' }) : '',
                })
              : nothing}
            ${this.kind === 'customer'
              ? html`<cpt-field label=${t('catalog.party.language')} field="language" .error=${errors.language}>
                  <select data-testid="customer-language" ?disabled=${ro} @change=${(e: Event) => this.form.set('language', (e.target as HTMLSelectElement).value as Language)}>
                    ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${d.language === l}>${t(`language.${l}`)}</option>`)}
                  </select>
                </cpt-field>`
              : nothing}
          </div>
        </div>
        <div class="card">
          <h2 class="section-title">${t('catalog.party.address')}</h2>
          <div class="form-grid">
            ${this.text('street', t('catalog.party.street'), { wide: true })} ${this.text('postalCode', t('catalog.party.postalCode'))}
            ${this.text('city', t('catalog.party.city'))}
            <cpt-field label=${t('catalog.party.country')} field="country" .error=${errors.country}>
              <select data-testid=${`${p}-country`} ?disabled=${ro} @change=${(e: Event) => this.form.set('country', (e.target as HTMLSelectElement).value)}>
                ${countries.map((c) => html`<option value=${c} ?selected=${d.country === c}>${countryName(c)}</option>`)}
              </select>
            </cpt-field>
          </div>
        </div>
        <div class="card">
          <h2 class="section-title">${t('catalog.party.contact')}</h2>
          <div class="form-grid">
            ${this.text('email', t('catalog.party.email'), { type: 'email' })} ${this.text('phone', t('catalog.party.phone'), { type: 'tel' })}
            <cpt-field label=${t('catalog.status')} field="active" .error=${errors.active}>
              <label class="check">
                <input type="checkbox" data-testid=${`${p}-active`} .checked=${d.active} ?disabled=${ro} @change=${(e: Event) => this.form.set('active', (e.target as HTMLInputElement).checked)} />
                ${t(`catalog.${p}.activeLabel`)}
              </label>
            </cpt-field>
          </div>
        </div>
        ${formAlerts(this.form, p, () => void this.load())}
        <div class="actions sticky-actions">
          <cpt-button data-testid=${`${p}-cancel`} @click=${this.cancel}>${ro ? t('catalog.backToList') : t('catalog.cancel')}</cpt-button>
          ${ro ? nothing : html`<cpt-button type="submit" variant="primary" icon="check" data-testid=${`${p}-save`} ?busy=${this.form.saving}>${t('catalog.save')}</cpt-button>`}
        </div>
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-catalog-party-editor': CatalogPartyEditor;
  }
}
