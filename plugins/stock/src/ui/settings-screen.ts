import { ApiClient, LitElement, LocaleController, css, customElement, errorMessage, formatNumber, html, nothing, parseDecimal, property, sharedStyles, state, t, toast, type Session } from '@comptoir/shell';
import type { Level } from '../services/levels.service.js';
import type { NegativePolicy } from '../services/stock.service.js';

interface Family { id: number; name: string; path?: string }
type Rule = 'shop' | 'allowed' | 'refused';

const qty = (thousandths: number | null) => (thousandths === null ? '' : formatNumber(thousandths / 1000, { maximumFractionDigits: 3 }));
/** A threshold typed in units ("12", "0,5") → thousandths; empty → null; anything else → undefined (invalid). */
function thousandths(text: string): number | null | undefined {
  if (!text.trim()) return null;
  const n = parseDecimal(text);
  if (n === null || !Number.isFinite(n) || n < 0) return undefined;
  return Math.round(n * 1000);
}

/**
 * Stock › Settings (route #/stock/settings, permission stock.settings): the negative stock rule of the shop and its
 * exceptions per family (GET/PUT /api/stock/settings/negative); an article's minimum and maximum at a location
 * (search in GET /api/stock/levels, PUT /api/stock/thresholds/:articleId/:locationId); the articles below their
 * minimum with what to order (GET /api/stock/below-minimum).
 *
 * Test ids: negative-allowed, negative-family, negative-save, threshold-search, threshold-row, threshold-min,
 * threshold-max, threshold-save, below-row, below-empty, settings-error.
 */
@customElement('cpt-stock-settings')
export class StockSettingsScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private policy: NegativePolicy = { allowed: true, families: {} };
  @state() private families: Family[] = [];
  @state() private q = '';
  @state() private found: Level[] = [];
  @state() private selected: Level | null = null;
  @state() private minText = '';
  @state() private maxText = '';
  @state() private below: Level[] = [];
  @state() private error = '';
  @state() private busy = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles, css`
    .page { padding: 16px; display: grid; gap: 16px; }
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; align-items: start; }
    @media (max-width: 800px) { .grid { grid-template-columns: 1fr; } .hide-narrow { display: none; } }
    table { width: 100%; border-collapse: collapse; }
    th, td { padding: 8px; border-bottom: 1px solid var(--cpt-border, #ddd); text-align: left; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    tr.row { cursor: pointer; }
    tr.row.selected { background: var(--cpt-selected, #eef4ff); }
    label { display: grid; gap: 4px; margin-bottom: 8px; }
    label input, label select, input[type='search'] { min-height: 44px; width: 100%; box-sizing: border-box; }
    label.check { display: flex; gap: 8px; align-items: center; }
    label.check input { width: auto; min-height: 24px; }
    td select { min-width: 11em; min-height: 44px; }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
  `];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.init();
  }

  private async init(): Promise<void> {
    try {
      this.policy = await this.api.get<NegativePolicy>('/stock/settings/negative');
      const fam = await this.api.get<Family[] | { items: Family[] }>('/catalog/families');
      this.families = Array.isArray(fam) ? fam : fam.items;
    } catch (err) {
      this.error = errorMessage(err);
    }
    await this.loadBelow();
  }

  private locationName(code: string): string {
    return ['shop', 'backroom', 'warehouse'].includes(code) ? t(`stock.location.${code}`) : code;
  }

  private async loadBelow(): Promise<void> {
    try {
      this.below = (await this.api.get<{ items: Level[] }>('/stock/below-minimum', { limit: 100 })).items;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async search(): Promise<void> {
    if (!this.q.trim()) { this.found = []; return; }
    try {
      this.found = (await this.api.get<{ items: Level[] }>('/stock/levels', { q: this.q.trim(), limit: 20 })).items;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private pick(l: Level): void {
    this.selected = l;
    this.minText = l.minimum === null ? '' : qty(l.minimum);
    this.maxText = l.maximum === null ? '' : qty(l.maximum);
  }

  private rule(familyId: number): Rule {
    const v = this.policy.families[String(familyId)];
    return v === undefined ? 'shop' : v ? 'allowed' : 'refused';
  }

  private setRule(familyId: number, rule: Rule): void {
    const families = { ...this.policy.families };
    if (rule === 'shop') delete families[String(familyId)];
    else families[String(familyId)] = rule === 'allowed';
    this.policy = { ...this.policy, families };
  }

  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private saveNegative(): Promise<void> {
    return this.run(async () => {
      this.policy = await this.api.put<NegativePolicy>('/stock/settings/negative', this.policy);
      toast(t('stock.settings.saved'), 'success');
    });
  }

  private saveThreshold(): Promise<void> {
    const l = this.selected;
    const minimum = thousandths(this.minText);
    const maximum = thousandths(this.maxText);
    if (!l || minimum === undefined || maximum === undefined) return Promise.resolve();
    return this.run(async () => {
      const saved = await this.api.put<Level | null>(`/stock/thresholds/${l.articleId}/${l.locationId}`, { minimum, maximum });
      toast(t('stock.settings.thresholdSaved', { name: l.name }), 'success');
      if (saved) this.pick(saved);
      await Promise.all([this.search(), this.loadBelow()]);
    });
  }

  private renderNegative() {
    return html`<div class="card">
      <h2>${t('stock.settings.negative')}</h2>
      <label class="check"><input type="checkbox" data-testid="negative-allowed" .checked=${this.policy.allowed}
        @change=${(e: Event) => { this.policy = { ...this.policy, allowed: (e.target as HTMLInputElement).checked }; }} />${t('stock.settings.negativeAllowed')}</label>
      <p class="muted">${t('stock.settings.negativeHelp')}</p>
      ${this.families.length ? html`<table><thead><tr><th>${t('stock.settings.family')}</th><th>${t('stock.settings.rule')}</th></tr></thead><tbody>
        ${this.families.map((f) => html`<tr><td>${f.path ?? f.name}</td><td>
          <select data-testid="negative-family" data-family=${f.id} @change=${(e: Event) => this.setRule(f.id, (e.target as HTMLSelectElement).value as Rule)}>
            ${(['shop', 'allowed', 'refused'] as const).map((r) => html`<option value=${r} ?selected=${this.rule(f.id) === r}>${t(`stock.settings.rule.${r}`)}</option>`)}
          </select></td></tr>`)}</tbody></table>` : nothing}
      <cpt-button variant="primary" icon="check" data-testid="negative-save" ?busy=${this.busy} @click=${() => void this.saveNegative()}>${t('stock.settings.save')}</cpt-button>
    </div>`;
  }

  private renderThresholds() {
    const l = this.selected;
    const min = thousandths(this.minText);
    const max = thousandths(this.maxText);
    const ok = !!l && min !== undefined && max !== undefined && (min === null || max === null || max >= min);
    return html`<div class="card">
      <h2>${t('stock.settings.thresholds')}</h2>
      <input type="search" data-testid="threshold-search" placeholder=${t('stock.levels.search')} .value=${this.q}
        @input=${(e: Event) => { this.q = (e.target as HTMLInputElement).value; clearTimeout(this.searchTimer); this.searchTimer = setTimeout(() => void this.search(), 250); }} />
      ${this.found.length ? html`<table>${this.found.map((f) => html`<tr class="row ${l?.articleId === f.articleId && l?.locationId === f.locationId ? 'selected' : ''}" data-testid="threshold-row" @click=${() => this.pick(f)}>
        <td>${f.name}<br /><small class="muted">${f.code}</small></td><td>${this.locationName(f.location)}</td><td class="num">${qty(f.quantity)}</td></tr>`)}</table>` : nothing}
      ${l ? html`<h3>${l.name} — ${this.locationName(l.location)}</h3>
        <div class="pair">
          <label>${t('stock.settings.minimum')}<input data-testid="threshold-min" inputmode="decimal" autocomplete="off" .value=${this.minText} @input=${(e: Event) => { this.minText = (e.target as HTMLInputElement).value; }} /></label>
          <label>${t('stock.settings.maximum')}<input data-testid="threshold-max" inputmode="decimal" autocomplete="off" .value=${this.maxText} @input=${(e: Event) => { this.maxText = (e.target as HTMLInputElement).value; }} /></label>
        </div>
        ${ok ? nothing : html`<p class="muted">${t('stock.settings.thresholdHelp')}</p>`}
        <cpt-button variant="primary" icon="check" data-testid="threshold-save" ?busy=${this.busy} ?disabled=${!ok} @click=${() => void this.saveThreshold()}>${t('stock.settings.save')}</cpt-button>` : nothing}
    </div>`;
  }

  private renderBelow() {
    return html`<div class="card">
      <h2>${t('stock.settings.below')}</h2>
      ${this.below.length ? html`<table><thead><tr><th>${t('stock.levels.article')}</th><th class="hide-narrow">${t('stock.levels.location')}</th>
          <th class="num">${t('stock.levels.quantity')}</th><th class="num hide-narrow">${t('stock.levels.minimum')}</th><th class="num">${t('stock.levels.toOrder')}</th></tr></thead>
        <tbody>${this.below.map((b) => html`<tr data-testid="below-row"><td>${b.name}<br /><small class="muted">${b.code}</small></td><td class="hide-narrow">${this.locationName(b.location)}</td>
          <td class="num">${qty(b.quantity)}</td><td class="num hide-narrow">${qty(b.minimum)}</td><td class="num">${qty(b.toOrder)}</td></tr>`)}</tbody></table>`
        : html`<p class="muted" data-testid="below-empty">${t('stock.settings.belowEmpty')}</p>`}
    </div>`;
  }

  override render() {
    return html`<div class="page">
      <div class="page-header"><h1>${t('stock.settings.title')}</h1></div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="settings-error">${this.error}</div>` : nothing}
      <div class="grid">${this.renderThresholds()}${this.renderNegative()}</div>
      ${this.renderBelow()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-stock-settings': StockSettingsScreen;
  }
}
