import {
  ApiClient,
  LitElement,
  LocaleController,
  ShortcutController,
  customElement,
  errorMessage,
  formatNumber,
  hasPermission,
  href,
  html,
  navigate,
  nothing,
  property,
  sharedStyles,
  state,
  t,
  type Column,
  type PropertyValues,
  type ScreenRoute,
  type Session,
} from '@comptoir/shell';
import { familyTotals, familyTree, type Family } from './types.js';
import './family-editor.js';

interface Row {
  family: Family;
  depth: number;
  /** Articles in the family and its sub-families. */
  total: number;
}

/**
 * Families of articles as a tree (route #/catalog/families) and the family editor
 * (#/catalog/families/new, #/catalog/families/<id>).
 *
 * Each row shows the family indented by its level, its code and its number of articles
 * (sub-families included); the number links to the articles list filtered by the family
 * (#/catalog/articles?family=<id>). With catalog.write, clicking a row opens the editor
 * (rename, change code, move under another parent); without it the screen is read-only.
 *
 * Test ids: families-new, families-table, families-row (data-key = id, data-code = code),
 * families-articles (the count link), families-empty, families-error. The editor's ids are
 * documented in family-editor.ts.
 */
@customElement('cpt-catalog-families')
export class CatalogFamiliesScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) route: ScreenRoute | undefined;

  @state() private families: Family[] = [];
  @state() private loading = false;
  @state() private error = '';

  private requestId = 0;
  private i18n = new LocaleController(this);
  // F4 = new family, like the "new" button.
  private keys = new ShortcutController(this, [{ keys: 'F4', description: 'catalog.shortcut.newFamily', handler: () => this.create() }]);

  static override styles = [sharedStyles];

  get canWrite(): boolean {
    return hasPermission(this.session, 'catalog.write');
  }

  private get editorTarget(): { id: string | null } | null {
    const rest = this.route?.rest ?? [];
    if (rest.length === 0) return null;
    return { id: rest[0] === 'new' ? null : rest[0] };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // (Re)load the tree when showing it (first time, or back from the editor).
    if (changed.has('route') && !this.editorTarget) void this.load();
  }

  private create(): boolean {
    if (!this.canWrite) return false;
    navigate('catalog/families/new');
    return true;
  }

  async load(): Promise<void> {
    const id = ++this.requestId;
    this.loading = true;
    this.error = '';
    try {
      const families = await this.api.get<Family[]>('/catalog/families');
      if (id !== this.requestId) return;
      this.families = families ?? [];
    } catch (err) {
      if (id === this.requestId) this.error = errorMessage(err);
    } finally {
      if (id === this.requestId) this.loading = false;
    }
  }

  private rows(): Row[] {
    const totals = familyTotals(this.families);
    return familyTree(this.families).map(({ family, depth }) => ({ family, depth, total: totals.get(family.id) ?? 0 }));
  }

  private renderCount(r: Row) {
    const own = r.family.articles ?? 0;
    if (r.total === 0) return html`<span class="badge" data-testid="families-articles">0</span>`;
    const label = t('catalog.families.showArticles', { n: formatNumber(r.total), name: r.family.name });
    const detail = r.total !== own ? ` — ${t('catalog.families.ownArticles', { n: formatNumber(own) })}` : '';
    return html`<a
      class="badge primary"
      style="text-decoration:none;font-variant-numeric:tabular-nums"
      data-testid="families-articles"
      href=${href('catalog/articles', { family: r.family.id })}
      aria-label=${label}
      title=${label + detail}
      @click=${(e: Event) => e.stopPropagation()}
      >${formatNumber(r.total)}</a
    >`;
  }

  private renderList() {
    const columns: Column<Row>[] = [
      {
        key: 'name',
        label: t('catalog.family.name'),
        render: (r) =>
          html`<div style=${`padding-inline-start:${r.depth * 28}px`}>
            <span class="strong">${r.depth > 0 ? html`<span class="muted" aria-hidden="true">└ </span>` : nothing}${r.family.name}</span>
            ${r.depth > 0 && r.family.path ? html`<span class="sub" style="margin-inline-start:18px">${r.family.path}</span>` : nothing}
          </div>`,
      },
      { key: 'code', label: t('catalog.family.code'), mono: true, width: '140px', render: (r) => r.family.code },
      { key: 'articles', label: t('catalog.families.articles'), align: 'end', width: '130px', render: (r) => this.renderCount(r) },
    ];
    return html`<div class="page">
      <div class="page-header">
        <h1>${t('catalog.families.title')}</h1>
        ${this.canWrite
          ? html`<cpt-button variant="primary" icon="plus" data-testid="families-new" @click=${() => this.create()}>${t('catalog.families.new')}</cpt-button>`
          : nothing}
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="families-error">${this.error}</div>` : nothing}
      <cpt-data-table
        testid="families"
        .columns=${columns}
        .rows=${this.rows()}
        .rowKey=${(r: Row) => r.family.id}
        .total=${this.families.length}
        .loading=${this.loading}
        .clickable=${this.canWrite}
        .rowData=${(r: Row) => ({ code: r.family.code })}
        emptyText=${t('catalog.families.empty')}
        @row-click=${(e: CustomEvent<{ row: Row }>) => navigate(`catalog/families/${e.detail.row.family.id}`)}
      ></cpt-data-table>
      <p class="muted" style="margin:0;font-size:0.875rem">${this.canWrite ? t('catalog.families.hint') : t('catalog.families.hintReadOnly')}</p>
    </div>`;
  }

  override render() {
    const target = this.editorTarget;
    if (target) {
      return html`<cpt-catalog-family-editor
        .api=${this.api}
        .session=${this.session}
        .familyId=${target.id}
        @saved=${() => navigate('catalog/families')}
        @cancel=${() => navigate('catalog/families')}
      ></cpt-catalog-family-editor>`;
    }
    return this.renderList();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-catalog-families': CatalogFamiliesScreen;
  }
}
