import {
  ApiClient,
  ApiError,
  LitElement,
  LocaleController,
  ShortcutController,
  confirmDialog,
  css,
  customElement,
  formatMoney,
  formatRate,
  hasPermission,
  html,
  navigate,
  nothing,
  property,
  query,
  sharedStyles,
  state,
  t,
  toast,
  toastError,
  errorMessage,
  type Column,
  type Page,
  type PropertyValues,
  type ScreenRoute,
  type Session,
} from '@comptoir/shell';
import type { Article, Family } from './types.js';
import { familyTree } from './types.js';
import './article-editor.js';
import type { CatalogArticleEditor } from './article-editor.js';

const PAGE_SIZE = 50;

/**
 * Articles list (route #/catalog/articles[?family=<id>]) and editor (#/catalog/articles/new[?barcode=…],
 * #/catalog/articles/<id>).
 *
 * Search matches code, barcode (exact) or a name fragment; filters by family (sub-families included;
 * `?family=<id>` in the route sets it, as the families screen's article counts do) and status; paged.
 * Scanning a barcode on the list opens the article, or offers to create one with that barcode.
 *
 * Test ids: articles-search, articles-family, articles-active, articles-new, articles-table,
 * articles-row (data-key = id, data-code = code), articles-empty, articles-prev, articles-next,
 * articles-page, articles-error, barcode-unknown (+ -confirm / -cancel).
 */
@customElement('cpt-catalog-articles')
export class CatalogArticlesScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) route: ScreenRoute | undefined;

  /** The shell sends scanned barcodes to onBarcode(). */
  readonly wantsBarcodes = true;

  @state() private q = '';
  @state() private family = '';
  @state() private active: '' | 'true' | 'false' = '';
  @state() private page = 1;
  @state() private result: Page<Article> = { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
  @state() private loading = false;
  @state() private error = '';
  @state() private families: Family[] = [];

  @query('cpt-catalog-article-editor') private editor?: CatalogArticleEditor;
  @query('cpt-search-field') private searchField?: HTMLElement & { focus(): void; select(): void };

  private requestId = 0;
  private i18n = new LocaleController(this);
  // F4 (or Alt+N) = new article, like the "new" button.
  private keys = new ShortcutController(this, [
    { keys: 'F4', description: 'catalog.shortcut.newArticle', handler: () => this.newArticle() },
  ]);

  static override styles = [
    sharedStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: minmax(220px, 1fr) 220px 170px;
        gap: 12px;
        align-items: end;
      }
      .filters label {
        display: block;
        font-size: 0.8125rem;
        font-weight: 600;
        color: var(--cpt-muted);
        margin-bottom: 4px;
      }
      @media (max-width: 900px) {
        .filters {
          grid-template-columns: 1fr 1fr;
        }
        .filters .search {
          grid-column: 1 / -1;
        }
      }
    `,
  ];

  get canWrite(): boolean {
    return hasPermission(this.session, 'catalog.write');
  }

  private get editorTarget(): { id: string | null; barcode: string } | null {
    const rest = this.route?.rest ?? [];
    if (rest.length === 0) return null;
    return { id: rest[0] === 'new' ? null : rest[0], barcode: this.route?.query.barcode ?? '' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadFamilies();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // (Re)load the list when showing it (first time, or back from the editor).
    if (changed.has('route') && !this.editorTarget) {
      // A family in the route (#/catalog/articles?family=12) sets the filter; without one, the current filter stays.
      const family = this.route?.query.family;
      if (family !== undefined && family !== this.family) {
        this.family = family;
        this.page = 1;
      }
      void this.load();
    }
  }

  focusSearch(): void {
    if (this.editorTarget) return;
    this.searchField?.focus();
    this.searchField?.select();
  }

  /** Called by the shell when a barcode is scanned while this screen is active. */
  async onBarcode(code: string): Promise<void> {
    if (this.editorTarget) {
      this.editor?.addBarcode(code);
      return;
    }
    try {
      const article = await this.api.get<Article>(`/catalog/barcodes/${encodeURIComponent(code)}`);
      navigate(`catalog/articles/${article.id}`);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.code === 'ARTICLE_NOT_FOUND')) {
        if (!this.canWrite) {
          toast(t('catalog.scan.unknown', { code }), 'warning');
          return;
        }
        const create = await confirmDialog({
          title: t('catalog.scan.unknownTitle'),
          message: t('catalog.scan.unknownText', { code }),
          confirmLabel: t('catalog.scan.create'),
          cancelLabel: t('catalog.cancel'),
          testid: 'barcode-unknown',
        });
        if (create) navigate('catalog/articles/new', { barcode: code });
      } else {
        toastError(err);
      }
    }
  }

  private newArticle(): boolean {
    if (!this.canWrite) return false;
    navigate('catalog/articles/new');
    return true;
  }

  private async loadFamilies(): Promise<void> {
    try {
      this.families = await this.api.get<Family[]>('/catalog/families');
    } catch {
      this.families = [];
    }
  }

  async load(): Promise<void> {
    const id = ++this.requestId;
    this.loading = true;
    this.error = '';
    try {
      const result = await this.api.page<Article>('/catalog/articles', {
        q: this.q,
        family: this.family,
        active: this.active,
        page: this.page,
        pageSize: PAGE_SIZE,
      });
      if (id !== this.requestId) return;
      this.result = { items: result.items ?? [], total: result.total ?? 0, page: result.page ?? this.page, pageSize: result.pageSize ?? PAGE_SIZE };
    } catch (err) {
      if (id !== this.requestId) return;
      this.error = errorMessage(err);
    } finally {
      if (id === this.requestId) this.loading = false;
    }
  }

  /** A search; Enter on a search with exactly one hit (a typed barcode, a code) opens that article. */
  private async search(q: string, submitted: boolean): Promise<void> {
    await this.setFilter({ q });
    if (!submitted || !q) return;
    if (!this.loading && this.q === q && this.result.total === 1 && this.result.items.length === 1) navigate(`catalog/articles/${this.result.items[0]!.id}`);
  }

  private setFilter(patch: Partial<{ q: string; family: string; active: '' | 'true' | 'false' }>): Promise<void> {
    Object.assign(this, patch);
    this.page = 1;
    if (patch.family !== undefined && this.route?.query.family !== undefined) {
      // Keep a family given in the route in step with the filter (the route change reloads the list).
      navigate('catalog/articles', { ...this.route.query, family: patch.family || undefined }, { replace: true });
      return Promise.resolve();
    }
    return this.load();
  }

  private renderList() {
    const columns: Column<Article>[] = [
      { key: 'code', label: t('catalog.article.code'), mono: true, width: '130px' },
      {
        key: 'name',
        label: t('catalog.article.name'),
        render: (a) => html`<span class="strong">${a.name}</span>${a.description ? html`<span class="sub">${a.description}</span>` : nothing}`,
      },
      { key: 'familyName', label: t('catalog.article.family'), priority: 'low', render: (a) => a.familyName ?? this.familyName(a.familyId) },
      { key: 'vatRate', label: t('catalog.article.vatShort'), align: 'end', priority: 'low', width: '90px', render: (a) => formatRate(a.vatRate) },
      {
        key: 'price',
        label: t('catalog.article.price'),
        align: 'end',
        width: '130px',
        render: (a) =>
          a.price === null || a.price === undefined
            ? html`<span class="muted">—</span>`
            : html`<span class="strong">${formatMoney(a.price)}</span>${a.unit !== 'piece' ? html`<span class="muted"> / ${t(`catalog.unitShort.${a.unit}`)}</span>` : nothing}`,
      },
      {
        key: 'active',
        label: t('catalog.status'),
        width: '110px',
        priority: 'low',
        render: (a) => (a.active ? html`<span class="badge success">${t('catalog.active')}</span>` : html`<span class="badge">${t('catalog.inactive')}</span>`),
      },
    ];
    const hasFilter = this.q || this.family || this.active;
    return html`<div class="page">
      <div class="page-header">
        <h1>${t('catalog.articles.title')}</h1>
        ${this.canWrite
          ? html`<cpt-button variant="primary" icon="plus" data-testid="articles-new" @click=${() => this.newArticle()}>${t('catalog.articles.new')}</cpt-button>`
          : nothing}
      </div>
      <div class="filters">
        <div class="search">
          <label>${t('catalog.search')}</label>
          <cpt-search-field
            testid="articles-search"
            .value=${this.q}
            placeholder=${t('catalog.articles.searchPlaceholder')}
            autofocus
            @search=${(e: CustomEvent<{ value: string; submitted?: boolean }>) => void this.search(e.detail.value, e.detail.submitted === true)}
          ></cpt-search-field>
        </div>
        <div>
          <label for="family">${t('catalog.article.family')}</label>
          <select id="family" data-testid="articles-family" @change=${(e: Event) => void this.setFilter({ family: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${this.family === ''}>${t('catalog.allFamilies')}</option>
            ${familyTree(this.families).map(
              ({ family, depth }) =>
                html`<option value=${String(family.id)} ?selected=${this.family === String(family.id)}>${'\u00a0\u00a0'.repeat(depth)}${family.name}</option>`,
            )}
          </select>
        </div>
        <div>
          <label for="active">${t('catalog.status')}</label>
          <select id="active" data-testid="articles-active" @change=${(e: Event) => void this.setFilter({ active: (e.target as HTMLSelectElement).value as '' })}>
            <option value="" ?selected=${this.active === ''}>${t('catalog.all')}</option>
            <option value="true" ?selected=${this.active === 'true'}>${t('catalog.activeOnly')}</option>
            <option value="false" ?selected=${this.active === 'false'}>${t('catalog.inactiveOnly')}</option>
          </select>
        </div>
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="articles-error">${this.error}</div>` : nothing}
      <cpt-data-table
        testid="articles"
        .columns=${columns}
        .rows=${this.result.items}
        .total=${this.result.total}
        .page=${this.result.page}
        .pageSize=${this.result.pageSize}
        .loading=${this.loading}
        .rowClass=${(a: Article) => (a.active ? '' : 'inactive')}
        .rowData=${(a: Article) => ({ code: a.code })}
        emptyText=${hasFilter ? t('catalog.articles.noMatch') : t('catalog.articles.empty')}
        @row-click=${(e: CustomEvent<{ row: Article }>) => navigate(`catalog/articles/${e.detail.row.id}`)}
        @page-change=${(e: CustomEvent<{ page: number }>) => {
          this.page = e.detail.page;
          void this.load();
        }}
      ></cpt-data-table>
      <p class="muted" style="margin:0;font-size:0.875rem">${t('catalog.articles.scanHint')}</p>
    </div>`;
  }

  private familyName(id: number | null): string {
    if (id === null || id === undefined) return '';
    return this.families.find((f) => f.id === id)?.name ?? '';
  }

  override render() {
    const target = this.editorTarget;
    if (target) {
      return html`<cpt-catalog-article-editor
        .api=${this.api}
        .session=${this.session}
        .articleId=${target.id}
        .initialBarcode=${target.barcode}
        .families=${this.families}
        @saved=${() => navigate('catalog/articles')}
        @cancel=${() => navigate('catalog/articles')}
      ></cpt-catalog-article-editor>`;
    }
    return this.renderList();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-catalog-articles': CatalogArticlesScreen;
  }
}
