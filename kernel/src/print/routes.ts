/** `/api/print`: the templates, previews with sample data (HTML or PDF), and the shop's overrides per language. */
import type { FastifyReply } from 'fastify';
import type { Language } from '../errors.js';
import type { RouteRegistrar } from '../http/routes.js';
import type { PrintDocument, TemplateOverride } from './model.js';
import type { PrintService } from './print.service.js';

const lang = { type: 'string', enum: ['fr', 'nl', 'en'] } as const;
const templateParams = {
  type: 'object', required: ['id'], additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$', maxLength: 80 } },
} as const;
const overrideParams = {
  type: 'object', required: ['id', 'lang'], additionalProperties: false,
  properties: { ...templateParams.properties, lang },
} as const;
const overrideFields = {
  texts: { type: 'object', additionalProperties: { type: 'string', maxLength: 2000 }, maxProperties: 50 },
  hiddenBlocks: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 50 },
  logo: { type: ['string', 'null'], maxLength: 600_000 },
} as const;
const format = { type: 'string', enum: ['html', 'pdf'] } as const;

interface OverrideBody { texts?: Record<string, string>; hiddenBlocks?: string[]; logo?: string | null }

const asOverride = (b: OverrideBody): TemplateOverride => ({ texts: b.texts ?? {}, hiddenBlocks: b.hiddenBlocks ?? [], logo: b.logo ?? null });

async function send(print: PrintService, doc: PrintDocument, as: 'html' | 'pdf', reply: FastifyReply): Promise<FastifyReply> {
  // Previews are never cached: the next change of an override must show at once.
  void reply.header('cache-control', 'no-store');
  if (as === 'pdf') {
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${doc.template}.pdf"`).send(Buffer.from(await print.pdf(doc)));
  }
  return reply.type('text/html; charset=utf-8').send(print.html(doc));
}

/** The kernel's print routes (mounted under /api). */
export function printRoutes(r: RouteRegistrar, print: PrintService): void {
  const describeQuery = { type: 'object', additionalProperties: false, properties: { lang } } as const;

  r.get<{ Querystring: { lang?: Language } }>('/print/templates', {
    permission: 'authenticated', summary: 'The print templates of the kernel and the enabled plugins, described in a language (default: the request’s)',
    schema: { querystring: describeQuery },
    handler: async (req, ctx) => print.list().map((t) => print.describe(t.id, req.query.lang ?? ctx.lang)),
  });

  r.get<{ Params: { id: string }; Querystring: { lang?: Language } }>('/print/templates/:id', {
    permission: 'kernel.print', summary: 'One print template: its kind, paper, texts with their defaults and blocks',
    schema: { params: templateParams, querystring: describeQuery },
    handler: async (req, ctx) => print.describe(req.params.id, req.query.lang ?? ctx.lang),
  });

  r.get<{ Params: { id: string; lang: Language } }>('/print/templates/:id/overrides/:lang', {
    permission: 'kernel.print', summary: 'The shop’s changes to a template in a language (version 0: none yet)',
    schema: { params: overrideParams },
    handler: async (req, ctx) => print.override(ctx.em, req.params.id, req.params.lang),
  });

  r.put<{ Params: { id: string; lang: Language }; Body: OverrideBody & { version: number } }>('/print/templates/:id/overrides/:lang', {
    permission: 'kernel.print', summary: 'Save the shop’s changes to a template in a language (409 when someone saved first)',
    description: 'Send the version read (0 when none was stored). Journaled as `print.override.saved`.',
    schema: { params: overrideParams, body: { type: 'object', required: ['version'], additionalProperties: false, properties: { ...overrideFields, version: { type: 'integer', minimum: 0 } } } },
    handler: async (req, ctx) => print.saveOverride(ctx.em, req.params.id, req.params.lang, asOverride(req.body), req.body.version, { userId: ctx.user?.id ?? null, stationId: ctx.station?.id ?? null }),
  });

  r.delete<{ Params: { id: string; lang: Language }; Querystring: { version: number } }>('/print/templates/:id/overrides/:lang', {
    permission: 'kernel.print', summary: 'Go back to the template’s defaults in a language (409 when someone saved first)',
    schema: { params: overrideParams, querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: { type: 'integer', minimum: 1 } } } },
    handler: async (req, ctx) => print.resetOverride(ctx.em, req.params.id, req.params.lang, req.query.version, { userId: ctx.user?.id ?? null, stationId: ctx.station?.id ?? null }),
  });

  r.get<{ Params: { id: string }; Querystring: { lang?: Language; format?: 'html' | 'pdf' } }>('/print/templates/:id/preview', {
    permission: 'kernel.print', summary: 'The template with sample data and the stored changes, as HTML or PDF',
    schema: { params: templateParams, querystring: { type: 'object', additionalProperties: false, properties: { lang, format } } },
    handler: async (req, ctx, reply) => {
      const doc = await print.render(ctx.em, req.params.id, { lang: req.query.lang ?? ctx.lang });
      return send(print, doc, req.query.format ?? 'html', reply);
    },
  });

  r.post<{ Params: { id: string }; Body: { lang: Language; format?: 'html' | 'pdf'; override?: OverrideBody } }>('/print/templates/:id/preview', {
    permission: 'kernel.print', summary: 'The template with sample data and unsaved changes (a draft), as HTML or PDF; nothing is stored',
    bodyLimit: 1024 * 1024,
    schema: { params: templateParams, body: { type: 'object', required: ['lang'], additionalProperties: false, properties: {
      lang, format, override: { type: 'object', additionalProperties: false, properties: overrideFields },
    } } },
    handler: async (req, ctx, reply) => {
      const override = req.body.override ? asOverride(req.body.override) : undefined;
      if (override) print.check(req.params.id, override);
      const doc = await print.render(ctx.em, req.params.id, { lang: req.body.lang, override });
      return send(print, doc, req.body.format ?? 'html', reply);
    },
  });
}
