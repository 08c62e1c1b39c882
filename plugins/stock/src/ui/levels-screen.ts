import {
  ApiClient,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formatDateTime,
  formatNumber,
  hasPermission,
  html,
  isApiError,
  nothing,
  parseDecimal,
  parseMoney,
  property,
  sharedStyles,
  state,
  t,
  toast,
  type Session,
} from '@comptoir/shell';
import type { Level } from '../services/levels.service.js';
import type { Movement } from '../services/stock.service.js';

type FormKind = 'receipt' | 'loss' | 'adjustment' | 'transfer';
const FORM_KINDS: readonly FormKind[] = ['receipt', 'loss', 'adjustment', 'transfer'];
const PAGE = 50;

interface Location { id: number; code: string; name: string }

/** A quantity in thousandths as the shop's locale writes it (24000 → "24", 347 → "0,347"). */
const qty = (thousandths: number | null) => (thousandths === null ? '' : formatNumber(thousandths / 1000, { maximumFractionDigits: 3 }));

/**
 * Stock › Levels (route #/stock/levels, permission stock.read): the levels per article and location with filters
 * (name or code, location, below minimum) and paging (GET /api/stock/levels); an article's movements with the
 * balance after each (GET /api/stock/articles/:id/movements); for stock.write, a movement form — receipt with its
 * unit cost, loss with its reason, signed adjustment, transfer (POST /api/stock/movements or /transfers, one
 * Idempotency-Key per attempt).
 *
 * Test ids: stock-search, stock-location, stock-below, stock-row, stock-empty, stock-count, stock-next, stock-prev,
 * stock-movement, stock-movements-empty, stock-form-kind, stock-form-article, stock-form-location, stock-form-to,
 * stock-form-quantity, stock-form-cost, stock-form-reason, stock-form-save, stock-error.
 */
@customElement('cpt-stock-levels')
export class StockLevelsScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private locations: Location[] = [];
  @state() private levels: Level[] = [];
  @state() private total = 0;
  @state() private offset = 0;
  @state() private q = '';
  @state() private locationId: number | null = null;
  @state() private below = false;
  @state() private selected: Level | null = null;
  @state() private movements: Movement[] = [];
  @state() private error = '';
  @state() private busy = false;
  @state() private kind: FormKind = 'receipt';
  @state() private articleText = '';
  @state() private formLocation = 1;
  @state() private toLocation = 2;
  @state() private quantityText = '';
  @state() private costText = '';
  @state() private reason = '';
  private key: string | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, css`
    .page { padding: 16px; display: grid; gap: 16px; }
    .filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .filters input[type='search'], .filters select { min-height: 44px; }
    .grid { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; align-items: start; }
    @media (max-width: 800px) { .grid { grid-template-columns: 1fr; } .hide-narrow { display: none; } }
    table { width: 100%; border-collapse: collapse; }
    th, td { padding: 8px; border-bottom: 1px solid var(--cpt-border, #ddd); text-align: left; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    tr.row { cursor: pointer; }
    tr.row.selected { background: var(--cpt-selected, #eef4ff); }
    .neg { color: var(--cpt-danger, #b00020); }
    .below { color: var(--cpt-warning, #9a5b00); font-weight: 600; }
    label { display: grid; gap: 4px; margin-bottom: 8px; }
    label input, label select { min-height: 44px; width: 100%; box-sizing: border-box; }
    .pager { display: flex; gap: 8px; align-items: center; justify-content: flex-end; margin-top: 8px; }
  `];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.init();
  }

  private async init(): Promise<void> {
    try {
      this.locations = (await this.api.get<{ items: Location[] }>('/stock/locations')).items;
    } catch (err) {
      this.error = errorMessage(err);
    }
    await this.load();
  }

  private locationName(code: string): string {
    return ['shop', 'backroom', 'warehouse'].includes(code) ? t(`stock.location.${code}`) : code;
  }

  private async load(): Promise<void> {
    try {
      const res = await this.api.get<{ items: Level[]; total: number }>('/stock/levels', {
        ...(this.q.trim() ? { q: this.q.trim() } : {}), ...(this.locationId ? { locationId: this.locationId } : {}),
        ...(this.below ? { belowMinimum: true } : {}), limit: PAGE, offset: this.offset,
      });
      this.levels = res.items;
      this.total = res.total;
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async select(l: Level): Promise<void> {
    this.selected = l;
    this.articleText = String(l.articleId);
    this.formLocation = l.locationId;
    try {
      this.movements = (await this.api.get<{ items: Movement[] }>(`/stock/articles/${l.articleId}/movements`, { locationId: l.locationId, limit: 50 })).items;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private filter(change: () => void): void {
    change();
    this.offset = 0;
    void this.load();
  }

  private get quantity(): number | null {
    const n = parseDecimal(this.quantityText);
    if (n === null || !Number.isFinite(n)) return null;
    const thousandths = Math.round(n * 1000);
    if (thousandths === 0 || (this.kind !== 'adjustment' && thousandths < 0)) return null;
    return thousandths;
  }

  private get articleId(): number | null {
    return /^[1-9][0-9]{0,9}$/.test(this.articleText.trim()) ? Number(this.articleText.trim()) : null;
  }

  private async save(): Promise<void> {
    const quantity = this.quantity;
    const articleId = this.articleId;
    if (this.busy || quantity === null || articleId === null) return;
    this.key ??= crypto.randomUUID();
    this.busy = true;
    this.error = '';
    try {
      const headers = { 'Idempotency-Key': this.key };
      if (this.kind === 'transfer') {
        await this.api.post('/stock/transfers', { articleId, from: this.formLocation, to: this.toLocation, quantity, ...(this.reason.trim() ? { reason: this.reason.trim() } : {}) }, { headers });
      } else {
        const cost = this.kind === 'receipt' && this.costText.trim() ? parseMoney(this.costText) : null;
        await this.api.post('/stock/movements', {
          kind: this.kind, articleId, locationId: this.formLocation, quantity, ...(cost !== null ? { unitCost: cost } : {}), ...(this.reason.trim() ? { reason: this.reason.trim() } : {}),
        }, { headers });
      }
      this.key = null;
      toast(t('stock.form.saved', { kind: t(`stock.kind.${this.kind}`), quantity: qty(quantity) }), 'success');
      this.quantityText = '';
      this.costText = '';
      this.reason = '';
      await this.load();
      const again = this.levels.find((l) => l.articleId === articleId && l.locationId === this.formLocation) ?? this.selected;
      if (again) await this.select(again);
    } catch (err) {
      if (isApiError(err)) this.key = null;
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private edit(field: 'articleText' | 'quantityText' | 'costText' | 'reason') {
    return (e: Event) => {
      const value = (e.target as HTMLInputElement).value;
      if (field === 'articleText') this.articleText = value;
      else if (field === 'quantityText') this.quantityText = value;
      else if (field === 'costText') this.costText = value;
      else this.reason = value;
      this.key = null;
    };
  }

  private locationSelect(value: number, testid: string, onChange: (id: number) => void) {
    return html`<select data-testid=${testid} .value=${String(value)} @change=${(e: Event) => { onChange(Number((e.target as HTMLSelectElement).value)); this.key = null; }}>
      ${this.locations.map((l) => html`<option value=${l.id} ?selected=${l.id === value}>${this.locationName(l.code)}</option>`)}
    </select>`;
  }

  private renderForm() {
    const needsReason = this.kind === 'loss';
    const ok = this.quantity !== null && this.articleId !== null && (!needsReason || this.reason.trim() !== '') && (this.kind !== 'transfer' || this.formLocation !== this.toLocation);
    return html`<div class="card">
      <h2>${t('stock.form.title')}</h2>
      <label>${t('stock.form.kind')}
        <select data-testid="stock-form-kind" .value=${this.kind} @change=${(e: Event) => { this.kind = (e.target as HTMLSelectElement).value as FormKind; this.key = null; }}>
          ${FORM_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${t(`stock.kind.${k}`)}</option>`)}
        </select></label>
      <label>${t('stock.form.articleId')}<input data-testid="stock-form-article" inputmode="numeric" autocomplete="off" .value=${this.articleText} @input=${this.edit('articleText')} /></label>
      <label>${this.kind === 'transfer' ? t('stock.form.from') : t('stock.levels.location')}${this.locationSelect(this.formLocation, 'stock-form-location', (id) => (this.formLocation = id))}</label>
      ${this.kind === 'transfer' ? html`<label>${t('stock.form.to')}${this.locationSelect(this.toLocation, 'stock-form-to', (id) => (this.toLocation = id))}</label>` : nothing}
      <label>${t('stock.form.quantity')}<input data-testid="stock-form-quantity" inputmode="decimal" autocomplete="off" .value=${this.quantityText} @input=${this.edit('quantityText')} /></label>
      ${this.kind === 'receipt' ? html`<label>${t('stock.form.unitCost')}<input data-testid="stock-form-cost" inputmode="decimal" autocomplete="off" .value=${this.costText} @input=${this.edit('costText')} /></label>` : nothing}
      <label>${needsReason ? t('stock.form.reasonRequired') : t('stock.form.reason')}<input data-testid="stock-form-reason" maxlength="500" .value=${this.reason} @input=${this.edit('reason')} /></label>
      <cpt-button variant="primary" icon="check" data-testid="stock-form-save" ?busy=${this.busy} ?disabled=${!ok} @click=${() => void this.save()}>${t('stock.form.save')}</cpt-button>
    </div>`;
  }

  private renderMovements() {
    if (!this.selected) return html`<div class="card"><p class="muted">${t('stock.movements.pick')}</p></div>`;
    return html`<div class="card">
      <h2>${t('stock.movements.title', { name: this.selected.name })}</h2>
      ${this.movements.length
        ? html`<table>${this.movements.map((m) => html`<tr data-testid="stock-movement">
            <td class="hide-narrow">${formatDateTime(m.at)}</td>
            <td>${t(`stock.kind.${m.kind}`)}${m.document?.number ? html`<br /><small class="muted">${m.document.number}</small>` : nothing}${m.reason ? html`<br /><small class="muted">${m.reason}</small>` : nothing}</td>
            <td class="num ${m.quantity < 0 ? 'neg' : ''}">${m.quantity > 0 ? '+' : ''}${qty(m.quantity)}</td>
            <td class="num" title=${t('stock.movements.balance')}>${qty(m.balance ?? null)}</td></tr>`)}</table>`
        : html`<p class="muted" data-testid="stock-movements-empty">${t('stock.movements.empty')}</p>`}
    </div>`;
  }

  override render() {
    const canWrite = hasPermission(this.session, 'stock.write');
    return html`<div class="page">
      <div class="page-header"><h1>${t('stock.levels.title')}</h1></div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="stock-error">${this.error}</div>` : nothing}
      <div class="filters">
        <input type="search" data-testid="stock-search" placeholder=${t('stock.levels.search')} .value=${this.q}
          @input=${(e: Event) => { this.q = (e.target as HTMLInputElement).value; clearTimeout(this.searchTimer); this.searchTimer = setTimeout(() => this.filter(() => {}), 250); }} />
        <select data-testid="stock-location" @change=${(e: Event) => this.filter(() => { const v = (e.target as HTMLSelectElement).value; this.locationId = v ? Number(v) : null; })}>
          <option value="" ?selected=${this.locationId === null}>${t('stock.levels.allLocations')}</option>
          ${this.locations.map((l) => html`<option value=${l.id} ?selected=${l.id === this.locationId}>${this.locationName(l.code)}</option>`)}
        </select>
        <label style="display:flex;gap:6px;align-items:center;margin:0"><input type="checkbox" data-testid="stock-below" .checked=${this.below}
          @change=${(e: Event) => this.filter(() => { this.below = (e.target as HTMLInputElement).checked; })} />${t('stock.levels.belowOnly')}</label>
      </div>
      <div class="grid">
        <div class="card">
          ${this.levels.length
            ? html`<table>
                <thead><tr><th>${t('stock.levels.article')}</th><th class="hide-narrow">${t('stock.levels.location')}</th><th class="num">${t('stock.levels.quantity')}</th>
                  <th class="num hide-narrow">${t('stock.levels.minimum')}</th><th class="num hide-narrow">${t('stock.levels.maximum')}</th><th class="num">${t('stock.levels.toOrder')}</th></tr></thead>
                <tbody>${this.levels.map((l) => html`<tr class="row ${this.selected?.articleId === l.articleId && this.selected?.locationId === l.locationId ? 'selected' : ''}" data-testid="stock-row"
                    @click=${() => void this.select(l)}>
                  <td>${l.name}<br /><small class="muted">${l.code}</small></td><td class="hide-narrow">${this.locationName(l.location)}</td>
                  <td class="num ${l.quantity < 0 ? 'neg' : l.belowMinimum ? 'below' : ''}">${qty(l.quantity)}</td>
                  <td class="num hide-narrow">${qty(l.minimum)}</td><td class="num hide-narrow">${qty(l.maximum)}</td><td class="num">${qty(l.toOrder)}</td></tr>`)}</tbody>
              </table>
              <div class="pager"><span class="muted" data-testid="stock-count">${t('stock.levels.count', { n: this.total })}</span>
                <cpt-button data-testid="stock-prev" ?disabled=${this.offset === 0} @click=${() => { this.offset = Math.max(0, this.offset - PAGE); void this.load(); }}>${t('stock.levels.previous')}</cpt-button>
                <cpt-button data-testid="stock-next" ?disabled=${this.offset + PAGE >= this.total} @click=${() => { this.offset += PAGE; void this.load(); }}>${t('stock.levels.next')}</cpt-button></div>`
            : html`<p class="muted" data-testid="stock-empty">${t('stock.levels.empty')}</p>`}
        </div>
        <div class="stack" style="display:grid;gap:16px">
          ${this.renderMovements()}
          ${canWrite ? this.renderForm() : nothing}
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-stock-levels': StockLevelsScreen;
  }
}
