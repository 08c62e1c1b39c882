import {
  ApiClient,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formatMoney,
  html,
  nothing,
  property,
  query,
  state,
  t,
  type Session,
} from '@comptoir/shell';
import { formatQuantityOf, ruleName } from './format.js';
import { pricingStyles } from './styles.js';
import type { ScanResolution } from './types.js';

/**
 * <cpt-pricing-barcode-tester> — type or scan a code and see what the till would make of it: which rule read
 * it, the article, the weight or count and the price it carries, a customer or cashier card, a coupon; or the
 * reason it is refused.
 *
 * Properties: api, session. Methods: test(code), focus().
 * Test ids: nomenclature-test-code, nomenclature-test-go, nomenclature-test-result, nomenclature-test-rule,
 * nomenclature-test-article, nomenclature-test-quantity, nomenclature-test-price, nomenclature-test-card,
 * nomenclature-test-error.
 */
@customElement('cpt-pricing-barcode-tester')
export class PricingBarcodeTester extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private code = '';
  @state() private result: ScanResolution | null = null;
  @state() private error = '';
  @state() private busy = false;
  @query('input') private input?: HTMLInputElement;
  private requestId = 0;
  private i18n = new LocaleController(this);

  static override styles = [
    ...pricingStyles,
    css`
      .row {
        display: flex;
        gap: 8px;
        max-width: 560px;
      }
      .row input {
        font-size: 1.125rem;
      }
      .result {
        margin-top: 14px;
      }
    `,
  ];

  override focus(): void {
    this.input?.focus();
  }

  test(code: string): void {
    this.code = code;
    void this.run();
  }

  private async run(): Promise<void> {
    const code = this.code.trim();
    if (!code) return;
    const id = ++this.requestId;
    this.busy = true;
    this.error = '';
    this.result = null;
    try {
      const r = await this.api.get<ScanResolution>(`/pricing/scan/${encodeURIComponent(code)}`);
      if (id === this.requestId) this.result = r;
    } catch (err) {
      if (id === this.requestId) this.error = errorMessage(err);
    } finally {
      if (id === this.requestId) this.busy = false;
    }
  }

  private source(r: ScanResolution): string {
    if (r.barcodeRule) return t('pricing.tester.byRule', { rule: ruleName(r.barcodeRule.name) });
    return r.source === 'pack' ? t('pricing.tester.byPack') : t('pricing.tester.byBarcode');
  }

  private renderResult(r: ScanResolution) {
    const unit = r.article?.unit ?? 'piece';
    return html`<div class="result alert info" data-testid="nomenclature-test-result">
      <dl class="kv">
        <dt>${t('pricing.tester.readAs')}</dt>
        <dd data-testid="nomenclature-test-rule">${this.source(r)}</dd>
        ${r.kind === 'article' && r.article
          ? html`<dt>${t('pricing.tester.article')}</dt>
              <dd data-testid="nomenclature-test-article"><span class="mono">${r.article.code}</span> · ${r.article.name}</dd>
              ${r.pack ? html`<dt>${t('pricing.tester.pack')}</dt><dd>${r.pack.name} (× ${formatQuantityOf(r.pack.quantity, 'piece')})</dd>` : nothing}
              ${r.quantity !== null && !r.priceFromLabel
                ? html`<dt>${unit === 'piece' ? t('pricing.tester.count') : t('pricing.tester.weight')}</dt>
                    <dd data-testid="nomenclature-test-quantity">${formatQuantityOf(r.quantity, unit)}</dd>`
                : nothing}
              ${r.needsQuantity ? html`<dt>${t('pricing.tester.weight')}</dt><dd>${t('pricing.tester.needsScale')}</dd>` : nothing}
              <dt>${r.priceFromLabel ? t('pricing.tester.labelPrice') : t('pricing.tester.price')}</dt>
              <dd data-testid="nomenclature-test-price">
                ${r.priceFromLabel ? formatMoney(r.unitPriceIncl ?? null) : r.lineTotal === null || r.lineTotal === undefined ? '—' : formatMoney(r.lineTotal)}
                ${r.rule ? html`<span class="muted"> — ${r.rule.explanation}</span>` : nothing}
              </dd>`
          : nothing}
        ${r.kind === 'customer'
          ? html`<dt>${t('pricing.tester.customerCard')}</dt>
              <dd data-testid="nomenclature-test-card">${r.customer ? `${r.customer.name} (${r.customer.code})` : t('pricing.tester.noCustomer', { number: r.cardNumber ?? '' })}</dd>`
          : nothing}
        ${r.kind === 'cashier' ? html`<dt>${t('pricing.tester.cashierCard')}</dt><dd data-testid="nomenclature-test-card">${r.cardNumber}</dd>` : nothing}
        ${r.kind === 'discount' && r.discount
          ? html`<dt>${t('pricing.tester.coupon')}</dt>
              <dd data-testid="nomenclature-test-card">${r.discount.unit === 'percent' ? `${r.discount.value} %` : formatMoney(r.discount.value)}${r.cardNumber ? ` · n° ${r.cardNumber}` : ''}</dd>`
          : nothing}
      </dl>
    </div>`;
  }

  override render() {
    return html`<div class="card" data-testid="nomenclature-tester">
      <h2 class="section-title">${t('pricing.tester.title')}</h2>
      <div class="row">
        <input class="mono-input" data-testid="nomenclature-test-code" inputmode="numeric" autocomplete="off" spellcheck="false"
          placeholder=${t('pricing.tester.placeholder')} aria-label=${t('pricing.tester.title')} .value=${this.code}
          @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void this.run();
            }
          }} />
        <cpt-button variant="primary" data-testid="nomenclature-test-go" ?busy=${this.busy} @click=${() => this.run()}>${t('pricing.tester.go')}</cpt-button>
      </div>
      ${this.error ? html`<div class="alert error result" role="alert" data-testid="nomenclature-test-error">${this.error}</div>` : nothing}
      ${this.result ? this.renderResult(this.result) : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-barcode-tester': PricingBarcodeTester;
  }
}
