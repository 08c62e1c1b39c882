import { ApiClient, LitElement, LocaleController, css, customElement, errorMessage, formatDate, formatMoney, formatNumber, html, nothing, property, sharedStyles, state, t, type PropertyValues, type Session } from '@comptoir/shell';
import type { ArticleCosts } from '../services/article-costs.js';

/** What the article editor passes to its zones: the stored article, null while new. */
interface ArticleContext {
  article: { id: number; price: number | null } | null;
}

/**
 * Widget of the zone `catalog.article.aside`: the article's purchase prices as supplier imports stored them
 * (VAT excluded) and the margin each leaves at the catalogue's price. Reloaded whenever the article is saved.
 *
 * Test ids: article-costs, article-costs-row, article-costs-empty.
 */
@customElement('cpt-pricing-article-costs')
export class ArticleCostsWidget extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) zone = '';
  @property({ attribute: false }) context: ArticleContext | null = null;

  @state() private costs: ArticleCosts | null = null;
  @state() private error = '';
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, css`
    h2 { font-size: 1rem; margin: 0 0 10px; }
    table { width: 100%; border-collapse: collapse; }
    td, th { padding: 4px 6px; text-align: left; }
    td.end, th.end { text-align: right; font-variant-numeric: tabular-nums; }
    .negative { color: var(--cpt-danger, #b00020); }
  `];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context')) void this.load();
  }

  private async load(): Promise<void> {
    const id = this.context?.article?.id ?? null;
    this.error = '';
    if (id === null) {
      this.costs = null;
      return;
    }
    try {
      const costs = await this.api.get<ArticleCosts>(`/pricing/articles/${id}/costs`);
      if (id === this.context?.article?.id) this.costs = costs;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  override render() {
    if (!this.context?.article) return nothing;
    const c = this.costs;
    return html`<div class="card" data-testid="article-costs">
      <h2>${t('pricing.costs.title')}</h2>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      ${c && !c.costs.length ? html`<p class="muted" data-testid="article-costs-empty">${t('pricing.costs.none')}</p>` : nothing}
      ${c && c.costs.length
        ? html`<table>
            <thead><tr><th>${t('pricing.costs.supplier')}</th><th class="end">${t('pricing.costs.cost')}</th><th class="end">${t('pricing.costs.margin')}</th></tr></thead>
            <tbody>
              ${c.costs.map((x) => html`<tr data-testid="article-costs-row" title=${formatDate(x.updatedAt)}>
                <td>${x.supplierName ?? t('pricing.costs.noSupplier')}</td>
                <td class="end">${formatMoney(x.unitPrice)}</td>
                <td class="end ${x.margin !== null && x.margin < 0 ? 'negative' : ''}">${x.margin === null ? '—' : html`${formatMoney(x.margin)} (${formatNumber(x.marginRate! / 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %)`}</td>
              </tr>`)}
            </tbody>
          </table>
          <p class="muted">${t('pricing.costs.basis', { price: c.priceExcl === null ? '—' : formatMoney(c.priceExcl) })}</p>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-article-costs': ArticleCostsWidget;
  }
}
