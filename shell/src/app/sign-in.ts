import { focusWhenShown } from '../util.js';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import { ApiError } from '../api/client.js';
import { type Session, type SignedOutInfo } from '../api/types.js';
import { LocaleController, t } from '../i18n/i18n.js';
import { icon } from '../icons.js';
import { errorDetail, errorMessage } from '../notify.js';
import { submitOnEnter } from '../forms.js';
import { sharedStyles } from '../styles.js';
import '../elements/button.js';
import '../elements/lang-switch.js';
import '../elements/field.js';
import '../elements/keypad.js';
import { initials } from '../util.js';

interface StationUser {
  id: number | string;
  displayName: string;
}

/**
 * <cpt-sign-in> — sign-in screen: username + password, and, on a registered station,
 * a PIN pad (pick your name, type the PIN on the on-screen keypad or the keyboard).
 * Properties: api, info (401 body of GET /api/session: station and shop name).
 * Events: `signed-in` { session }, `language-change` { language }.
 */
@customElement('cpt-sign-in')
export class CptSignIn extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) info: SignedOutInfo | null = null;

  @state() private mode: 'pin' | 'password' = 'password';
  @state() private stationUsers: StationUser[] | null = null;
  @state() private pinUser: StationUser | null = null;
  @state() private pin = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private errorDetail = '';
  @state() private locked = false;

  @query('[data-testid="login-username"]') private usernameInput?: HTMLInputElement;
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        min-height: 100dvh;
        place-items: center;
        padding: 24px 16px;
        background: linear-gradient(160deg, var(--cpt-primary-soft) 0%, var(--cpt-bg) 55%);
      }
      .box {
        width: min(440px, 100%);
      }
      .card {
        padding: 28px;
      }
      .top {
        display: flex;
        align-items: flex-start;
        justify-content: space-between;
        gap: 12px;
        margin-bottom: 20px;
      }
      .shop {
        display: flex;
        gap: 12px;
        align-items: center;
        min-width: 0;
      }
      .mark {
        flex: none;
        width: 44px;
        height: 44px;
        border-radius: 10px;
        display: grid;
        place-items: center;
        background: var(--cpt-primary);
        color: var(--cpt-on-primary);
      }
      .shop h1 {
        font-size: 1.25rem;
        overflow-wrap: anywhere;
      }
      .station {
        font-size: 0.875rem;
        color: var(--cpt-muted);
        display: flex;
        align-items: center;
        gap: 6px;
        margin-top: 2px;
      }
      .tabs {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 4px;
        padding: 4px;
        background: var(--cpt-bg);
        border-radius: var(--cpt-radius);
        margin-bottom: 20px;
      }
      .tabs button {
        font: inherit;
        font-weight: 600;
        min-height: 44px;
        border: 0;
        border-radius: var(--cpt-radius-sm);
        background: transparent;
        color: var(--cpt-muted);
        cursor: pointer;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 8px;
      }
      .tabs button[aria-selected='true'] {
        background: var(--cpt-surface);
        color: var(--cpt-text);
        box-shadow: var(--cpt-shadow);
      }
      .tabs button:focus-visible {
        outline: 3px solid var(--cpt-focus);
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      h2 {
        font-size: 1.125rem;
        margin-bottom: 4px;
      }
      .users {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
        gap: 10px;
      }
      .users button {
        font: inherit;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 8px;
        padding: 14px 8px;
        min-height: 96px;
        border: 1px solid var(--cpt-border);
        border-radius: var(--cpt-radius);
        background: var(--cpt-surface);
        color: var(--cpt-text);
        cursor: pointer;
        font-weight: 500;
        text-align: center;
      }
      .users button:hover {
        border-color: var(--cpt-primary);
      }
      .users button:focus-visible {
        outline: 3px solid var(--cpt-focus);
        outline-offset: 2px;
      }
      .avatar {
        width: 44px;
        height: 44px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: var(--cpt-primary-soft);
        color: var(--cpt-primary);
        font-weight: 700;
      }
      .who {
        display: flex;
        align-items: center;
        gap: 10px;
        margin-bottom: 12px;
      }
      .who .name {
        flex: 1;
        font-weight: 600;
        font-size: 1.0625rem;
      }
      cpt-keypad {
        margin: 0 auto;
      }
      .detail {
        font-size: 0.875rem;
        margin-top: 4px;
        opacity: 0.9;
      }
      .foot {
        text-align: center;
        color: var(--cpt-muted);
        font-size: 0.8125rem;
        margin-top: 16px;
      }
      @media (max-width: 480px) {
        .card {
          padding: 18px;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadStationUsers();
  }

  override firstUpdated(): void {
    focusWhenShown(() => (this.mode === 'password' ? this.usernameInput : null));
  }

  private async loadStationUsers(): Promise<void> {
    try {
      const users = await this.api.get<StationUser[]>('/auth/station-users', undefined, { quiet401: true });
      this.stationUsers = Array.isArray(users) ? users : [];
      if (this.stationUsers.length > 0) this.mode = 'pin';
    } catch {
      // 404 STATION_UNKNOWN: this browser is not a registered station → password only.
      this.stationUsers = null;
    }
  }

  private setMode(mode: 'pin' | 'password'): void {
    this.mode = mode;
    this.clearError();
    this.pin = '';
    if (mode === 'password') void this.updateComplete.then(() => this.usernameInput?.focus());
  }

  private clearError(): void {
    this.error = '';
    this.errorDetail = '';
    this.locked = false;
  }

  private showError(err: unknown, pin = false): void {
    this.error = pin && err instanceof ApiError && err.code === 'AUTH_INVALID' ? t('pin.invalid') : errorMessage(err);
    this.errorDetail = err instanceof ApiError && err.detail && err.detail !== this.error ? err.detail : (errorDetail(err) ?? '');
    // The server's detail may already repeat the message ("Code PIN incorrect. Il vous reste 2 essais."): show it alone.
    if (this.errorDetail && this.errorDetail.toLowerCase().startsWith(this.error.replace(/[.!]$/, '').toLowerCase())) {
      this.error = this.errorDetail;
      this.errorDetail = '';
    }
    this.locked = err instanceof ApiError && err.code === 'PIN_LOCKED';
  }

  private async submitPassword(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!username || !password) {
      this.error = t('login.missing');
      this.errorDetail = '';
      return;
    }
    this.busy = true;
    this.clearError();
    try {
      const session = await this.api.post<Session>('/auth/login', { username, password }, { quiet401: true });
      this.dispatchEvent(new CustomEvent('signed-in', { detail: { session }, bubbles: true, composed: true }));
    } catch (err) {
      this.showError(err);
      const pw = form.querySelector<HTMLInputElement>('[name="password"]');
      if (pw) {
        pw.value = '';
        pw.focus();
      }
    } finally {
      this.busy = false;
    }
  }

  private async submitPin(): Promise<void> {
    if (this.busy || !this.pinUser) return;
    if (!this.pin) {
      this.error = t('pin.missing');
      return;
    }
    this.busy = true;
    this.clearError();
    try {
      const session = await this.api.post<Session>('/auth/pin', { userId: this.pinUser.id, pin: this.pin }, { quiet401: true });
      this.dispatchEvent(new CustomEvent('signed-in', { detail: { session }, bubbles: true, composed: true }));
    } catch (err) {
      this.showError(err, true);
      this.pin = '';
    } finally {
      this.busy = false;
    }
  }

  private chooseUser(u: StationUser | null): void {
    this.pinUser = u;
    this.pin = '';
    this.clearError();
  }

  private renderError(testid: string) {
    if (!this.error) return nothing;
    return html`<div class="alert error" role="alert" data-testid=${testid}>
      ${this.error}${this.errorDetail ? html`<div class="detail" data-testid=${`${testid}-detail`}>${this.errorDetail}</div>` : nothing}
    </div>`;
  }

  private renderPassword() {
    return html`<form @submit=${this.submitPassword} @keydown=${submitOnEnter} data-testid="login-form" novalidate>
      <cpt-field label=${t('login.username')}>
        <input
          name="username"
          data-testid="login-username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          ?disabled=${this.busy}
        />
      </cpt-field>
      <cpt-field label=${t('login.password')}>
        <input name="password" type="password" data-testid="login-password" autocomplete="current-password" ?disabled=${this.busy} />
      </cpt-field>
      ${this.renderError('login-error')}
      <cpt-button type="submit" variant="primary" size="large" data-testid="login-submit" ?busy=${this.busy}>${t('login.submit')}</cpt-button>
    </form>`;
  }

  private renderPin() {
    const users = this.stationUsers ?? [];
    if (!this.pinUser) {
      return html`<div data-testid="pin-users">
        <h2>${t('pin.whoAreYou')}</h2>
        <p class="muted" style="margin:0 0 12px">${t('pin.chooseName')}</p>
        <div class="users">
          ${users.map(
            (u) => html`<button type="button" data-testid=${`pin-user-${u.id}`} @click=${() => this.chooseUser(u)}>
              <span class="avatar" aria-hidden="true">${initials(u.displayName)}</span>
              <span>${u.displayName}</span>
            </button>`,
          )}
        </div>
      </div>`;
    }
    return html`<div data-testid="pin-entry">
      <div class="who">
        <span class="avatar" aria-hidden="true">${initials(this.pinUser.displayName)}</span>
        <span class="name" data-testid="pin-user-name">${this.pinUser.displayName}</span>
        <cpt-button variant="ghost" icon="back" data-testid="pin-change-user" @click=${() => this.chooseUser(null)}>${t('pin.changeUser')}</cpt-button>
      </div>
      ${this.renderError('pin-error')}
      <cpt-keypad
        style="margin-top:12px"
        testid="pin"
        masked
        keyboard
        .maxLength=${12}
        .value=${this.pin}
        ?disabled=${this.busy || this.locked}
        okLabel=${t('pin.submit')}
        @keypad-input=${(e: CustomEvent<{ value: string }>) => {
          this.pin = e.detail.value;
          if (this.error && !this.locked) this.clearError();
        }}
        @keypad-submit=${() => this.submitPin()}
      ></cpt-keypad>
    </div>`;
  }

  override render() {
    const info = this.info;
    const hasPin = (this.stationUsers?.length ?? 0) > 0;
    return html`<div class="box">
      <div class="card">
        <div class="top">
          <div class="shop">
            <span class="mark">${icon('store', 24)}</span>
            <div>
              <h1 data-testid="signin-shop">${info?.shop?.name || 'Comptoir'}</h1>
              ${info?.station
                ? html`<div class="station" data-testid="signin-station">
                    ${icon('monitor', 16)} ${t('header.stationName', { number: info.station.number, name: info.station.name })}
                  </div>`
                : nothing}
            </div>
          </div>
          <cpt-lang-switch></cpt-lang-switch>
        </div>
        ${hasPin
          ? html`<div class="tabs" role="tablist">
              <button
                type="button"
                role="tab"
                data-testid="signin-tab-pin"
                aria-selected=${this.mode === 'pin' ? 'true' : 'false'}
                @click=${() => this.setMode('pin')}
              >
                ${icon('calculator', 18)} ${t('login.tabPin')}
              </button>
              <button
                type="button"
                role="tab"
                data-testid="signin-tab-password"
                aria-selected=${this.mode === 'password' ? 'true' : 'false'}
                @click=${() => this.setMode('password')}
              >
                ${icon('key', 18)} ${t('login.tabPassword')}
              </button>
            </div>`
          : html`<h2 style="margin-bottom:16px">${t('login.title')}</h2>`}
        ${hasPin && this.mode === 'pin' ? this.renderPin() : this.renderPassword()}
      </div>
      <div class="foot">Comptoir</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-sign-in': CptSignIn;
  }
}
