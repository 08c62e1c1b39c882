import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Kernel } from '../kernel.js';
import { problem, toProblem } from './problem.js';
import { SESSION_COOKIE, pickLanguage } from './request-context.js';
import { isPageUrl, type ShellUi } from './shell-ui.js';
import { checkCoercedNumbers, checkRequestInput, validatorCompiler } from './input.js';
import { securityHeaders } from './headers.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The shell and plugin UIs, mounted once the enabled plugins are known (see shell-ui.ts). */
    comptoirShell: ShellUi | null;
  }
}

/** Creates the Fastify server: cookies, OpenAPI, problem+json errors; the shell is mounted once the plugins are known (shell-ui.ts). */
export async function createHttpServer(kernel: Kernel, opts: { logLevel: string; trustProxy?: boolean | string; allowedHosts?: readonly string[] }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    // Believing X-Forwarded-For from anyone would let a guesser pick a new address for every password try.
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 5 * 1024 * 1024,
    // Stopping must not wait for browsers' idle keep-alive connections (or open event streams).
    forceCloseConnections: true,
  });
  app.addHook('preHandler', (req, _reply, done) => {
    try {
      checkCoercedNumbers(req);
      done();
    } catch (e) {
      done(e as Error);
    }
  });
  // Bodies validated without coercion, query strings and parameters with it (http/input.ts).
  app.setValidatorCompiler(validatorCompiler());
  // Control characters and absurd nesting are refused in every request, whatever its route's schema.
  app.addHook('preValidation', (req, _reply, done) => {
    try {
      checkRequestInput(req);
      done();
    } catch (e) {
      done(e as Error);
    }
  });
  // Host checked (DNS rebinding), security headers on every answer (http/headers.ts).
  securityHeaders(app, { allowedHosts: opts.allowedHosts, scriptHashes: () => app.comptoirShell?.scriptHashes ?? [] });
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

  app.decorate('comptoirShell', null);
  app.setNotFoundHandler((req, reply) => {
    if (req.method !== 'GET' || !app.comptoirShell || !isPageUrl(req.url)) {
      const lang = pickLanguage(req, undefined, 'fr');
      void reply.status(404).type('application/problem+json').send(problem(404, 'NOT_FOUND', {
        fr: `Aucune ressource à ${req.method} ${req.url.split('?')[0]}.`,
        nl: `Geen resource op ${req.method} ${req.url.split('?')[0]}.`,
        en: `Nothing at ${req.method} ${req.url.split('?')[0]}.`,
      }, lang));
      return;
    }
    // Shell routes are client-side: every other page address answers the app.
    void app.comptoirShell.sendPage(req, reply);
  });

  return app;
}
