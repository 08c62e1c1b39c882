import type { EntityManager } from '@mikro-orm/core';
import { query, run } from '../db/sql.js';

/**
 * What signing in changes, kept out of the versioned user row (`kernel_sign_in`): PIN failures and lock, last
 * sign-in. A PIN attempt is reserved before its PIN is checked, by one conditional UPDATE that counts it and
 * refuses it when the limit is reached: a burst of a hundred attempts checks at most `maxFailures` PINs, on
 * SQLite as on PostgreSQL (whose row lock re-evaluates the condition for each waiting attempt). Times are
 * milliseconds since 1970, so both databases compare them the same way.
 */
export class SignInRecords {
  constructor(private readonly maxFailures: number, private readonly lockMs: number) {}

  private async ensure(em: EntityManager, userId: number): Promise<void> {
    await run(em, 'insert into kernel_sign_in (user_id, pin_failures) values (?, 0) on conflict (user_id) do nothing', [userId]);
  }

  /**
   * Reserves one PIN attempt (committed at once when `em` is outside a transaction); `lockedUntil` (ms) when the
   * PIN is locked, or when the attempts in flight already reach the limit.
   */
  async reservePin(em: EntityManager, userId: number, now: number): Promise<{ failures: number } | { lockedUntil: number }> {
    await this.ensure(em, userId);
    const rows = await query<{ pin_failures: number }>(em,
      `update kernel_sign_in set
         pin_failures = case when pin_locked_until is not null and pin_locked_until <= ? then 1 else pin_failures + 1 end,
         pin_locked_until = case when pin_locked_until is not null and pin_locked_until <= ? then null else pin_locked_until end
       where user_id = ? and (pin_failures < ? or (pin_locked_until is not null and pin_locked_until <= ?))
       returning pin_failures`, [now, now, userId, this.maxFailures, now]);
    if (rows.length) return { failures: Number(rows[0].pin_failures) };
    const [row] = await query<{ pin_locked_until: number | null }>(em, 'select pin_locked_until from kernel_sign_in where user_id = ?', [userId]);
    // Attempts in flight hold every place: locked as if the last of them failed.
    return { lockedUntil: row?.pin_locked_until != null ? Number(row.pin_locked_until) : now + this.lockMs };
  }

  /** A reserved attempt failed: the count stays; the attempt that reaches the limit starts the lock. */
  async pinFailed(em: EntityManager, userId: number, failures: number, now: number): Promise<boolean> {
    if (failures < this.maxFailures) return false;
    await run(em, 'update kernel_sign_in set pin_locked_until = ? where user_id = ? and pin_locked_until is null and pin_failures >= ?',
      [now + this.lockMs, userId, this.maxFailures]);
    return true;
  }

  /** A sign-in succeeded: failures forgotten, lock lifted, time and method kept. */
  async signedIn(em: EntityManager, userId: number, method: 'password' | 'pin', now: number): Promise<void> {
    await this.ensure(em, userId);
    const reset = method === 'pin' ? 'pin_failures = 0, pin_locked_until = null, ' : '';
    await run(em, `update kernel_sign_in set ${reset}last_sign_in_at = ?, last_sign_in_method = ? where user_id = ?`, [now, method, userId]);
  }

  /** Lifts a PIN's lock (an administrator's unlock, or a new PIN). */
  async unlockPin(em: EntityManager, userId: number): Promise<void> {
    await run(em, 'update kernel_sign_in set pin_failures = 0, pin_locked_until = null where user_id = ?', [userId]);
  }

  /** Per user: whether the PIN is locked now, and the last sign-in. */
  async states(em: EntityManager, userIds: number[], now: number): Promise<Map<number, { pinLocked: boolean; lastSignInAt: Date | null }>> {
    const out = new Map<number, { pinLocked: boolean; lastSignInAt: Date | null }>();
    if (!userIds.length) return out;
    const rows = await query<{ user_id: number; pin_locked_until: number | null; last_sign_in_at: number | null }>(em,
      `select user_id, pin_locked_until, last_sign_in_at from kernel_sign_in where user_id in (${userIds.map(() => '?').join(', ')})`, userIds);
    for (const r of rows) {
      out.set(Number(r.user_id), {
        pinLocked: r.pin_locked_until != null && Number(r.pin_locked_until) > now,
        lastSignInAt: r.last_sign_in_at != null ? new Date(Number(r.last_sign_in_at)) : null,
      });
    }
    return out;
  }
}
