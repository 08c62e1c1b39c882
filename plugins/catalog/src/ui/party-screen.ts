import {
  ApiClient,
  LitElement,
  LocaleController,
  ShortcutController,
  countryName,
  css,
  errorMessage,
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
  type Column,
  type Page,
  type PropertyValues,
  type ScreenRoute,
  type Session,
} from '@comptoir/shell';
import type { Party, PartyKind } from './types.js';
import './party-editor.js';

const PAGE_SIZE = 50;

/**
 * Shared list + editor screen for customers and suppliers (subclassed by customers-screen.ts
 * and suppliers-screen.ts). Routes: #/catalog/<plural>, #/catalog/<plural>/new, #/catalog/<plural>/<id>.
 *
 * Test ids (<plural> = customers | suppliers): <plural>-search, <plural>-active, <plural>-new,
 * <plural>-table, <plural>-row (data-key = id, data-code = code), <plural>-empty, <plural>-prev, <plural>-next,
 * <plural>-error. The editor's ids are documented in party-editor.ts.
 */
export abstract class PartyScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) route: ScreenRoute | undefined;

  protected abstract readonly kind: PartyKind;

  @state() private q = '';
  @state() private active: '' | 'true' | 'false' = '';
  @state() private page = 1;
  @state() private result: Page<Party> = { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
  @state() private loading = false;
  @state() private error = '';

  @query('cpt-search-field') private searchField?: HTMLElement & { focus(): void; select(): void };
  private requestId = 0;
  private i18n = new LocaleController(this);
  private keys = new ShortcutController(this, [{ keys: 'F4', description: 'catalog.shortcut.newParty', handler: () => this.create() }]);

  static override styles = [
    sharedStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: minmax(220px, 1fr) 170px;
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
      @media (max-width: 600px) {
        .filters {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  protected get plural(): 'customers' | 'suppliers' {
    return this.kind === 'customer' ? 'customers' : 'suppliers';
  }

  get canWrite(): boolean {
    return hasPermission(this.session, 'catalog.write');
  }

  private get editorId(): string | null | undefined {
    const rest = this.route?.rest ?? [];
    if (rest.length === 0) return undefined;
    return rest[0] === 'new' ? null : rest[0];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route') && this.editorId === undefined) void this.load();
  }

  focusSearch(): void {
    if (this.editorId !== undefined) return;
    this.searchField?.focus();
    this.searchField?.select();
  }

  /** A search; Enter on a search with exactly one hit opens it. */
  private async search(q: string, submitted: boolean): Promise<void> {
    this.q = q;
    this.page = 1;
    await this.load();
    if (submitted && q && this.q === q && !this.loading && this.result.total === 1 && this.result.items.length === 1) {
      navigate(`catalog/${this.plural}/${this.result.items[0]!.id}`);
    }
  }

  /**
   * Called by the shell when a code is scanned on this screen: a customer's (or supplier's) card carries its
   * code, so the scan opens that customer; an unknown code says so.
   */
  async onBarcode(code: string): Promise<void> {
    if (this.editorId !== undefined) {
      toast(t('barcode.read', { code }), 'info');
      return;
    }
    const r = await this.api.page<Party>(`/catalog/${this.plural}`, { q: code, page: 1, pageSize: 5 });
    const wanted = code.trim().toUpperCase();
    const party = (r.items ?? []).find((p) => p.code.toUpperCase() === wanted);
    if (party) navigate(`catalog/${this.plural}/${party.id}`);
    else toast(t(this.kind === 'customer' ? 'catalog.scan.unknownCustomer' : 'catalog.scan.unknownSupplier', { code }), 'warning');
  }

  private create(): boolean {
    if (!this.canWrite) return false;
    navigate(`catalog/${this.plural}/new`);
    return true;
  }

  async load(): Promise<void> {
    const id = ++this.requestId;
    this.loading = true;
    this.error = '';
    try {
      const r = await this.api.page<Party>(`/catalog/${this.plural}`, { q: this.q, active: this.active, page: this.page, pageSize: PAGE_SIZE });
      if (id !== this.requestId) return;
      this.result = { items: r.items ?? [], total: r.total ?? 0, page: r.page ?? this.page, pageSize: r.pageSize ?? PAGE_SIZE };
    } catch (err) {
      if (id === this.requestId) this.error = errorMessage(err);
    } finally {
      if (id === this.requestId) this.loading = false;
    }
  }

  private columns(): Column<Party>[] {
    const cols: Column<Party>[] = [
      { key: 'code', label: t('catalog.party.code'), mono: true, width: '120px' },
      {
        key: 'name',
        label: t('catalog.party.name'),
        render: (p) =>
          html`<span class="strong">${p.name}</span>${this.kind === 'customer' && p.kind
              ? html`<span class="sub">${t(`catalog.customerKind.${p.kind}`)}</span>`
              : nothing}`,
      },
      {
        key: 'city',
        label: t('catalog.party.city'),
        render: (p) => [p.postalCode, p.city].filter(Boolean).join(' ') + (p.country && p.country !== this.session?.shop?.country ? ` (${countryName(p.country)})` : ''),
      },
      { key: 'vatNumber', label: t('catalog.party.vatNumber'), mono: true, priority: 'low' },
      {
        key: 'contact',
        label: t('catalog.party.contact'),
        priority: 'low',
        render: (p) => html`${p.email || ''}${p.email && p.phone ? html`<br />` : nothing}${p.phone || ''}`,
      },
      {
        key: 'active',
        label: t('catalog.status'),
        width: '110px',
        priority: 'low',
        render: (p) => (p.active ? html`<span class="badge success">${t('catalog.active')}</span>` : html`<span class="badge">${t('catalog.inactive')}</span>`),
      },
    ];
    return cols;
  }

  private renderList() {
    const p = this.plural;
    const hasFilter = this.q || this.active;
    return html`<div class="page">
      <div class="page-header">
        <h1>${t(`catalog.${p}.title`)}</h1>
        ${this.canWrite
          ? html`<cpt-button variant="primary" icon="plus" data-testid=${`${p}-new`} @click=${() => this.create()}>${t(`catalog.${p}.new`)}</cpt-button>`
          : nothing}
      </div>
      <div class="filters">
        <div>
          <label>${t('catalog.search')}</label>
          <cpt-search-field
            testid=${`${p}-search`}
            .value=${this.q}
            placeholder=${t(`catalog.${p}.searchPlaceholder`)}
            autofocus
            @search=${(e: CustomEvent<{ value: string; submitted?: boolean }>) => void this.search(e.detail.value, e.detail.submitted === true)}
          ></cpt-search-field>
        </div>
        <div>
          <label for="active">${t('catalog.status')}</label>
          <select
            id="active"
            data-testid=${`${p}-active`}
            @change=${(e: Event) => {
              this.active = (e.target as HTMLSelectElement).value as '';
              this.page = 1;
              void this.load();
            }}
          >
            <option value="" ?selected=${this.active === ''}>${t('catalog.all')}</option>
            <option value="true" ?selected=${this.active === 'true'}>${t('catalog.activeOnly')}</option>
            <option value="false" ?selected=${this.active === 'false'}>${t('catalog.inactiveOnly')}</option>
          </select>
        </div>
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid=${`${p}-error`}>${this.error}</div>` : nothing}
      <cpt-data-table
        testid=${p}
        .columns=${this.columns()}
        .rows=${this.result.items}
        .total=${this.result.total}
        .page=${this.result.page}
        .pageSize=${this.result.pageSize}
        .loading=${this.loading}
        .rowClass=${(x: Party) => (x.active ? '' : 'inactive')}
        .rowData=${(x: Party) => ({ code: x.code })}
        emptyText=${hasFilter ? t('catalog.noMatch') : t(`catalog.${p}.empty`)}
        @row-click=${(e: CustomEvent<{ row: Party }>) => navigate(`catalog/${p}/${e.detail.row.id}`)}
        @page-change=${(e: CustomEvent<{ page: number }>) => {
          this.page = e.detail.page;
          void this.load();
        }}
      ></cpt-data-table>
    </div>`;
  }

  override render() {
    const id = this.editorId;
    if (id !== undefined) {
      return html`<cpt-catalog-party-editor
        .api=${this.api}
        .session=${this.session}
        .kind=${this.kind}
        .partyId=${id}
        @saved=${() => navigate(`catalog/${this.plural}`)}
        @cancel=${() => navigate(`catalog/${this.plural}`)}
      ></cpt-catalog-party-editor>`;
    }
    return this.renderList();
  }
}
