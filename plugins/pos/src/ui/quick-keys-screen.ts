import {
  ApiClient, LitElement, LocaleController, css, customElement, errorMessage, html, nothing, property, sharedStyles, state, t, toast, type Page, type Session,
} from '@comptoir/shell';
import { SALE_BUTTONS, type SaleButton } from '../domain/sale-buttons.js';
import type { QuickKey, QuickKeyLayoutView, QuickKeyPage } from '../services/quick-keys.service.js';
import type { Hit } from './types.js';
import './quick-keys.js';

const COLOURS = ['#ffe08a', '#b8e0a8', '#a8d4f0', '#f5b7b1', '#d7bde2', '#f9cb9c', '#d5dae1'];

type EditedKey = QuickKey & { name: string };
type EditedPage = Omit<QuickKeyPage, 'keys'> & { keys: EditedKey[] };

/**
 * Settings › Quick keys (route #/pos/quick-keys, permission pos.layout): a station's quick-key pages (or the shop's
 * default), their order and colours, their keys (articles and families, found by search), and which buttons the sale
 * screen shows; a preview as the till shows it. GET/PUT/DELETE /api/pos/quick-keys?station=…
 *
 * Test ids: qk-station, qk-add-page, qk-page-name, qk-page-colour-<n>, qk-page-remove, qk-page-left, qk-page-right,
 * qk-search, qk-hit, qk-family, qk-key, qk-key-left, qk-key-right, qk-key-remove, qk-button-<name>, qk-save, qk-reset,
 * qk-error, qk-preview.
 */
@customElement('cpt-pos-quick-keys-screen')
export class PosQuickKeysScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @state() private stations: Array<{ id: number; number: number; name: string }> = [];
  @state() private families: Array<{ id: number; name: string }> = [];
  @state() private station = 0;
  @state() private own = false;
  @state() private version = 0;
  @state() private pages: EditedPage[] = [];
  @state() private buttons: SaleButton[] = [...SALE_BUTTONS];
  @state() private page = 0;
  @state() private hits: Hit[] = [];
  @state() private error = '';
  @state() private saving = false;
  private i18n = new LocaleController(this);
  /** The latest layout asked for: an older answer arriving late is dropped. */
  private loading = 0;

  static override styles = [sharedStyles, css`
    .grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 10px; }
    .pages { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 10px; }
    .pages button { min-height: 44px; padding: 0 14px; border-radius: 8px; border: 2px solid transparent; font: inherit; cursor: pointer; background: var(--c, #eee); }
    .pages button[aria-pressed='true'] { border-color: #14213d; font-weight: 700; }
    .swatch { width: 36px; height: 36px; border-radius: 50%; border: 2px solid #fff; box-shadow: 0 0 0 1px #aaa; cursor: pointer; }
    .swatch[aria-pressed='true'] { box-shadow: 0 0 0 3px #14213d; }
    .keys { list-style: none; margin: 0; padding: 0; }
    .keys li { display: flex; gap: 6px; align-items: center; padding: 4px 0; border-bottom: 1px solid var(--cpt-border, #eef0f3); }
    .keys li span { flex: 1; }
    .list { list-style: none; margin: 0; padding: 0; max-height: 260px; overflow-y: auto; }
    .list button { width: 100%; min-height: 44px; text-align: left; border: 0; border-bottom: 1px solid var(--cpt-border, #eef0f3); background: none; font: inherit; cursor: pointer; }
    input, select { min-height: 44px; font-size: 1rem; }
    label.check { display: flex; gap: 8px; align-items: center; min-height: 40px; }
    @media (max-width: 760px) { .grid { grid-template-columns: 1fr; } }
  `];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.init();
  }

  private async init(): Promise<void> {
    try {
      const [stations, families] = await Promise.all([
        this.api.get<Array<{ id: number; number: number; name: string }>>('/stations').catch(() => []),
        this.api.get<Array<{ id: number; name: string; path?: string }>>('/catalog/families').catch(() => []),
      ]);
      this.stations = stations;
      this.families = families.map((f) => ({ id: f.id, name: f.path ?? f.name }));
      // Unless the manager already chose a station meanwhile, start with this browser's.
      if (!this.loading) await this.load(Number(this.session.station?.id ?? 0));
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async load(station: number): Promise<void> {
    const seq = ++this.loading;
    this.station = station;
    const layout = await this.api.get<QuickKeyLayoutView>('/pos/quick-keys', { station });
    if (seq !== this.loading) return;
    this.own = layout.own || station === 0;
    this.version = layout.version;
    this.pages = layout.pages.map((p) => ({ name: p.name, ...(p.color ? { color: p.color } : {}), keys: p.keys.map((k) => ({ kind: k.kind, id: k.id, name: k.label || k.name, ...(k.label ? { label: k.label } : {}), ...(k.color ? { color: k.color } : {}) })) }));
    this.buttons = layout.buttons;
    this.page = 0;
  }

  private setPages(pages: EditedPage[]): void {
    this.pages = pages;
  }

  private get current(): EditedPage | undefined {
    return this.pages[this.page];
  }

  private editPage(change: Partial<EditedPage>): void {
    this.setPages(this.pages.map((p, i) => (i === this.page ? { ...p, ...change } : p)));
  }

  private addPage(): void {
    this.setPages([...this.pages, { name: t('pos.quickKeys.newPage', { n: this.pages.length + 1 }), color: COLOURS[this.pages.length % COLOURS.length], keys: [] }]);
    this.page = this.pages.length - 1;
  }

  private move<T>(list: T[], i: number, by: number): T[] {
    const j = i + by;
    if (j < 0 || j >= list.length) return list;
    const copy = [...list];
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    return copy;
  }

  private addKey(key: EditedKey): void {
    if (!this.current) this.addPage();
    this.editPage({ keys: [...(this.current?.keys ?? []), key] });
    this.hits = [];
  }

  private async search(q: string): Promise<void> {
    this.hits = q ? (await this.api.get<Page<Hit>>('/catalog/articles', { q, pageSize: 8 })).items : [];
  }

  private async save(): Promise<void> {
    this.saving = true;
    this.error = '';
    try {
      const body = {
        pages: this.pages.map((p) => ({ name: p.name, ...(p.color ? { color: p.color } : {}), keys: p.keys.map((k) => ({ kind: k.kind, id: k.id, ...(k.label ? { label: k.label } : {}), ...(k.color ? { color: k.color } : {}) })) })),
        buttons: this.buttons,
        ...(this.own ? { version: this.version } : {}),
      };
      const saved = await this.api.put<QuickKeyLayoutView>(`/pos/quick-keys?station=${this.station}`, body);
      this.version = saved.version;
      this.own = true;
      toast(t('pos.quickKeys.saved'), 'success');
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.saving = false;
    }
  }

  private async reset(): Promise<void> {
    try {
      await this.api.delete(`/pos/quick-keys?station=${this.station}`);
      await this.load(this.station);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private preview(): QuickKeyLayoutView {
    return {
      stationId: this.station || null, own: this.own, version: this.version, buttons: this.buttons,
      pages: this.pages.map((p) => ({ ...p, keys: p.keys.map((k) => ({ ...k, code: '', price: null, unit: null })) })),
    };
  }

  override render() {
    const page = this.current;
    return html`<div class="page">
      <h1>${t('pos.quickKeys.title')}</h1>
      <p class="muted">${t('pos.quickKeys.help')}</p>
      <div class="row">
        <label>${t('pos.quickKeys.station')}
          <select data-testid="qk-station" .value=${String(this.station)} @change=${(e: Event) => void this.load(Number((e.target as HTMLSelectElement).value))}>
            <option value="0" ?selected=${this.station === 0}>${t('pos.quickKeys.shop')}</option>
            ${this.stations.map((s) => html`<option value=${String(s.id)} ?selected=${this.station === s.id}>${s.number} · ${s.name}</option>`)}
          </select></label>
        ${this.station ? html`<span class="muted">${t(this.own ? 'pos.quickKeys.own' : 'pos.quickKeys.inherits')}</span>` : nothing}
        ${this.station && this.own ? html`<cpt-button icon="back" data-testid="qk-reset" @click=${() => void this.reset()}>${t('pos.quickKeys.reset')}</cpt-button>` : nothing}
      </div>
      <div class="grid">
        <section class="card">
          <div class="pages">
            ${this.pages.map((p, i) => html`<button style="--c:${p.color ?? '#eee'}" aria-pressed=${String(i === this.page)} @click=${() => (this.page = i)}>${p.name}</button>`)}
            <cpt-button icon="plus" data-testid="qk-add-page" @click=${() => this.addPage()}>${t('pos.quickKeys.addPage')}</cpt-button>
          </div>
          ${page
            ? html`<div class="row">
                <label>${t('pos.quickKeys.pageName')} <input data-testid="qk-page-name" maxlength="40" .value=${page.name} @input=${(e: Event) => this.editPage({ name: (e.target as HTMLInputElement).value })} /></label>
                <cpt-button icon="back" data-testid="qk-page-left" aria-label=${t('pos.quickKeys.left')} @click=${() => { this.setPages(this.move(this.pages, this.page, -1)); this.page = Math.max(0, this.page - 1); }}></cpt-button>
                <cpt-button icon="chevron-right" data-testid="qk-page-right" aria-label=${t('pos.quickKeys.right')} @click=${() => { this.setPages(this.move(this.pages, this.page, 1)); this.page = Math.min(this.pages.length - 1, this.page + 1); }}></cpt-button>
                <cpt-button icon="trash" variant="danger" data-testid="qk-page-remove" @click=${() => { this.setPages(this.pages.filter((_, i) => i !== this.page)); this.page = 0; }}>${t('pos.quickKeys.removePage')}</cpt-button>
              </div>
              <div class="row" role="group" aria-label=${t('pos.quickKeys.colour')}>
                ${COLOURS.map((c, n) => html`<button class="swatch" data-testid="qk-page-colour-${n}" style="background:${c}" aria-pressed=${String(page.color === c)} aria-label=${c} @click=${() => this.editPage({ color: c })}></button>`)}
              </div>
              <ul class="keys">
                ${page.keys.map((k, i) => html`<li data-testid="qk-key"><span>${k.name}${k.kind === 'family' ? html` <small class="muted">(${t('pos.quickKeys.family')})</small>` : nothing}</span>
                  <cpt-button icon="back" data-testid="qk-key-left" aria-label=${t('pos.quickKeys.left')} @click=${() => this.editPage({ keys: this.move(page.keys, i, -1) })}></cpt-button>
                  <cpt-button icon="chevron-right" data-testid="qk-key-right" aria-label=${t('pos.quickKeys.right')} @click=${() => this.editPage({ keys: this.move(page.keys, i, 1) })}></cpt-button>
                  <cpt-button icon="trash" variant="ghost" data-testid="qk-key-remove" aria-label=${t('pos.quickKeys.removeKey')} @click=${() => this.editPage({ keys: page.keys.filter((_, j) => j !== i) })}></cpt-button></li>`)}
              </ul>`
            : nothing}
          <h3>${t('pos.quickKeys.addArticle')}</h3>
          <cpt-search-field testid="qk-search" placeholder=${t('pos.scan')} @search=${(e: CustomEvent<{ value: string }>) => void this.search(e.detail.value)}></cpt-search-field>
          <ul class="list">${this.hits.map((a) => html`<li><button data-testid="qk-hit" @click=${() => this.addKey({ kind: 'article', id: a.id, name: a.name })}><span class="mono">${a.code}</span> ${a.name}</button></li>`)}</ul>
          <h3>${t('pos.quickKeys.addFamily')}</h3>
          <select data-testid="qk-family" @change=${(e: Event) => { const el = e.target as HTMLSelectElement; const f = this.families.find((x) => x.id === Number(el.value)); if (f) this.addKey({ kind: 'family', id: f.id, name: f.name }); el.value = ''; }}>
            <option value="">—</option>${this.families.map((f) => html`<option value=${String(f.id)}>${f.name}</option>`)}
          </select>
        </section>
        <section class="card">
          <h3>${t('pos.quickKeys.buttons')}</h3>
          ${SALE_BUTTONS.map((b) => html`<label class="check"><input type="checkbox" data-testid="qk-button-${b}" .checked=${this.buttons.includes(b)}
            @change=${(e: Event) => (this.buttons = (e.target as HTMLInputElement).checked ? [...this.buttons, b] : this.buttons.filter((x) => x !== b))} /> ${t(`pos.button.${b}`)}</label>`)}
          <h3>${t('pos.quickKeys')}</h3>
          <div data-testid="qk-preview"><cpt-pos-quick-keys .api=${this.api} .layout=${this.preview()}></cpt-pos-quick-keys></div>
        </section>
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="qk-error">${this.error}</div>` : nothing}
      <div class="row" style="margin-top:12px">
        <cpt-button variant="primary" icon="check" data-testid="qk-save" ?busy=${this.saving} @click=${() => void this.save()}>${t('form.save')}</cpt-button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-quick-keys-screen': PosQuickKeysScreen;
  }
}
