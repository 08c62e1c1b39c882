import {
  ApiClient,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formatMoney,
  hasPermission,
  html,
  isApiError,
  nothing,
  property,
  sharedStyles,
  state,
  t,
  toast,
  type Session,
} from '@comptoir/shell';
import type { ClosureReport, ClosureView } from '../services/closure.service.js';
import { backStyles, noStationCard, today } from './back-office.js';
import { closureSeal, periodLabel, reportFigures } from './closure-report.js';
import type { Method } from './types.js';
import './closure-list.js';

/** Euro notes and coins, in cents, largest first. */
const DENOMINATIONS = [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1];
type Scope = 'station' | 'shop';
type PeriodKind = 'day' | 'month' | 'year' | 'period';

/**
 * Till › Closing (route #/pos/closing, permission pos.report): the X report (a reading, nothing written: GET
 * /api/pos/reports/x) of this station or the shop over a day, month, year or any period; for a station's day the
 * cash counted by denomination beside what the drawer should hold; for pos.close the Z closure (POST
 * /api/pos/closures, one Idempotency-Key per attempt) and its PDF; below, the past Zs (closure-list.ts).
 *
 * Test ids: pos-scope-<station|shop>, pos-period-<kind>, pos-period-date, pos-period-to, pos-x, pos-x-sales,
 * pos-x-net, pos-x-payment, pos-x-expected, pos-x-grand-net, pos-count-<cents>, pos-counted, pos-difference,
 * pos-explanation, pos-close, pos-z, pos-z-number, pos-z-pdf, pos-z-again, pos-closing-error, pos-no-station.
 */
@customElement('cpt-pos-closing')
export class PosClosingScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private scope: Scope = 'station';
  @state() private period: PeriodKind = 'day';
  @state() private date = today();
  @state() private to = today();
  @state() private report: ClosureReport | null = null;
  @state() private methods: Method[] = [];
  @state() private counts: Record<number, number> = {};
  @state() private explanation = '';
  @state() private error = '';
  @state() private closing = false;
  @state() private closed: ClosureView | null = null;
  private closeKey: string | null = null;
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    backStyles,
    css`
      .counts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
        gap: 8px;
        margin-bottom: 12px;
      }
      .counts label {
        display: grid;
        gap: 2px;
        font-size: 0.9rem;
      }
      .counts input {
        text-align: right;
        min-height: 44px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.session?.station) return;
    void this.api.get<Method[]>('/pos/payment-methods').then((m) => (this.methods = m), (err) => (this.error = errorMessage(err)));
    void this.load();
  }

  private get query() {
    return { scope: this.scope, period: this.period, date: this.date, ...(this.period === 'period' ? { to: this.to } : {}) };
  }

  /** The cash is counted for a station's day only: the drawer is the station's. */
  private get counting(): boolean {
    return this.scope === 'station' && this.period === 'day';
  }

  /** Counts the readings asked for: an answer to an older choice (scope, period) is dropped. */
  private asked = 0;

  private async load(): Promise<void> {
    this.closed = null;
    this.closeKey = null;
    const asked = ++this.asked;
    try {
      const report = await this.api.get<ClosureReport>('/pos/reports/x', this.query);
      if (asked !== this.asked) return;
      this.report = report;
      this.error = '';
    } catch (err) {
      if (asked !== this.asked) return;
      this.report = null;
      this.error = errorMessage(err);
    }
  }

  private choose(change: Partial<{ scope: Scope; period: PeriodKind; date: string; to: string }>): void {
    Object.assign(this, change);
    void this.load();
  }

  private get counted(): number {
    return DENOMINATIONS.reduce((s, d) => s + d * (this.counts[d] ?? 0), 0);
  }

  private async close(): Promise<void> {
    if (this.closing) return;
    this.closeKey ??= crypto.randomUUID();
    this.closing = true;
    this.error = '';
    const counts = Object.fromEntries(Object.entries(this.counts).filter(([, n]) => n > 0).map(([d, n]) => [d, n]));
    try {
      this.closed = await this.api.post<ClosureView>('/pos/closures', {
        ...this.query,
        ...(this.counting ? { cashCount: { counts, ...(this.explanation.trim() ? { explanation: this.explanation.trim() } : {}) } } : {}),
      }, { headers: { 'Idempotency-Key': this.closeKey } });
      this.closeKey = null;
      toast(t('pos.z.done', { number: this.closed.number }), 'success');
      this.renderRoot.querySelector('cpt-pos-closure-list')?.reload();
    } catch (err) {
      if (isApiError(err)) this.closeKey = null;
      this.error = errorMessage(err);
    } finally {
      this.closing = false;
    }
  }

  override render() {
    if (!this.session?.station) return noStationCard(this.session);
    const r = this.closed ?? this.report;
    return html`<div class="page">
      <div class="page-header"><h1>${this.closed ? t('pos.z.title', { number: this.closed.number }) : t('pos.zr.xTitle')}</h1></div>
      ${this.renderChooser()}
      ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-closing-error">${this.error}</div>` : nothing}
      ${r
        ? html`<div class="grid">
            <div class="card" data-testid=${this.closed ? 'pos-z' : 'pos-x'}>
              ${this.closed
                ? html`<p class="row"><strong data-testid="pos-z-number" class="grow">${this.closed.number}</strong>
                    <a href=${`/api/pos/closures/${this.closed.id}/print?format=pdf`} target="_blank" download=${`${this.closed.number}.pdf`} data-testid="pos-z-pdf">${t('pos.zr.pdf')}</a></p>`
                : html`<p class="muted">${t('pos.zr.reading', { what: this.scope === 'shop' ? t('pos.scope.shop') : (this.session.station?.name ?? ''), period: periodLabel(r.period) })}</p>`}
              ${reportFigures(r, this.methods, !this.closed)}
              ${this.closed ? closureSeal(this.closed) : nothing}
            </div>
            ${this.renderCount(r)}
          </div>`
        : nothing}
      <cpt-pos-closure-list .api=${this.api} .methods=${this.methods}></cpt-pos-closure-list>
    </div>`;
  }

  private renderChooser() {
    return html`<div class="card">
      <div class="row">
        <div class="tabs" role="group" aria-label=${t('pos.zr.scope')}>
          ${(['station', 'shop'] as const).map((s) => html`<cpt-button data-testid="pos-scope-${s}" variant=${this.scope === s ? 'primary' : 'secondary'}
            @click=${() => this.choose({ scope: s })}>${t(`pos.scope.${s}`)}</cpt-button>`)}
        </div>
        <div class="tabs" role="group" aria-label=${t('pos.zr.period')}>
          ${(['day', 'month', 'year', 'period'] as const).map((p) => html`<cpt-button data-testid="pos-period-${p}" variant=${this.period === p ? 'primary' : 'secondary'}
            @click=${() => this.choose({ period: p })}>${t(`pos.period.${p}`)}</cpt-button>`)}
        </div>
      </div>
      <div class="row">
        <label>${this.period === 'period' ? t('pos.zr.from') : t('pos.zr.date')}
          <input type="date" data-testid="pos-period-date" .value=${this.date} @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v) this.choose({ date: v }); }} /></label>
        ${this.period === 'period'
          ? html`<label>${t('pos.zr.to')}<input type="date" data-testid="pos-period-to" .value=${this.to} min=${this.date}
              @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v) this.choose({ to: v }); }} /></label>`
          : nothing}
      </div>
    </div>`;
  }

  private renderCount(r: ClosureReport) {
    const canClose = hasPermission(this.session, 'pos.close');
    const expected = r.cash.expected;
    const difference = this.counted - expected;
    const count = this.counting
      ? html`<h2>${t('pos.count.title')}</h2>
          <div class="counts">
            ${DENOMINATIONS.map((d) => html`<label>${formatMoney(d)}
              <input type="number" min="0" step="1" inputmode="numeric" data-testid="pos-count-${d}" ?disabled=${Boolean(this.closed)}
                .value=${String(this.counts[d] ?? '')}
                @input=${(e: Event) => { const n = Number((e.target as HTMLInputElement).value); this.counts = { ...this.counts, [d]: Number.isInteger(n) && n > 0 ? n : 0 }; }} /></label>`)}
          </div>
          <table>
            <tr><td>${t('pos.count.expected')}</td><td class="num" data-testid="pos-x-expected">${formatMoney(expected)}</td></tr>
            <tr><td>${t('pos.count.counted')}</td><td class="num big" data-testid="pos-counted">${formatMoney(this.counted)}</td></tr>
            <tr><td>${t('pos.count.difference')}</td><td class="num big ${difference < 0 ? 'neg' : difference > 0 ? 'pos' : ''}" data-testid="pos-difference">${formatMoney(difference)}</td></tr>
          </table>
          ${difference !== 0 && !this.closed
            ? html`<label>${t('pos.count.explanation')}<textarea data-testid="pos-explanation" maxlength="500" .value=${this.explanation}
                @input=${(e: Event) => (this.explanation = (e.target as HTMLTextAreaElement).value)}></textarea></label>`
            : nothing}`
      : html`<p class="muted">${t('pos.zr.noCount')}</p>`;
    return html`<div class="card">
      ${count}
      ${canClose && !this.closed
        ? html`<p><cpt-button variant="primary" icon="check" data-testid="pos-close" ?busy=${this.closing} @click=${() => void this.close()}>${t('pos.zr.close', { period: periodLabel(r.period) })}</cpt-button></p>
            <p class="muted">${t('pos.zr.help')}</p>`
        : nothing}
      ${this.closed ? html`<p><cpt-button icon="back" data-testid="pos-z-again" @click=${() => void this.load()}>${t('pos.zr.back')}</cpt-button></p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-closing': PosClosingScreen;
  }
}
