import {
  ApiClient,
  LitElement,
  LocaleController,
  customElement,
  errorMessage,
  formatDateTime,
  formatMoney,
  hasPermission,
  html,
  isApiError,
  nothing,
  parseMoney,
  property,
  sharedStyles,
  state,
  t,
  toast,
  type Session,
} from '@comptoir/shell';
import type { CashMovementView } from '../services/cash.service.js';
import type { ClosureReport } from '../services/closure.service.js';
import { backStyles, noStationCard } from './back-office.js';

type Kind = 'float' | 'deposit' | 'withdrawal';
const KINDS: readonly Kind[] = ['float', 'deposit', 'withdrawal'];

/**
 * Till › Cash (route #/pos/cash, permission pos.cash): the opening float, cash deposits and withdrawals with a
 * reason (POST /api/pos/cash/movements, one Idempotency-Key per attempt), the drawer opened without a sale
 * (pos.drawer, reason required: POST /api/pos/cash/drawer), the station's movements of the day and, for
 * pos.report, the cash the drawer should hold.
 *
 * Test ids: pos-cash-kind-<kind>, pos-cash-amount, pos-cash-reason, pos-cash-save, pos-cash-error,
 * pos-drawer-reason, pos-drawer-open, pos-drawer-denied, pos-cash-row, pos-cash-empty, pos-cash-expected.
 */
@customElement('cpt-pos-cash')
export class PosCashScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private kind: Kind = 'float';
  @state() private amountText = '';
  @state() private reason = '';
  @state() private drawerReason = '';
  @state() private movements: CashMovementView[] = [];
  @state() private expected: number | null = null;
  @state() private error = '';
  @state() private busy = false;
  private key: string | null = null;
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, backStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session?.station) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.movements = await this.api.get<CashMovementView[]>('/pos/cash/movements');
      if (hasPermission(this.session, 'pos.report')) this.expected = (await this.api.get<ClosureReport>('/pos/reports/x', { scope: 'station', period: 'day' })).cash.expected;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private get amount(): number | null {
    const cents = parseMoney(this.amountText);
    return cents !== null && cents > 0 ? cents : null;
  }

  private async save(): Promise<void> {
    if (this.busy || this.amount === null) return;
    this.key ??= crypto.randomUUID();
    this.busy = true;
    this.error = '';
    try {
      const m = await this.api.post<CashMovementView>('/pos/cash/movements', { kind: this.kind, amount: this.amount, ...(this.reason.trim() ? { reason: this.reason.trim() } : {}) },
        { headers: { 'Idempotency-Key': this.key } });
      this.key = null;
      toast(t('pos.cash.saved', { kind: t(`pos.cash.kind.${m.kind}`), amount: formatMoney(Math.abs(m.amount)) }), 'success');
      this.amountText = '';
      this.reason = '';
      await this.load();
    } catch (err) {
      if (isApiError(err)) this.key = null;
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private async openDrawer(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await this.api.post('/pos/cash/drawer', { reason: this.drawerReason.trim() });
      toast(t('pos.drawer.done'), 'success');
      this.drawerReason = '';
      await this.load();
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.session?.station) return noStationCard(this.session);
    const canDrawer = hasPermission(this.session, 'pos.drawer');
    const needsReason = this.kind !== 'float';
    return html`<div class="page">
      <div class="page-header"><h1>${t('pos.cash.title')}</h1></div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-cash-error">${this.error}</div>` : nothing}
      <div class="grid">
        <div class="card">
          <h2>${t('pos.cash.movements')}</h2>
          ${this.expected !== null ? html`<div class="muted">${t('pos.count.expected')}</div><div class="big" data-testid="pos-cash-expected">${formatMoney(this.expected)}</div>` : nothing}
          ${this.movements.length
            ? html`<table>
                ${this.movements.map((m) => html`<tr data-testid="pos-cash-row">
                  <td class="hide-narrow">${formatDateTime(m.at)}</td><td>${t(`pos.cash.kind.${m.kind}`)}<br /><small class="muted">${m.reason}</small></td>
                  <td class="num ${m.amount < 0 ? 'neg' : ''}">${m.kind === 'no-sale' ? '—' : formatMoney(m.amount)}</td></tr>`)}
              </table>`
            : html`<p class="muted" data-testid="pos-cash-empty">${t('pos.cash.none')}</p>`}
        </div>
        <div class="stack">
          <div class="card">
            <h2>${t('pos.cash.new')}</h2>
            <div class="tabs" role="group">
              ${KINDS.map((k) => html`<cpt-button data-testid="pos-cash-kind-${k}" variant=${this.kind === k ? 'primary' : 'secondary'}
                @click=${() => { this.kind = k; this.key = null; }}>${t(`pos.cash.kind.${k}`)}</cpt-button>`)}
            </div>
            <label>${t('pos.pay.amount')}
              <input class="amount" style="width:100%" data-testid="pos-cash-amount" inputmode="decimal" autocomplete="off" .value=${this.amountText}
                @input=${(e: Event) => { this.amountText = (e.target as HTMLInputElement).value; this.key = null; }} /></label>
            <label>${needsReason ? t('pos.cash.reasonRequired') : t('pos.cash.reason')}
              <input style="width:100%;min-height:44px" data-testid="pos-cash-reason" maxlength="200" .value=${this.reason}
                @input=${(e: Event) => { this.reason = (e.target as HTMLInputElement).value; this.key = null; }} /></label>
            <p><cpt-button variant="primary" icon="check" data-testid="pos-cash-save" ?busy=${this.busy}
              ?disabled=${this.amount === null || (needsReason && !this.reason.trim())} @click=${() => void this.save()}>${t(`pos.cash.save.${this.kind}`)}</cpt-button></p>
          </div>
          <div class="card">
            <h2>${t('pos.drawer.title')}</h2>
            ${canDrawer
              ? html`<label>${t('pos.cash.reasonRequired')}<input style="width:100%;min-height:44px" data-testid="pos-drawer-reason" maxlength="200" .value=${this.drawerReason}
                    @input=${(e: Event) => (this.drawerReason = (e.target as HTMLInputElement).value)} /></label>
                  <p><cpt-button icon="key" data-testid="pos-drawer-open" ?disabled=${!this.drawerReason.trim()} ?busy=${this.busy} @click=${() => void this.openDrawer()}>${t('pos.drawer.open')}</cpt-button></p>`
              : html`<p class="muted" data-testid="pos-drawer-denied">${t('pos.drawer.denied')}</p>`}
          </div>
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-cash': PosCashScreen;
  }
}
