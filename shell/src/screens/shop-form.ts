import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import { LANGUAGES, type ShopSettings } from '../api/types.js';
import { LocaleController, countryName, t } from '../i18n/i18n.js';
import { errorMessage, toast } from '../notify.js';
import { imageFileToDataUrl, splitFieldErrors, submitOnEnter } from '../forms.js';
import { sharedStyles } from '../styles.js';
import '../elements/button.js';
import '../elements/field.js';

const FIELDS = ['name', 'street', 'postalCode', 'city', 'country', 'vatNumber', 'email', 'phone', 'currency', 'language', 'logo'] as const;
const COUNTRIES = ['BE', 'FR'] as const;
const CURRENCIES = ['EUR'];

function emptyShop(): ShopSettings {
  return { name: '', street: '', postalCode: '', city: '', country: 'BE', vatNumber: '', email: '', phone: '', currency: 'EUR', language: 'fr', logo: null };
}

/**
 * <cpt-shop-form> — shop identity form (GET/PUT /api/shop), used by the first-run setup and
 * by Settings › Shop. Properties: api, setup (first-run wording). Events: `saved` { shop }.
 * Test ids: shop-<field> on inputs, shop-logo (file input), shop-logo-remove, shop-save,
 * error-<field>, shop-form-error.
 */
@customElement('cpt-shop-form')
export class CptShopForm extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Boolean }) setup = false;

  @state() private shop: ShopSettings = emptyShop();
  @state() private loading = true;
  @state() private saving = false;
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 20px;
      }
      .logo {
        display: flex;
        align-items: center;
        gap: 16px;
        flex-wrap: wrap;
      }
      .logo .preview {
        width: 96px;
        height: 96px;
        border: 1px dashed var(--cpt-border-strong);
        border-radius: var(--cpt-radius);
        display: grid;
        place-items: center;
        background: var(--cpt-bg);
        overflow: hidden;
        color: var(--cpt-muted);
        font-size: 0.75rem;
        text-align: center;
      }
      .logo img {
        max-width: 100%;
        max-height: 100%;
        object-fit: contain;
      }
      .file {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 16px;
        border: 1px solid var(--cpt-border-strong);
        border-radius: var(--cpt-radius-sm);
        background: var(--cpt-surface);
        cursor: pointer;
        font-weight: 500;
      }
      .file:focus-within {
        outline: 3px solid var(--cpt-focus);
        outline-offset: 2px;
      }
      .file input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      const shop = await this.api.get<ShopSettings>('/shop');
      this.shop = { ...emptyShop(), ...Object.fromEntries(Object.entries(shop ?? {}).filter(([, v]) => v !== null && v !== undefined)) } as ShopSettings;
      if (shop && 'logo' in shop) this.shop.logo = shop.logo ?? null;
    } catch (err) {
      this.formError = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  private set<K extends keyof ShopSettings>(key: K, value: ShopSettings[K]): void {
    this.shop = { ...this.shop, [key]: value };
    if (this.errors[key as string]) {
      const { [key as string]: _removed, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private async pickLogo(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      this.errors = { ...this.errors, logo: t('shop.logoNotImage') };
      return;
    }
    try {
      this.set('logo', await imageFileToDataUrl(file));
    } catch {
      this.errors = { ...this.errors, logo: t('shop.logoNotImage') };
    }
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.saving) return;
    const errors: Record<string, string> = {};
    if (!this.shop.name.trim()) errors.name = t('form.required');
    if (Object.keys(errors).length) {
      this.errors = errors;
      return;
    }
    this.saving = true;
    this.errors = {};
    this.formError = '';
    try {
      const body = {
        name: this.shop.name.trim(),
        street: this.shop.street,
        postalCode: this.shop.postalCode,
        city: this.shop.city,
        country: this.shop.country,
        vatNumber: this.shop.vatNumber,
        email: this.shop.email,
        phone: this.shop.phone,
        currency: this.shop.currency,
        language: this.shop.language,
        logo: this.shop.logo ?? null,
      };
      const saved = await this.api.put<ShopSettings>('/shop', body);
      toast(t('shop.saved'), 'success');
      this.dispatchEvent(new CustomEvent('saved', { detail: { shop: saved ?? body }, bubbles: true, composed: true }));
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, [...FIELDS]);
      this.errors = fields;
      this.formError = Object.keys(fields).length && !other.length ? '' : [errorMessage(err), ...other.map((o) => `${o.field}: ${o.message}`)].join(' — ');
    } finally {
      this.saving = false;
    }
  }

  private input(field: 'name' | 'street' | 'postalCode' | 'city' | 'vatNumber' | 'email' | 'phone', label: string, opts: { type?: string; wide?: boolean; required?: boolean; hint?: string; autocomplete?: string } = {}) {
    return html`<cpt-field
      class=${opts.wide ? 'wide' : ''}
      label=${label}
      field=${field}
      .error=${this.errors[field]}
      hint=${opts.hint ?? ''}
      ?required=${opts.required}
    >
      <input
        data-testid=${`shop-${field}`}
        type=${opts.type ?? 'text'}
        autocomplete=${opts.autocomplete ?? 'off'}
        .value=${(this.shop[field] as string) ?? ''}
        @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}
      />
    </cpt-field>`;
  }

  override render() {
    if (this.loading) return html`<p class="muted">${t('shell.loading')}</p>`;
    const s = this.shop;
    return html`<form @submit=${this.submit} @keydown=${submitOnEnter} novalidate data-testid="shop-form">
      <div class="form-grid">
        ${this.input('name', t('shop.name'), { wide: true, required: true, autocomplete: 'organization' })}
        ${this.input('street', t('shop.street'), { wide: true, autocomplete: 'street-address' })}
        ${this.input('postalCode', t('shop.postalCode'), { autocomplete: 'postal-code' })} ${this.input('city', t('shop.city'))}
        <cpt-field label=${t('shop.country')} field="country" .error=${this.errors.country}>
          <select data-testid="shop-country" @change=${(e: Event) => this.set('country', (e.target as HTMLSelectElement).value as 'BE' | 'FR')}>
            ${COUNTRIES.map((c) => html`<option value=${c} ?selected=${s.country === c}>${countryName(c)}</option>`)}
          </select>
        </cpt-field>
        ${this.input('vatNumber', t('shop.vatNumber'), { hint: t('form.example', { example: s.country === 'FR' ? 'FR40303265045' : 'BE0412345614' }) })}
        ${this.input('email', t('shop.email'), { type: 'email', autocomplete: 'email' })}
        ${this.input('phone', t('shop.phone'), { type: 'tel', autocomplete: 'tel' })}
        <cpt-field label=${t('shop.currency')} field="currency" .error=${this.errors.currency}>
          <select data-testid="shop-currency" @change=${(e: Event) => this.set('currency', (e.target as HTMLSelectElement).value)}>
            ${[...new Set([...CURRENCIES, s.currency])].map((c) => html`<option value=${c} ?selected=${s.currency === c}>${c}</option>`)}
          </select>
        </cpt-field>
        <cpt-field label=${t('shop.language')} field="language" .error=${this.errors.language} hint=${t('shop.languageHint')}>
          <select data-testid="shop-language" @change=${(e: Event) => this.set('language', (e.target as HTMLSelectElement).value as 'fr')}>
            ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${s.language === l}>${t(`language.${l}`)}</option>`)}
          </select>
        </cpt-field>
        <cpt-field class="wide" label=${t('shop.logo')} field="logo" .error=${this.errors.logo}>
          <div class="logo">
            <div class="preview">${s.logo ? html`<img src=${s.logo} alt=${t('shop.logo')} data-testid="shop-logo-preview" />` : t('shop.noLogo')}</div>
            <label class="file">
              <input type="file" accept="image/png,image/jpeg,image/svg+xml,image/webp" data-testid="shop-logo" @change=${this.pickLogo} />
              ${t('shop.chooseLogo')}
            </label>
            ${s.logo
              ? html`<cpt-button variant="ghost" icon="trash" data-testid="shop-logo-remove" @click=${() => this.set('logo', null)}>${t('shop.removeLogo')}</cpt-button>`
              : nothing}
          </div>
        </cpt-field>
      </div>
      ${this.formError ? html`<div class="alert error" role="alert" data-testid="shop-form-error">${this.formError}</div>` : nothing}
      <div class="actions">
        <cpt-button type="submit" variant="primary" size=${this.setup ? 'large' : 'normal'} data-testid="shop-save" ?busy=${this.saving}
          >${this.setup ? t('setup.submit') : t('form.save')}</cpt-button
        >
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-shop-form': CptShopForm;
  }
}
