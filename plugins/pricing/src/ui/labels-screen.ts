import {
  ApiClient,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formatMoney,
  html,
  nothing,
  property,
  query,
  state,
  t,
  toastError,
  type Column,
  type Session,
} from '@comptoir/shell';
import { postForBlob } from './blob-request.js';
import { familyTree, fieldErrorsOf, listName } from './format.js';
import { pricingStyles } from './styles.js';
import type { Article, Family, LabelLayout, Page, PriceList, ScanResolution } from './types.js';

const PAGE_SIZE = 20;

/**
 * Labels (route #/pricing/labels): select articles (search, family, tick several, or scan them), choose a
 * layout, the copies and the list whose prices are printed, preview the PDF and download or print it.
 *
 * Test ids: labels-search, labels-family, labels-table, labels-row (data-key = id, data-code), labels-check-page,
 * labels-selected-row (data-key), labels-unselect-<i>, labels-clear, labels-count, labels-layout, labels-copies,
 * labels-list, labels-date, labels-preview, labels-pdf (the <iframe>), labels-download, labels-print,
 * labels-error, error-copies, error-articleIds.
 */
@customElement('cpt-pricing-labels')
export class PricingLabelsScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private q = '';
  @state() private family = '';
  @state() private page = 1;
  @state() private result: Page<Article> = { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
  @state() private families: Family[] = [];
  @state() private loading = false;
  @state() private selected: Article[] = [];
  @state() private layouts: LabelLayout[] = [];
  @state() private lists: PriceList[] = [];
  @state() private layout = 'a4-3x8';
  @state() private copies: number | null = 1;
  @state() private listCode = '';
  @state() private day = '';
  @state() private pdfUrl = '';
  @state() private pdfStale = false;
  @state() private generating = false;
  @state() private error = '';
  @state() private errors: Record<string, string> = {};

  @query('iframe') private frame?: HTMLIFrameElement;
  private requestId = 0;
  private i18n = new LocaleController(this);

  static override styles = [
    ...pricingStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1.4fr) minmax(300px, 1fr);
        min-width: 0;
        gap: 16px;
        align-items: start;
      }
      .filters {
        display: grid;
        grid-template-columns: minmax(200px, 1fr) 220px;
        gap: 12px;
        margin-bottom: 12px;
      }
      .selected {
        list-style: none;
        margin: 0 0 12px;
        padding: 0;
        max-height: 260px;
        overflow-y: auto;
      }
      .selected li {
        display: flex;
        align-items: center;
        gap: 8px;
        border-bottom: 1px solid var(--cpt-border-soft);
        min-height: 44px;
      }
      .selected li span.name {
        flex: 1;
      }
      .options {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 12px;
      }
      .options .wide {
        grid-column: 1 / -1;
      }
      iframe {
        width: 100%;
        height: 70vh;
        min-height: 480px;
        border: 1px solid var(--cpt-border);
        border-radius: var(--cpt-radius-sm);
        background: #fff;
      }
      .preview-actions {
        display: flex;
        gap: 12px;
        flex-wrap: wrap;
        align-items: center;
        margin-bottom: 12px;
      }
      a.button {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 16px;
        border-radius: var(--cpt-radius-sm);
        border: 1px solid var(--cpt-border-strong);
        color: var(--cpt-text);
        text-decoration: none;
        font-weight: 500;
      }
      @media (max-width: 1000px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      /* On a phone the search and the family filter stack, and the options take one column each. */
      @media (max-width: 600px) {
        .filters,
        .options {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.search();
    void Promise.all([
      this.api.get<Family[]>('/catalog/families').then((f) => (this.families = f)),
      this.api.get<LabelLayout[]>('/pricing/labels/layouts').then((l) => {
        this.layouts = l;
        if (l.length && !l.some((x) => x.id === this.layout)) this.layout = l[0].id;
      }),
      this.api.get<PriceList[]>('/pricing/lists').then((l) => (this.lists = l)),
    ]).catch((err) => (this.error = errorMessage(err)));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.pdfUrl) URL.revokeObjectURL(this.pdfUrl);
  }

  /** A scanned article joins the selection. */
  async onBarcode(code: string): Promise<void> {
    try {
      const scan = await this.api.get<ScanResolution>(`/pricing/scan/${encodeURIComponent(code)}`);
      if (scan.article) this.toggle(scan.article, true);
    } catch (err) {
      toastError(err);
    }
  }

  private async search(): Promise<void> {
    const id = ++this.requestId;
    this.loading = true;
    try {
      const result = await this.api.page<Article>('/catalog/articles', { q: this.q, family: this.family, active: true, page: this.page, pageSize: PAGE_SIZE });
      if (id === this.requestId) this.result = result;
    } catch (err) {
      if (id === this.requestId) this.error = errorMessage(err);
    } finally {
      if (id === this.requestId) this.loading = false;
    }
  }

  private isSelected(a: Article): boolean {
    return this.selected.some((s) => s.id === a.id);
  }

  private toggle(a: Article, on = !this.isSelected(a)): void {
    if (on && !this.isSelected(a)) this.selected = [...this.selected, a];
    else if (!on) this.selected = this.selected.filter((s) => s.id !== a.id);
    this.changed();
  }

  private toggleAll(): void {
    const all = this.result.items.every((a) => this.isSelected(a));
    for (const a of this.result.items) this.toggle(a, !all);
  }

  /** Anything that changes the sheet makes the preview out of date. */
  private changed(): void {
    if (this.pdfUrl) this.pdfStale = true;
    this.errors = {};
  }

  private async generate(): Promise<void> {
    if (!this.selected.length || this.generating) return;
    this.generating = true;
    this.error = '';
    this.errors = {};
    try {
      const blob = await postForBlob(this.api, '/pricing/labels', {
        articleIds: this.selected.map((a) => a.id), layout: this.layout, copies: this.copies ?? 1,
        ...(this.listCode ? { priceListCode: this.listCode } : {}), ...(this.day ? { date: this.day } : {}),
      }, this.session?.csrfToken);
      if (this.pdfUrl) URL.revokeObjectURL(this.pdfUrl);
      this.pdfUrl = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      this.pdfStale = false;
      await this.updateComplete;
      this.renderRoot.querySelector('[data-testid="labels-preview-card"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (err) {
      this.errors = fieldErrorsOf(err);
      this.error = errorMessage(err);
    } finally {
      this.generating = false;
    }
  }

  private print(): void {
    try {
      this.frame?.contentWindow?.focus();
      this.frame?.contentWindow?.print();
    } catch {
      window.open(this.pdfUrl, '_blank');
    }
  }

  private renderPicker() {
    const columns: Column<Article>[] = [
      {
        key: 'pick', label: '', width: '52px',
        render: (a) => html`<input type="checkbox" tabindex="-1" style="pointer-events:none;width:22px;height:22px" aria-label=${a.name} .checked=${this.isSelected(a)} />`,
      },
      { key: 'code', label: t('pricing.articles.code'), mono: true, width: '110px', priority: 'low' },
      { key: 'name', label: t('pricing.labels.article') },
      { key: 'price', label: t('pricing.labels.price'), align: 'end', width: '90px', render: (a) => (a.price === null ? '—' : formatMoney(a.price)) },
    ];
    const allOnPage = this.result.items.length > 0 && this.result.items.every((a) => this.isSelected(a));
    return html`<div class="card">
      <h2 class="section-title">${t('pricing.labels.choose')}</h2>
      <div class="filters">
        <cpt-search-field testid="labels-search" .value=${this.q} placeholder=${t('pricing.labels.searchPlaceholder')}
          @search=${(e: CustomEvent<{ value: string }>) => {
            this.q = e.detail.value;
            this.page = 1;
            void this.search();
          }}></cpt-search-field>
        <select data-testid="labels-family" aria-label=${t('pricing.labels.family')}
          @change=${(e: Event) => {
            this.family = (e.target as HTMLSelectElement).value;
            this.page = 1;
            void this.search();
          }}>
          <option value="">${t('pricing.labels.allFamilies')}</option>
          ${familyTree(this.families).map(({ family, depth }) => html`<option value=${String(family.id)} ?selected=${this.family === String(family.id)}>${'\u00a0\u00a0'.repeat(depth)}${family.name}</option>`)}
        </select>
      </div>
      <cpt-data-table
        testid="labels"
        .columns=${columns}
        .rows=${this.result.items}
        .total=${this.result.total}
        .page=${this.result.page}
        .pageSize=${this.result.pageSize}
        .loading=${this.loading}
        .rowData=${(a: Article) => ({ code: a.code, selected: String(this.isSelected(a)) })}
        emptyText=${t('pricing.labels.noMatch')}
        @row-click=${(e: CustomEvent<{ row: Article }>) => this.toggle(e.detail.row)}
        @page-change=${(e: CustomEvent<{ page: number }>) => {
          this.page = e.detail.page;
          void this.search();
        }}
      ></cpt-data-table>
      <div style="margin-top:10px">
        <cpt-button icon="check" data-testid="labels-check-page" ?disabled=${!this.result.items.length} @click=${() => this.toggleAll()}>
          ${allOnPage ? t('pricing.labels.uncheckPage') : t('pricing.labels.checkPage')}
        </cpt-button>
      </div>
    </div>`;
  }

  private renderSheet() {
    const layout = this.layouts.find((l) => l.id === this.layout);
    const count = this.selected.length * (this.copies ?? 1);
    const pages = layout ? Math.max(1, Math.ceil(count / layout.perPage)) : 0;
    return html`<div class="card">
      <h2 class="section-title">${t('pricing.labels.selection')}</h2>
      ${this.selected.length === 0
        ? html`<p class="empty" data-testid="labels-none">${t('pricing.labels.none')}</p>`
        : html`<ul class="selected">
            ${this.selected.map(
              (a, i) => html`<li data-testid="labels-selected-row" data-key=${String(a.id)}>
                <span class="name">${a.name}</span>
                <cpt-button variant="ghost" icon="close" label=${t('pricing.labels.unselect')} data-testid=${`labels-unselect-${i}`} @click=${() => this.toggle(a, false)}></cpt-button>
              </li>`,
            )}
          </ul>`}
      ${this.errors.articleIds ? html`<span class="field-error" role="alert" data-testid="error-articleIds">${this.errors.articleIds}</span>` : nothing}
      <div class="options">
        <cpt-field class="wide" label=${t('pricing.labels.layout')} field="layout" .error=${this.errors.layout}>
          <select data-testid="labels-layout" @change=${(e: Event) => {
            this.layout = (e.target as HTMLSelectElement).value;
            this.changed();
          }}>
            ${this.layouts.map((l) => html`<option value=${l.id} ?selected=${this.layout === l.id}>${l.name}</option>`)}
          </select>
        </cpt-field>
        <cpt-field label=${t('pricing.labels.copies')} field="copies" .error=${this.errors.copies}>
          <cpt-numeric-field testid="labels-copies" mode="integer" .min=${1} .max=${100} .value=${this.copies}
            @change=${(e: CustomEvent<{ value: number | null; valid: boolean }>) => {
              if (e.detail.valid) this.copies = e.detail.value;
              this.changed();
            }}></cpt-numeric-field>
        </cpt-field>
        <cpt-field label=${t('pricing.labels.list')} field="priceListCode" .error=${this.errors.priceListCode}>
          <select data-testid="labels-list" @change=${(e: Event) => {
            this.listCode = (e.target as HTMLSelectElement).value;
            this.changed();
          }}>
            <option value="">${t('pricing.labels.defaultList')}</option>
            ${this.lists.filter((l) => l.active).map((l) => html`<option value=${l.code} ?selected=${this.listCode === l.code}>${listName(l)}</option>`)}
          </select>
        </cpt-field>
        <cpt-field class="wide" label=${t('pricing.labels.date')} field="date" .error=${this.errors.date} hint=${t('pricing.labels.dateHint')}>
          <cpt-date-field testid="labels-date" label=${t('pricing.labels.date')} .value=${this.day} @change=${(e: Event) => {
            this.day = (e.target as HTMLInputElement).value;
            this.changed();
          }}></cpt-date-field>
        </cpt-field>
      </div>
      <p class="muted" data-testid="labels-count">
        ${this.selected.length ? t('pricing.labels.count', { labels: count, pages }) : ''}
      </p>
      <div class="actions">
        ${this.selected.length ? html`<cpt-button variant="ghost" data-testid="labels-clear" @click=${() => {
          this.selected = [];
          this.changed();
        }}>${t('pricing.labels.clear')}</cpt-button>` : nothing}
        <cpt-button variant="primary" icon="file" data-testid="labels-preview" ?busy=${this.generating} ?disabled=${!this.selected.length} @click=${() => this.generate()}>
          ${t('pricing.labels.preview')}
        </cpt-button>
      </div>
    </div>`;
  }

  override render() {
    return html`<div class="page">
      <div class="page-header"><h1>${t('pricing.labels.title')}</h1></div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="labels-error">${this.error}</div>` : nothing}
      <div class="layout">
        ${this.renderPicker()}
        ${this.renderSheet()}
      </div>
      ${this.pdfUrl
        ? html`<div class="card" data-testid="labels-preview-card">
            <div class="preview-actions">
              <h2 style="flex:1">${t('pricing.labels.previewTitle')}</h2>
              ${this.pdfStale ? html`<span class="badge warning" data-testid="labels-stale">${t('pricing.labels.stale')}</span>` : nothing}
              <a class="button" data-testid="labels-download" href=${this.pdfUrl} download=${t('pricing.labels.fileName')}>${t('pricing.labels.download')}</a>
              <cpt-button variant="primary" data-testid="labels-print" @click=${() => this.print()}>${t('pricing.labels.print')}</cpt-button>
            </div>
            <iframe data-testid="labels-pdf" title=${t('pricing.labels.previewTitle')} src=${this.pdfUrl}></iframe>
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-labels': PricingLabelsScreen;
  }
}
