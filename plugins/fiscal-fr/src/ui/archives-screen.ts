import {
  ApiClient, LitElement, LocaleController, css, customElement, errorMessage, html, nothing, property, sharedStyles, splitFieldErrors,
  state, t, toast, type Column, type Session,
} from '@comptoir/shell';

interface PublicKey {
  fingerprint: string;
  printable: string;
}
interface ArchiveRow {
  name: string;
  period: string;
}

/**
 * Caisse › Journal fiscal (route #/fiscal-fr/archives, permission kernel.journal): the fingerprint of the installation's
 * signing key as the Z prints it, the signed archives kept in the data folder with a download link each (the download
 * is journaled as an export), and a form to produce the archive of an ended month or year.
 *
 * Test ids: archives-fingerprint, archives-table, archives-row, archives-period, archives-produce, archives-error.
 */
@customElement('cpt-fiscal-fr-archives')
export class FiscalFrArchivesScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private key: PublicKey | null = null;
  @state() private archives: ArchiveRow[] = [];
  @state() private loading = true;
  @state() private period = '';
  @state() private busy = false;
  @state() private errors: Record<string, string> = {};
  @state() private error = '';
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      .fingerprint {
        font-family: var(--cpt-mono, monospace);
        font-size: 1.05rem;
        word-spacing: 0.2em;
        overflow-wrap: anywhere;
      }
      form {
        display: grid;
        grid-template-columns: minmax(200px, 1fr) auto;
        gap: 12px;
        align-items: end;
      }
      @media (max-width: 768px) {
        form {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      [this.key, this.archives] = await Promise.all([this.api.get<PublicKey>('/journal/public-key'), this.api.get<ArchiveRow[]>('/journal/archives')]);
      this.archives = [...this.archives].reverse();
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  private async produce(e: Event): Promise<void> {
    e.preventDefault();
    this.errors = {};
    this.error = '';
    this.busy = true;
    try {
      const res = await this.api.post<{ period: string; created: boolean; entries: number }>('/journal/archives', { period: this.period.trim() });
      toast(t(res.created ? 'fiscal-fr.archives.produced' : 'fiscal-fr.archives.same', { period: res.period, entries: res.entries }), 'success');
      this.period = '';
      await this.load();
    } catch (err) {
      const { fields } = splitFieldErrors(err, ['period']);
      this.errors = fields;
      if (!fields.period) this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const columns: Column<ArchiveRow>[] = [
      { key: 'period', label: t('fiscal-fr.archives.period'), width: '120px' },
      { key: 'name', label: t('fiscal-fr.archives.file'), render: (a) => html`<span class="mono">${a.name}</span>` },
      {
        key: 'download', label: '', width: '140px',
        render: (a) => html`<a href=${`/api/journal/archives/${a.period}`} download=${a.name} data-testid="archives-download">${t('fiscal-fr.archives.download')}</a>`,
      },
    ];
    return html`<div class="page">
      <div class="page-header"><h1>${t('fiscal-fr.archives.title')}</h1></div>
      <div class="card">
        <h2>${t('fiscal-fr.archives.key')}</h2>
        <p class="fingerprint" data-testid="archives-fingerprint">${this.key?.printable ?? ''}</p>
        <p class="muted">${t('fiscal-fr.archives.verify')}</p>
      </div>
      <div class="card">
        <h2>${t('fiscal-fr.archives.produce')}</h2>
        <form @submit=${this.produce} novalidate>
          <cpt-field label=${t('fiscal-fr.archives.period')} field="period" hint=${t('fiscal-fr.archives.periodHint')} .error=${this.errors.period}>
            <input data-testid="archives-period" autocomplete="off" placeholder="2026-11" .value=${this.period}
              @input=${(e: Event) => (this.period = (e.target as HTMLInputElement).value)} />
          </cpt-field>
          <cpt-button type="submit" variant="primary" data-testid="archives-produce" ?busy=${this.busy}>${t('fiscal-fr.archives.produce')}</cpt-button>
        </form>
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="archives-error">${this.error}</div>` : nothing}
      <h2>${t('fiscal-fr.archives.list')}</h2>
      <cpt-data-table testid="archives" .columns=${columns} .rows=${this.archives} .loading=${this.loading} .clickable=${false}
        emptyText=${t('fiscal-fr.archives.empty')}></cpt-data-table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-fiscal-fr-archives': FiscalFrArchivesScreen;
  }
}
