/** How many keys a limiter remembers at most: beyond, the oldest go first (random usernames must not fill memory). */
const MAX_KEYS = 50_000;

/** Counts failures per key in a sliding window; used to slow down password guessing. */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly max: number, private readonly windowMs: number, private readonly clock: { now(): Date }) {}

  /** Milliseconds to wait before the key may try again (0 when allowed). */
  retryAfter(key: string): number {
    const now = this.clock.now().getTime();
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    if (list.length < this.max) return 0;
    return this.windowMs - (now - list[list.length - this.max]);
  }

  fail(key: string): void {
    const list = this.failures.get(key) ?? [];
    list.push(this.clock.now().getTime());
    this.failures.delete(key);
    this.failures.set(key, list.slice(-this.max * 2));
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  /**
   * Checks and counts an attempt in one step, before the (slow) password check: the attempt counts as a failure
   * until `release` says it was not one, so a burst of simultaneous attempts cannot all pass the check.
   * Returns 0 when the attempt may go on, else the milliseconds to wait (and nothing is counted).
   */
  reserve(key: string): number {
    const wait = this.retryAfter(key);
    if (wait > 0) return wait;
    this.fail(key);
    return 0;
  }

  /** Takes back one reserved attempt that turned out not to be a failure. */
  release(key: string): void {
    const list = this.failures.get(key);
    if (!list?.length) return;
    list.pop();
    if (!list.length) this.failures.delete(key);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
