import {
  ApiClient,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formatDateTime,
  hasPermission,
  html,
  isApiError,
  nothing,
  property,
  sharedStyles,
  splitFieldErrors,
  state,
  submitOnEnter,
  t,
  toast,
  type Column,
  type Page,
  type Session,
} from '@comptoir/shell';

/** A note as GET /api/notes/recent sends it. */
interface RecentNote {
  id: number;
  articleId: number;
  text: string;
  author: string;
  automatic: boolean;
  createdAt: string;
  article: { code: string; name: string } | null;
}

/** The little of a catalogue article this screen needs (GET /api/catalog/articles). */
interface ArticleHit {
  id: number;
  code: string;
  name: string;
}

/**
 * Notes › Latest notes (route #/notes/recent, permission catalog.read): the shop's latest notes with
 * their article, and, for people holding notes.write, a form that adds a note to an article by its
 * code or barcode (typed, or scanned: the shell hands scanned codes to onBarcode()).
 *
 * Test ids: notes-code, notes-text, notes-save, error-code, error-text, notes-error, notes-table, notes-row.
 */
@customElement('cpt-notes-recent')
export class NotesRecentScreen extends LitElement {
  /** Set by the shell before the element is inserted. */
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private notes: RecentNote[] = [];
  @state() private loading = true;
  @state() private code = '';
  @state() private text = '';
  @state() private saving = false;
  @state() private errors: Record<string, string> = {};
  @state() private error = '';
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      h2 {
        margin: 0 0 12px;
      }
      form {
        display: grid;
        grid-template-columns: minmax(220px, 1fr) 2fr auto;
        gap: 12px;
        align-items: start;
      }
      form cpt-button {
        margin-top: 27px;
      }
      textarea {
        min-height: 44px;
        resize: vertical;
      }
      @media (max-width: 768px) {
        form {
          grid-template-columns: 1fr;
        }
        form cpt-button {
          margin-top: 0;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** A scanned barcode fills the article field. */
  onBarcode(code: string): void {
    this.code = code;
    this.errors = { ...this.errors, code: '' };
    this.renderRoot.querySelector<HTMLTextAreaElement>('[data-testid="notes-text"]')?.focus();
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      this.notes = (await this.api.get<{ items: RecentNote[] }>('/notes/recent', { limit: 50 })).items;
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  /** The article whose code is what was typed, or which carries it as a barcode; null when none does. */
  private async findArticle(code: string): Promise<ArticleHit | null> {
    const page = await this.api.get<Page<ArticleHit>>('/catalog/articles', { q: code, pageSize: 10 });
    const byCode = page.items.find((a) => a.code.toLowerCase() === code.toLowerCase());
    if (byCode) return byCode;
    try {
      return await this.api.get<ArticleHit>(`/catalog/barcodes/${encodeURIComponent(code)}`);
    } catch (err) {
      if (isApiError(err) && err.status === 404) return null;
      throw err;
    }
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const code = this.code.trim();
    this.errors = {};
    this.error = '';
    if (!code) this.errors = { code: t('form.required') };
    if (!this.text.trim()) this.errors = { ...this.errors, text: t('form.required') };
    if (Object.keys(this.errors).length) return;
    this.saving = true;
    try {
      const article = await this.findArticle(code);
      if (!article) {
        this.errors = { code: t('notes.unknownArticle', { code }) };
        return;
      }
      await this.api.post(`/notes/articles/${article.id}`, { text: this.text });
      toast(t('notes.saved', { article: `${article.code} – ${article.name}` }), 'success');
      this.text = '';
      await this.load();
    } catch (err) {
      // The server names the bad field (problem+json `errors`): show it under that field.
      const { fields } = splitFieldErrors(err, ['text']);
      this.errors = fields;
      if (!fields.text) this.error = errorMessage(err);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    const canWrite = hasPermission(this.session, 'notes.write');
    const columns: Column<RecentNote>[] = [
      { key: 'createdAt', label: t('notes.when'), width: '150px', render: (n) => formatDateTime(n.createdAt) },
      {
        key: 'article', label: t('notes.article'), width: '28%',
        render: (n) => (n.article ? html`<span class="mono">${n.article.code}</span> ${n.article.name}` : html`<span class="muted">${t('notes.deletedArticle')}</span>`),
      },
      {
        key: 'text', label: t('notes.text'),
        render: (n) => html`${n.text} ${n.automatic ? html`<span class="badge">${t('notes.automatic')}</span>` : nothing}`,
      },
      { key: 'author', label: t('notes.author'), width: '120px', priority: 'low' },
    ];
    return html`<div class="page">
      <div class="page-header"><h1>${t('notes.recent')}</h1></div>
      ${canWrite
        ? html`<div class="card">
            <h2>${t('notes.add')}</h2>
            <form @submit=${this.save} @keydown=${submitOnEnter} novalidate>
              <cpt-field label=${t('notes.articleCode')} field="code" hint=${t('notes.articleCodeHint')} .error=${this.errors.code}>
                <input data-testid="notes-code" .value=${this.code} autocomplete="off"
                  @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} />
              </cpt-field>
              <cpt-field label=${t('notes.text')} field="text" .error=${this.errors.text}>
                <textarea data-testid="notes-text" maxlength="1000" rows="2" .value=${this.text}
                  @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
              </cpt-field>
              <cpt-button type="submit" variant="primary" icon="plus" data-testid="notes-save" ?busy=${this.saving}>${t('notes.save')}</cpt-button>
            </form>
          </div>`
        : nothing}
      ${this.error ? html`<div class="alert error" role="alert" data-testid="notes-error">${this.error}</div>` : nothing}
      <cpt-data-table testid="notes" .columns=${columns} .rows=${this.notes} .loading=${this.loading} .clickable=${false}
        emptyText=${t('notes.empty')}></cpt-data-table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-notes-recent': NotesRecentScreen;
  }
}
