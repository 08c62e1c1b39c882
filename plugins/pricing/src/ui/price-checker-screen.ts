import {
  focusWhenShown,
  ApiClient,
  ApiError,
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
  toast,
  type PropertyValues,
  type ScreenRoute,
  type Session,
} from '@comptoir/shell';
import './picker.js';
import './quote-card.js';
import type { LabelFacts } from './quote-card.js';
import { ruleName, toThousandths, today } from './format.js';
import { pricingStyles } from './styles.js';
import type { Article, Customer, PriceList, Quote, ScanResolution } from './types.js';


/**
 * Price checker (route #/pricing/check[?article=<id>]): scan or type a code, choose a customer (optional), a
 * quantity and a day, and see the article, its price, the legal unit price, the rule that gave the price and,
 * for scale labels, the weight and price the label carries.
 *
 * Test ids: checker-code, checker-go, checker-choice (data-key = article id), checker-customer (picker prefix:
 * checker-customer-search, checker-customer-result), checker-customer-name, checker-customer-clear,
 * checker-quantity, checker-date, checker-error, checker-result, checker-article, checker-unit-price,
 * checker-other-side, checker-total, checker-rule, checker-adjustment, checker-list, checker-legal,
 * checker-associated-row, checker-label, checker-label-weight, checker-label-price, checker-card.
 */
@customElement('cpt-pricing-checker')
export class PricingCheckerScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) route: ScreenRoute | undefined;

  @state() private code = '';
  @state() private article: Article | Quote['article'] | null = null;
  @state() private choices: Article[] = [];
  @state() private customer: Customer | null = null;
  @state() private quantity: number | null = 1;
  @state() private day = today();
  @state() private quote: Quote | null = null;
  @state() private label: LabelFacts | null = null;
  @state() private card = '';
  @state() private error = '';
  @state() private busy = false;
  @state() private lists: PriceList[] = [];

  @query('[data-testid="checker-code"]') private codeInput?: HTMLInputElement;
  /** Results of older requests are ignored: a quote or a scan answers for the latest input only. */
  private requestId = 0;
  private lookupId = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private i18n = new LocaleController(this);

  static override styles = [
    ...pricingStyles,
    css`
      .controls {
        display: grid;
        grid-template-columns: minmax(260px, 2fr) minmax(220px, 1.5fr) 150px 180px;
        gap: 12px 16px;
        align-items: start;
      }
      .code-row {
        display: flex;
        gap: 8px;
      }
      .code-row input {
        font-size: 1.125rem;
      }
      .choices {
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .choices button {
        all: unset;
        cursor: pointer;
        padding: 10px 12px;
        border: 1px solid var(--cpt-border);
        border-radius: var(--cpt-radius-sm);
        background: var(--cpt-surface);
      }
      .choices button:hover {
        background: var(--cpt-hover);
      }
      @media (max-width: 1000px) {
        .controls {
          grid-template-columns: 1fr 1fr;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api
      .get<PriceList[]>('/pricing/lists')
      .then((l) => (this.lists = l))
      .catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearTimeout(this.timer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route')) {
      const id = Number(this.route?.query.article);
      if (Number.isInteger(id) && id > 0 && id !== this.article?.id) void this.openArticle(id);
    }
  }

  override firstUpdated(): void {
    if (!this.route?.query.article) focusWhenShown(() => this.codeInput);
  }

  focusSearch(): void {
    this.codeInput?.focus();
    this.codeInput?.select();
  }

  onBarcode(code: string): void {
    this.code = code;
    void this.lookup(code);
  }

  private async openArticle(id: number): Promise<void> {
    try {
      const a = await this.api.get<Article>(`/catalog/articles/${id}`);
      this.code = a.code;
      this.choose(a);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  /** A code as scanned or typed: the nomenclature, packs and barcodes first, then article codes and names. */
  private async lookup(raw: string): Promise<void> {
    const code = raw.trim();
    if (!code) return;
    const request = ++this.requestId;
    const lookup = ++this.lookupId;
    this.busy = true;
    this.error = '';
    this.card = '';
    this.choices = [];
    try {
      const scan = await this.api.get<ScanResolution>(`/pricing/scan/${encodeURIComponent(code)}`, { customer: this.customer?.id, date: this.day });
      if (request !== this.requestId) return;
      this.fromScan(scan);
    } catch (err) {
      if (request !== this.requestId) return;
      if (err instanceof ApiError && err.status === 404 && err.code === 'SCAN_UNKNOWN_CODE') await this.search(code, request);
      else this.fail(err);
    } finally {
      if (lookup === this.lookupId) this.busy = false;
    }
  }

  private fromScan(scan: ScanResolution): void {
    if (scan.kind === 'customer') {
      if (scan.customer) {
        this.customer = { id: scan.customer.id, code: scan.customer.code, name: scan.customer.name };
        toast(t('pricing.checker.customerCard', { name: scan.customer.name }), 'info');
        this.requote();
      } else this.card = t('pricing.checker.unknownCard', { number: scan.cardNumber ?? scan.code });
      return;
    }
    if (scan.kind === 'cashier') {
      this.card = t('pricing.checker.cashierCard', { number: scan.cardNumber ?? '' });
      return;
    }
    if (scan.kind === 'discount') {
      const d = scan.discount;
      this.card = d ? t('pricing.checker.coupon', { value: d.unit === 'percent' ? `${d.value} %` : formatMoney(d.value) }) : '';
      return;
    }
    if (!scan.article) return;
    this.article = scan.article;
    const carried = scan.source === 'nomenclature' && scan.barcodeRule && (scan.barcodeRule.type === 'weight' || scan.barcodeRule.type === 'price' || scan.barcodeRule.type === 'quantity');
    this.label = carried
      ? { rule: ruleName(scan.barcodeRule!.name), quantity: scan.quantity, price: scan.priceFromLabel ? (scan.unitPriceIncl ?? null) : (scan.lineTotal ?? null), priceFromLabel: scan.priceFromLabel }
      : null;
    this.quantity = scan.pack ? scan.pack.quantity / 1000 : scan.quantity && !scan.priceFromLabel ? scan.quantity / 1000 : 1;
    if (scan.unitPrice !== undefined && scan.rule) {
      // The scan is already priced (a label's price, a pack's price): show it as it is.
      this.quote = {
        ...(scan as unknown as Quote),
        quantity: scan.quantity ?? 1000,
        article: { ...scan.article },
        priceList: this.listInfo(scan.priceListCode ?? ''),
      };
    } else this.requote();
  }

  private listInfo(code: string): Quote['priceList'] {
    const l = this.lists.find((x) => x.code === code);
    return { code, name: l?.name ?? { fr: code, nl: code, en: code }, includesVat: l?.includesVat ?? true };
  }

  private async search(code: string, request: number): Promise<void> {
    const page = await this.api.page<Article>('/catalog/articles', { q: code, pageSize: 8 });
    if (request !== this.requestId) return;
    const items = page.items ?? [];
    const exact = items.filter((a) => a.code.toLowerCase() === code.toLowerCase());
    if (exact.length === 1 || items.length === 1) this.choose(exact[0] ?? items[0]);
    else if (items.length) this.choices = items;
    else {
      this.article = null;
      this.quote = null;
      this.error = t('pricing.checker.unknown', { code });
    }
  }

  private choose(a: Article): void {
    this.article = a;
    this.choices = [];
    this.label = null;
    this.requote(true);
  }

  private fail(err: unknown): void {
    this.error = errorMessage(err);
    this.quote = null;
  }

  /** Asks the server again after the quantity, the customer or the day changed (a short pause first while typing). */
  private requote(now = false): void {
    if (this.timer) clearTimeout(this.timer);
    if (now) void this.fetchQuote();
    else this.timer = setTimeout(() => void this.fetchQuote(), 250);
  }

  private async fetchQuote(): Promise<void> {
    if (!this.article) return;
    const request = ++this.requestId;
    this.error = '';
    try {
      const quote = await this.api.get<Quote>('/pricing/quote', {
        article: this.article.id,
        customer: this.customer?.id,
        quantity: toThousandths(this.quantity ?? 1) ?? 1000,
        date: this.day || undefined,
      });
      if (request !== this.requestId) return;
      this.quote = quote;
    } catch (err) {
      if (request === this.requestId) this.fail(err);
    }
  }

  private renderControls() {
    return html`<div class="card controls">
      <cpt-field label=${t('pricing.checker.code')}>
        <div class="code-row">
          <input class="mono-input" data-testid="checker-code" inputmode="text" autocomplete="off" spellcheck="false" placeholder=${t('pricing.checker.codePlaceholder')}
            .value=${this.code}
            @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void this.lookup(this.code);
              }
            }} />
          <cpt-button variant="primary" icon="search" label=${t('pricing.checker.go')} data-testid="checker-go" ?busy=${this.busy} @click=${() => this.lookup(this.code)}></cpt-button>
        </div>
      </cpt-field>
      <cpt-field label=${t('pricing.checker.customer')}>
        ${this.customer
          ? html`<div style="display:flex;gap:8px;align-items:center;min-height:44px">
              <span class="badge primary" data-testid="checker-customer-name">${this.customer.name}</span>
              <cpt-button variant="ghost" icon="close" label=${t('pricing.checker.noCustomer')} data-testid="checker-customer-clear"
                @click=${() => {
                  this.customer = null;
                  this.requote(true);
                }}></cpt-button>
            </div>`
          : html`<cpt-pricing-picker .api=${this.api} source="customers" testid="checker-customer" placeholder=${t('pricing.checker.customerPlaceholder')}
              @pick=${(e: CustomEvent<{ item: Customer }>) => {
                this.customer = e.detail.item;
                this.requote(true);
              }}></cpt-pricing-picker>`}
      </cpt-field>
      <cpt-field label=${t('pricing.checker.quantity')}>
        <cpt-numeric-field testid="checker-quantity" mode="decimal" .decimals=${3} .value=${this.quantity}
          suffix=${this.article?.unit === 'kg' ? 'kg' : this.article?.unit === 'litre' ? 'l' : ''}
          @change=${(e: CustomEvent<{ value: number | null; valid: boolean }>) => {
            if (!e.detail.valid || e.detail.value === null) return;
            this.quantity = e.detail.value;
            this.label = null;
            this.requote();
          }}></cpt-numeric-field>
      </cpt-field>
      <cpt-field label=${t('pricing.checker.date')}>
        <cpt-date-field testid="checker-date" label=${t('pricing.checker.date')} .value=${this.day}
          @change=${(e: Event) => {
            this.day = (e.target as HTMLInputElement).value;
            this.requote(true);
          }}></cpt-date-field>
      </cpt-field>
    </div>`;
  }


  override render() {
    return html`<div class="page">
      <div class="page-header"><h1>${t('pricing.checker.title')}</h1></div>
      ${this.renderControls()}
      ${this.error ? html`<div class="alert error" role="alert" data-testid="checker-error">${this.error}</div>` : nothing}
      ${this.card ? html`<div class="alert info" data-testid="checker-card">${this.card}</div>` : nothing}
      ${this.choices.length
        ? html`<div class="card">
            <h2 class="section-title">${t('pricing.checker.choose')}</h2>
            <div class="choices">
              ${this.choices.map(
                (a) => html`<button type="button" data-testid="checker-choice" data-key=${String(a.id)} @click=${() => {
                  this.code = a.code;
                  this.choose(a);
                }}><span class="mono muted">${a.code}</span> ${a.name}</button>`,
              )}
            </div>
          </div>`
        : nothing}
      ${this.quote
        ? html`<cpt-pricing-quote .quote=${this.quote} .lists=${this.lists} .customer=${this.customer} .label=${this.label} .session=${this.session}></cpt-pricing-quote>`
        : !this.error && !this.choices.length ? html`<p class="muted">${t('pricing.checker.hint')}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-checker': PricingCheckerScreen;
  }
}
