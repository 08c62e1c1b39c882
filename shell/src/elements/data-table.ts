import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { icon } from '../icons.js';
import { LocaleController, formatNumber, t } from '../i18n/i18n.js';
import { sharedStyles } from '../styles.js';

export interface Column<T = any> {
  /** Property shown when there is no render function; also the column id. */
  key: string;
  /** Header text (already translated). */
  label: string;
  render?: (row: T, index: number) => unknown;
  align?: 'start' | 'end' | 'center';
  /** CSS width, e.g. '120px' or '20%'. */
  width?: string;
  /** Low-priority columns are hidden on phones (< 768 px). */
  priority?: 'high' | 'low';
  /** Monospace/tabular digits (codes, amounts). */
  mono?: boolean;
}

/**
 * <cpt-data-table> — table with clickable rows, paging and an empty state.
 *
 * Properties: columns (Column[]), rows (T[]), rowKey (property name or function, default 'id'),
 * total, page (1-based), pageSize (paging bar shown when total > pageSize or page > 1),
 * loading, emptyText, testid (prefix: table `<testid>-table`, rows `<testid>-row` with
 * `data-key`, empty state `<testid>-empty`, pager `<testid>-prev`, `<testid>-next`, `<testid>-page`),
 * rowClass (row → extra CSS class, e.g. 'inactive'), rowData (row → extra data-* attributes on the
 * row, e.g. { code: 'A1000' } → data-code="A1000"), clickable (default true).
 * Cell templates (Column.render) are rendered inside the table's shadow root: style them with the
 * shared classes (badge [success|warning|primary], muted, sub (secondary line), strong, mono, num).
 * Events (bubbles, composed): `row-click` { row, index } (click, Enter or Space on a row),
 * `page-change` { page }.
 */
@customElement('cpt-data-table')
export class CptDataTable<T = any> extends LitElement {
  @property({ attribute: false }) columns: Column<T>[] = [];
  @property({ attribute: false }) rows: T[] = [];
  @property({ attribute: false }) rowKey: string | ((row: T) => string | number) = 'id';
  @property({ type: Number }) total = 0;
  @property({ type: Number }) page = 1;
  @property({ type: Number }) pageSize = 0;
  @property({ type: Boolean }) loading = false;
  @property() emptyText = '';
  @property() testid = 'table';
  @property({ attribute: false }) rowClass: ((row: T) => string) | null = null;
  @property({ attribute: false }) rowData: ((row: T) => Record<string, string>) | null = null;
  @property({ type: Boolean }) clickable = true;

  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
    :host {
      display: block;
      background: var(--cpt-surface, #fff);
      border: 1px solid var(--cpt-border, #d5dae1);
      border-radius: var(--cpt-radius, 8px);
      box-shadow: var(--cpt-shadow);
      overflow: hidden;
      position: relative;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9375rem;
    }
    th {
      text-align: start;
      font-size: 0.8125rem;
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.02em;
      color: var(--cpt-muted, #5b6675);
      background: var(--cpt-bg, #f4f5f7);
      padding: 10px 14px;
      border-bottom: 1px solid var(--cpt-border, #d5dae1);
      white-space: nowrap;
    }
    td {
      padding: 0 14px;
      height: 52px;
      border-bottom: 1px solid var(--cpt-border-soft, #e7eaee);
      vertical-align: middle;
    }
    /* A long second line (an article's description) is cut with an ellipsis instead of widening the table:
       it adds nothing to the column's minimum width, so every column stays in view at 1024 px. */
    td .sub {
      min-width: 100%;
      max-width: 0;
    }
    tbody tr:last-child td {
      border-bottom: 0;
    }
    tr.clickable {
      cursor: pointer;
    }
    tr.clickable:hover td {
      background: var(--cpt-hover, #eef1f4);
    }
    tr:focus-visible {
      outline: 3px solid var(--cpt-focus, #2f7fd1);
      outline-offset: -3px;
    }
    tr.inactive td {
      color: var(--cpt-muted, #5b6675);
    }
    .end {
      text-align: end;
    }
    .center {
      text-align: center;
    }
    .mono {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.875rem;
    }
    td.end,
    td.mono {
      font-variant-numeric: tabular-nums;
    }
    .empty {
      padding: 40px 20px;
      text-align: center;
      color: var(--cpt-muted, #5b6675);
    }
    .empty .icon {
      opacity: 0.5;
      margin-bottom: 8px;
    }
    .pager {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 8px;
      padding: 8px 12px;
      border-top: 1px solid var(--cpt-border, #d5dae1);
      background: var(--cpt-bg, #f4f5f7);
      font-size: 0.875rem;
      color: var(--cpt-muted, #5b6675);
    }
    .pager .info {
      margin-right: auto;
    }
    .pager button {
      width: 44px;
      height: 44px;
      display: grid;
      place-items: center;
      border: 1px solid var(--cpt-border-strong, #b8c0ca);
      background: var(--cpt-surface, #fff);
      border-radius: var(--cpt-radius-sm, 6px);
      cursor: pointer;
      color: var(--cpt-text, #1b2430);
    }
    .pager button:disabled {
      opacity: 0.45;
      cursor: not-allowed;
    }
    .pager button:focus-visible {
      outline: 3px solid var(--cpt-focus, #2f7fd1);
      outline-offset: 2px;
    }
    .loading-bar {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      height: 3px;
      overflow: hidden;
    }
    .loading-bar::after {
      content: '';
      display: block;
      height: 100%;
      width: 30%;
      background: var(--cpt-primary, #1d5c8f);
      animation: slide 1s ease-in-out infinite;
    }
    @keyframes slide {
      from {
        transform: translateX(-100%);
      }
      to {
        transform: translateX(400%);
      }
    }
    @media (max-width: 767px) {
      .low {
        display: none;
      }
      th {
        width: auto !important;
        white-space: normal;
        hyphens: auto;
        overflow-wrap: anywhere;
      }
      .sub {
        white-space: normal;
      }
      td {
        padding: 0 10px;
        overflow-wrap: anywhere;
      }
      th {
        padding: 10px;
      }
      /* Amounts and codes stay whole; the text columns give way. */
      th.end,
      td.end,
      td.mono {
        white-space: nowrap;
        overflow-wrap: normal;
        hyphens: none;
      }
    }
  `,
  ];


  override updated(): void {
    if (!this.rowData) return;
    const trs = this.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [];
    trs.forEach((tr, i) => {
      const row = this.rows[i];
      if (row === undefined) return;
      for (const [k, v] of Object.entries(this.rowData!(row))) tr.dataset[k] = v;
    });
  }

  private keyOf(row: T, index: number): string | number {
    if (typeof this.rowKey === 'function') return this.rowKey(row);
    const v = (row as Record<string, unknown>)?.[this.rowKey];
    return v === undefined || v === null ? index : (v as string | number);
  }

  private activate(row: T, index: number): void {
    if (!this.clickable) return;
    this.dispatchEvent(new CustomEvent('row-click', { detail: { row, index }, bubbles: true, composed: true }));
  }

  private onRowKey(e: KeyboardEvent, row: T, index: number): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.activate(row, index);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const tr = e.currentTarget as HTMLElement;
      const next = (e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling) as HTMLElement | null;
      next?.focus();
    }
  }

  private goto(page: number): void {
    this.dispatchEvent(new CustomEvent('page-change', { detail: { page }, bubbles: true, composed: true }));
  }

  private cell(col: Column<T>, row: T, index: number): unknown {
    if (col.render) return col.render(row, index);
    const v = (row as Record<string, unknown>)?.[col.key];
    return v === null || v === undefined ? '' : String(v);
  }

  private classes(col: Column<T>, cell = false): string {
    return [col.align === 'end' ? 'end' : col.align === 'center' ? 'center' : '', col.priority === 'low' ? 'low' : '', cell && col.mono ? 'mono' : '']
      .filter(Boolean)
      .join(' ');
  }

  private renderPager(): TemplateResult | typeof nothing {
    if (!this.pageSize || (this.total <= this.pageSize && this.page <= 1)) return nothing;
    const pages = Math.max(1, Math.ceil(this.total / this.pageSize));
    const from = this.total === 0 ? 0 : (this.page - 1) * this.pageSize + 1;
    const to = Math.min(this.total, this.page * this.pageSize);
    return html`<div class="pager">
      <span class="info" data-testid=${`${this.testid}-page`}
        >${t('table.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(this.total) })}</span
      >
      <button
        type="button"
        data-testid=${`${this.testid}-prev`}
        aria-label=${t('table.previous')}
        title=${t('table.previous')}
        ?disabled=${this.page <= 1 || this.loading}
        @click=${() => this.goto(this.page - 1)}
      >
        ${icon('chevron-left', 20)}
      </button>
      <span>${t('table.pageOf', { page: this.page, pages })}</span>
      <button
        type="button"
        data-testid=${`${this.testid}-next`}
        aria-label=${t('table.next')}
        title=${t('table.next')}
        ?disabled=${this.page >= pages || this.loading}
        @click=${() => this.goto(this.page + 1)}
      >
        ${icon('chevron-right', 20)}
      </button>
    </div>`;
  }

  override render() {
    const empty = !this.loading && this.rows.length === 0;
    return html`
      ${this.loading ? html`<div class="loading-bar" role="progressbar" aria-label=${t('shell.loading')}></div>` : nothing}
      <div class="scroll">
        <table data-testid=${`${this.testid}-table`} aria-busy=${this.loading ? 'true' : 'false'}>
          <thead>
            <tr>
              ${this.columns.map(
                (c) => html`<th scope="col" class=${this.classes(c)} style=${c.width ? `width:${c.width}` : ''}>${c.label}</th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${repeat(
              this.rows,
              (row, i) => this.keyOf(row, i),
              (row, i) => html`<tr
                class=${[this.clickable ? 'clickable' : '', this.rowClass?.(row) ?? ''].join(' ')}
                tabindex=${this.clickable ? '0' : nothing}
                data-testid=${`${this.testid}-row`}
                data-key=${String(this.keyOf(row, i))}
                @click=${() => this.activate(row, i)}
                @keydown=${(e: KeyboardEvent) => this.onRowKey(e, row, i)}
              >
                ${this.columns.map((c) => html`<td class=${this.classes(c, true)}>${this.cell(c, row, i)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${empty
        ? html`<div class="empty" data-testid=${`${this.testid}-empty`}>
            <div class="icon">${icon('search', 32)}</div>
            ${this.emptyText || t('table.empty')}
          </div>`
        : nothing}
      ${this.renderPager()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-data-table': CptDataTable;
  }
}
