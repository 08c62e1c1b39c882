import { LitElement, LocaleController, css, customElement, formatMoney, formatNumber, html, i18n, nothing, property, t } from '@comptoir/shell';
import { formatQuantity } from './format.js';
import { pricingStyles } from './styles.js';

/** A reason in the request's language, or in each language. */
type Text = string | { fr: string; nl?: string; en?: string };

export interface Rejected {
  row: number;
  reasons: Text[];
}
export interface ImportPreview {
  columns: string[];
  rows: number;
  counts: { create: number; update: number; unchanged: number; rejected: number };
  sample: Array<{ row: number; action: 'create' | 'update' | 'unchanged'; articleId: number | null; values: Record<string, any> }>;
  /** Every update (the first 1,000) with each value it changes. */
  updates?: Array<{ row: number; articleId: number; code: string; changes: Array<{ field: string; from: string | number | null; to: string | number | null }> }>;
  rejected: Rejected[];
}
export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejected[];
}

const textOf = (v: Text) => (typeof v === 'string' ? v : v[i18n.language] ?? v.fr);

/**
 * <cpt-pricing-import-outcome> — what an import would do (preview: counts, the first rows as read, the rejected
 * rows) or did (report: created / updated / unchanged / rejected rows with their reasons).
 *
 * Properties: preview, report. Test ids: import-counts, import-count-<create|update|unchanged|rejected>,
 * import-sample-row (data-row), import-rejected-row (data-row), import-report,
 * import-report-<created|updated|unchanged|rejected>.
 */
@customElement('cpt-pricing-import-outcome')
export class PricingImportOutcome extends LitElement {
  @property({ attribute: false }) preview: ImportPreview | null = null;
  @property({ attribute: false }) report: ImportReport | null = null;

  private i18n = new LocaleController(this);

  static override styles = [
    ...pricingStyles,
    css`
      :host {
        display: block;
      }
      .counts {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 12px;
      }
      .count {
        border: 1px solid var(--cpt-border);
        border-radius: var(--cpt-radius-sm);
        padding: 12px;
      }
      .count .n {
        font-size: 1.75rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .count.bad .n {
        color: var(--cpt-danger);
      }
    `,
  ];

  private renderCounts(c: { create: number; update: number; unchanged: number; rejected: number }, prefix: string, labels: [string, string, string, string]) {
    const keys = prefix === 'import-count' ? ['create', 'update', 'unchanged', 'rejected'] : ['created', 'updated', 'unchanged', 'rejected'];
    const values = [c.create, c.update, c.unchanged, c.rejected];
    return html`<div class="counts">
      ${values.map((n, i) => html`<div class="count ${i === 3 && n > 0 ? 'bad' : ''}">
        <div class="n" data-testid=${`${prefix}-${keys[i]}`}>${formatNumber(n)}</div>
        <div class="muted">${labels[i]}</div>
      </div>`)}
    </div>`;
  }

  private renderRejected(rows: Rejected[], total: number) {
    if (!rows.length) return nothing;
    return html`<h3 style="margin:16px 0 8px">${t('pricing.import.rejectedRows', { count: formatNumber(total) })}</h3>
      <table class="plain">
        <thead><tr><th style="width:90px">${t('pricing.import.row')}</th><th>${t('pricing.import.reasons')}</th></tr></thead>
        <tbody>
          ${rows.map((r) => html`<tr data-testid="import-rejected-row" data-row=${String(r.row)}>
            <td class="mono">${r.row}</td>
            <td>${r.reasons.map((x) => html`<div>${textOf(x)}</div>`)}</td>
          </tr>`)}
        </tbody>
      </table>`;
  }

  private renderPreview(p: ImportPreview) {
    const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v) : '');
    return html`<div class="card" data-testid="import-counts">
      <h2 class="section-title">${t('pricing.import.previewTitle', { rows: formatNumber(p.rows) })}</h2>
      ${this.renderCounts(p.counts, 'import-count', [t('pricing.import.toCreate'), t('pricing.import.toUpdate'), t('pricing.import.unchanged'), t('pricing.import.rejected')])}
      ${p.sample.length
        ? html`<h3 style="margin:16px 0 8px">${t('pricing.import.sample')}</h3>
            <table class="plain">
              <thead><tr>
                <th>${t('pricing.import.row')}</th><th>${t('pricing.import.action')}</th><th>${t('pricing.import.field.code')}</th><th>${t('pricing.import.field.name')}</th>
                <th class="end">${t('pricing.import.field.purchasePrice')}</th><th class="end">${t('pricing.import.field.retailPrice')}</th><th class="end">${t('pricing.import.field.packQuantity')}</th>
              </tr></thead>
              <tbody>
                ${p.sample.map((s) => html`<tr data-testid="import-sample-row" data-row=${String(s.row)}>
                  <td class="mono">${s.row}</td>
                  <td><span class="badge ${s.action === 'create' ? 'success' : s.action === 'update' ? 'primary' : ''}">${t(`pricing.import.action.${s.action}`)}</span></td>
                  <td class="mono">${s.values.code ?? s.values.barcode?.code ?? ''}</td>
                  <td>${s.values.name ?? ''}</td>
                  <td class="end">${money(s.values.purchasePrice)}</td>
                  <td class="end">${money(s.values.retailPrice)}</td>
                  <td class="end">${s.values.pack ? formatQuantity(s.values.pack.quantity) : ''}</td>
                </tr>`)}
              </tbody>
            </table>`
        : nothing}
      ${this.renderUpdates(p)}
      ${this.renderRejected(p.rejected, p.counts.rejected)}
    </div>`;
  }

  /** Each update's changes, old → new, so that nothing is overwritten without being seen first. */
  private renderUpdates(p: ImportPreview) {
    const updates = p.updates ?? [];
    if (!updates.length) return nothing;
    const isMoney = (field: string) => field.startsWith('price') || field === 'purchasePrice';
    const value = (field: string, v: string | number | null) => (v === null ? '—' : isMoney(field) && typeof v === 'number' ? formatMoney(v) : field.startsWith('pack.') && typeof v === 'number' ? formatQuantity(v) : String(v));
    const label = (field: string) => (field.startsWith('price.') ? t('pricing.import.listPrice', { list: field.slice(6) }) : field.startsWith('pack.') ? t('pricing.import.field.packQuantity') : field === 'price' ? t('pricing.import.field.retailPrice') : field === 'barcodes' ? t('pricing.import.field.barcode') : t(`pricing.import.field.${field}`));
    return html`<h3 style="margin:16px 0 8px">${t('pricing.import.updates')}</h3>
      <table class="plain" data-testid="import-updates">
        <thead><tr><th>${t('pricing.import.row')}</th><th>${t('pricing.import.field.code')}</th><th>${t('pricing.import.change')}</th></tr></thead>
        <tbody>
          ${updates.map((u) => html`<tr data-testid="import-update-row" data-row=${String(u.row)}>
            <td class="mono">${u.row}</td>
            <td class="mono">${u.code}</td>
            <td>${u.changes.map((c) => html`<div>${label(c.field)} : <s>${value(c.field, c.from)}</s> → <strong>${value(c.field, c.to)}</strong></div>`)}</td>
          </tr>`)}
        </tbody>
      </table>
      ${p.counts.update > updates.length ? html`<p class="muted">${t('pricing.import.updatesMore', { count: formatNumber(p.counts.update - updates.length) })}</p>` : nothing}`;
  }

  private renderReport(r: ImportReport) {
    return html`<div class="card" data-testid="import-report">
      <h2 class="section-title">${t('pricing.import.reportTitle', { rows: formatNumber(r.rows) })}</h2>
      ${this.renderCounts({ create: r.created, update: r.updated, unchanged: r.unchanged, rejected: r.rejected.length }, 'import-report',
        [t('pricing.import.created'), t('pricing.import.updated'), t('pricing.import.unchanged'), t('pricing.import.rejected')])}
      ${this.renderRejected(r.rejected, r.rejected.length)}
    </div>`;
  }

  override render() {
    return html`${this.preview ? this.renderPreview(this.preview) : nothing}${this.report ? this.renderReport(this.report) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-import-outcome': PricingImportOutcome;
  }
}
