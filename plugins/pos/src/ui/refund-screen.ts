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
  live,
  nothing,
  parseDecimal,
  parseMoney,
  property,
  sharedStyles,
  state,
  t,
  toast,
  type ScreenRoute,
  type Session,
} from '@comptoir/shell';
import { refundLineTotal } from '../domain/refund-share.js';
import { backStyles, methodLabel, noStationCard, printFrame, receiptHtml } from './back-office.js';
import { cashRounded, cashStepOf, quantityText, type CheckoutResult, type Line, type Method, type Tender, type Ticket } from './types.js';

/**
 * Till › Refunds (route #/pos/refund?number=…, permission pos.sell; refunding needs pos.refund): the sold ticket
 * found by scanning its receipt's barcode or typing its number (GET /api/pos/tickets/by-number/:number), the
 * quantities to give back per line (never more than remains: what was already refunded shows), the refunded
 * tenders (cash rounded as the server does, card, transfer; vouchers are not refundable), then POST
 * /api/pos/refunds with one Idempotency-Key per attempt and the refund receipt's preview.
 *
 * Test ids: pos-refund-number, pos-refund-find, pos-refund-ticket, pos-refund-line, pos-refund-already,
 * pos-refund-qty, pos-refund-all, pos-refund-none, pos-refund-total, pos-refund-tender-<code>, pos-refund-cash,
 * pos-refund-reason, pos-refund-confirm, pos-refund-error, pos-refund-denied, pos-refund-receipt,
 * pos-refund-frame, pos-refund-print, pos-refund-new.
 */
@customElement('cpt-pos-refund')
export class PosRefundScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) route?: ScreenRoute;

  @state() private numberText = '';
  @state() private sale: Ticket | null = null;
  /** Line id → thousandths to refund. */
  @state() private quantities: Record<number, number> = {};
  /** Non-cash refundable method → cents typed. */
  @state() private amounts: Record<string, string> = {};
  @state() private reason = '';
  @state() private methods: Method[] = [];
  @state() private error = '';
  @state() private busy = false;
  @state() private refunded: Ticket | null = null;
  @state() private receipt = '';
  private key: string | null = null;
  /** Counts the look-ups: only the answer to the latest one (a second scan) is shown. */
  private asked = 0;
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, backStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.session?.station) return;
    void this.api.get<Method[]>('/pos/payment-methods').then((m) => (this.methods = m), (err) => (this.error = errorMessage(err)));
    const number = this.route?.query.number;
    if (number) void this.find(number);
  }

  /** The shell's "/" and F2: the number field. */
  focusSearch(): void {
    this.renderRoot.querySelector<HTMLInputElement>('[data-testid="pos-refund-number"]')?.focus();
  }

  /** A receipt's barcode read anywhere on the screen. */
  onBarcode(code: string): void {
    if (!this.busy) void this.find(code);
  }

  private get allowed(): boolean {
    return hasPermission(this.session, 'pos.refund');
  }

  private async find(number: string): Promise<void> {
    const n = number.trim();
    if (!n) return;
    this.numberText = n;
    this.error = '';
    this.refunded = null;
    this.busy = true;
    const asked = ++this.asked;
    try {
      const sale = await this.api.get<Ticket>(`/pos/tickets/by-number/${encodeURIComponent(n)}`);
      if (asked !== this.asked) return;
      if (sale.kind !== 'sale' || sale.status !== 'paid') {
        this.sale = null;
        this.error = t('pos.refund.notASale', { number: sale.number ?? n });
        return;
      }
      this.sale = sale;
      this.quantities = {};
      this.amounts = {};
      this.reason = '';
      this.key = null;
    } catch (err) {
      if (asked !== this.asked) return;
      this.sale = null;
      this.error = errorMessage(err);
    } finally {
      if (asked === this.asked) this.busy = false;
    }
  }

  private left(l: Line): number {
    return l.quantity - l.refundedQuantity;
  }

  private setAll(all: boolean): void {
    this.quantities = Object.fromEntries((this.sale?.lines ?? []).map((l) => [l.id, all ? this.left(l) : 0]));
    this.key = null;
  }

  private setQuantity(l: Line, text: string): void {
    const n = parseDecimal(text) ?? 0;
    const thousandths = n > 0 ? Math.round(n * 1000) : 0;
    const q = Math.min(thousandths, this.left(l));
    // The lines the sale added to this one (a bottle's deposit) go back in the same proportion.
    const children = (this.sale?.lines ?? []).filter((c) => c.parentLineId === l.id)
      .map((c) => [c.id, Math.min(this.left(c), Math.round((c.quantity * q) / l.quantity))] as const);
    this.quantities = { ...this.quantities, [l.id]: q, ...Object.fromEntries(children) };
    this.key = null;
  }

  /** What goes back (cents, > 0): each line's prorated share, as the server computes it. */
  private get due(): number {
    return -(this.sale?.lines ?? []).reduce((s, l) => s + (this.quantities[l.id] ? refundLineTotal(l.total, l.quantity, l.refundedQuantity, this.quantities[l.id]!) : 0), 0);
  }

  private get refundable(): Method[] {
    return this.methods.filter((m) => m.refundable && !m.isCash);
  }

  private get otherTenders(): Tender[] {
    return this.refundable.map((m) => ({ method: m.code, amount: parseMoney(this.amounts[m.code] ?? '') ?? 0 })).filter((x) => x.amount > 0);
  }

  /** The cash part: what the other tenders leave, rounded as the shop's country says. */
  private get cash(): number {
    const rest = this.due - this.otherTenders.reduce((s, x) => s + x.amount, 0);
    return rest > 0 ? cashRounded(rest, cashStepOf(this.session?.shop?.country)) : rest;
  }

  private async confirm(): Promise<void> {
    if (!this.sale || this.busy || this.due <= 0 || this.cash < 0) return;
    const lines = Object.entries(this.quantities).filter(([, q]) => q > 0).map(([lineId, quantity]) => ({ lineId: Number(lineId), quantity }));
    const tenders = [...this.otherTenders, ...(this.cash > 0 ? [{ method: 'cash', amount: this.cash }] : [])];
    this.key ??= crypto.randomUUID();
    this.busy = true;
    this.error = '';
    try {
      const result = await this.api.post<CheckoutResult>('/pos/refunds', {
        ticketId: this.sale.id, lines, tenders, ...(this.reason.trim() ? { reason: this.reason.trim() } : {}),
      }, { headers: { 'Idempotency-Key': this.key } });
      this.key = null;
      this.refunded = result.ticket;
      this.receipt = '';
      toast(t('pos.refund.done', { number: result.ticket.number ?? '' }), 'success');
      this.receipt = await receiptHtml(this.api, result.ticket.id);
    } catch (err) {
      if (isApiError(err)) this.key = null;
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private reset(): void {
    this.refunded = null;
    this.sale = null;
    this.numberText = '';
    void this.updateComplete.then(() => this.focusSearch());
  }

  override render() {
    if (!this.session?.station) return noStationCard(this.session);
    return html`<div class="page">
      <div class="page-header"><h1>${t('pos.refund.title')}</h1></div>
      ${this.allowed ? nothing : html`<div class="alert warning" role="alert" data-testid="pos-refund-denied">${t('pos.refund.denied')}</div>`}
      <div class="card">
        <div class="row">
          <input class="grow" data-testid="pos-refund-number" autofocus autocomplete="off" enterkeyhint="search"
            aria-label=${t('pos.refund.number')} placeholder=${t('pos.refund.number')} .value=${this.numberText}
            @input=${(e: Event) => (this.numberText = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void this.find(this.numberText); } }} />
          <cpt-button icon="search" data-testid="pos-refund-find" ?busy=${this.busy && !this.sale} @click=${() => void this.find(this.numberText)}>${t('pos.refund.find')}</cpt-button>
        </div>
        <p class="muted">${t('pos.refund.help')}</p>
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-refund-error">${this.error}</div>` : nothing}
      ${this.sale ? this.renderSale(this.sale) : nothing}
      ${this.renderReceipt()}
    </div>`;
  }

  private renderSale(sale: Ticket) {
    const due = this.due;
    const nonRefundable = [...new Set(sale.payments.filter((p) => p.status === 'active' && !this.methods.find((m) => m.code === p.method)?.refundable).map((p) => methodLabel(this.methods, p.method)))];
    return html`<div class="grid">
      <div class="card" data-testid="pos-refund-ticket">
        <h2>${t('pos.receipt.title', { number: sale.number ?? '' })}</h2>
        <p class="muted">${formatDateTime(sale.closedAt)} · ${formatMoney(sale.total)} ·
          ${sale.payments.filter((p) => p.status === 'active').map((p) => `${methodLabel(this.methods, p.method)} ${formatMoney(p.amount)}`).join(', ')}</p>
        <div class="row" style="margin-bottom:8px">
          <cpt-button icon="check" data-testid="pos-refund-all" @click=${() => this.setAll(true)}>${t('pos.refund.all')}</cpt-button>
          <cpt-button icon="close" data-testid="pos-refund-none" @click=${() => this.setAll(false)}>${t('pos.refund.none')}</cpt-button>
        </div>
        <table>
          <thead><tr><th>${t('pos.article')}</th><th class="num hide-narrow">${t('pos.refund.sold')}</th><th class="num hide-narrow">${t('pos.refund.already')}</th><th class="num">${t('pos.refund.qty')}</th></tr></thead>
          <tbody>
            ${sale.lines.map((l) => {
              const left = this.left(l);
              return html`<tr data-testid="pos-refund-line">
                <td>${l.name}<br /><small class="muted">${formatMoney(l.total)}</small>
                  <small class="muted show-narrow"><br />${t('pos.refund.sold')} ${quantityText(l.quantity, i18n.locale)} · ${t('pos.refund.already')} ${quantityText(l.refundedQuantity, i18n.locale)}</small></td>
                <td class="num hide-narrow">${quantityText(l.quantity, i18n.locale)}</td>
                <td class="num hide-narrow" data-testid="pos-refund-already">${quantityText(l.refundedQuantity, i18n.locale)}</td>
                <td class="num">${left > 0
                  ? html`<input class="qty" data-testid="pos-refund-qty" inputmode="decimal" aria-label=${t('pos.refund.qtyOf', { name: l.name })}
                      placeholder="0" .value=${live(this.quantities[l.id] ? quantityText(this.quantities[l.id]!, i18n.locale) : '')}
                      title=${t('pos.refund.max', { qty: quantityText(left, i18n.locale) })}
                      @change=${(e: Event) => this.setQuantity(l, (e.target as HTMLInputElement).value)}
                      @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') this.setQuantity(l, (e.target as HTMLInputElement).value); }} />`
                  : html`<span class="tag">${t('pos.refund.nothingLeft')}</span>`}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div class="card">
        <div class="muted">${t('pos.refund.total')}</div>
        <div class="big" data-testid="pos-refund-total">${formatMoney(due)}</div>
        <h3>${t('pos.refund.tenders')}</h3>
        <table>
          ${this.refundable.map((m) => html`<tr><td>${methodLabel(this.methods, m.code)}</td><td class="num">
            <input class="amount" data-testid="pos-refund-tender-${m.code}" inputmode="decimal" placeholder=${formatMoney(0)} .value=${this.amounts[m.code] ?? ''}
              @input=${(e: Event) => { this.amounts = { ...this.amounts, [m.code]: (e.target as HTMLInputElement).value }; this.key = null; }} /></td></tr>`)}
          <tr><th>${methodLabel(this.methods, 'cash')}</th><th class="num ${this.cash < 0 ? 'neg' : ''}" data-testid="pos-refund-cash">${formatMoney(this.cash)}</th></tr>
        </table>
        ${nonRefundable.length ? html`<p class="muted">${t('pos.refund.notRefundable', { methods: nonRefundable.join(', ') })}</p>` : nothing}
        <label>${t('pos.refund.reason')}<textarea data-testid="pos-refund-reason" maxlength="200" .value=${this.reason}
          @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea></label>
        <p><cpt-button variant="primary" size="large" icon="back" data-testid="pos-refund-confirm" ?busy=${this.busy}
          ?disabled=${!this.allowed || due <= 0 || this.cash < 0} @click=${() => void this.confirm()}>${t('pos.refund.confirm', { amount: formatMoney(due) })}</cpt-button></p>
      </div>
    </div>`;
  }

  private renderReceipt() {
    const r = this.refunded;
    return html`<cpt-dialog .open=${Boolean(r)} heading=${t('pos.refund.receipt', { number: r?.number ?? '' })} testid="pos-refund-receipt" @close=${() => this.reset()}>
      ${r ? html`<iframe data-testid="pos-refund-frame" title=${t('pos.refund.receipt', { number: r.number ?? '' })} sandbox="allow-modals allow-same-origin" .srcdoc=${this.receipt}></iframe>` : nothing}
      <div slot="footer">
        <cpt-button icon="file" data-testid="pos-refund-print" @click=${() => printFrame(this.renderRoot, 'pos-refund-frame')}>${t('pos.receipt.print')}</cpt-button>
        <cpt-button variant="primary" icon="plus" data-testid="pos-refund-new" @click=${() => this.reset()}>${t('pos.refund.new')}</cpt-button>
      </div>
    </cpt-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-refund': PosRefundScreen;
  }
}
