import type { PluginContext, RouteRegistrar } from '@comptoir/kernel';
import type { ArticleService } from '@comptoir/catalog';
import { NOTE_MAX_LENGTH } from '../entities/article-note.entity.js';
import type { NoteService } from '../services/note.service.js';

const articleParams = {
  type: 'object', required: ['articleId'], additionalProperties: false,
  properties: { articleId: { type: 'integer', minimum: 1 } },
} as const;

const note = {
  type: 'object', required: ['id', 'articleId', 'text', 'author', 'automatic', 'createdAt'],
  properties: {
    id: { type: 'integer' }, articleId: { type: 'integer' }, text: { type: 'string' }, author: { type: 'string' },
    automatic: { type: 'boolean' }, createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

const articleSummary = {
  type: 'object', required: ['id', 'code', 'name'],
  properties: { id: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' } },
} as const;

/** The notes plugin's HTTP API, mounted under /api/notes. */
export function notesRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const notes = () => container.resolve<NoteService>('notesService');

  r.get<{ Params: { articleId: number } }>('/articles/:articleId', {
    permission: 'catalog.read', summary: 'Notes of an article, newest first',
    schema: {
      params: articleParams,
      response: { 200: { type: 'object', required: ['article', 'notes'], properties: { article: articleSummary, notes: { type: 'array', items: note } } } },
    },
    handler: async (req, ctx) => {
      // The catalogue's service, from the request's scope: 404 ARTICLE_NOT_FOUND when there is no such article.
      const article = await ctx.container.resolve<ArticleService>('catalogArticles').get(ctx.em, req.params.articleId);
      return { article: { id: article.id, code: article.code, name: article.name }, notes: await notes().list(ctx.em, article.id) };
    },
  });

  r.post<{ Params: { articleId: number }; Body: { text: string } }>('/articles/:articleId', {
    permission: 'notes.write', summary: 'Write a note on an article', status: 201,
    // A tablet that lost the network sends the request again with the same Idempotency-Key: one note, one answer.
    idempotent: true,
    schema: {
      params: articleParams,
      body: {
        type: 'object', required: ['text'], additionalProperties: false,
        properties: { text: { type: 'string', minLength: 1, maxLength: NOTE_MAX_LENGTH } },
      },
      response: { 201: note },
    },
    handler: async (req, ctx) => {
      const user = ctx.requireUser();
      const article = await ctx.container.resolve<ArticleService>('catalogArticles').get(ctx.em, req.params.articleId);
      // One transaction: the note and whatever the `noteAdded` taps write commit or roll back together.
      const written = await ctx.transactional((em) => notes().add(em, { articleId: article.id, text: req.body.text, author: user.username }, user));
      return notes().view(written);
    },
  });

  r.get<{ Querystring: { limit: number } }>('/recent', {
    permission: 'catalog.read', summary: 'The shop’s latest notes, newest first, with their article',
    schema: {
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      },
      response: {
        200: {
          type: 'object', required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: {
                ...note,
                required: [...note.required, 'article'],
                properties: {
                  ...note.properties,
                  article: { anyOf: [{ type: 'null' }, { type: 'object', required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } }] },
                },
              },
            },
          },
        },
      },
    },
    handler: async (req, ctx) => ({ items: await notes().recent(ctx.em, req.query.limit) }),
  });
}
