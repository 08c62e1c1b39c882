import { LANGUAGES, Shop, ValidationError, localize, type Clock, type EntityManager, type Kernel, type Language, type User } from '@comptoir/kernel';
import { Article } from '@comptoir/catalog';
import { ArticleNote, NOTE_MAX_LENGTH } from '../entities/article-note.entity.js';
import { getNotesHooks } from '../hooks.js';
import { M } from '../messages.js';

/** A note as the API and the shell see it. */
export interface NoteView {
  id: number;
  articleId: number;
  text: string;
  author: string;
  automatic: boolean;
  createdAt: string;
}

/** A note with the code and name of its article (null when the article was deleted since). */
export interface RecentNoteView extends NoteView {
  article: { code: string; name: string } | null;
}

/** What it takes to write a note. */
export interface NoteInput {
  articleId: number;
  text: string;
  author: string;
  automatic?: boolean;
}

/** Notes on articles: list, latest, write (with the `noteAdded` hook), and the automatic price-change note. */
export class NoteService {
  private readonly kernel: Kernel;
  private readonly clock: Clock;

  // Dependencies come from the container's cradle: `kernel` and `clock` are kernel services.
  constructor({ kernel, clock }: { kernel: Kernel; clock: Clock }) {
    this.kernel = kernel;
    this.clock = clock;
  }

  /** The note as shown to people. */
  view(n: ArticleNote): NoteView {
    return { id: n.id, articleId: n.articleId, text: n.text, author: n.author, automatic: n.automatic, createdAt: n.createdAt.toISOString() };
  }

  /** Notes of one article, newest first. */
  async list(em: EntityManager, articleId: number): Promise<NoteView[]> {
    const notes = await em.find(ArticleNote, { articleId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
    return notes.map((n) => this.view(n));
  }

  /** The shop's latest notes, newest first, with their article's code and name. */
  async recent(em: EntityManager, limit: number): Promise<RecentNoteView[]> {
    const notes = await em.find(ArticleNote, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
    const ids = [...new Set(notes.map((n) => n.articleId))];
    // One read-only query through the catalogue's exported entity (its service looks articles up one at a time).
    const articles = ids.length ? await em.find(Article, { id: { $in: ids } }, { fields: ['id', 'code', 'name'] }) : [];
    const byId = new Map(articles.map((a) => [a.id, { code: a.code, name: a.name }]));
    return notes.map((n) => ({ ...this.view(n), article: byId.get(n.articleId) ?? null }));
  }

  /**
   * Writes a note and runs the `noteAdded` hook in the same transaction (the caller's, or one of its own):
   * if a tap refuses the note, nothing is stored.
   */
  async add(em: EntityManager, input: NoteInput, user: User | null): Promise<ArticleNote> {
    if (!em.isInTransaction()) return em.transactional((tem) => this.add(tem, input, user));
    const text = input.text.trim();
    // The route's JSON schema already refused "" and over-long texts; blanks only are caught here.
    if (!text) throw new ValidationError([{ field: 'text', code: 'REQUIRED', message: M.required }]);
    if (text.length > NOTE_MAX_LENGTH) throw new ValidationError([{ field: 'text', code: 'TOO_LONG', message: M.tooLong }]);
    const note = em.create(ArticleNote, {
      articleId: input.articleId, text, author: input.author, automatic: input.automatic ?? false, createdAt: this.clock.now(),
    });
    await em.flush();
    // Browsers hear of the note once the transaction commits, and never if a tap or the caller refuses it.
    this.kernel.events.publish({ type: 'notes.added', data: this.view(note), permission: 'catalog.read' }, em);
    await getNotesHooks(this.kernel).noteAdded.promise({ em, note, user });
    return note;
  }

  /** Writes the automatic note of a price change, in the shop's language: "Prix modifié : 2,49 € → 2,59 €". */
  async addPriceChange(em: EntityManager, article: Article, before: number | null | undefined, user: User | null): Promise<ArticleNote> {
    const shop = await em.findOne(Shop, { id: 1 });
    const lang: Language = LANGUAGES.find((l) => l === shop?.language) ?? 'fr';
    const text = localize(M.priceChanged(before, article.price, shop?.country ?? 'BE'), lang);
    return this.add(em, { articleId: article.id, text, author: user?.username ?? 'system', automatic: true }, user);
  }
}
