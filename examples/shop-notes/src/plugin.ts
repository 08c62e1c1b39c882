import { createRequire } from 'node:module';
import { asClass, definePlugin } from '@comptoir/kernel';
import { getCatalogHooks, type ArticleService } from '@comptoir/catalog';
import { ArticleNoteSchema } from './entities/article-note.entity.js';
import { migrations } from './migrations/index.js';
import { NoteService } from './services/note.service.js';
import { notesRoutes } from './http/routes.js';
import { noteCardTemplate } from './templates/note-card.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Notes on articles, and an automatic note each time an article's price changes. */
export const notesPlugin = definePlugin({
  name: 'notes',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Notes sur les articles, et une note automatique à chaque changement de prix',
    nl: 'Notities bij artikelen, en een automatische notitie bij elke prijswijziging',
    en: 'Notes on articles, and an automatic note at each price change',
  },
  requires: { catalog: '^0.1.0' },
  // Off on a fresh installation: a shop switches it on with `comptoir plugins enable notes`.
  defaultEnabled: false,
  entities: [ArticleNoteSchema],
  migrations,
  permissions: {
    'notes.write': {
      label: { fr: 'Écrire des notes sur les articles', nl: 'Notities bij artikelen schrijven', en: 'Write notes on articles' },
      roles: ['admin', 'manager', 'cashier'],
    },
  },
  register({ kernel, container }) {
    container.register({ notesService: asClass(NoteService).singleton() });

    getCatalogHooks(kernel).articleSaved.tapPromise('notes', async ({ em, article, isNew, user, changed, before }) => {
      if (isNew || !changed.includes('price')) return;
      // `em` is the catalogue's transactional entity manager: the note commits or rolls back with the article.
      await container.resolve<NoteService>('notesService').addPriceChange(em, article, before?.price ?? null, user);
    });
  },
  routes: notesRoutes,
  // A label the shop can adapt in Settings › Printing; its id is `notes.note-card`.
  templates: [noteCardTemplate],
  // The browser UI is built from src/ui into dist/ui (`comptoir-dev ui`); `module` is the file defining `tag`.
  screens: [
    { path: 'notes/recent', tag: 'cpt-notes-recent', module: 'recent-notes-screen.js', title: 'notes.title', icon: 'edit', permission: 'catalog.read', group: 'catalog.group', order: 290 },
  ],
  widgets: [
    // The article's notes beside the catalogue's article form.
    { zone: 'catalog.article.aside', tag: 'cpt-notes-article-notes', module: 'article-notes-widget.js', permission: 'catalog.read' },
  ],
  async demo({ container, em }) {
    // The catalogue's demo ran first (notes requires catalog): leave a few notes on its first articles.
    const articles = await container.resolve<ArticleService>('catalogArticles').search(em, { pageSize: 3 });
    const notes = container.resolve<NoteService>('notesService');
    const texts = ['Rupture chez le fournisseur jusqu’à la fin du mois.', 'Mettre en avant près de la caisse.', 'Vérifier la date de péremption avant la mise en rayon.'];
    for (const [i, a] of articles.items.entries()) await notes.add(em, { articleId: a.id, text: texts[i], author: 'gerant' }, null);
  },
});
