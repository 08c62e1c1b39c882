import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { Kernel } from '../kernel.js';
import { problem, toProblem } from './problem.js';
import { SESSION_COOKIE, pickLanguage } from './request-context.js';

/** Creates the Fastify server: cookies, OpenAPI, problem+json errors, auth loading, the shell. */
export async function createHttpServer(kernel: Kernel, opts: { logLevel: string; shellDir: string | null; trustProxy?: boolean | string }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    // Believing X-Forwarded-For from anyone would let a guesser pick a new address for every password try.
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 5 * 1024 * 1024,
    // Stopping must not wait for browsers' idle keep-alive connections (or open event streams).
    forceCloseConnections: true,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Comptoir API', version: kernel.version, description: 'Point of sale, invoicing and stock. Every route names the permission it needs; state-changing requests need the X-CSRF-Token header of the session.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((err, req, reply) => {
    const lang = req.cpt?.lang ?? pickLanguage(req, undefined, 'fr');
    const p = toProblem(err, lang);
    if (p.status >= 500) req.log.error({ err }, 'request failed');
    void reply.status(p.status).type('application/problem+json').send(p);
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !opts.shellDir) {
      const lang = pickLanguage(req, undefined, 'fr');
      void reply.status(404).type('application/problem+json').send(problem(404, 'NOT_FOUND', {
        fr: `Aucune ressource à ${req.method} ${req.url.split('?')[0]}.`,
        nl: `Geen resource op ${req.method} ${req.url.split('?')[0]}.`,
        en: `Nothing at ${req.method} ${req.url.split('?')[0]}.`,
      }, lang));
      return;
    }
    // Shell routes are client-side: every other GET answers the app.
    void reply.type('text/html').send(readFileSync(join(opts.shellDir, 'index.html')));
  });

  if (opts.shellDir && existsSync(join(opts.shellDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.shellDir, prefix: '/', wildcard: false, index: ['index.html'] });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html').send(
      '<!doctype html><meta charset="utf-8"><title>Comptoir</title><p>Comptoir is running, but the shell is not built. Run <code>pnpm build</code>, then restart. The API is at <a href="/api/docs">/api/docs</a>.</p>'));
  }

  return app;
}
