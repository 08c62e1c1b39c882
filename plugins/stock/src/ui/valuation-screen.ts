import { ApiClient, LitElement, LocaleController, css, customElement, errorMessage, formatDay, formatMoney, formatNumber, html, i18n, nothing, property, sharedStyles, state, t, type Session } from '@comptoir/shell';
import type { Valuation } from '../services/levels.service.js';
import { download, toCsv, type CsvCell } from './csv.js';

const qty = (thousandths: number) => formatNumber(thousandths / 1000, { maximumFractionDigits: 3 });
/** Today in the shop's time (Brussels), `YYYY-MM-DD`. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * Stock › Valuation (route #/stock/valuation, permission stock.valuation): the stock valued at weighted average cost
 * at the end of a day in the shop's time (GET /api/stock/valuation?date=), totals by family and location, the lines,
 * and a CSV download of the lines (UTF-8 with BOM, `;` and a decimal comma in fr and nl).
 *
 * Test ids: valuation-date, valuation-total, valuation-family, valuation-location, valuation-line, valuation-csv,
 * valuation-uncosted, valuation-error.
 */
@customElement('cpt-stock-valuation')
export class StockValuationScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private date = today();
  @state() private valuation: Valuation | null = null;
  @state() private locations = new Map<number, string>();
  @state() private error = '';
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, css`
    .page { padding: 16px; display: grid; gap: 16px; }
    .filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; }
    .filters input { min-height: 44px; }
    .totals { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; align-items: start; }
    @media (max-width: 800px) { .totals { grid-template-columns: 1fr; } .hide-narrow { display: none; } }
    table { width: 100%; border-collapse: collapse; }
    th, td { padding: 8px; border-bottom: 1px solid var(--cpt-border, #ddd); text-align: left; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .total { font-size: 1.5rem; font-weight: 700; }
  `];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.init();
  }

  private async init(): Promise<void> {
    try {
      const locs = (await this.api.get<{ items: Array<{ id: number; code: string }> }>('/stock/locations')).items;
      this.locations = new Map(locs.map((l) => [l.id, l.code]));
    } catch (err) {
      this.error = errorMessage(err);
    }
    await this.load();
  }

  private async load(): Promise<void> {
    try {
      this.valuation = await this.api.get<Valuation>('/stock/valuation', this.date ? { date: this.date } : {});
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private locationName(code: string | undefined): string {
    return code && ['shop', 'backroom', 'warehouse'].includes(code) ? t(`stock.location.${code}`) : (code ?? '');
  }

  private csv(): void {
    const v = this.valuation;
    if (!v) return;
    const rows: CsvCell[][] = [
      [t('stock.levels.article'), t('stock.valuation.code'), t('stock.levels.location'), t('stock.levels.quantity'), t('stock.valuation.unitCost'), t('stock.valuation.value')].map((text) => ({ text })),
      ...v.lines.map((l): CsvCell[] => [{ text: l.name }, { text: l.code }, { text: this.locationName(this.locations.get(l.locationId)) }, { quantity: l.quantity }, l.unitCost === null ? null : { money: l.unitCost }, { money: l.value }]),
      [{ text: t('stock.valuation.total') }, null, null, null, null, { money: v.total }],
    ];
    download(`stock-valuation-${this.date || today()}.csv`, toCsv(rows, i18n.language));
  }

  override render() {
    const v = this.valuation;
    return html`<div class="page">
      <div class="page-header"><h1>${t('stock.valuation.title')}</h1></div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="valuation-error">${this.error}</div>` : nothing}
      <div class="filters">
        <label style="display:grid;gap:4px">${t('stock.valuation.date')}
          <cpt-date-field testid="valuation-date" label=${t('stock.valuation.date')} .value=${this.date}
            @change=${(e: Event) => { this.date = (e.target as HTMLInputElement).value; void this.load(); }}></cpt-date-field></label>
        <cpt-button icon="file" data-testid="valuation-csv" ?disabled=${!v} @click=${() => this.csv()}>${t('stock.valuation.csv')}</cpt-button>
      </div>
      ${v ? html`
        <div class="card">
          <div class="muted">${t('stock.valuation.at', { date: formatDay(this.date || today()) })}</div>
          <div class="total" data-testid="valuation-total">${formatMoney(v.total)}</div>
          ${v.uncosted ? html`<div class="muted" data-testid="valuation-uncosted">${t('stock.valuation.uncosted', { n: v.uncosted })}</div>` : nothing}
        </div>
        <div class="totals">
          <div class="card"><h2>${t('stock.valuation.byFamily')}</h2><table>
            ${v.byFamily.map((f) => html`<tr data-testid="valuation-family"><td>${f.family ?? t('stock.valuation.noFamily')}</td><td class="num">${formatMoney(f.value)}</td></tr>`)}
          </table></div>
          <div class="card"><h2>${t('stock.valuation.byLocation')}</h2><table>
            ${v.byLocation.map((l) => html`<tr data-testid="valuation-location"><td>${this.locationName(l.location)}</td><td class="num">${formatMoney(l.value)}</td></tr>`)}
          </table></div>
        </div>
        <div class="card"><table>
          <thead><tr><th>${t('stock.levels.article')}</th><th class="hide-narrow">${t('stock.levels.location')}</th><th class="num">${t('stock.levels.quantity')}</th>
            <th class="num hide-narrow">${t('stock.valuation.unitCost')}</th><th class="num">${t('stock.valuation.value')}</th></tr></thead>
          <tbody>${v.lines.map((l) => html`<tr data-testid="valuation-line"><td>${l.name}<br /><small class="muted">${l.code}</small></td>
            <td class="hide-narrow">${this.locationName(this.locations.get(l.locationId))}</td><td class="num">${qty(l.quantity)}</td>
            <td class="num hide-narrow">${l.unitCost === null ? '' : formatMoney(l.unitCost)}</td><td class="num">${formatMoney(l.value)}</td></tr>`)}</tbody>
        </table></div>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-stock-valuation': StockValuationScreen;
  }
}
