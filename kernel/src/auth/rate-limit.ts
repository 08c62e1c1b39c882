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
    this.failures.set(key, list.slice(-this.max * 2));
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
