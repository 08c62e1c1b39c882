import type { EntityManager } from '@mikro-orm/core';
import type { FastifyRequest } from 'fastify';
import type { Language } from '../errors.js';
import type { Shop, Station } from '../entities/index.js';
import type { AuthContext } from '../auth/auth.service.js';
import { LazyEntityManager, type SignedInSession } from '../auth/signed-in.js';
import type { Kernel } from '../kernel.js';

export const SESSION_COOKIE = 'cpt_session';
export const STATION_COOKIE = 'cpt_station';

/** What the kernel knows about an API request once it has looked at its cookies. */
export interface RequestState {
  readonly auth: AuthContext | null;
  /** The station this browser is registered as (its `cpt_station` cookie), if active. */
  readonly station: Station | null;
  readonly lang: Language;
  readonly shop: Shop;
  /**
   * The request's entity manager: forked on first use, so that a request served from memory forks none. It
   * lives and dies with the request (no hook clears it: the garbage collector does).
   */
  readonly em: EntityManager;
}

declare module 'fastify' {
  interface FastifyRequest {
    cpt?: RequestState;
  }
}

/**
 * Language for a request: the one the shell shows (`X-Comptoir-Language`, the person's choice on this
 * screen), else the signed-in user's, else the browser's, else the shop's.
 */
export function pickLanguage(req: FastifyRequest, userLang: string | undefined, shopLang: string): Language {
  const ok = (l?: string): l is Language => l === 'fr' || l === 'nl' || l === 'en';
  const shown = String(req.headers['x-comptoir-language'] ?? '').trim().slice(0, 2).toLowerCase();
  if (ok(shown)) return shown;
  if (ok(userLang)) return userLang;
  const header = String(req.headers['accept-language'] ?? '');
  for (const part of header.split(',')) {
    const l = part.trim().slice(0, 2).toLowerCase();
    if (ok(l)) return l;
  }
  return ok(shopLang) ? shopLang : 'fr';
}

/** A request's state, built once its cookies are known. */
class State implements RequestState {
  constructor(
    private readonly lazy: LazyEntityManager,
    readonly auth: AuthContext | null,
    readonly station: Station | null,
    readonly shop: Shop,
    readonly lang: Language,
  ) {}

  get em(): EntityManager {
    return this.lazy.get();
  }
}

function settle(req: FastifyRequest, lazy: LazyEntityManager, station: Station | null, session: SignedInSession | null, shop: Shop): RequestState {
  const auth: AuthContext | null = session
    ? { session: session.session, user: session.user, permissions: session.permissions, station: session.station ?? station }
    : null;
  return (req.cpt = new State(lazy, auth, station, shop, pickLanguage(req, auth?.user.language, shop.language)));
}

async function load(kernel: Kernel, req: FastifyRequest): Promise<RequestState> {
  const lazy = new LazyEntityManager(kernel.orm);
  const signedIn = kernel.signedIn;
  const station = await signedIn.station(lazy, req.cookies[STATION_COOKIE]);
  const session = await signedIn.session(lazy, req.cookies[SESSION_COOKIE]);
  return settle(req, lazy, station, session, await signedIn.shop(lazy));
}

/**
 * Loads station, session, permissions, shop and language for an API request, once. Usually everything is in
 * memory and the answer comes without a promise; otherwise it is read from the database.
 */
export function loadRequestContext(kernel: Kernel, req: FastifyRequest): RequestState | Promise<RequestState> {
  if (req.cpt) return req.cpt;
  const memory = kernel.signedIn.fromMemory(req.cookies[STATION_COOKIE], req.cookies[SESSION_COOKIE]);
  if (!memory) return load(kernel, req);
  return settle(req, new LazyEntityManager(kernel.orm), memory.station, memory.session, memory.shop);
}
