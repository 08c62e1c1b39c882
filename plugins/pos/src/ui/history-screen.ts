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
  i18n,
  isApiError,
  navigate,
  nothing,
  parseMoney,
  property,
  sharedStyles,
  state,
  t,
  toast,
  type Session,
} from '@comptoir/shell';
import type { HistoryRow } from '../services/ticket-history.js';
import { backStyles, methodLabel, noStationCard, printFrame, receiptHtml, today } from './back-office.js';
import { withApproval } from './approval-dialog.js';
import './customer-picker.js';
import { cashRounded, cashStepOf, quantityText, type Method, type Ticket } from './types.js';

/**
 * Till › Tickets (route #/pos/history, permission pos.sell): the paid tickets and refunds of a day, this station's
 * or the shop's (GET /api/pos/tickets/history). A ticket opens with its lines, payments and receipt preview; from
 * there: reprint (pos.reprint: POST …/reprint, printed DUPLICATA n), correct the payment methods (pos.correct:
 * new tenders settling the ticket's total, the cash part rounded, with a reason: POST …/payments/correct), or refund it (the refund
 * screen with its number).
 *
 * Test ids: pos-history-scope-<station|shop>, pos-history-date, pos-history-row, pos-history-empty,
 * pos-history-error, pos-ticket-dialog, pos-ticket-line, pos-ticket-payment, pos-ticket-frame, pos-ticket-reprint, pos-ticket-invoice (invoicing's "make an invoice", with the customer dialog),
 * pos-ticket-print, pos-ticket-correct, pos-ticket-refund, pos-correct-<code>, pos-correct-left, pos-correct-reason,
 * pos-correct-confirm, pos-correct-error.
 */
@customElement('cpt-pos-history')
export class PosHistoryScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private scope: 'station' | 'shop' = 'station';
  @state() private day = today();
  @state() private rows: HistoryRow[] = [];
  @state() private methods: Method[] = [];
  @state() private error = '';
  @state() private open: Ticket | null = null;
  @state() private receipt = '';
  @state() private correcting = false;
  @state() private amounts: Record<string, string> = {};
  @state() private reason = '';
  @state() private dialogError = '';
  @state() private busy = false;
  /** The customer dialog of "make an invoice" is open. */
  @state() private invoicing = false;
  private correctKey: string | null = null;
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, backStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.session?.station) return;
    void this.api.get<Method[]>('/pos/payment-methods').then((m) => (this.methods = m), () => undefined);
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.rows = await this.api.get<HistoryRow[]>('/pos/tickets/history', { scope: this.scope, date: this.day });
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async show(id: number): Promise<void> {
    this.dialogError = '';
    this.correcting = false;
    this.receipt = '';
    try {
      this.open = await this.api.get<Ticket>(`/pos/tickets/${id}`);
      this.receipt = await receiptHtml(this.api, id);
    } catch (err) {
      this.dialogError = errorMessage(err);
    }
  }

  private async reprint(): Promise<void> {
    if (!this.open || this.busy) return;
    this.busy = true;
    try {
      const id = this.open.id;
      await withApproval(this.api, (headers) => this.api.post(`/pos/tickets/${id}/reprint`, {}, { headers }));
      this.receipt = await receiptHtml(this.api, this.open.id);
      await this.updateComplete;
      printFrame(this.renderRoot, 'pos-ticket-frame');
      void this.load();
    } catch (err) {
      this.dialogError = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  /**
   * What the typed tenders must add up to, in cents (> 0): the ticket's total, its cash part rounded as the server
   * settles it (Belgium: 5 cents, on the cash part only), so a correction from cash to card drops the rounding.
   */
  private get paid(): number {
    const typed = this.typed;
    const isCash = (code: string) => this.methods.find((m) => m.code === code)?.isCash ?? false;
    const nonCash = typed.filter((x) => !isCash(x.method)).reduce((s, x) => s + x.amount, 0);
    const cashPart = Math.abs(this.open?.total ?? 0) - nonCash;
    const rounded = cashPart > 0 && (nonCash === 0 || typed.some((x) => isCash(x.method))) ? cashRounded(cashPart, cashStepOf(this.session?.shop?.country)) : cashPart;
    return nonCash + rounded;
  }

  private get correctable(): Method[] {
    return this.open?.kind === 'refund' ? this.methods.filter((m) => m.refundable) : this.methods;
  }

  private get typed(): Array<{ method: string; amount: number }> {
    return this.correctable.map((m) => ({ method: m.code, amount: parseMoney(this.amounts[m.code] ?? '') ?? 0 })).filter((x) => x.amount > 0);
  }

  private startCorrection(): void {
    this.correcting = true;
    this.amounts = {};
    this.reason = '';
    this.correctKey = null;
    this.dialogError = '';
  }

  /** Drafts the VAT invoice of the open (paid) ticket for the picked customer, through invoicing's route. */
  private async invoice(customerId: number | null): Promise<void> {
    const tk = this.open;
    this.invoicing = false;
    if (!tk || customerId === null) return;
    this.busy = true;
    this.dialogError = '';
    try {
      const doc = await this.api.post<{ id: number; customer: { name: string } }>('/invoicing/from-ticket', { ticketId: tk.id, customerId });
      toast(t('pos.invoice.done', { customer: doc.customer.name, number: tk.number ?? '' }), 'success');
    } catch (e) {
      this.dialogError = errorMessage(e);
    } finally {
      this.busy = false;
    }
  }

  private async correct(): Promise<void> {
    if (!this.open || this.busy) return;
    this.correctKey ??= crypto.randomUUID();
    this.busy = true;
    this.dialogError = '';
    try {
      const [id, key, body] = [this.open.id, this.correctKey, { tenders: this.typed, reason: this.reason.trim() }];
      this.open = await withApproval(this.api, (headers) => this.api.post<Ticket>(`/pos/tickets/${id}/payments/correct`, body, { headers: { ...headers, 'Idempotency-Key': key } }));
      this.correctKey = null;
      this.correcting = false;
      toast(t('pos.correct.done', { number: this.open.number ?? '' }), 'success');
      void this.load();
    } catch (err) {
      if (isApiError(err)) this.correctKey = null;
      this.dialogError = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.session?.station) return noStationCard(this.session);
    const total = this.rows.reduce((s, r) => s + r.total, 0);
    return html`<div class="page">
      <div class="page-header"><h1>${t('pos.history.title')}</h1></div>
      <div class="row" style="margin-bottom:12px">
        <div class="tabs" role="group">
          ${(['station', 'shop'] as const).map((s) => html`<cpt-button data-testid="pos-history-scope-${s}" variant=${this.scope === s ? 'primary' : 'secondary'}
            @click=${() => { this.scope = s; void this.load(); }}>${t(`pos.scope.${s}`)}</cpt-button>`)}
        </div>
        <input type="date" data-testid="pos-history-date" aria-label=${t('pos.history.date')} .value=${this.day} max=${today()}
          @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v) { this.day = v; void this.load(); } }} />
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-history-error">${this.error}</div>` : nothing}
      <div class="card">
        ${this.rows.length
          ? html`<table>
              <thead><tr><th>${t('pos.history.number')}</th><th class="hide-narrow">${t('pos.history.time')}</th><th>${t('pos.pay.tenders')}</th><th class="num">${t('pos.total')}</th></tr></thead>
              <tbody>${this.rows.map((r) => html`<tr class="clickable" data-testid="pos-history-row" tabindex="0"
                  @click=${() => void this.show(r.id)} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') void this.show(r.id); }}>
                <td><span class="mono">${r.number}</span> ${r.kind === 'refund' ? html`<span class="tag">${t('pos.history.refund')}</span>` : nothing}
                  ${r.corrected ? html`<span class="tag">${t('pos.history.corrected')}</span>` : nothing}
                  ${r.duplicates ? html`<span class="tag">${t('pos.history.duplicates', { count: r.duplicates })}</span>` : nothing}</td>
                <td class="hide-narrow">${formatDateTime(r.closedAt)}</td>
                <td>${r.payments.map((p) => methodLabel(this.methods, p.method)).join(', ')}</td>
                <td class="num ${r.total < 0 ? 'neg' : ''}">${formatMoney(r.total)}</td>
              </tr>`)}</tbody>
              <tfoot><tr><th colspan="3">${t('pos.history.count', { count: this.rows.length })}</th><th class="num">${formatMoney(total)}</th></tr></tfoot>
            </table>`
          : html`<p class="muted" data-testid="pos-history-empty">${t('pos.history.empty')}</p>`}
      </div>
      ${this.renderTicket()}
    </div>`;
  }

  private renderTicket() {
    const tk = this.open;
    return html`<cpt-dialog .open=${Boolean(tk)} size="large" heading=${t('pos.receipt.title', { number: tk?.number ?? '' })} testid="pos-ticket-dialog"
      @close=${() => { this.open = null; }}>
      ${tk
        ? html`<div class="grid">
            <div>
              <table>
                ${tk.lines.map((l) => html`<tr data-testid="pos-ticket-line"><td>${l.name}</td><td class="num">${quantityText(l.quantity, i18n.locale)}</td>
                  <td class="num">${formatMoney(l.total)}</td></tr>`)}
                <tr><th colspan="2">${t('pos.total')}</th><th class="num">${formatMoney(tk.total)}</th></tr>
              </table>
              <h3>${t('pos.pay.tenders')}</h3>
              <table>
                ${tk.payments.map((p) => html`<tr data-testid="pos-ticket-payment" class=${p.status === 'corrected' ? 'muted' : ''}>
                  <td>${p.status === 'corrected' ? html`<s>${methodLabel(this.methods, p.method)}</s> <span class="tag">${t('pos.history.corrected')}</span>` : methodLabel(this.methods, p.method)}</td>
                  <td class="num">${formatMoney(p.amount)}</td></tr>`)}
              </table>
              ${this.correcting ? this.renderCorrection() : nothing}
              ${this.dialogError ? html`<div class="alert error" role="alert" data-testid="pos-correct-error">${this.dialogError}</div>` : nothing}
            </div>
            <iframe data-testid="pos-ticket-frame" title=${t('pos.receipt.title', { number: tk.number ?? '' })} sandbox="allow-modals allow-same-origin" .srcdoc=${this.receipt}></iframe>
          </div>`
        : nothing}
      <div slot="footer">
        ${tk?.kind === 'sale' ? html`<cpt-button icon="back" data-testid="pos-ticket-refund" @click=${() => navigate('pos/refund', { number: tk.number })}>${t('pos.history.refundIt')}</cpt-button>` : nothing}
        ${!this.correcting ? html`<cpt-button icon="edit" data-testid="pos-ticket-correct" @click=${() => this.startCorrection()}>${t('pos.correct.open')}</cpt-button>` : nothing}
        ${tk ? html`<cpt-button icon="file" data-testid="pos-ticket-reprint" ?busy=${this.busy} @click=${() => void this.reprint()}>${t('pos.history.reprint')}</cpt-button>` : nothing}
        ${tk?.kind === 'sale' && hasPermission(this.session, 'invoicing.write') ? html`<cpt-button icon="file" data-testid="pos-ticket-invoice" ?busy=${this.busy}
          @click=${() => { this.invoicing = true; }}>${t('pos.invoice.make')}</cpt-button>` : nothing}
        <cpt-button icon="file" data-testid="pos-ticket-print" @click=${() => printFrame(this.renderRoot, 'pos-ticket-frame')}>${t('pos.receipt.print')}</cpt-button>
      </div>
    </cpt-dialog>
    <cpt-pos-customer-picker .api=${this.api} .open=${this.invoicing}
      @customer-picked=${(e: CustomEvent<{ id: number | null }>) => void this.invoice(e.detail.id)}
      @close=${() => { this.invoicing = false; }}></cpt-pos-customer-picker>`;
  }

  private renderCorrection() {
    const left = this.paid - this.typed.reduce((s, x) => s + x.amount, 0);
    return html`<h3>${t('pos.correct.title', { amount: formatMoney(this.paid) })}</h3>
      <table>
        ${this.correctable.map((m) => html`<tr><td>${methodLabel(this.methods, m.code)}</td><td class="num">
          <input class="amount" inputmode="decimal" data-testid="pos-correct-${m.code}" placeholder=${formatMoney(0)} .value=${this.amounts[m.code] ?? ''}
            @input=${(e: Event) => { this.amounts = { ...this.amounts, [m.code]: (e.target as HTMLInputElement).value }; this.correctKey = null; }} /></td></tr>`)}
        <tr><th>${t('pos.correct.left')}</th><th class="num ${left !== 0 ? 'neg' : 'pos'}" data-testid="pos-correct-left">${formatMoney(left)}</th></tr>
      </table>
      <label>${t('pos.correct.reason')}<textarea data-testid="pos-correct-reason" maxlength="200" .value=${this.reason}
        @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea></label>
      <p><cpt-button variant="primary" icon="check" data-testid="pos-correct-confirm" ?busy=${this.busy} ?disabled=${left !== 0 || !this.reason.trim()}
        @click=${() => void this.correct()}>${t('pos.correct.confirm')}</cpt-button></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-history': PosHistoryScreen;
  }
}
