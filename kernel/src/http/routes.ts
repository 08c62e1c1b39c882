import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { AwilixContainer } from 'awilix';
import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '../errors.js';
import type { User, Station, Shop } from '../entities/index.js';

/** `public`: anyone; `authenticated`: any signed-in user; otherwise a declared permission name. */
export type RoutePermission = 'public' | 'authenticated' | (string & {});

/** What a route handler receives besides the request: who, where, and a request-scoped entity manager. */
export interface RouteContext {
  /**
   * Request-scoped entity manager (a fork); use `transactional` for writes that must commit together. On an
   * idempotent route it is the route's one transaction, which also holds the Idempotency-Key's record.
   */
  em: EntityManager;
  user: User | null;
  station: Station | null;
  permissions: ReadonlySet<string>;
  lang: Language;
  /** The request's awilix scope: kernel and plugin services, plus `user`, `station`, `em`. */
  container: AwilixContainer;
  ip: string;
  shop(): Promise<Shop>;
  /**
   * Runs `fn` in a transaction; hooks tapped inside receive the transactional entity manager. On an idempotent
   * route it runs inside the route's transaction (a savepoint), so the key's record commits with it.
   */
  transactional<T>(fn: (em: EntityManager) => Promise<T>): Promise<T>;
  /** Signed-in user; throws AUTH_REQUIRED when nobody is. */
  requireUser(): User;
}

export interface RouteTypes {
  Body?: unknown;
  Querystring?: unknown;
  Params?: unknown;
}

/** One HTTP route of a plugin: its permission, schema and handler. */
export interface RouteDefinition<T extends RouteTypes = RouteTypes> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the plugin's prefix, e.g. `/articles/:id`. */
  url: string;
  permission: RoutePermission;
  summary: string;
  description?: string;
  schema?: Omit<FastifySchema, 'summary' | 'description' | 'tags'>;
  /** Largest request body this route accepts, in bytes (default: the server's 5 MiB). */
  bodyLimit?: number;
  /** Answer status on success (default 200, or 204 when the handler returns undefined). */
  status?: number;
  /**
   * Accepts an `Idempotency-Key` header (signed-in POST, PUT, PATCH or DELETE routes only). The handler runs in
   * one transaction (`ctx.em`) with the key's record and its answer, so a retry with the same key gets the
   * stored answer (`Idempotent-Replayed: true`) instead of doing the work twice, and the same key with another
   * request gets 422. A malformed key is refused (400); a missing key is accepted (the request simply runs),
   * unless `'required'` (400 `IDEMPOTENCY_KEY_REQUIRED`). The handler returns its answer; it does not send it.
   */
  idempotent?: boolean | 'required';
  handler(
    req: FastifyRequest<{ Body: T['Body']; Querystring: T['Querystring']; Params: T['Params'] }>,
    ctx: RouteContext,
    reply: FastifyReply,
  ): Promise<unknown>;
}

/** Collects a plugin's routes; the kernel mounts them under `/api/<plugin>`. */
export class RouteRegistrar {
  readonly routes: RouteDefinition<any>[] = [];

  constructor(readonly prefix: string) {}

  route<T extends RouteTypes = RouteTypes>(def: RouteDefinition<T>): this {
    if (!def.permission) throw new TypeError(`Route ${def.method} ${this.prefix}${def.url} must name its permission`);
    this.routes.push(def);
    return this;
  }

  get<T extends RouteTypes = RouteTypes>(url: string, def: Omit<RouteDefinition<T>, 'method' | 'url'>): this {
    return this.route({ ...def, method: 'GET', url });
  }

  post<T extends RouteTypes = RouteTypes>(url: string, def: Omit<RouteDefinition<T>, 'method' | 'url'>): this {
    return this.route({ ...def, method: 'POST', url });
  }

  put<T extends RouteTypes = RouteTypes>(url: string, def: Omit<RouteDefinition<T>, 'method' | 'url'>): this {
    return this.route({ ...def, method: 'PUT', url });
  }

  patch<T extends RouteTypes = RouteTypes>(url: string, def: Omit<RouteDefinition<T>, 'method' | 'url'>): this {
    return this.route({ ...def, method: 'PATCH', url });
  }

  delete<T extends RouteTypes = RouteTypes>(url: string, def: Omit<RouteDefinition<T>, 'method' | 'url'>): this {
    return this.route({ ...def, method: 'DELETE', url });
  }
}
