import {
  ApiError,
  LitElement,
  LocaleController,
  customElement,
  errorMessage,
  formatDay,
  formatMoney,
  formatNumber,
  formatRate,
  html,
  i18n,
  nothing,
  property,
  sharedStyles,
  state,
  t,
  type ApiClient,
  type Problem,
  type Session,
} from '@comptoir/shell';
import type { Chart } from 'chart.js';
import { businessDay } from '../domain/business-day.js';
import type { Cell, ReportColumn, ReportTable } from '../services/report-table.js';
import { STATS_AXES, type StatsAxis } from '../domain/stats-axes.js';
import { PALETTE, drawBars, type Series } from './stats/chart.js';
import { statsStyles } from './stats/styles.js';

const REPORTS = ['stats', 'cash-book', 'receipts', 'sales-journal'] as const;
type Report = (typeof REPORTS)[number];
type Table = ReportTable & { rowCount: number; stations: Record<string, string> };
type Preset = 'today' | 'yesterday' | 'week' | 'month' | 'lastMonth' | 'year';

/** Bars drawn at most (the articles or postal codes beyond are in the table). */
const TOP = 20;

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

/** First and last day of a preset, in the shop's calendar. */
function presetDays(p: Preset, today: string): [string, string] {
  const month = today.slice(0, 7);
  switch (p) {
    case 'today': return [today, today];
    case 'yesterday': return [shift(today, -1), shift(today, -1)];
    case 'week': return [shift(today, -6), today];
    case 'month': return [`${month}-01`, today];
    case 'lastMonth': {
      const last = shift(`${month}-01`, -1);
      return [`${last.slice(0, 7)}-01`, last];
    }
    default: return [`${today.slice(0, 4)}-01-01`, today];
  }
}

/** A cell as the screen shows it, in the shop's locale. */
function shown(v: Cell | undefined, c: ReportColumn): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return c.type === 'date' ? formatDay(v) : v;
  switch (c.type) {
    case 'money': return formatMoney(v);
    case 'quantity': return formatNumber(v / 1000, { maximumFractionDigits: 3 });
    case 'rate': return formatRate(v);
    default: return formatNumber(v);
  }
}

/**
 * Till › Statistics (route #/pos/stats, permission pos.stats): a period (presets or two days), the shop or one
 * till, then a report — statistics grouped by hour, day, article, family, cashier, VAT rate, payment method,
 * postal code or till; the cash book; the receipts journal; the sales journal — as a chart (Chart.js) above its
 * table, and its CSV and PDF (GET /api/pos/reports/<report>?format=table|csv|pdf).
 *
 * Test ids: pos-stats, pos-stats-from, pos-stats-to, pos-stats-preset-<preset>, pos-stats-scope,
 * pos-stats-report-<report>, pos-stats-axis-<axis>, pos-stats-chart (the canvas), pos-stats-table, pos-stats-row,
 * pos-stats-total, pos-stats-csv, pos-stats-pdf, pos-stats-error, pos-stats-empty, pos-stats-truncated.
 */
@customElement('cpt-pos-stats')
export class PosStatsScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private report: Report = 'stats';
  @state() private axis: StatsAxis = 'hour';
  @state() private from = businessDay(new Date());
  @state() private to = businessDay(new Date());
  @state() private station = '';
  @state() private table: Table | null = null;
  @state() private stations: Record<string, string> = {};
  @state() private error = '';
  @state() private busy = '';
  private chart: Chart | null = null;
  private loading = 0;
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, statsStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }

  private query(format: 'table' | 'csv' | 'pdf'): Record<string, string> {
    return {
      from: this.from, to: this.to, scope: this.station ? 'station' : 'shop', ...(this.station ? { stationId: this.station } : {}),
      ...(this.report === 'stats' ? { axis: this.axis } : {}), format,
    };
  }

  private async load(): Promise<void> {
    const mine = ++this.loading;
    try {
      const table = await this.api.get<Table>(`/pos/reports/${this.report}`, this.query('table'));
      if (mine !== this.loading) return;
      this.table = table;
      this.stations = table.stations;
      this.error = '';
    } catch (err) {
      if (mine !== this.loading) return;
      this.table = null;
      this.error = errorMessage(err);
    }
  }

  private set(change: { report?: Report; axis?: StatsAxis; from?: string; to?: string; station?: string }): void {
    Object.assign(this, change);
    void this.load();
  }

  /** Downloads the report as CSV or PDF (fetched with the screen's language, then saved from a blob: URL). */
  private async download(format: 'csv' | 'pdf'): Promise<void> {
    this.busy = format;
    try {
      const res = await fetch(this.api.url(`/pos/reports/${this.report}`, this.query(format)), {
        credentials: 'same-origin', headers: { 'X-Comptoir-Language': i18n.language, 'Accept-Language': i18n.language },
      });
      if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => ({ title: res.statusText }))) as Problem);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${this.report}.${format}`;
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.style.display = 'none';
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = '';
    }
  }

  /** What the chart shows for the report on screen. */
  private chartData(tb: Table): { labels: string[]; series: Series[]; stacked: boolean } {
    const first = tb.columns[0];
    if (this.report === 'stats') {
      const rows = tb.rows.slice(0, ['hour', 'day', 'vat'].includes(this.axis) ? tb.rows.length : TOP);
      return {
        labels: rows.map((r) => shown(r[first.key], first)),
        series: [
          { label: t('pos.stats.sales'), values: rows.map((r) => Number(r.sales ?? 0)), color: PALETTE[0] },
          { label: t('pos.stats.refunds'), values: rows.map((r) => Number(r.refunds ?? 0)), color: PALETTE[1] },
        ],
        stacked: true,
      };
    }
    // The journals: one bar per day (their rows are tickets, entries or stations' days).
    const keys = this.report === 'receipts' ? tb.columns.filter((c) => c.key.startsWith('m.')) : this.report === 'cash-book'
      ? tb.columns.filter((c) => c.key === 'in' || c.key === 'out') : tb.columns.filter((c) => c.key === 'total');
    const days = new Map<string, number[]>();
    for (const r of tb.rows) {
      const day = String(r.day ?? '');
      const sums = days.get(day) ?? keys.map(() => 0);
      keys.forEach((k, i) => { sums[i] += Number(r[k.key] ?? 0) * (k.key === 'out' ? -1 : 1); });
      days.set(day, sums);
    }
    const labels = [...days.keys()];
    return {
      labels: labels.map((d) => formatDay(d)),
      series: keys.map((k, i) => ({ label: k.label, values: labels.map((d) => days.get(d)![i]), color: PALETTE[i % PALETTE.length] })),
      stacked: true,
    };
  }

  override updated(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas');
    if (!canvas || !this.table) {
      this.chart?.destroy();
      this.chart = null;
      return;
    }
    const { labels, series, stacked } = this.chartData(this.table);
    this.chart = drawBars(canvas, this.chart, labels, series, (c) => formatMoney(c), stacked);
  }

  /** The period and scope, in the shop's way of writing days. */
  private subtitle(): string {
    const period = this.from === this.to ? formatDay(this.from) : `${formatDay(this.from)} → ${formatDay(this.to)}`;
    return `${period} — ${this.station ? (this.stations[this.station] ?? this.station) : t('pos.stats.shop')}`;
  }

  private renderTable(tb: Table) {
    const cell = (r: Record<string, Cell>, c: ReportColumn) => {
      const v = r[c.key];
      const num = c.type !== 'text' && c.type !== 'date' && c.type !== 'time';
      return html`<td class="${num ? 'num' : ''} ${typeof v === 'number' && v < 0 && num ? 'neg' : ''}">${shown(v, c)}</td>`;
    };
    return html`<div class="scroll"><table data-testid="pos-stats-table">
      <thead><tr>${tb.columns.map((c) => html`<th class=${c.type === 'text' || c.type === 'date' || c.type === 'time' ? '' : 'num'} scope="col">${c.label}</th>`)}</tr></thead>
      <tbody>
        ${tb.rows.map((r) => html`<tr data-testid="pos-stats-row">${tb.columns.map((c) => cell(r, c))}</tr>`)}
        ${tb.totals ? html`<tr class="total" data-testid="pos-stats-total">${tb.columns.map((c) => cell(tb.totals!, c))}</tr>` : nothing}
      </tbody>
    </table></div>`;
  }

  override render() {
    const tb = this.table;
    const presets: Preset[] = ['today', 'yesterday', 'week', 'month', 'lastMonth', 'year'];
    const today = businessDay(new Date());
    return html`<div class="page" data-testid="pos-stats">
      <div class="page-header"><h1>${t('pos.stats.title')}</h1></div>
      <div class="card">
        <div class="controls">
          <label>${t('pos.stats.from')}<cpt-date-field testid="pos-stats-from" label=${t('pos.stats.from')} .value=${this.from}
            @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v) this.set({ from: v, to: v > this.to ? v : this.to }); }}></cpt-date-field></label>
          <label>${t('pos.stats.to')}<cpt-date-field testid="pos-stats-to" label=${t('pos.stats.to')} .value=${this.to}
            @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v) this.set({ to: v, from: v < this.from ? v : this.from }); }}></cpt-date-field></label>
          <label>${t('pos.stats.scope')}<select data-testid="pos-stats-scope" .value=${this.station} @change=${(e: Event) => this.set({ station: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.station}>${t('pos.stats.shop')}</option>
            ${Object.entries(this.stations).map(([id, name]) => html`<option value=${id} ?selected=${this.station === id}>${name}</option>`)}
          </select></label>
        </div>
        <div class="presets" style="margin-top: 10px">
          ${presets.map((p) => html`<button type="button" data-testid="pos-stats-preset-${p}" @click=${() => { const [from, to] = presetDays(p, today); this.set({ from, to }); }}>${t(`pos.stats.preset.${p}`)}</button>`)}
        </div>
      </div>
      <div class="tabs reports" role="tablist" aria-label=${t('pos.stats.reports')}>
        ${REPORTS.map((r) => html`<button type="button" role="tab" aria-selected=${this.report === r ? 'true' : 'false'} data-testid="pos-stats-report-${r}"
          @click=${() => this.set({ report: r })}>${t(`pos.stats.report.${r}`)}</button>`)}
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-stats-error">${this.error}</div>` : nothing}
      <div class="card">
        ${this.report === 'stats'
          ? html`<div class="tabs" role="tablist" aria-label=${t('pos.stats.axes')} style="margin-bottom: 12px">
              ${STATS_AXES.map((a) => html`<button type="button" role="tab" aria-selected=${this.axis === a ? 'true' : 'false'} data-testid="pos-stats-axis-${a}"
                @click=${() => this.set({ axis: a })}>${t(`pos.stats.axis.${a}`)}</button>`)}
            </div>`
          : nothing}
        ${tb
          ? html`<div class="head">
              <div><h2>${tb.title}</h2><div class="muted" data-testid="pos-stats-subtitle">${this.subtitle()}</div></div>
              <div class="downloads">
                <cpt-button icon="file" data-testid="pos-stats-csv" ?busy=${this.busy === 'csv'} @click=${() => void this.download('csv')}>${t('pos.stats.csv')}</cpt-button>
                <cpt-button icon="file" data-testid="pos-stats-pdf" ?busy=${this.busy === 'pdf'} @click=${() => void this.download('pdf')}>${t('pos.stats.pdf')}</cpt-button>
              </div>
            </div>
            ${tb.rows.length
              ? html`<div class="chart"><canvas data-testid="pos-stats-chart" role="img" aria-label=${t('pos.stats.chartLabel', { title: tb.title })}></canvas></div>`
              : html`<p class="muted" data-testid="pos-stats-empty">${t('pos.stats.empty')}</p>`}
            ${tb.rowCount > tb.rows.length ? html`<p class="alert warning" data-testid="pos-stats-truncated">${t('pos.stats.truncated', { shown: tb.rows.length, count: tb.rowCount })}</p>` : nothing}
            ${this.renderTable(tb)}`
          : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-stats': PosStatsScreen;
  }
}
