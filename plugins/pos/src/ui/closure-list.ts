import {
  ApiClient,
  LitElement,
  LocaleController,
  customElement,
  errorMessage,
  formatDateTime,
  html,
  nothing,
  property,
  sharedStyles,
  state,
  t,
} from '@comptoir/shell';
import type { ClosureView } from '../services/closure.service.js';
import { backStyles } from './back-office.js';
import { closureSeal, periodLabel, reportFigures } from './closure-report.js';
import type { Method } from './types.js';

type ClosureRow = { id: number; number: string; stationId: number | null; period: ClosureView['period']['kind']; from: string; to: string; createdAt: string };

/**
 * The past Z closures, newest first (GET /api/pos/closures); one opens with its figures, grand totals, cash count,
 * journal heads and its PDF (GET /api/pos/closures/:id, …/print?format=pdf). Shown under the closing screen.
 *
 * Test ids: pos-zlist, pos-zlist-row, pos-zlist-empty, pos-zd, pos-zd-counted, pos-zd-difference, pos-zd-heads,
 * pos-zd-pdf.
 */
@customElement('cpt-pos-closure-list')
export class PosClosureList extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) methods: Method[] = [];

  @state() private rows: ClosureRow[] = [];
  @state() private open: ClosureView | null = null;
  @state() private error = '';
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, backStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    this.reload();
  }

  /** Reads the list again (after a Z). */
  reload(): void {
    this.api.get<ClosureRow[]>('/pos/closures').then((rows) => { this.rows = rows; this.error = ''; }, (err) => (this.error = errorMessage(err)));
  }

  private async show(id: number): Promise<void> {
    try {
      this.open = await this.api.get<ClosureView>(`/pos/closures/${id}`);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  override render() {
    const z = this.open;
    return html`<div class="card" data-testid="pos-zlist">
        <h2>${t('pos.zr.past')}</h2>
        ${this.error ? html`<div class="alert error" role="alert">${this.error}</div>` : nothing}
        ${this.rows.length
          ? html`<table>
              <thead><tr><th>${t('pos.history.number')}</th><th>${t('pos.zr.period')}</th><th class="hide-narrow">${t('pos.zr.takenAt')}</th></tr></thead>
              <tbody>${this.rows.map((r) => html`<tr class="clickable" tabindex="0" data-testid="pos-zlist-row"
                  @click=${() => void this.show(r.id)} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') void this.show(r.id); }}>
                <td class="mono">${r.number}</td>
                <td>${t(`pos.period.${r.period}`)} · ${periodLabel({ kind: r.period, from: r.from, to: r.to })}</td>
                <td class="hide-narrow">${formatDateTime(r.createdAt)}</td></tr>`)}</tbody>
            </table>`
          : html`<p class="muted" data-testid="pos-zlist-empty">${t('pos.zr.none')}</p>`}
      </div>
      <cpt-dialog .open=${Boolean(z)} size="large" heading=${z ? t('pos.z.title', { number: z.number }) : ''} testid="pos-zd" @close=${() => (this.open = null)}>
        ${z
          ? html`<p class="muted">${z.scope === 'shop' ? t('pos.scope.shop') : t('pos.scope.station')} · ${periodLabel(z.period)} · ${formatDateTime(z.createdAt)}</p>
              ${reportFigures(z, this.methods, false)} ${closureSeal(z)}`
          : nothing}
        <div slot="footer">
          ${z ? html`<a href=${`/api/pos/closures/${z.id}/print?format=pdf`} target="_blank" download=${`${z.number}.pdf`} data-testid="pos-zd-pdf">${t('pos.zr.pdf')}</a>` : nothing}
        </div>
      </cpt-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-closure-list': PosClosureList;
  }
}
