import { LitElement, LocaleController, css, customElement, html, nothing, parseDecimal, property, sharedStyles, state, t } from '@comptoir/shell';

/** What the sale screen asks in a dialog. */
export type SaleQuestion =
  | { kind: 'discount'; line: { id: number; name: string } | null; target: 'line' | 'ticket' }
  | { kind: 'note'; target: 'line' | 'ticket'; name: string; text: string }
  | { kind: 'quantity'; name: string; weighed: boolean; value: number | null }
  | { kind: 'void'; name: string };

/** The answer: `discount` { target, discountRate | discountAmount (null: none) }, `note` { target, text }, `quantity` { quantity }. */
export type SaleAnswer =
  | { kind: 'discount'; target: 'line' | 'ticket'; discountRate: number | null; discountAmount: number | null }
  | { kind: 'note'; target: 'line' | 'ticket'; text: string }
  | { kind: 'quantity'; quantity: number };

/**
 * The sale screen's small questions, one dialog: a discount on the line or the ticket (percent or amount), a note
 * on the line or the ticket, a quantity or a weight typed, and why a line cannot be voided. Emits `answer`
 * (detail: SaleAnswer) and `close`. Enter confirms; every target is 48 px for a finger.
 *
 * Test ids: pos-ask, pos-ask-target-line, pos-ask-target-ticket, pos-ask-percent, pos-ask-amount, pos-ask-value,
 * pos-ask-ok, pos-ask-remove, pos-ask-error, pos-void-refused.
 */
@customElement('cpt-pos-sale-dialog')
export class PosSaleDialog extends LitElement {
  @property({ attribute: false }) question: SaleQuestion | null = null;
  @state() private target: 'line' | 'ticket' = 'line';
  @state() private mode: 'percent' | 'amount' = 'percent';
  @state() private text = '';
  @state() private error = '';
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, css`
    .seg { display: flex; gap: 6px; margin-bottom: 10px; }
    .seg cpt-button { flex: 1; }
    input, textarea { width: 100%; box-sizing: border-box; font-size: 1.4rem; min-height: 52px; }
    textarea { font-size: 1.05rem; min-height: 96px; }
    .hint { margin: 8px 0 0; }
  `];

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('question') && this.question) {
      const q = this.question;
      this.error = '';
      this.text = q.kind === 'note' ? q.text : q.kind === 'quantity' && q.value ? String(q.value / 1000).replace('.', ',') : '';
      if (q.kind === 'discount') this.target = q.target;
      if (q.kind === 'note') this.target = q.target;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[data-testid="pos-ask-value"]')?.focus());
    }
  }

  private answer(a: SaleAnswer): void {
    this.dispatchEvent(new CustomEvent('answer', { detail: a }));
  }

  private ok(): void {
    const q = this.question;
    if (!q) return;
    if (q.kind === 'note') return this.answer({ kind: 'note', target: this.target, text: this.text.trim() });
    if (q.kind === 'void') return this.close();
    const n = parseDecimal(this.text);
    if (q.kind === 'quantity') {
      const thousandths = n === null ? NaN : Math.round(n * 1000);
      if (!(thousandths > 0) || Math.abs(n! * 1000 - thousandths) > 1e-6) {
        this.error = t('pos.weight.invalid');
        return;
      }
      return this.answer({ kind: 'quantity', quantity: thousandths });
    }
    if (n === null || n < 0) {
      this.error = t('pos.weight.invalid');
      return;
    }
    const cents = Math.round(n * 100);
    this.answer(this.mode === 'percent'
      ? { kind: 'discount', target: this.target, discountRate: cents, discountAmount: null }
      : { kind: 'discount', target: this.target, discountRate: null, discountAmount: cents });
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement && e.shiftKey)) {
      e.preventDefault();
      this.ok();
    }
  }

  private heading(): string {
    const q = this.question;
    if (!q) return '';
    if (q.kind === 'discount') return t('pos.discount.title');
    if (q.kind === 'note') return this.target === 'line' ? t('pos.note.line', { name: q.name }) : t('pos.note.ticket');
    if (q.kind === 'void') return t('pos.void.title');
    return t(q.weighed ? 'pos.weight.title' : 'pos.quantity.title', { name: q.name });
  }

  private body() {
    const q = this.question!;
    if (q.kind === 'void') {
      return html`<div class="alert error" role="alert" data-testid="pos-void-refused">${t('pos.void.notAllowed', { name: q.name })}</div>
        <p class="muted hint">${t('pos.void.howTo')}</p>`;
    }
    if (q.kind === 'note') {
      return html`<textarea data-testid="pos-ask-value" maxlength="500" .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)} @keydown=${this.onKey}></textarea>`;
    }
    if (q.kind === 'quantity') {
      return html`<input data-testid="pos-ask-value" inputmode="decimal" autocomplete="off" .value=${this.text} placeholder=${q.weighed ? '0,000 kg' : '1'}
          @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)} @keydown=${this.onKey} />
        ${q.weighed ? html`<p class="muted hint">${t('pos.weight.help')}</p>` : nothing}`;
    }
    return html`<div class="seg" role="group">
        <cpt-button data-testid="pos-ask-target-line" ?disabled=${!q.line} variant=${this.target === 'line' ? 'primary' : 'secondary'} @click=${() => (this.target = 'line')}>${t('pos.discount.line')}</cpt-button>
        <cpt-button data-testid="pos-ask-target-ticket" variant=${this.target === 'ticket' ? 'primary' : 'secondary'} @click=${() => (this.target = 'ticket')}>${t('pos.discount.ticket')}</cpt-button>
      </div>
      ${this.target === 'line' && q.line ? html`<p class="muted" style="margin:0 0 8px">${q.line.name}</p>` : nothing}
      <div class="seg" role="group">
        <cpt-button data-testid="pos-ask-percent" variant=${this.mode === 'percent' ? 'primary' : 'secondary'} @click=${() => (this.mode = 'percent')}>${t('pos.discount.percent')}</cpt-button>
        <cpt-button data-testid="pos-ask-amount" variant=${this.mode === 'amount' ? 'primary' : 'secondary'} @click=${() => (this.mode = 'amount')}>${t('pos.discount.amount')}</cpt-button>
      </div>
      <input data-testid="pos-ask-value" inputmode="decimal" autocomplete="off" .value=${this.text} placeholder=${this.mode === 'percent' ? '10' : '2,50'}
        aria-label=${t('pos.discount.value')} @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)} @keydown=${this.onKey} />`;
  }

  override render() {
    const q = this.question;
    return html`<cpt-dialog .open=${Boolean(q)} heading=${this.heading()} testid="pos-ask" @close=${() => this.close()}>
      ${q ? this.body() : nothing}
      ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-ask-error" style="margin-top:8px">${this.error}</div>` : nothing}
      <div slot="footer">
        ${q?.kind === 'discount' ? html`<cpt-button icon="close" data-testid="pos-ask-remove"
          @click=${() => this.answer({ kind: 'discount', target: this.target, discountRate: null, discountAmount: null })}>${t('pos.discount.remove')}</cpt-button>` : nothing}
        ${q && q.kind !== 'void' ? html`<cpt-button variant="primary" icon="check" data-testid="pos-ask-ok" @click=${() => this.ok()}>${t(q.kind === 'discount' ? 'pos.discount.apply' : q.kind === 'note' ? 'pos.note.save' : 'pos.weight.ok')}</cpt-button>` : nothing}
      </div>
    </cpt-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-sale-dialog': PosSaleDialog;
  }
}
