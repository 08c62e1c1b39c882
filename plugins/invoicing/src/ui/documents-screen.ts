import {
  ApiClient, LitElement, LocaleController, customElement, errorMessage, formatDay, formatMoney, hasPermission, html, navigate, nothing, property,
  sharedStyles, state, t, type Column, type PropertyValues, type ScreenRoute, type Session,
} from '@comptoir/shell';
import type { DocumentPage, DocumentSummary, DocumentType, ListQuery } from './types.js';
import { DOCUMENT_TYPES, statusBadge } from './types.js';
import './document-editor.js';

type Filter = Pick<ListQuery, 'type' | 'status' | 'paymentStatus' | 'page'>;

/**
 * Invoicing's documents (route #/invoicing/documents), newest first, filtered by type, status and payment; and the
 * document editor (#/invoicing/documents/<id>). "New" creates a draft of the chosen type and opens it.
 *
 * Test ids: invoicing-documents-table, invoicing-documents-row (data-key = id, data-number), invoicing-new-type,
 * invoicing-new, invoicing-filter-type, invoicing-filter-status, invoicing-filter-payment, invoicing-documents-error.
 */
@customElement('cpt-invoicing-documents')
export class InvoicingDocumentsScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) route: ScreenRoute | undefined;

  @state() private items: DocumentSummary[] = [];
  @state() private page: DocumentPage = { items: [], total: 0, totalCapped: false, hasMore: false, page: 1, pageSize: 50 };
  @state() private loading = false;
  @state() private error = '';
  @state() private filter: Filter = {};
  @state() private newType: DocumentType = 'quote';

  private requestId = 0;
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles];

  private get openId(): number | null {
    const id = Number(this.route?.rest?.[0]);
    return Number.isInteger(id) && id > 0 ? id : null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route') && this.openId === null) void this.load();
  }

  async load(): Promise<void> {
    const id = ++this.requestId;
    this.loading = true;
    this.error = '';
    try {
      const query: Record<string, string> = {};
      for (const [k, v] of Object.entries(this.filter)) if (v) query[k] = String(v);
      const page = await this.api.get<DocumentPage>('/invoicing/documents', query);
      if (id !== this.requestId) return;
      this.items = page.items;
      this.page = page;
    } catch (err) {
      if (id === this.requestId) this.error = errorMessage(err);
    } finally {
      if (id === this.requestId) this.loading = false;
    }
  }

  private setFilter(change: Filter): void {
    this.filter = { ...this.filter, page: undefined, ...change };
    void this.load();
  }

  private async create(): Promise<void> {
    try {
      const doc = await this.api.post<{ id: number }>('/invoicing/documents', { type: this.newType });
      navigate(`invoicing/documents/${doc.id}`);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private renderList() {
    const columns: Column<DocumentSummary>[] = [
      { key: 'number', label: t('invoicing.col.number'), mono: true, width: '170px', render: (d) => html`${d.number ?? t('invoicing.draftNumber', { id: d.id })}<div class="sub">${t(`invoicing.type.${d.type}`)}</div>` },
      
      { key: 'customer', label: t('invoicing.col.customer'), render: (d) => d.customerName || html`<span class="muted">—</span>` },
      { key: 'date', label: t('invoicing.col.date'), width: '110px', priority: 'low', render: (d) => (d.date ? formatDay(d.date) : '') },
      { key: 'total', label: t('invoicing.col.total'), align: 'end', width: '120px', render: (d) => formatMoney(d.total) },
      { key: 'status', label: t('invoicing.col.status'), width: '170px', priority: 'low', render: (d) => statusBadge(d) },
    ];
    const select = (id: string, value: string | undefined, options: Array<[string, string]>, onChange: (v: string) => void) => html`<select
      id=${id} data-testid=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!value}>${t('invoicing.filter.all')}</option>
      ${options.map(([v, label]) => html`<option value=${v} ?selected=${value === v}>${label}</option>`)}
    </select>`;
    return html`<div class="page">
      <div class="page-header">
        <h1>${t('invoicing.documents.title')}</h1>
        ${hasPermission(this.session, 'invoicing.write')
          ? html`<div class="actions" style="display:flex;flex-wrap:wrap;gap:8px;align-items:center">
              <select data-testid="invoicing-new-type" style="width:auto" aria-label=${t('invoicing.filter.type')} @change=${(e: Event) => { this.newType = (e.target as HTMLSelectElement).value as DocumentType; }}>
                ${DOCUMENT_TYPES.filter((x) => x !== 'credit_note').map((x) => html`<option value=${x} ?selected=${this.newType === x}>${t(`invoicing.type.${x}`)}</option>`)}
              </select>
              <cpt-button variant="primary" icon="plus" data-testid="invoicing-new" @click=${() => void this.create()}>${t('invoicing.documents.new')}</cpt-button>
            </div>`
          : nothing}
      </div>
      <div class="toolbar">
        <div>
          <label for="invoicing-filter-type">${t('invoicing.filter.type')}</label>
          ${select('invoicing-filter-type', this.filter.type, DOCUMENT_TYPES.map((x) => [x, t(`invoicing.type.${x}`)]), (v) => this.setFilter({ type: (v || undefined) as DocumentType | undefined }))}
        </div>
        <div>
          <label for="invoicing-filter-status">${t('invoicing.filter.status')}</label>
          ${select('invoicing-filter-status', this.filter.status, [['draft', t('invoicing.status.draft')], ['issued', t('invoicing.status.issued')]], (v) => this.setFilter({ status: (v || undefined) as Filter['status'] }))}
        </div>
        <div>
          <label for="invoicing-filter-payment">${t('invoicing.filter.payment')}</label>
          ${select('invoicing-filter-payment', this.filter.paymentStatus, (['unpaid', 'partial', 'paid', 'overdue'] as const).map((x) => [x, t(`invoicing.payment.${x}`)]), (v) => this.setFilter({ paymentStatus: (v || undefined) as Filter['paymentStatus'] }))}
        </div>
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="invoicing-documents-error">${this.error}</div>` : nothing}
      <cpt-data-table
        testid="invoicing-documents"
        .columns=${columns}
        .rows=${this.items}
        .rowKey=${(d: DocumentSummary) => d.id}
        .total=${this.page.total}
        .totalCapped=${this.page.totalCapped}
        .hasMore=${this.page.hasMore}
        .page=${this.page.page}
        .pageSize=${this.page.pageSize}
        .loading=${this.loading}
        .clickable=${true}
        .rowData=${(d: DocumentSummary) => ({ number: d.number ?? '' })}
        emptyText=${t('invoicing.documents.empty')}
        @row-click=${(e: CustomEvent<{ row: DocumentSummary }>) => navigate(`invoicing/documents/${e.detail.row.id}`)}
        @page-change=${(e: CustomEvent<{ page: number }>) => this.setFilter({ page: e.detail.page })}
      ></cpt-data-table>
      <p class="muted" style="margin:0;font-size:0.875rem">${t('invoicing.documents.hint')}</p>
    </div>`;
  }

  override render() {
    const id = this.openId;
    if (id !== null) {
      return html`<cpt-invoicing-document-editor .api=${this.api} .session=${this.session} .documentId=${id}
        @back=${() => navigate('invoicing/documents')}></cpt-invoicing-document-editor>`;
    }
    return this.renderList();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-invoicing-documents': InvoicingDocumentsScreen;
  }
}
