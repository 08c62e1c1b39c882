import {
  ApiClient,
  ApiError,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formatMoney,
  formatRate,
  hasPermission,
  html,
  navigate,
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
import './list-prices-editor.js';
import './packs-section.js';
import './associations-section.js';
import './content-section.js';
import type { PricingPicker } from './picker.js';
import type { PricingPacks } from './packs-section.js';
import type { PricingAssociations } from './associations-section.js';
import { pricingStyles } from './styles.js';
import type { Article, ListPrice, Page, PriceList, ScanResolution } from './types.js';

/**
 * Article prices (route #/pricing/articles, #/pricing/articles/<id>): pick an article (search or scan), then
 * see and edit its prices in every list — base price and quantity breaks with their periods — and its packs,
 * associated articles (deposits) and content.
 *
 * Test ids: article-prices-pick (picker prefix: article-prices-pick-search, article-prices-pick-result),
 * article-prices-back, article-prices-name, article-prices-code, article-prices-catalogue-price,
 * article-prices-check, article-prices-error, plus those of <cpt-pricing-list-prices> (price-<list>-…),
 * <cpt-pricing-packs>, <cpt-pricing-associations> and <cpt-pricing-content>.
 */
@customElement('cpt-pricing-articles')
export class PricingArticlesScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) route: ScreenRoute | undefined;

  @state() private article: Article | null = null;
  @state() private lists: PriceList[] = [];
  @state() private prices: ListPrice[] = [];
  @state() private loading = false;
  @state() private error = '';

  @query('cpt-pricing-picker') private picker?: PricingPicker;
  @query('cpt-pricing-packs') private packs?: PricingPacks;
  @query('cpt-pricing-associations') private associations?: PricingAssociations;
  private requestId = 0;
  private i18n = new LocaleController(this);

  static override styles = [
    ...pricingStyles,
    css`
      .facts {
        display: flex;
        gap: 8px 20px;
        flex-wrap: wrap;
        color: var(--cpt-muted);
      }
      .facts strong {
        color: var(--cpt-text);
      }
      .back {
        margin-left: -8px;
      }
    `,
  ];

  get canWrite(): boolean {
    return hasPermission(this.session, 'pricing.write');
  }

  private get articleId(): number | null {
    const id = Number(this.route?.rest?.[0]);
    return Number.isInteger(id) && id > 0 ? id : null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route')) {
      const id = this.articleId;
      if (id === null) {
        this.article = null;
        this.error = '';
      } else if (id !== this.article?.id) void this.load(id);
    }
  }

  focusSearch(): void {
    this.picker?.focus();
  }

  /** A scanned code opens its article (a pack's barcode or a scale label too); an unknown one can become a pack's barcode. */
  async onBarcode(code: string): Promise<void> {
    try {
      const scan = await this.api.get<ScanResolution>(`/pricing/scan/${encodeURIComponent(code)}`);
      if (scan.article) {
        navigate(`pricing/articles/${scan.article.id}`);
        return;
      }
      toast(t('pricing.scan.notArticle', { code }), 'warning');
    } catch (err) {
      if (err instanceof ApiError && err.status === 404 && this.article && this.canWrite) {
        this.packs?.fillBarcode(code);
        this.packs?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        toast(t('pricing.scan.unknownToPack', { code }), 'info');
        return;
      }
      toast(errorMessage(err), 'warning');
    }
  }

  private async load(id: number): Promise<void> {
    const request = ++this.requestId;
    this.loading = true;
    this.error = '';
    try {
      const [article, lists, prices] = await Promise.all([
        this.api.get<Article>(`/catalog/articles/${id}`),
        this.api.get<PriceList[]>('/pricing/lists'),
        this.api.get<Page<ListPrice>>('/pricing/prices', { article: id, pageSize: 500 }),
      ]);
      if (request !== this.requestId) return;
      this.article = article;
      this.lists = lists;
      this.prices = prices.items ?? [];
    } catch (err) {
      if (request !== this.requestId) return;
      this.article = null;
      this.error = errorMessage(err);
    } finally {
      if (request === this.requestId) this.loading = false;
    }
  }

  /**
   * After a list is saved: its rows, and the article (the default list's base price is the catalogue's price).
   * Also when a save was refused because someone else changed the rows: the list's Undo then brings theirs.
   */
  private async reload(): Promise<void> {
    if (!this.article) return;
    const id = this.article.id;
    try {
      const [article, prices] = await Promise.all([
        this.api.get<Article>(`/catalog/articles/${id}`),
        this.api.get<Page<ListPrice>>('/pricing/prices', { article: id, pageSize: 500 }),
      ]);
      this.article = article;
      this.prices = prices.items ?? [];
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private renderPick() {
    return html`<div class="page">
      <div class="page-header"><h1>${t('pricing.articles.title')}</h1></div>
      <div class="card">
        <cpt-pricing-picker .api=${this.api} source="articles" testid="article-prices-pick" placeholder=${t('pricing.articles.pickPlaceholder')}
          @pick=${(e: CustomEvent<{ item: Article }>) => navigate(`pricing/articles/${e.detail.item.id}`)}></cpt-pricing-picker>
        <p class="hint" style="margin-top:10px">${t('pricing.articles.scanHint')}</p>
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="article-prices-error">${this.error}</div>` : nothing}
    </div>`;
  }

  override render() {
    if (this.articleId === null) return this.renderPick();
    const a = this.article;
    const header = html`<div class="page-header">
      <cpt-button class="back" variant="ghost" icon="back" label=${t('pricing.articles.other')} data-testid="article-prices-back" @click=${() => navigate('pricing/articles')}></cpt-button>
      <h1 data-testid="article-prices-name">${a?.name ?? t('pricing.articles.title')}</h1>
      ${a
        ? html`<cpt-button icon="search" data-testid="article-prices-check" @click=${() => navigate('pricing/check', { article: a.id })}>${t('pricing.articles.check')}</cpt-button>`
        : nothing}
    </div>`;
    if (!a) {
      return html`<div class="page">
        ${header}
        ${this.loading ? html`<p class="muted">${t('pricing.loading')}</p>` : nothing}
        ${this.error ? html`<div class="alert error" role="alert" data-testid="article-prices-error">${this.error}</div>` : nothing}
      </div>`;
    }
    const ro = !this.canWrite;
    return html`<div class="page">
      ${header}
      <div class="facts">
        <span>${t('pricing.articles.code')} <strong class="mono" data-testid="article-prices-code">${a.code}</strong></span>
        <span>${t('pricing.articles.unit')} <strong>${t(`pricing.unit.${a.unit}`)}</strong></span>
        <span>${t('pricing.articles.vat')} <strong>${formatRate(a.vatRate)}</strong></span>
        <span>${t('pricing.articles.cataloguePrice')} <strong data-testid="article-prices-catalogue-price">${a.price === null ? '—' : formatMoney(a.price)}</strong></span>
        ${a.active ? nothing : html`<span class="badge">${t('pricing.inactive')}</span>`}
      </div>
      ${ro ? html`<div class="alert info">${t('pricing.readOnly')}</div>` : nothing}
      ${this.error ? html`<div class="alert error" role="alert" data-testid="article-prices-error">${this.error}</div>` : nothing}
      <p class="muted" style="margin:0">${t('pricing.articles.intro')}</p>
      ${this.lists.map(
        (l) => html`<cpt-pricing-list-prices
          .api=${this.api}
          .session=${this.session}
          .list=${l}
          .article=${a}
          .prices=${this.prices.filter((p) => p.priceListId === l.id)}
          ?readonly=${ro}
          @saved=${() => this.reload()}
          @stale=${() => this.reload()}
        ></cpt-pricing-list-prices>`,
      )}
      <cpt-pricing-packs .api=${this.api} .session=${this.session} .article=${a} .lists=${this.lists} ?readonly=${ro}
        @changed=${() => this.associations?.refresh()}></cpt-pricing-packs>
      <cpt-pricing-associations .api=${this.api} .article=${a} ?readonly=${ro}></cpt-pricing-associations>
      <cpt-pricing-content .api=${this.api} .article=${a} ?readonly=${ro}></cpt-pricing-content>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-articles': PricingArticlesScreen;
  }
}
