import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EntityManager } from '@mikro-orm/core';
import { asValue, type AwilixContainer } from 'awilix';
import { DomainError, KernelError } from '../errors.js';
import type { Kernel } from '../kernel.js';
import { loadRequestContext, type RequestState } from './request-context.js';
import { IDEMPOTENCY_HEADER, KeyTaken, REPLAYED_HEADER, idempotencyKeyOf, keyReused, requestHash, type StoredAnswer } from './idempotency.js';
import type { RouteContext, RouteDefinition } from './routes.js';
import { APPROVAL_HEADER, parseApproval, runApproved, type Approval } from '../auth/approval.js';

/** The manager's approval a request was let through with (see approval.ts). */
const approvals = new WeakMap<FastifyRequest, Approval>();

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const AUTH_REQUIRED = { fr: 'Connectez-vous pour continuer.', nl: 'Meld u aan om verder te gaan.', en: 'Sign in to continue.' };

/** Whether an Origin header names this server; `null` (sandboxed or privacy-hidden pages) and garbage do not. */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A handler's context; `em` is the transaction's inside an idempotent route. Its scope is made on first use. */
class Context implements RouteContext {
  private scope: AwilixContainer | null = null;
  readonly user: RouteContext['user'];
  readonly station: RouteContext['station'];
  readonly permissions: ReadonlySet<string>;
  readonly lang: RouteContext['lang'];
  readonly ip: string;

  constructor(private readonly kernel: Kernel, private readonly state: RequestState, private readonly tem: EntityManager | null, ip: string, approval?: Approval) {
    this.user = state.auth?.user ?? null;
    this.station = state.auth?.station ?? state.station;
    const held = state.auth?.permissions ?? NO_PERMISSIONS;
    this.permissions = approval ? new Set([...held, approval.permission]) : held;
    this.lang = state.lang;
    this.ip = ip;
  }

  get em(): EntityManager {
    return this.tem ?? this.state.em;
  }

  get container(): AwilixContainer {
    if (!this.scope) {
      this.scope = this.kernel.container.createScope();
      this.scope.register({ em: asValue(this.em), user: asValue(this.user), station: asValue(this.station) });
    }
    return this.scope;
  }

  async shop() {
    return this.state.shop;
  }

  transactional<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.em.transactional(fn);
  }

  requireUser() {
    if (!this.user) throw new DomainError('AUTH_REQUIRED', AUTH_REQUIRED, { status: 401 });
    return this.user;
  }

  async dispose(): Promise<void> {
    if (this.scope) await this.scope.dispose();
  }
}

const NO_PERMISSIONS: ReadonlySet<string> = new Set();

/** Sends a handler's result: its status, or 204 for no result. */
function answer(reply: FastifyReply, status: number | undefined, result: unknown) {
  if (reply.sent) return reply;
  if (result === undefined) return reply.status(status ?? 204).send();
  return reply.status(status ?? 200).send(result);
}

/** Sends the answer stored for a key, or refuses a key used for another request. */
function replay(stored: StoredAnswer, route: string, hash: string, reply: FastifyReply) {
  if (stored.route !== route || stored.requestHash !== hash) throw keyReused(stored);
  void reply.header(REPLAYED_HEADER, 'true');
  return answer(reply, stored.status, stored.response === null ? undefined : JSON.parse(stored.response));
}

/**
 * Runs an idempotent route: the handler, the key's record and the answer in one transaction. A request
 * whose key already has an answer gets that answer back, marked with `Idempotent-Replayed: true`.
 */
async function runIdempotent(kernel: Kernel, def: RouteDefinition<any>, route: string, req: FastifyRequest, reply: FastifyReply, c: RequestState) {
  const key = idempotencyKeyOf(req, def.idempotent === 'required');
  const userId = c.auth!.user.id;
  const hash = key ? requestHash(req) : '';
  const store = kernel.idempotency;
  // No look-up first: a new key (the usual case) is claimed in the transaction, a known one is found taken there.
  try {
    const { result, status } = await c.em.transactional(async (tem) => {
      if (key) await store.claim(tem, userId, key, route, hash);
      const ctx = new Context(kernel, c, tem, req.ip, approvals.get(req));
      try {
        const result = await runApproved(approvals.get(req), () => def.handler(req as any, ctx, reply));
        if (reply.sent) throw new KernelError('IDEMPOTENT_REPLY_SENT', `Route ${route} is idempotent: its handler must return its answer, not send it.`);
        const status = def.status ?? (result === undefined ? 204 : 200);
        if (key) await store.complete(tem, userId, key, status, result);
        return { result, status };
      } finally {
        await ctx.dispose();
      }
    });
    return answer(reply, status, result);
  } catch (e) {
    if (!(e instanceof KeyTaken)) throw e;
    // Another request with this key committed first: answer what it answered.
    const stored = await store.find(c.em, userId, key!);
    if (!stored) throw new DomainError('IDEMPOTENCY_KEY_BUSY', {
      fr: 'Une autre requête avec cette clé vient de se terminer ; réessayez.',
      nl: 'Een andere aanvraag met deze sleutel is net beëindigd; probeer opnieuw.',
      en: 'Another request with this key has just finished; try again.',
    }, { status: 409 });
    return replay(stored, route, hash, reply);
  }
}

/** Mounts one route: authentication, permission, CSRF, request scope, idempotency, problem+json. */
export function mountRoute(kernel: Kernel, app: FastifyInstance, prefix: string, tag: string, def: RouteDefinition<any>): void {
  const needsAuth = def.permission !== 'public';
  const url = `${prefix}${def.url === '/' ? '' : def.url}`;
  const route = `${def.method} ${url}`;
  if (def.idempotent && (!needsAuth || !UNSAFE.has(def.method))) {
    throw new KernelError('ROUTE_IDEMPOTENT_INVALID', `Route ${route} (${tag}): only signed-in POST, PUT, PATCH and DELETE routes can be idempotent (keys belong to a user).`);
  }
  const schema = def.schema ?? {};

  /** Why the request may not go on (origin, sign-in, anti-forgery token, permission), or nothing. */
  const refusal = (req: FastifyRequest, c: RequestState): DomainError | undefined => {
    const unsafe = UNSAFE.has(req.method);
    // Cross-site requests never change anything: the Origin, when sent, must be this server.
    if (unsafe && req.headers.origin && !sameHost(req.headers.origin, req.headers.host)) {
      return new DomainError('CSRF_ORIGIN', { fr: 'Requête d’une autre origine refusée.', nl: 'Aanvraag van een andere oorsprong geweigerd.', en: 'Cross-origin request refused.' }, { status: 403 });
    }
    if (!needsAuth) return undefined;
    if (!c.auth) return new DomainError('AUTH_REQUIRED', AUTH_REQUIRED, { status: 401 });
    if (unsafe && req.headers['x-csrf-token'] !== c.auth.session.csrfToken) {
      return new DomainError('CSRF_TOKEN_INVALID', {
        fr: 'Jeton anti-falsification manquant ou invalide : rechargez la page.',
        nl: 'Anti-vervalsingstoken ontbreekt of is ongeldig: herlaad de pagina.',
        en: 'Missing or invalid anti-forgery token: reload the page.',
      }, { status: 403 });
    }
    if (def.permission !== 'authenticated' && !c.auth.permissions.has(def.permission)) {
      return new DomainError('PERMISSION_DENIED', {
        fr: `Vous n’avez pas le droit « ${def.permission} ».`,
        nl: `U hebt het recht '${def.permission}' niet.`,
        en: `You lack the permission '${def.permission}'.`,
      }, { status: 403, extra: { permission: def.permission } });
    }
    return undefined;
  };

  /**
   * Lets a manager's PIN approve what the signed-in user may not do: the route's permission (`missing`), or the one
   * the header names for a check the handler makes itself. Refused unless the approver holds it.
   */
  const approve = async (req: FastifyRequest, c: RequestState, missing: string | null): Promise<void> => {
    const asked = parseApproval(req.headers[APPROVAL_HEADER]);
    const permission = missing ?? asked.permission;
    if (!permission || c.auth!.permissions.has(permission)) return;
    if (missing && asked.permission && asked.permission !== missing) throw refusal(req, c)!;
    approvals.set(req, await kernel.auth.approve(c.em, { userId: asked.userId, pin: asked.pin, permission, stationId: (c.auth!.station ?? c.station)?.id ?? null, allPermissions: kernel.permissionNames() }));
  };

  app.route({
    method: def.method,
    url,
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    schema: {
      ...schema,
      ...(def.idempotent ? {
        headers: {
          ...(schema.headers as object ?? { type: 'object' }),
          properties: {
            ...((schema.headers as { properties?: object } | undefined)?.properties ?? {}),
            [IDEMPOTENCY_HEADER]: { type: 'string', description: 'A unique key per operation (8 to 255 visible ASCII characters): a retry with the same key gets the first answer back.' },
          },
        },
      } : {}),
      summary: def.summary,
      description: `${def.description ? `${def.description}\n\n` : ''}Permission: \`${def.permission}\`${def.idempotent ? `\n\nIdempotent: send an \`Idempotency-Key\` header${def.idempotent === 'required' ? ' (required)' : ''}; a retry with the same key answers the stored answer with \`Idempotent-Replayed: true\`, the same key with another request 422.` : ''}`,
      tags: [tag],
      ...(needsAuth ? { security: [{ session: [] }] } : {}),
    },
    // Who may call is checked before the body is validated: nobody learns a route's schema without the right to use it.
    // Callback style: a request whose context is in memory is checked without a single promise.
    preValidation: (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
      const check = (state: RequestState) => {
        const refused = refusal(req, state);
        if (req.headers[APPROVAL_HEADER] === undefined || (refused && refused.code !== 'PERMISSION_DENIED')) return done(refused);
        approve(req, state, refused ? def.permission : null).then(() => done(), done);
      };
      const c = loadRequestContext(kernel, req);
      if (c instanceof Promise) c.then(check, done);
      else check(c);
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const c = req.cpt!;
      if (def.idempotent) return runIdempotent(kernel, def, route, req, reply, c);
      const ctx = new Context(kernel, c, null, req.ip, approvals.get(req));
      try {
        return answer(reply, def.status, await runApproved(approvals.get(req), () => def.handler(req as any, ctx, reply)));
      } finally {
        await ctx.dispose();
      }
    },
  });
}
