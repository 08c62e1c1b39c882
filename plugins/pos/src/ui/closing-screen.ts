import {
  ApiClient,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formatMoney,
  formatRate,
  hasPermission,
  html,
  i18n,
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
import type { Method } from './types.js';

/** Euro notes and coins, in cents, largest first. */
const DENOMINATIONS = [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1];

/**
 * Till › Closing (route #/pos/closing, permission pos.report): the X report of this station's day (a reading,
 * nothing written: GET /api/pos/reports/x), the cash counted by denomination beside what the drawer should hold,
 * and for pos.close the Z closure (POST /api/pos/closures, with the count, one Idempotency-Key per attempt).
 *
 * Test ids: pos-x, pos-x-sales, pos-x-net, pos-x-payment, pos-x-expected, pos-count-<cents>, pos-counted,
 * pos-difference, pos-explanation, pos-close, pos-z, pos-z-number, pos-closing-error, pos-no-station.
 */
@customElement('cpt-pos-closing')
export class PosClosingScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

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
    css`
      .grid {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 16px;
        align-items: start;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      td,
      th {
        padding: 6px 4px;
        border-bottom: 1px solid var(--cpt-border, #eef0f3);
        text-align: left;
      }
      td.num,
      th.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
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
      .big {
        font-size: 1.75rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .diff-neg {
        color: var(--cpt-danger, #c62828);
      }
      .diff-pos {
        color: #0b7a3e;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 60px;
      }
      @media (max-width: 760px) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.session?.station) return;
    try {
      const [report, methods] = await Promise.all([
        this.api.get<ClosureReport>('/pos/reports/x', { scope: 'station', period: 'day' }),
        this.api.get<Method[]>('/pos/payment-methods'),
      ]);
      this.report = report;
      this.methods = methods;
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private get counted(): number {
    return DENOMINATIONS.reduce((s, d) => s + d * (this.counts[d] ?? 0), 0);
  }

  private methodLabel(code: string): string {
    const m = this.methods.find((x) => x.code === code);
    return m ? (m.label[i18n.language as 'fr' | 'nl' | 'en'] ?? m.label.fr) : code;
  }

  private async close(): Promise<void> {
    if (this.closing) return;
    this.closeKey ??= crypto.randomUUID();
    this.closing = true;
    this.error = '';
    const counts = Object.fromEntries(Object.entries(this.counts).filter(([, n]) => n > 0).map(([d, n]) => [d, n]));
    try {
      this.closed = await this.api.post<ClosureView>('/pos/closures', {
        scope: 'station', period: 'day', cashCount: { counts, ...(this.explanation.trim() ? { explanation: this.explanation.trim() } : {}) },
      }, { headers: { 'Idempotency-Key': this.closeKey } });
      this.closeKey = null;
      toast(t('pos.z.done', { number: this.closed.number }), 'success');
    } catch (err) {
      if (isApiError(err)) this.closeKey = null;
      this.error = errorMessage(err);
    } finally {
      this.closing = false;
    }
  }

  override render() {
    if (!this.session?.station) {
      return html`<div class="page"><div class="card" data-testid="pos-no-station">
        <h2>${t('pos.noStation')}</h2><p class="muted">${t('pos.noStationHelp')}</p>
        ${hasPermission(this.session, 'kernel.stations') ? html`<a href="#/settings/stations" data-testid="pos-register-station">${t('pos.registerStation')}</a>` : nothing}</div></div>`;
    }
    const r = this.closed ?? this.report;
    const expected = r?.cash.expected ?? 0;
    const difference = this.counted - expected;
    const canClose = hasPermission(this.session, 'pos.close');
    return html`<div class="page">
      <div class="page-header"><h1>${this.closed ? t('pos.z.title', { number: this.closed.number }) : t('pos.x.title')}</h1></div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-closing-error">${this.error}</div>` : nothing}
      ${r
        ? html`<div class="grid">
            <div class="card" data-testid=${this.closed ? 'pos-z' : 'pos-x'}>
              ${this.closed ? html`<p data-testid="pos-z-number"><strong>${this.closed.number}</strong></p>` : html`<p class="muted">${t('pos.x.reading')}</p>`}
              <table>
                <tr><td>${t('pos.x.sales', { count: r.sales.count })}</td><td class="num" data-testid="pos-x-sales">${formatMoney(r.sales.total)}</td></tr>
                <tr><td>${t('pos.x.refunds', { count: r.refunds.count })}</td><td class="num">${formatMoney(r.refunds.total)}</td></tr>
                <tr><th>${t('pos.x.net')}</th><th class="num" data-testid="pos-x-net">${formatMoney(r.net)}</th></tr>
              </table>
              <h3>${t('pos.pay.tenders')}</h3>
              <table>
                ${r.payments.map((p) => html`<tr data-testid="pos-x-payment"><td>${this.methodLabel(p.method)} (${p.count})</td><td class="num">${formatMoney(p.amount)}</td></tr>`)}
                ${r.rounding ? html`<tr><td>${t('pos.pay.rounding')}</td><td class="num">${formatMoney(r.rounding)}</td></tr>` : nothing}
              </table>
              <h3>${t('pos.x.vat')}</h3>
              <table>
                ${r.vat.map((v) => html`<tr><td>${formatRate(v.rate)}</td><td class="num">${formatMoney(v.base)}</td><td class="num">${formatMoney(v.vat)}</td></tr>`)}
              </table>
              <h3>${t('pos.x.grandTotals')}</h3>
              <table><tr><td>${t('pos.x.net')}</td><td class="num">${formatMoney(r.grandTotals.net)}</td></tr></table>
              ${r.parked.length ? html`<p class="alert warning">${t('pos.x.parked', { count: r.parked.length })}</p>` : nothing}
            </div>
            <div class="card">
              <h2>${t('pos.count.title')}</h2>
              <div class="counts">
                ${DENOMINATIONS.map((d) => html`<label>${formatMoney(d)}
                  <input type="number" min="0" step="1" inputmode="numeric" data-testid="pos-count-${d}" ?disabled=${Boolean(this.closed)}
                    .value=${String(this.counts[d] ?? '')}
                    @input=${(e: Event) => { const n = Number((e.target as HTMLInputElement).value); this.counts = { ...this.counts, [d]: Number.isInteger(n) && n > 0 ? n : 0 }; }} /></label>`)}
              </div>
              <table>
                <tr><td>${t('pos.count.expected')}</td><td class="num" data-testid="pos-x-expected">${formatMoney(expected)}</td></tr>
                <tr><td>${t('pos.count.counted')}</td><td class="num big" data-testid="pos-counted">${formatMoney(this.counted)}</td></tr>
                <tr><td>${t('pos.count.difference')}</td><td class="num big ${difference < 0 ? 'diff-neg' : difference > 0 ? 'diff-pos' : ''}" data-testid="pos-difference">${formatMoney(difference)}</td></tr>
              </table>
              ${difference !== 0 && !this.closed
                ? html`<label>${t('pos.count.explanation')}<textarea data-testid="pos-explanation" maxlength="500" .value=${this.explanation}
                    @input=${(e: Event) => (this.explanation = (e.target as HTMLTextAreaElement).value)}></textarea></label>`
                : nothing}
              ${canClose && !this.closed
                ? html`<p><cpt-button variant="primary" icon="check" data-testid="pos-close" ?busy=${this.closing} @click=${() => void this.close()}>${t('pos.z.close')}</cpt-button></p>
                    <p class="muted">${t('pos.z.help')}</p>`
                : nothing}
            </div>
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-closing': PosClosingScreen;
  }
}
