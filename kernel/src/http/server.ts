import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { EntityManager } from '@mikro-orm/core';
import { asValue } from 'awilix';
import { DomainError, type Language } from '../errors.js';
import { Shop, Station } from '../entities/index.js';
import type { Kernel } from '../kernel.js';
import { tokenHash, type AuthContext } from '../auth/auth.service.js';
import { problem, toProblem } from './problem.js';
import type { RouteContext, RouteDefinition } from './routes.js';
import { isPageUrl, type ShellUi } from './shell-ui.js';

export const SESSION_COOKIE = 'cpt_session';
export const STATION_COOKIE = 'cpt_station';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyInstance {
    /** The shell and plugin UIs, mounted once the enabled plugins are known (see shell-ui.ts). */
    comptoirShell: ShellUi | null;
  }
  interface FastifyRequest {
    cpt?: { em: EntityManager; auth: AuthContext | null; station: Station | null; lang: Language; loaded: boolean };
  }
}

/** Language for a request: the signed-in user's, else the browser's, else the shop's. */
function pickLanguage(req: FastifyRequest, userLang: string | undefined, shopLang: string): Language {
  const ok = (l?: string): l is Language => l === 'fr' || l === 'nl' || l === 'en';
  if (ok(userLang)) return userLang;
  const header = String(req.headers['x-comptoir-language'] ?? req.headers['accept-language'] ?? '');
  for (const part of header.split(',')) {
    const l = part.trim().slice(0, 2).toLowerCase();
    if (ok(l)) return l;
  }
  return ok(shopLang) ? shopLang : 'fr';
}

/** Creates the Fastify server: cookies, OpenAPI, problem+json errors, auth loading; the shell is mounted later (mountShellUi). */
export async function createHttpServer(kernel: Kernel, opts: { logLevel: string; trustProxy?: boolean | string }): Promise<FastifyInstance> {
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

  app.addHook('onResponse', async (req) => {
    // The request's entity manager is a fork; drop its identity map.
    req.cpt?.em.clear();
  });

  return app;
}

/** Loads station, session, permissions and language for an API request (once). */
export async function loadRequestContext(kernel: Kernel, req: FastifyRequest): Promise<NonNullable<FastifyRequest['cpt']>> {
  if (req.cpt?.loaded) return req.cpt;
  const em = kernel.orm.em.fork();
  const stationToken = req.cookies[STATION_COOKIE];
  const station = stationToken ? await em.findOne(Station, { tokenHash: tokenHash(stationToken), active: true }) : null;
  const resolved = await kernel.auth.resolveSession(em, req.cookies[SESSION_COOKIE]);
  let auth: AuthContext | null = null;
  if (resolved) {
    const permissions = await kernel.auth.permissionsOf(em, resolved.user, kernel.permissionNames());
    const sessionStation = resolved.session.stationId ? await em.findOne(Station, { id: resolved.session.stationId }) : null;
    auth = { ...resolved, station: sessionStation ?? station, permissions };
  }
  const shop = await em.findOne(Shop, { id: 1 });
  const lang = pickLanguage(req, auth?.user.language, shop?.language ?? 'fr');
  req.cpt = { em, auth, station, lang, loaded: true };
  return req.cpt;
}

/** Whether an Origin header names this server; `null` (sandboxed or privacy-hidden pages) and garbage do not. */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Mounts one route: authentication, permission, CSRF, request scope, problem+json. */
export function mountRoute(kernel: Kernel, app: FastifyInstance, prefix: string, tag: string, def: RouteDefinition<any>): void {
  const needsAuth = def.permission !== 'public';
  app.route({
    method: def.method,
    url: `${prefix}${def.url === '/' ? '' : def.url}`,
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    schema: {
      ...(def.schema ?? {}),
      summary: def.summary,
      description: `${def.description ? `${def.description}\n\n` : ''}Permission: \`${def.permission}\``,
      tags: [tag],
      ...(needsAuth ? { security: [{ session: [] }] } : {}),
    },
    // Who may call is checked before the body is validated: nobody learns a route's schema without the right to use it.
    preValidation: async (req: FastifyRequest) => {
      const c = await loadRequestContext(kernel, req);
      if (UNSAFE.has(req.method)) {
        // Cross-site requests never change anything: the Origin, when sent, must be this server.
        const origin = req.headers.origin;
        if (origin && !sameHost(origin, req.headers.host)) {
          throw new DomainError('CSRF_ORIGIN', { fr: 'Requête d’une autre origine refusée.', nl: 'Aanvraag van een andere oorsprong geweigerd.', en: 'Cross-origin request refused.' }, { status: 403 });
        }
      }
      if (needsAuth) {
        if (!c.auth) {
          throw new DomainError('AUTH_REQUIRED', { fr: 'Connectez-vous pour continuer.', nl: 'Meld u aan om verder te gaan.', en: 'Sign in to continue.' }, { status: 401 });
        }
        if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== c.auth.session.csrfToken) {
          throw new DomainError('CSRF_TOKEN_INVALID', {
            fr: 'Jeton anti-falsification manquant ou invalide : rechargez la page.',
            nl: 'Anti-vervalsingstoken ontbreekt of is ongeldig: herlaad de pagina.',
            en: 'Missing or invalid anti-forgery token: reload the page.',
          }, { status: 403 });
        }
        if (def.permission !== 'authenticated' && !c.auth.permissions.has(def.permission)) {
          throw new DomainError('PERMISSION_DENIED', {
            fr: `Vous n’avez pas le droit « ${def.permission} ».`,
            nl: `U hebt het recht '${def.permission}' niet.`,
            en: `You lack the permission '${def.permission}'.`,
          }, { status: 403, extra: { permission: def.permission } });
        }
      }
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const c = await loadRequestContext(kernel, req);
      const scope = kernel.container.createScope();
      scope.register({
        em: asValue(c.em),
        user: asValue(c.auth?.user ?? null),
        station: asValue(c.auth?.station ?? c.station),
      });
      const ctx: RouteContext = {
        em: c.em,
        user: c.auth?.user ?? null,
        station: c.auth?.station ?? c.station,
        permissions: c.auth?.permissions ?? new Set(),
        lang: c.lang,
        container: scope,
        ip: req.ip,
        shop: async () => (await c.em.findOne(Shop, { id: 1 }))!,
        transactional: (fn) => c.em.transactional(fn),
        requireUser: () => {
          if (!c.auth) throw new DomainError('AUTH_REQUIRED', { fr: 'Connectez-vous pour continuer.', nl: 'Meld u aan om verder te gaan.', en: 'Sign in to continue.' }, { status: 401 });
          return c.auth.user;
        },
      };
      try {
        const result = await def.handler(req as any, ctx, reply);
        if (reply.sent) return reply;
        if (result === undefined) return reply.status(def.status ?? 204).send();
        return reply.status(def.status ?? 200).send(result);
      } finally {
        await scope.dispose();
      }
    },
  });
}
