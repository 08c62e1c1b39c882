import type { EntityManager } from '@mikro-orm/core';
import type { FastifyRequest } from 'fastify';
import type { Language } from '../errors.js';
import type { Shop, Station } from '../entities/index.js';
import type { AuthContext } from '../auth/auth.service.js';
import type { Kernel } from '../kernel.js';

export const SESSION_COOKIE = 'cpt_session';
export const STATION_COOKIE = 'cpt_station';

/** What the kernel knows about an API request once it has looked at its cookies. */
export interface RequestState {
  auth: AuthContext | null;
  /** The station this browser is registered as (its `cpt_station` cookie), if active. */
  station: Station | null;
  lang: Language;
  shop: Shop;
  /** The request's entity manager: forked on first use, so that a request served from memory forks none. */
  readonly em: EntityManager;
  /** The entity manager if one was forked (to clear it once the answer is sent). */
  forked(): EntityManager | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    cpt?: RequestState;
  }
}

/** Language for a request: the signed-in user's, else the browser's, else the shop's. */
export function pickLanguage(req: FastifyRequest, userLang: string | undefined, shopLang: string): Language {
  const ok = (l?: string): l is Language => l === 'fr' || l === 'nl' || l === 'en';
  if (ok(userLang)) return userLang;
  const header = String(req.headers['x-comptoir-language'] ?? req.headers['accept-language'] ?? '');
  for (const part of header.split(',')) {
    const l = part.trim().slice(0, 2).toLowerCase();
    if (ok(l)) return l;
  }
  return ok(shopLang) ? shopLang : 'fr';
}

/** Loads station, session, permissions, shop and language for an API request (once), mostly from memory. */
export async function loadRequestContext(kernel: Kernel, req: FastifyRequest): Promise<RequestState> {
  if (req.cpt) return req.cpt;
  let em: EntityManager | null = null;
  const fork = () => (em ??= kernel.orm.em.fork());
  const signedIn = kernel.signedIn;
  const station = await signedIn.station(fork, req.cookies[STATION_COOKIE]);
  const resolved = await signedIn.session(fork, req.cookies[SESSION_COOKIE]);
  const auth: AuthContext | null = resolved
    ? { session: resolved.session, user: resolved.user, permissions: resolved.permissions, station: resolved.sessionStation ?? station }
    : null;
  const shop = await signedIn.shop(fork);
  req.cpt = {
    auth, station, shop,
    lang: pickLanguage(req, auth?.user.language, shop.language),
    get em() {
      return fork();
    },
    forked: () => em,
  };
  return req.cpt;
}
