// Public API of @comptoir-example/shop-notes: the plugin (default export), its entity, service and hooks.
import { notesPlugin } from './plugin.js';

export default notesPlugin;
export { notesPlugin };
export { ArticleNote, ArticleNoteSchema, NOTE_MAX_LENGTH } from './entities/article-note.entity.js';
export { NoteService, type NoteView, type RecentNoteView, type NoteInput } from './services/note.service.js';
export { getNotesHooks, type NotesHooks, type NoteAddedEvent } from './hooks.js';
export { noteCardTemplate, type NoteCardData } from './templates/note-card.js';
