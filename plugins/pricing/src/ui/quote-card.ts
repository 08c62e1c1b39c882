import {
  LitElement,
  LocaleController,
  css,
  customElement,
  formatMoney,
  html,
  nothing,
  property,
  t,
  type Session,
} from '@comptoir/shell';
import { formatDay, formatQuantityOf, formatUnitPrice, listName, vatSide } from './format.js';
import { pricingStyles } from './styles.js';
import type { Customer, PriceList, Quote } from './types.js';

/** What a scanned label itself carries (scale labels): a weight or a count, and the price printed. */
export interface LabelFacts {
  rule: string;
  quantity: number | null;
  price: number | null;
  priceFromLabel: boolean;
}

/**
 * <cpt-pricing-quote> — a priced line as the price checker shows it: the article, its unit price on the list's
 * side of VAT (and the other side), the rule that gave it, the legal unit price, the total, the list, the lines
 * added with it (deposits) and, for a scale label, what the label carries.
 *
 * Properties: quote, lists, customer, label, session.
 * Test ids: checker-result, checker-article, checker-unit-price, checker-other-side, checker-rule,
 * checker-adjustment, checker-legal, checker-quantity-shown, checker-total, checker-list,
 * checker-associated-row, checker-label, checker-label-weight, checker-label-price.
 */
@customElement('cpt-pricing-quote')
export class PricingQuoteCard extends LitElement {
  @property({ attribute: false }) quote: Quote | null = null;
  @property({ attribute: false }) lists: PriceList[] = [];
  @property({ attribute: false }) customer: Customer | null = null;
  @property({ attribute: false }) label: LabelFacts | null = null;
  @property({ attribute: false }) session!: Session;

  private i18n = new LocaleController(this);

  static override styles = [
    ...pricingStyles,
    css`
      .result {
        display: grid;
        grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr);
        gap: 16px;
      }
      .price-line {
        display: flex;
        align-items: baseline;
        gap: 10px;
        flex-wrap: wrap;
      }
      .rule {
        font-size: 1.0625rem;
        margin-top: 8px;
      }
      @media (max-width: 800px) {
        .result {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  override render() {
    const q = this.quote;
    if (!q) return nothing;
    const unit = q.article.unit;
    const per = unit === 'kg' ? '/kg' : unit === 'litre' ? '/l' : '';
    const other = q.includesVat ? q.unitPriceExcl : q.unitPriceIncl;
    const list = this.lists.find((l) => l.code === q.priceListCode);
    return html`<div class="result" data-testid="checker-result">
      <div class="card">
        <h2 data-testid="checker-article">${q.article.name}</h2>
        <p class="muted mono" style="margin:4px 0 14px">${q.article.code}</p>
        ${q.unitPrice === null
          ? html`<p class="big" data-testid="checker-unit-price">${t('pricing.checker.noPrice')}</p>`
          : html`<div class="price-line">
              <span class="big" data-testid="checker-unit-price">${formatMoney(q.unitPrice)}${per}</span>
              <span class="badge">${vatSide(q.includesVat, this.session)}</span>
              ${other !== null
                ? html`<span class="muted" data-testid="checker-other-side">${t('pricing.colon', { label: vatSide(!q.includesVat, this.session) })} ${formatMoney(other)}${per}</span>`
                : nothing}
            </div>`}
        <p class="rule" data-testid="checker-rule">${q.rule.explanation}</p>
        ${(q.adjustments ?? []).map((a) => html`<p class="muted" data-testid="checker-adjustment" style="margin:4px 0 0">${a.explanation}</p>`)}
        ${q.unitPriceLegal && unit === 'piece'
          ? html`<p style="margin:12px 0 0">${t('pricing.colon', { label: t(`pricing.checker.legal.${q.unitPriceLegal.unit}`) })}
              <strong data-testid="checker-legal">${formatUnitPrice(q.unitPriceLegal.cents, q.unitPriceLegal.unit)}</strong></p>`
          : nothing}
      </div>
      <div class="card">
        <dl class="kv">
          <dt>${t('pricing.checker.quantity')}</dt>
          <dd data-testid="checker-quantity-shown">${formatQuantityOf(q.quantity, unit)}</dd>
          <dt>${t('pricing.checker.total')}</dt>
          <dd><strong data-testid="checker-total">${q.lineTotal === null ? '—' : formatMoney(q.lineTotal)}</strong></dd>
          <dt>${t('pricing.checker.list')}</dt>
          <dd data-testid="checker-list">${list ? listName(list) : listName({ code: q.priceListCode, name: q.priceList?.name ?? { fr: q.priceListCode, nl: q.priceListCode, en: q.priceListCode } })}</dd>
          <dt>${t('pricing.checker.customer')}</dt>
          <dd>${this.customer?.name ?? t('pricing.checker.anonymous')}</dd>
          <dt>${t('pricing.checker.date')}</dt>
          <dd>${formatDay(q.date)}</dd>
        </dl>
        ${q.associatedLines?.length
          ? html`<h3 style="margin:16px 0 8px">${t('pricing.checker.associated')}</h3>
              ${q.associatedLines.map(
                (l) => html`<p data-testid="checker-associated-row" style="margin:4px 0">
                  ${t('pricing.colon', { label: `${t(`pricing.associations.kind.${l.kind}`)} · ${l.article.name} × ${formatQuantityOf(l.quantity, 'piece')}` })}
                  <strong>${l.lineTotal === null ? '—' : formatMoney(l.lineTotal)}</strong>
                </p>`,
              )}`
          : nothing}
        ${this.label
          ? html`<div class="alert info" data-testid="checker-label" style="margin-top:16px">
              <strong>${t('pricing.checker.labelCarries', { rule: this.label.rule })}</strong><br />
              ${this.label.quantity !== null && !this.label.priceFromLabel
                ? html`${t('pricing.checker.labelQuantity')} <strong data-testid="checker-label-weight">${formatQuantityOf(this.label.quantity, unit)}</strong><br />`
                : nothing}
              ${this.label.price !== null ? html`${t('pricing.checker.labelPrice')} <strong data-testid="checker-label-price">${formatMoney(this.label.price)}</strong>` : nothing}
            </div>`
          : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-quote': PricingQuoteCard;
  }
}
