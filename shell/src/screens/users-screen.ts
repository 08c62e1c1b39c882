import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import { LANGUAGES, type Language, type Role, type Session, type UserRecord } from '../api/types.js';
import { LocaleController, t } from '../i18n/i18n.js';
import { errorMessage, toast } from '../notify.js';
import { splitFieldErrors, submitOnEnter } from '../forms.js';
import { sharedStyles } from '../styles.js';
import type { Column } from '../elements/data-table.js';
import '../elements/button.js';
import '../elements/dialog.js';
import '../elements/field.js';
import '../elements/data-table.js';

interface Draft {
  id: number | string | null;
  username: string;
  displayName: string;
  password: string;
  pin: string;
  roles: string[];
  language: Language;
  active: boolean;
}

const FIELDS = ['username', 'displayName', 'password', 'pin', 'roles', 'language', 'active'];

/**
 * Settings › Users (permission kernel.users).
 * Test ids: users-new, users-row (data-key = id), user-dialog, user-username, user-displayName,
 * user-password, user-pin, user-role-<role>, user-language, user-active, user-save, user-cancel,
 * error-<field>, user-form-error.
 */
@customElement('cpt-settings-users')
export class CptSettingsUsers extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private users: UserRecord[] = [];
  @state() private roles: Role[] = [];
  @state() private loading = true;
  @state() private draft: Draft | null = null;
  @state() private saving = false;
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private listError = '';
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      .roles {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 20px;
      }
      .role-perms {
        font-size: 0.75rem;
        color: var(--cpt-muted);
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
      const [users, roles] = await Promise.all([this.api.get<UserRecord[]>('/users'), this.api.get<Role[]>('/roles').catch(() => [] as Role[])]);
      this.users = users;
      this.roles = roles;
    } catch (err) {
      this.listError = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  private edit(u: UserRecord | null): void {
    this.errors = {};
    this.formError = '';
    this.draft = u
      ? { id: u.id, username: u.username, displayName: u.displayName, password: '', pin: '', roles: [...(u.roles ?? [])], language: u.language ?? 'fr', active: u.active !== false }
      : { id: null, username: '', displayName: '', password: '', pin: '', roles: [], language: this.session?.shop?.language ?? 'fr', active: true };
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [key]: value };
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.draft;
    if (!d || this.saving) return;
    const errors: Record<string, string> = {};
    if (!d.username.trim()) errors.username = t('form.required');
    if (!d.displayName.trim()) errors.displayName = t('form.required');
    if (d.pin && !/^[0-9]{4,12}$/.test(d.pin)) errors.pin = t('users.pinFormat');
    if (Object.keys(errors).length) {
      this.errors = errors;
      return;
    }
    this.saving = true;
    this.errors = {};
    this.formError = '';
    try {
      const body: Record<string, unknown> = { displayName: d.displayName.trim(), roles: d.roles, language: d.language };
      if (d.password) body.password = d.password;
      if (d.pin) body.pin = d.pin;
      if (d.id === null) {
        body.username = d.username.trim();
        await this.api.post('/users', body);
      } else {
        body.active = d.active;
        await this.api.patch(`/users/${encodeURIComponent(String(d.id))}`, body);
      }
      toast(t('users.saved', { name: d.displayName.trim() }), 'success');
      this.draft = null;
      await this.load();
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, FIELDS);
      this.errors = fields;
      this.formError = Object.keys(fields).length && !other.length ? '' : [errorMessage(err), ...other.map((o) => `${o.field}: ${o.message}`)].join(' — ');
    } finally {
      this.saving = false;
    }
  }

  private renderForm() {
    const d = this.draft;
    if (!d) return nothing;
    const isNew = d.id === null;
    return html`<form id="user-form" @submit=${this.save} @keydown=${submitOnEnter} novalidate>
      <div class="form-grid">
        <cpt-field label=${t('users.username')} field="username" .error=${this.errors.username} required>
          <input
            data-testid="user-username"
            autocomplete="off"
            autocapitalize="none"
            .value=${d.username}
            ?disabled=${!isNew}
            @input=${(e: Event) => this.set('username', (e.target as HTMLInputElement).value)}
          />
        </cpt-field>
        <cpt-field label=${t('users.displayName')} field="displayName" .error=${this.errors.displayName} required>
          <input data-testid="user-displayName" .value=${d.displayName} @input=${(e: Event) => this.set('displayName', (e.target as HTMLInputElement).value)} />
        </cpt-field>
        <cpt-field label=${t('users.password')} field="password" .error=${this.errors.password} hint=${isNew ? '' : t('users.keepEmpty')}>
          <input
            data-testid="user-password"
            type="password"
            autocomplete="new-password"
            .value=${d.password}
            @input=${(e: Event) => this.set('password', (e.target as HTMLInputElement).value)}
          />
        </cpt-field>
        <cpt-field label=${t('users.pin')} field="pin" .error=${this.errors.pin} hint=${isNew ? t('users.pinHint') : t('users.keepEmpty')}>
          <input
            data-testid="user-pin"
            type="password"
            inputmode="numeric"
            autocomplete="off"
            .value=${d.pin}
            @input=${(e: Event) => this.set('pin', (e.target as HTMLInputElement).value)}
          />
        </cpt-field>
        <cpt-field label=${t('users.language')} field="language" .error=${this.errors.language}>
          <select data-testid="user-language" @change=${(e: Event) => this.set('language', (e.target as HTMLSelectElement).value as Language)}>
            ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${d.language === l}>${t(`language.${l}`)}</option>`)}
          </select>
        </cpt-field>
        ${isNew
          ? nothing
          : html`<cpt-field label=${t('users.status')} field="active" .error=${this.errors.active}>
              <label class="check"
                ><input type="checkbox" data-testid="user-active" .checked=${d.active} @change=${(e: Event) => this.set('active', (e.target as HTMLInputElement).checked)} />
                ${t('users.active')}</label
              >
            </cpt-field>`}
        <cpt-field class="wide" label=${t('users.roles')} field="roles" .error=${this.errors.roles}>
          <div class="roles">
            ${this.roles.map(
              (r) => html`<label class="check" title=${r.permissions.join(', ')}>
                <input
                  type="checkbox"
                  data-testid=${`user-role-${r.name}`}
                  .checked=${d.roles.includes(r.name)}
                  @change=${(e: Event) =>
                    this.set('roles', (e.target as HTMLInputElement).checked ? [...d.roles, r.name] : d.roles.filter((x) => x !== r.name))}
                />
                ${r.name}
              </label>`,
            )}
          </div>
        </cpt-field>
      </div>
      ${this.formError ? html`<div class="alert error" role="alert" data-testid="user-form-error">${this.formError}</div>` : nothing}
    </form>`;
  }

  override render() {
    const columns: Column<UserRecord>[] = [
      { key: 'displayName', label: t('users.displayName') },
      { key: 'username', label: t('users.username'), mono: true },
      { key: 'roles', label: t('users.roles'), priority: 'low', render: (u) => (u.roles ?? []).join(', ') },
      { key: 'language', label: t('users.language'), priority: 'low', render: (u) => (u.language ?? '').toUpperCase() },
      {
        key: 'active',
        label: t('users.status'),
        render: (u) => html`<span class="badge ${u.active === false ? '' : 'success'}">${u.active === false ? t('users.inactive') : t('users.active')}</span>`,
      },
    ];
    return html`<div class="page">
      <div class="page-header">
        <h1>${t('settings.users.title')}</h1>
        <cpt-button variant="primary" icon="plus" data-testid="users-new" @click=${() => this.edit(null)}>${t('users.new')}</cpt-button>
      </div>
      ${this.listError ? html`<div class="alert error" role="alert">${this.listError}</div>` : nothing}
      <cpt-data-table
        testid="users"
        .columns=${columns}
        .rows=${this.users}
        .loading=${this.loading}
        @row-click=${(e: CustomEvent<{ row: UserRecord }>) => this.edit(e.detail.row)}
      ></cpt-data-table>
      <cpt-dialog
        size="large"
        testid="user-dialog"
        heading=${this.draft?.id === null ? t('users.new') : t('users.edit')}
        .open=${this.draft !== null}
        @close=${() => (this.draft = null)}
      >
        ${this.renderForm()}
        <cpt-button slot="footer" data-testid="user-cancel" @click=${() => (this.draft = null)}>${t('form.cancel')}</cpt-button>
        <cpt-button slot="footer" variant="primary" data-testid="user-save" ?busy=${this.saving} @click=${(e: Event) => this.save(e)}>${t('form.save')}</cpt-button>
      </cpt-dialog>
    </div>`;
  }
}
