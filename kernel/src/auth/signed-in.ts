import type { EntityManager } from '@mikro-orm/core';
import { Session, Shop, Station, User } from '../entities/index.js';
import { tokenHash, type AuthContext, type AuthService } from './auth.service.js';

/** A session as the kernel keeps it between requests. */
interface CachedSession {
  session: Session;
  user: User;
  permissions: Set<string>;
  /** The station the session was opened at, while it is active. */
  station: Station | null;
  loadedAt: number;
}

/** How many sessions and stations are kept (the oldest go first): far above a shop's tills and tablets. */
const MAX_ENTRIES = 10_000;

/**
 * The signed-in context of requests (session, user, permissions, station, shop), read from the database once
 * and then kept in memory, so that a request costs no query to know who sends it. Anything that changes
 * users, roles, stations or the shop, or deletes sessions, calls `auth.invalidateSessions(userId?)`; entries
 * are also re-read after `ttlMs`, which bounds how long a change made by another process (the CLI, a second
 * server on the same PostgreSQL database) goes unseen. A read that started before an invalidation is never
 * stored (the generation moved meanwhile), so a request racing a change cannot put the old rights back.
 */
export class SignedInContext {
  private readonly sessions = new Map<string, CachedSession>();
  private readonly stations = new Map<string, { station: Station; loadedAt: number }>();
  private shopEntry: { shop: Shop; loadedAt: number } | null = null;
  private generation = 0;

  constructor(
    private readonly auth: AuthService,
    private readonly clock: { now(): Date },
    private readonly permissionNames: () => readonly string[],
    private readonly ttlMs: number,
  ) {
    auth.onSessionsInvalidated((userId) => this.forget(userId));
  }

  private fresh(loadedAt: number, now: number): boolean {
    return this.ttlMs > 0 && now - loadedAt < this.ttlMs;
  }

  private remember<K, V>(map: Map<K, V>, key: K, value: V): void {
    if (this.ttlMs <= 0) return;
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as K);
    map.set(key, value);
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
    for (const [id, s] of this.sessions) if (s.user.id === userId) this.sessions.delete(id);
  }

  /** The active station a browser's station cookie names, or null. */
  async station(em: () => EntityManager, token: string | undefined): Promise<Station | null> {
    if (!token || token.length > 100) return null;
    const hash = tokenHash(token);
    const now = this.clock.now().getTime();
    const hit = this.stations.get(hash);
    if (hit && this.fresh(hit.loadedAt, now)) return hit.station;
    const gen = this.generation;
    const station = await em().findOne(Station, { tokenHash: hash, active: true }, { disableIdentityMap: true });
    // Unknown tokens are not kept: random cookies must not fill the memory.
    if (station && gen === this.generation) this.remember(this.stations, hash, { station, loadedAt: now });
    return station;
  }

  /** The shop's identity. */
  async shop(em: () => EntityManager): Promise<Shop> {
    const now = this.clock.now().getTime();
    if (this.shopEntry && this.fresh(this.shopEntry.loadedAt, now)) return this.shopEntry.shop;
    const gen = this.generation;
    const shop = (await em().findOne(Shop, { id: 1 }, { disableIdentityMap: true }))!;
    if (gen === this.generation && this.ttlMs > 0) this.shopEntry = { shop, loadedAt: now };
    return shop;
  }

  /** Who a session cookie signs in, with their permissions and station; slides the session's expiry. */
  async session(em: () => EntityManager, token: string | undefined): Promise<Omit<AuthContext, 'station'> & { sessionStation: Station | null } | null> {
    if (!token || token.length > 100) return null;
    const id = tokenHash(token);
    const now = this.clock.now();
    const hit = this.sessions.get(id);
    if (hit && this.fresh(hit.loadedAt, now.getTime())) {
      if (hit.session.expiresAt <= now) {
        this.sessions.delete(id);
        await this.auth.resolveSession(em(), token);
        return null;
      }
      if (!(await this.auth.touchSession(em(), hit.session))) {
        this.sessions.delete(id);
        return null;
      }
      return { session: hit.session, user: hit.user, permissions: hit.permissions, sessionStation: hit.station };
    }
    const gen = this.generation;
    const manager = em();
    const resolved = await this.auth.resolveSession(manager, token);
    if (!resolved) {
      this.sessions.delete(id);
      return null;
    }
    const permissions = await this.auth.permissionsOf(manager, resolved.user, this.permissionNames());
    const station = resolved.session.stationId
      ? await manager.findOne(Station, { id: resolved.session.stationId, active: true }, { disableIdentityMap: true })
      : null;
    if (gen === this.generation) {
      this.remember(this.sessions, id, { session: resolved.session, user: resolved.user, permissions, station, loadedAt: now.getTime() });
    }
    return { ...resolved, permissions, sessionStation: station };
  }
}
