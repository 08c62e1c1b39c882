import {
  ApiClient, LitElement, LocaleController, confirmDialog, css, customElement, errorMessage, formatDay, formatMoney, formatNumber, formatRate,
  hasPermission, html, isApiError, navigate, nothing, parseDecimal, parseMoney, property, sharedStyles, state, t, toast, type PropertyValues, type Session,
} from '@comptoir/shell';
import { CONVERSIONS, PAYMENT_METHODS, statusBadge, type DocumentView, type LineView, type LinkedDocument, type PaymentMethod } from './types.js';

/**
 * One document (#/invoicing/documents/<id>): a draft is edited here line by line (type or scan a code, quantity,
 * Enter; text, section and subtotal lines), with its customer and terms; an issued one shows its number, links,
 * what remains, and offers what it can become, its PDF and, for an invoice, its payments. Every change sends the
 * version the screen shows: another person's change meanwhile answers 409, and the screen offers to reload.
 *
 * Test ids: invoicing-title, invoicing-issue, invoicing-print, invoicing-delete, invoicing-convert-<type>,
 * invoicing-customer-search, invoicing-customer-option, invoicing-reference, invoicing-save, invoicing-add-code,
 * invoicing-add-quantity, invoicing-add-text, invoicing-add-section, invoicing-add-subtotal, invoicing-line
 * (data-key = line id), invoicing-line-quantity, invoicing-line-remove, invoicing-total, invoicing-vat-rate,
 * invoicing-communication, invoicing-pay-amount, invoicing-pay-method, invoicing-pay, invoicing-payment,
 * invoicing-link, invoicing-error, invoicing-reload.
 */
@customElement('cpt-invoicing-document-editor')
export class InvoicingDocumentEditor extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ type: Number }) documentId = 0;

  @state() private doc: DocumentView | null = null;
  @state() private error = '';
  @state() private conflict = false;
  @state() private busy = false;
  @state() private customers: Array<{ id: number; name: string; city: string }> = [];
  @state() private header: { customerReference: string; deliveryAddress: string; paymentTermsDays: string; validUntil: string; discountRate: string } | null = null;

  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, css`
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
    .grid label { display: block; font-size: 0.875rem; margin-bottom: 4px; }
    .grid input, .grid textarea, .grid select { width: 100%; box-sizing: border-box; }
    table { width: 100%; border-collapse: collapse; }
    th, td { padding: 6px 8px; border-bottom: 1px solid var(--cpt-border, #ddd); text-align: start; vertical-align: top; }
    td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.section td { font-weight: 600; }
    tr.subtotal td { font-weight: 600; font-style: italic; }
    .add { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; align-items: center; }
    .add input.code { flex: 1 1 200px; min-width: 0; width: auto; }
    .add input.qty { flex: 0 1 110px; min-width: 70px; width: auto; }
    .add select.method { flex: 0 1 180px; width: auto; }
    .totals { margin-inline-start: auto; max-width: 420px; }
    .totals div { display: flex; justify-content: space-between; gap: 16px; padding: 2px 0; }
    .totals .grand { font-weight: 700; font-size: 1.1rem; border-top: 1px solid var(--cpt-border, #ddd); padding-top: 6px; }
    .scroll { overflow-x: auto; }
    .line-qty { width: 80px; text-align: end; }
    .links a { cursor: pointer; }
  `];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('documentId') && this.documentId) void this.load();
  }

  private get editable(): boolean {
    return this.doc?.status === 'draft' && hasPermission(this.session, 'invoicing.write');
  }

  async load(): Promise<void> {
    try {
      this.show(await this.api.get<DocumentView>(`/invoicing/documents/${this.documentId}`));
      this.error = '';
      this.conflict = false;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private show(doc: DocumentView): void {
    this.doc = doc;
    this.header = {
      customerReference: doc.customerReference, deliveryAddress: doc.deliveryAddress, paymentTermsDays: doc.paymentTermsDays === null ? '' : String(doc.paymentTermsDays),
      validUntil: doc.validUntil ?? '', discountRate: doc.discount && 'rate' in doc.discount ? formatNumber(doc.discount.rate / 100) : '',
    };
  }

  /** Runs a change; its answer is the document as now stored. A 409 on the version offers to reload. */
  private async change(run: () => Promise<DocumentView>): Promise<boolean> {
    this.busy = true;
    this.error = '';
    try {
      this.show(await run());
      return true;
    } catch (err) {
      this.error = errorMessage(err);
      this.conflict = isApiError(err) && err.code === 'VERSION_CONFLICT';
      return false;
    } finally {
      this.busy = false;
    }
  }

  private path(rest = ''): string {
    return `/invoicing/documents/${this.documentId}${rest}`;
  }

  private async searchCustomers(q: string): Promise<void> {
    if (q.trim().length < 2) { this.customers = []; return; }
    const page = await this.api.get<{ items: Array<{ id: number; name: string; city: string }> }>('/catalog/customers', { q, pageSize: '8' }).catch(() => ({ items: [] }));
    this.customers = page.items;
  }

  private saveHeader(): Promise<boolean> {
    const h = this.header!;
    const rate = h.discountRate.trim() === '' ? null : parseDecimal(h.discountRate);
    return this.change(() => this.api.patch<DocumentView>(this.path(), {
      version: this.doc!.version, customerReference: h.customerReference, deliveryAddress: h.deliveryAddress,
      paymentTermsDays: h.paymentTermsDays.trim() === '' ? null : Number(h.paymentTermsDays),
      ...(this.doc!.type === 'quote' ? { validUntil: h.validUntil || null } : {}),
      discount: rate === null || rate === 0 ? null : { rate: Math.round(rate * 100) },
    }));
  }

  private async addArticle(form: HTMLElement): Promise<void> {
    const code = form.querySelector<HTMLInputElement>('input.code')!;
    const qty = form.querySelector<HTMLInputElement>('input.qty')!;
    if (!code.value.trim()) return;
    const q = qty.value.trim() === '' ? 1 : parseDecimal(qty.value);
    if (q === null) { this.error = t('invoicing.quantityInvalid'); return; }
    const ok = await this.change(() => this.api.post<DocumentView>(this.path('/lines'), { version: this.doc!.version, code: code.value.trim(), quantity: Math.round(q * 1000) }));
    if (ok) { code.value = ''; qty.value = ''; code.focus(); }
  }

  private async addOther(form: HTMLElement, kind: 'text' | 'section' | 'subtotal'): Promise<void> {
    const code = form.querySelector<HTMLInputElement>('input.code')!;
    const ok = await this.change(() => this.api.post<DocumentView>(this.path('/lines'), { version: this.doc!.version, kind, description: code.value.trim() }));
    if (ok) code.value = '';
  }

  private setQuantity(line: LineView, text: string): void {
    const q = parseDecimal(text);
    if (q === null || q === 0) { this.error = t('invoicing.quantityInvalid'); return; }
    void this.change(() => this.api.patch<DocumentView>(this.path(`/lines/${line.id}`), { version: this.doc!.version, quantity: Math.round(q * 1000) }));
  }

  private async issue(): Promise<void> {
    const ok = await this.change(() => this.api.post<DocumentView>(this.path('/issue'), { version: this.doc!.version }, { headers: { 'Idempotency-Key': crypto.randomUUID() } }));
    if (ok) toast(t('invoicing.issued', { number: this.doc!.number ?? '' }), 'success');
  }

  private async discard(): Promise<void> {
    if (!(await confirmDialog({ title: t('invoicing.delete'), message: t('invoicing.deleteConfirm'), danger: true }))) return;
    try {
      await this.api.delete(`${this.path()}?version=${this.doc!.version}`);
      this.dispatchEvent(new CustomEvent('back'));
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async convert(to: string): Promise<void> {
    try {
      const made = await this.api.post<DocumentView>('/invoicing/conversions', { from: [this.documentId], to });
      navigate(`invoicing/documents/${made.id}`);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async pay(form: HTMLElement): Promise<void> {
    const amount = parseMoney(form.querySelector<HTMLInputElement>('input.amount')!.value);
    if (amount === null || amount <= 0) { this.error = t('invoicing.amountInvalid'); return; }
    const method = form.querySelector<HTMLSelectElement>('select.method')!.value as PaymentMethod;
    const ok = await this.change(() => this.api.post<DocumentView>(this.path('/payments'), { amount, method }, { headers: { 'Idempotency-Key': crypto.randomUUID() } }));
    if (ok) form.querySelector<HTMLInputElement>('input.amount')!.value = '';
  }

  private heading(d: DocumentView): string {
    return `${t(`invoicing.type.${d.type}`)} ${d.number ?? t('invoicing.draftNumber', { id: d.id })}`;
  }

  private renderHeader(d: DocumentView) {
    const h = this.header!;
    const set = (k: keyof typeof h) => (e: Event) => { this.header = { ...h, [k]: (e.target as HTMLInputElement).value }; };
    if (!this.editable) {
      return html`<div class="card"><h2>${t('invoicing.header')}</h2>
        <div class="grid">
          <div><strong>${d.customer.name || t('invoicing.noCustomer')}</strong>${d.customer.address.split('\n').map((l) => html`<div>${l}</div>`)}${d.customer.vatNumber ? html`<div>${d.customer.vatNumber}</div>` : nothing}</div>
          <div>
            ${d.date ? html`<div>${t('invoicing.col.date')} : ${formatDay(d.date)}</div>` : nothing}
            ${d.dueDate ? html`<div>${t('invoicing.dueDate')} : ${formatDay(d.dueDate)}</div>` : nothing}
            ${d.validUntil ? html`<div>${t('invoicing.validUntil')} : ${formatDay(d.validUntil)}</div>` : nothing}
            ${d.customerReference ? html`<div>${t('invoicing.customerReference')} : ${d.customerReference}</div>` : nothing}
          </div>
          ${d.deliveryAddress ? html`<div><div class="muted">${t('invoicing.deliveryAddress')}</div>${d.deliveryAddress.split('\n').map((l) => html`<div>${l}</div>`)}</div>` : nothing}
        </div></div>`;
    }
    return html`<div class="card"><h2>${t('invoicing.header')}</h2>
      <div class="grid">
        <div>
          <label for="customer">${t('invoicing.customer')}</label>
          <div><strong>${d.customer.name || t('invoicing.noCustomer')}</strong></div>
          <input id="customer" data-testid="invoicing-customer-search" autocomplete="off" placeholder=${t('invoicing.customerSearch')}
            @input=${(e: Event) => void this.searchCustomers((e.target as HTMLInputElement).value)} />
          ${this.customers.map((c) => html`<cpt-button data-testid="invoicing-customer-option" @click=${() => { this.customers = []; void this.change(() => this.api.patch<DocumentView>(this.path(), { version: d.version, customerId: c.id })); }}>${c.name}${c.city ? ` — ${c.city}` : ''}</cpt-button>`)}
        </div>
        <div>
          <label for="reference">${t('invoicing.customerReference')}</label>
          <input id="reference" data-testid="invoicing-reference" maxlength="100" .value=${h.customerReference} @input=${set('customerReference')} />
          <label for="terms">${t('invoicing.paymentTermsDays')}</label>
          <input id="terms" inputmode="numeric" .value=${h.paymentTermsDays} @input=${set('paymentTermsDays')} />
          ${d.type === 'quote' ? html`<label for="valid">${t('invoicing.validUntil')}</label><input id="valid" type="date" .value=${h.validUntil} @input=${set('validUntil')} />` : nothing}
        </div>
        <div>
          <label for="delivery">${t('invoicing.deliveryAddress')}</label>
          <textarea id="delivery" rows="3" maxlength="500" .value=${h.deliveryAddress} @input=${set('deliveryAddress')}></textarea>
          <label for="discount">${t('invoicing.discountRate')}</label>
          <input id="discount" inputmode="decimal" .value=${h.discountRate} @input=${set('discountRate')} />
        </div>
      </div>
      <div class="actions"><cpt-button variant="primary" data-testid="invoicing-save" ?disabled=${this.busy} @click=${() => void this.saveHeader()}>${t('invoicing.save')}</cpt-button></div>
    </div>`;
  }

  private renderLines(d: DocumentView) {
    const remaining = (l: LineView) => Object.values(l.remaining).filter((v) => v !== undefined).map((v) => formatNumber((v as number) / 1000)).join(' / ');
    const issued = d.status === 'issued';
    return html`<div class="card"><h2>${t('invoicing.lines')}</h2>
      <div class="scroll"><table>
        <thead><tr>
          <th>${t('invoicing.col.description')}</th><th class="num">${t('invoicing.col.quantity')}</th><th class="num">${t('invoicing.col.unitPrice')}</th>
          <th class="num">${t('invoicing.col.vat')}</th><th class="num">${t('invoicing.col.discount')}</th><th class="num">${t('invoicing.col.amount')}</th>
          ${issued ? html`<th class="num">${t('invoicing.col.remaining')}</th>` : nothing}${this.editable ? html`<th></th>` : nothing}
        </tr></thead>
        <tbody>
          ${d.lines.length === 0 ? html`<tr><td colspan="7" class="muted">${t('invoicing.noLines')}</td></tr>` : nothing}
          ${d.lines.map((l) => html`<tr class=${l.kind} data-testid="invoicing-line" data-key=${l.id}>
            ${l.kind === 'article'
              ? html`<td>${l.parentLineId ? html`<span class="muted">└ </span>` : nothing}${l.description}<div class="muted">${l.code}</div></td>
                <td class="num">${this.editable && !l.parentLineId
                  ? html`<input class="line-qty" data-testid="invoicing-line-quantity" inputmode="decimal" .value=${formatNumber(l.quantity / 1000)} @change=${(e: Event) => this.setQuantity(l, (e.target as HTMLInputElement).value)} />`
                  : formatNumber(l.quantity / 1000)}</td>
                <td class="num">${formatMoney(l.unitPrice)}</td><td class="num">${formatRate(l.vatRate)}</td>
                <td class="num">${l.discountRate ? formatRate(l.discountRate) : l.discountAmount ? formatMoney(l.discountAmount) : ''}</td>
                <td class="num">${formatMoney(l.total)}</td>`
              : l.kind === 'subtotal'
                ? html`<td colspan="5">${l.description || t('invoicing.subtotal')}</td><td class="num">${formatMoney(l.total)}</td>`
                : html`<td colspan="6">${l.description}</td>`}
            ${issued ? html`<td class="num">${l.kind === 'article' ? remaining(l) : ''}</td>` : nothing}
            ${this.editable ? html`<td><cpt-button icon="trash" data-testid="invoicing-line-remove" aria-label=${t('invoicing.removeLine')} title=${t('invoicing.removeLine')}
              @click=${() => void this.change(() => this.api.delete<DocumentView>(`${this.path(`/lines/${l.id}`)}?version=${d.version}`))}></cpt-button></td>` : nothing}
          </tr>`)}
        </tbody>
      </table></div>
      ${this.editable ? this.renderAdd() : nothing}
    </div>`;
  }

  private renderAdd() {
    const form = (e: Event) => (e.target as HTMLElement).closest<HTMLElement>('.add')!;
    return html`<div class="add">
      <input class="code" data-testid="invoicing-add-code" autocomplete="off" placeholder=${t('invoicing.addCode')} aria-label=${t('invoicing.addCode')}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void this.addArticle(form(e)); } }} />
      <input class="qty" data-testid="invoicing-add-quantity" inputmode="decimal" placeholder=${t('invoicing.addQuantity')} aria-label=${t('invoicing.addQuantity')}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void this.addArticle(form(e)); } }} />
      <cpt-button variant="primary" icon="plus" ?disabled=${this.busy} @click=${(e: Event) => void this.addArticle(form(e))}>${t('invoicing.addArticle')}</cpt-button>
      <cpt-button data-testid="invoicing-add-text" ?disabled=${this.busy} @click=${(e: Event) => void this.addOther(form(e), 'text')}>${t('invoicing.addText')}</cpt-button>
      <cpt-button data-testid="invoicing-add-section" ?disabled=${this.busy} @click=${(e: Event) => void this.addOther(form(e), 'section')}>${t('invoicing.addSection')}</cpt-button>
      <cpt-button data-testid="invoicing-add-subtotal" ?disabled=${this.busy} @click=${(e: Event) => void this.addOther(form(e), 'subtotal')}>${t('invoicing.addSubtotal')}</cpt-button>
    </div>`;
  }

  private renderTotals(d: DocumentView) {
    const row = (label: string, cents: number, cls = '', testid = '') => html`<div class=${cls} data-testid=${testid || nothing}><span>${label}</span><span>${formatMoney(cents)}</span></div>`;
    return html`<div class="card"><h2>${t('invoicing.totals')}</h2><div class="totals">
      ${d.totals.discount ? html`${row(t('invoicing.subtotal'), d.totals.subtotal)}${row(t('invoicing.documentDiscount'), -d.totals.discount)}` : nothing}
      ${d.totals.rates.map((r) => row(t('invoicing.vatAt', { rate: formatRate(r.rate), base: formatMoney(r.base) }), r.vat, '', 'invoicing-vat-rate'))}
      ${row(t('invoicing.base'), d.totals.base)}
      ${row(t('invoicing.vatTotal'), d.totals.vat)}
      ${row(t('invoicing.total'), d.totals.total, 'grand', 'invoicing-total')}
      ${d.balance !== null && d.status === 'issued' ? html`${row(t('invoicing.paid'), d.paid)}${row(t('invoicing.balance'), d.balance, 'grand')}` : nothing}
      ${d.structuredCommunication ? html`<div data-testid="invoicing-communication"><span>${t('invoicing.communication')}</span><strong class="mono">${d.structuredCommunication}</strong></div>` : nothing}
    </div>
    ${d.mentions.length ? html`<div class="alert info"><strong>${t('invoicing.mentions')}</strong>${d.mentions.map((m) => html`<div>${m}</div>`)}</div>` : nothing}
    </div>`;
  }

  private renderPayments(d: DocumentView) {
    if (d.type !== 'invoice' || d.status !== 'issued') return nothing;
    const form = (e: Event) => (e.target as HTMLElement).closest<HTMLElement>('.add')!;
    return html`<div class="card"><h2>${t('invoicing.payments')}</h2>
      ${d.payments.length === 0 ? html`<p class="muted">${t('invoicing.noPayments')}</p>` : html`<table><tbody>
        ${d.payments.map((p) => html`<tr data-testid="invoicing-payment"><td>${formatDay(p.date)}</td><td>${t(`invoicing.method.${p.method}`)}</td><td>${p.reference}</td><td class="num">${formatMoney(p.amount)}</td></tr>`)}
      </tbody></table>`}
      ${hasPermission(this.session, 'invoicing.pay') && (d.balance ?? 0) > 0
        ? html`<div class="add">
            <input class="amount qty" data-testid="invoicing-pay-amount" inputmode="decimal" aria-label=${t('invoicing.amount')} placeholder=${t('invoicing.amount')} />
            <select class="method" data-testid="invoicing-pay-method" aria-label=${t('invoicing.method')}>
              ${PAYMENT_METHODS.map((m) => html`<option value=${m}>${t(`invoicing.method.${m}`)}</option>`)}
            </select>
            <cpt-button variant="primary" data-testid="invoicing-pay" ?disabled=${this.busy} @click=${(e: Event) => void this.pay(form(e))}>${t('invoicing.recordPayment')}</cpt-button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderLinks(d: DocumentView) {
    const link = (l: LinkedDocument) => html`<li><a data-testid="invoicing-link" @click=${() => navigate(`invoicing/documents/${l.id}`)}>${t(`invoicing.type.${l.type}`)} ${l.number ?? t('invoicing.draftNumber', { id: l.id })}</a> — ${formatMoney(l.total)}</li>`;
    if (!d.links.from.length && !d.links.to.length && !d.creditOf) return nothing;
    return html`<div class="card links"><h2>${t('invoicing.links')}</h2>
      ${d.creditOf ? html`<div>${t('invoicing.creditOf')} : <ul>${link(d.creditOf)}</ul></div>` : nothing}
      ${d.links.from.length ? html`<div>${t('invoicing.linkedFrom')} :<ul>${d.links.from.map(link)}</ul></div>` : nothing}
      ${d.links.to.length ? html`<div>${t('invoicing.linkedTo')} :<ul>${d.links.to.map(link)}</ul></div>` : nothing}
    </div>`;
  }

  override render() {
    const d = this.doc;
    if (!d) return html`<div class="page">${this.error ? html`<div class="alert error" role="alert" data-testid="invoicing-error">${this.error}</div>` : html`<p class="muted">${t('invoicing.loading')}</p>`}</div>`;
    const canWrite = hasPermission(this.session, 'invoicing.write');
    return html`<div class="page">
      <div class="page-header">
        <h1 data-testid="invoicing-title">${this.heading(d)} ${statusBadge(d)}</h1>
        <div class="actions">
          <cpt-button icon="back" @click=${() => this.dispatchEvent(new CustomEvent('back'))}>${t('invoicing.back')}</cpt-button>
          <cpt-button icon="file" data-testid="invoicing-print" @click=${() => window.open(`/api${this.path('/print')}`, '_blank', 'noopener')}>${t('invoicing.print')}</cpt-button>
          ${this.editable && hasPermission(this.session, 'invoicing.issue') ? html`<cpt-button variant="primary" icon="check" data-testid="invoicing-issue" ?disabled=${this.busy} @click=${() => void this.issue()}>${t('invoicing.issue')}</cpt-button>` : nothing}
          ${this.editable ? html`<cpt-button icon="trash" data-testid="invoicing-delete" @click=${() => void this.discard()}>${t('invoicing.delete')}</cpt-button>` : nothing}
          ${d.status === 'issued' && canWrite ? CONVERSIONS[d.type].map((to) => html`<cpt-button data-testid=${`invoicing-convert-${to}`} @click=${() => void this.convert(to)}>${t('invoicing.makeInto', { type: t(`invoicing.type.${to}`) })}</cpt-button>`) : nothing}
        </div>
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="invoicing-error">${this.error}
        ${this.conflict ? html`<cpt-button data-testid="invoicing-reload" @click=${() => void this.load()}>${t('invoicing.reload')}</cpt-button>` : nothing}</div>` : nothing}
      ${this.renderHeader(d)}
      ${this.renderLines(d)}
      ${this.renderTotals(d)}
      ${this.renderPayments(d)}
      ${this.renderLinks(d)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-invoicing-document-editor': InvoicingDocumentEditor;
  }
}
