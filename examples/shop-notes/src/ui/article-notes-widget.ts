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
  nothing,
  property,
  sharedStyles,
  splitFieldErrors,
  state,
  t,
  type PropertyValues,
  type Session,
} from '@comptoir/shell';
import type { NoteView } from '../services/note.service.js';

/** What the article editor passes to its zones (see docs/plugin-guide.md, "Zones"): the stored article, null while new. */
interface ArticleContext {
  article: { id: number; code: string; name: string } | null;
}

/**
 * Widget of the zone `catalog.article.aside` (beside the catalogue's article form): the article's notes, newest
 * first, and for people holding notes.write a field to add one. `<cpt-zone>` sets api, session, zone and context.
 *
 * Test ids: article-notes, article-notes-row, article-notes-empty, article-notes-text, article-notes-add,
 * article-notes-error.
 */
@customElement('cpt-notes-article-notes')
export class ArticleNotesWidget extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) zone = '';
  @property({ attribute: false }) context: ArticleContext | null = null;

  @state() private notes: NoteView[] = [];
  @state() private text = '';
  @state() private error = '';
  @state() private saving = false;
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      h2 {
        font-size: 1rem;
        margin: 0 0 10px;
      }
      ol {
        list-style: none;
        margin: 0 0 12px;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      li {
        border-left: 3px solid var(--cpt-border-strong);
        padding: 2px 0 2px 10px;
      }
      li.automatic {
        border-left-color: var(--cpt-primary);
      }
      .meta {
        font-size: 0.8125rem;
        color: var(--cpt-muted);
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 64px;
        resize: vertical;
      }
      .add {
        display: flex;
        flex-direction: column;
        gap: 8px;
        align-items: flex-end;
      }
    `,
  ];

  private get articleId(): number | null {
    return this.context?.article?.id ?? null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.articleId !== (changed.get('context') as ArticleContext | null | undefined)?.article?.id) void this.load();
  }

  private async load(): Promise<void> {
    const id = this.articleId;
    this.notes = [];
    if (id === null) return;
    try {
      const { notes } = await this.api.get<{ notes: NoteView[] }>(`/notes/articles/${id}`);
      if (id === this.articleId) this.notes = notes;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async add(): Promise<void> {
    const id = this.articleId;
    if (id === null || this.saving) return;
    this.error = '';
    if (!this.text.trim()) {
      this.error = t('form.required');
      return;
    }
    this.saving = true;
    try {
      await this.api.post(`/notes/articles/${id}`, { text: this.text });
      this.text = '';
      await this.load();
    } catch (err) {
      this.error = splitFieldErrors(err, ['text']).fields.text ?? errorMessage(err);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    const canWrite = hasPermission(this.session, 'notes.write');
    return html`<section class="card" data-testid="article-notes">
      <h2>${t('notes.panel')}</h2>
      ${this.articleId === null
        ? html`<p class="muted">${t('notes.panelNew')}</p>`
        : html`${this.notes.length
              ? html`<ol>
                  ${this.notes.map(
                    (n) => html`<li class=${n.automatic ? 'automatic' : ''} data-testid="article-notes-row">
                      <div>${n.text}</div>
                      <div class="meta">${formatDateTime(n.createdAt)} · ${n.author}${n.automatic ? html` · ${t('notes.automatic')}` : nothing}</div>
                    </li>`,
                  )}
                </ol>`
              : html`<p class="muted" data-testid="article-notes-empty">${t('notes.panelEmpty')}</p>`}
            ${canWrite
              ? html`<div class="add">
                  <textarea data-testid="article-notes-text" maxlength="1000" aria-label=${t('notes.text')} placeholder=${t('notes.panelPlaceholder')}
                    .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
                  <cpt-button icon="plus" data-testid="article-notes-add" ?busy=${this.saving} @click=${() => this.add()}>${t('notes.add')}</cpt-button>
                </div>`
              : nothing}`}
      ${this.error ? html`<div class="alert error" role="alert" data-testid="article-notes-error">${this.error}</div>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-notes-article-notes': ArticleNotesWidget;
  }
}
