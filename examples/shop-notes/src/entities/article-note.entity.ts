import { EntitySchema } from '@comptoir/kernel';

/** Longest note a person may write (the column is sized for it). */
export const NOTE_MAX_LENGTH = 1000;

/** A note left on an article by someone of the shop, or written by the plugin itself (a price change). */
export class ArticleNote {
  id!: number;
  /** The catalogue article's id: a plain column, not a foreign key into another plugin's table. */
  articleId!: number;
  text!: string;
  /** Username of who wrote it ('system' when no one was signed in). */
  author!: string;
  /** Written by the plugin (e.g. a price change), not typed by a person. */
  automatic = false;
  createdAt: Date = new Date();
}

export const ArticleNoteSchema = new EntitySchema<ArticleNote>({
  class: ArticleNote,
  tableName: 'notes_article_note',
  properties: {
    id: { type: 'integer', primary: true },
    articleId: { type: 'integer', index: true },
    text: { type: 'string', length: NOTE_MAX_LENGTH },
    author: { type: 'string', length: 64 },
    automatic: { type: 'boolean' },
    createdAt: { type: 'datetime', index: true },
  },
});
