import { AsyncSeriesHook, defineHooks, type EntityManager, type User } from '@comptoir/kernel';
import type { ArticleNote } from './entities/article-note.entity.js';

/** A note written (flushed), inside its transaction: taps' writes commit or roll back with it. */
export interface NoteAddedEvent {
  em: EntityManager;
  note: ArticleNote;
  /** Who wrote it; null for a note written by the plugin outside a request. */
  user: User | null;
}

/** The extension points the notes plugin offers to other plugins. */
export interface NotesHooks {
  /** After a note is written, inside the same transaction; throw a DomainError to refuse the note. */
  noteAdded: AsyncSeriesHook<[NoteAddedEvent]>;
}

/** Reach the notes plugin's hooks with `getNotesHooks(kernel)`. */
export const getNotesHooks: (host: object) => Readonly<NotesHooks> = defineHooks<NotesHooks>(() => ({
  noteAdded: new AsyncSeriesHook<[NoteAddedEvent]>(['event']),
}));
