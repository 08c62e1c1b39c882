import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Shop, Station, type Session, type User } from '../entities/index.js';
import { tokenHash, type AuthService } from './auth.service.js';

/** A session as the kernel keeps it between requests. */
export interface SignedInSession {
  session: Session;
  user: User;
  permissions: Set<string>;
  /** The station the session was opened at, while it is active. */
  station: Station | null;
}

interface Entry<T> {
  value: T;
  loadedAt: number;
}

/** What a request's cookies name, as far as memory knows it without a query. */
export interface FromMemory {
  station: Station | null;
  session: SignedInSession | null;
  shop: Shop;
}

/** An entity manager forked on first use: a request answered from memory forks none. */
export class LazyEntityManager {
  private em: EntityManager | null = null;

  constructor(private readonly orm: MikroORM) {}

  get(): EntityManager {
    return (this.em ??= this.orm.em.fork());
  }
}

/** How many sessions and stations are kept (the oldest go first): far above a shop's tills and tablets. */
const MAX_ENTRIES = 10_000;

/**
 * The signed-in context of requests (session, user, permissions, station, shop), read from the database once
 * and then kept in memory, so that a request costs no query to know who sends it. Anything that changes
 * users, roles, stations or the shop, or deletes sessions, calls `auth.invalidateSessions(userId?)`; entries
 * are also read again after `ttlMs`, which bounds how long a change made by another process (the CLI, a second
 * server on the same PostgreSQL database) goes unseen. A read that started before an invalidation is never
 * stored (the generation moved meanwhile), so a request racing a change cannot put the old rights back.
 * Entries are found by the cookie's secret itself, which saves hashing it on every request; only hashes are
 * ever stored in the database.
 */
export class SignedInContext {
  private readonly sessions = new Map<string, Entry<SignedInSession>>();
  private readonly stations = new Map<string, Entry<Station>>();
  private shopEntry: Entry<Shop> | null = null;
  private generation = 0;

  constructor(
    private readonly auth: AuthService,
    private readonly clock: { now(): Date },
    private readonly permissionNames: () => readonly string[],
    private readonly ttlMs: number,
  ) {
    auth.onSessionsInvalidated((userId) => this.forget(userId));
  }

  private fresh(entry: Entry<unknown> | null | undefined, now: number): boolean {
    return !!entry && now - entry.loadedAt < this.ttlMs;
  }

  private remember<V>(map: Map<string, Entry<V>>, key: string, value: V, gen: number, now: number): void {
    if (this.ttlMs <= 0 || gen !== this.generation) return;
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
    map.set(key, { value, loadedAt: now });
  }

  /** Forgets one user's sessions, or (without a user) every session, station and the shop. */
  forget(userId?: number): void {
    this.generation++;
    if (userId === undefined) {
      this.sessions.clear();
      this.stations.clear();
      this.shopEntry = null;
      return;
    }
    for (const [token, s] of this.sessions) if (s.value.user.id === userId) this.sessions.delete(token);
  }

  /**
   * Everything a request's cookies name, when memory holds all of it fresh (and the session needs neither to
   * end nor to slide): the common case, answered without a promise. Null sends the request the long way.
   */
  fromMemory(stationToken: string | undefined, sessionToken: string | undefined): FromMemory | null {
    const now = this.clock.now().getTime();
    if (!this.fresh(this.shopEntry, now)) return null;
    let station: Station | null = null;
    if (stationToken) {
      const hit = this.stations.get(stationToken);
      if (!this.fresh(hit, now)) return null;
      station = hit!.value;
    }
    let session: SignedInSession | null = null;
    if (sessionToken) {
      const hit = this.sessions.get(sessionToken);
      if (!this.fresh(hit, now) || hit!.value.session.expiresAt.getTime() <= now || this.auth.needsTouch(hit!.value.session)) return null;
      session = hit!.value;
    }
    return { station, session, shop: this.shopEntry!.value };
  }

  /** The active station a browser's station cookie names, or null. */
  async station(em: LazyEntityManager, token: string | undefined): Promise<Station | null> {
    if (!token || token.length > 100) return null;
    const now = this.clock.now().getTime();
    const hit = this.stations.get(token);
    if (this.fresh(hit, now)) return hit!.value;
    const gen = this.generation;
    const station = await em.get().findOne(Station, { tokenHash: tokenHash(token), active: true }, { disableIdentityMap: true });
    // Unknown tokens are not kept: random cookies must not fill the memory.
    if (station) this.remember(this.stations, token, station, gen, now);
    return station;
  }

  /** The shop's identity. */
  async shop(em: LazyEntityManager): Promise<Shop> {
    const now = this.clock.now().getTime();
    if (this.fresh(this.shopEntry, now)) return this.shopEntry!.value;
    const gen = this.generation;
    const shop = (await em.get().findOne(Shop, { id: 1 }, { disableIdentityMap: true }))!;
    if (gen === this.generation && this.ttlMs > 0) this.shopEntry = { value: shop, loadedAt: now };
    return shop;
  }

  /** Who a session cookie signs in, with their permissions and station; slides the session's expiry. */
  async session(em: LazyEntityManager, token: string | undefined): Promise<SignedInSession | null> {
    if (!token || token.length > 100) return null;
    const now = this.clock.now();
    const hit = this.sessions.get(token);
    if (hit && this.fresh(hit, now.getTime())) {
      const { session } = hit.value;
      if (session.expiresAt <= now) {
        this.sessions.delete(token);
        await this.auth.resolveSession(em.get(), token);
        return null;
      }
      if (this.auth.needsTouch(session) && !(await this.auth.touchSession(em.get(), session))) {
        this.sessions.delete(token);
        return null;
      }
      return hit.value;
    }
    const gen = this.generation;
    const manager = em.get();
    const resolved = await this.auth.resolveSession(manager, token);
    if (!resolved) {
      this.sessions.delete(token);
      return null;
    }
    const permissions = await this.auth.permissionsOf(manager, resolved.user, this.permissionNames());
    const station = resolved.session.stationId
      ? await manager.findOne(Station, { id: resolved.session.stationId, active: true }, { disableIdentityMap: true })
      : null;
    const value = { ...resolved, permissions, station };
    this.remember(this.sessions, token, value, gen, now.getTime());
    return value;
  }
}
