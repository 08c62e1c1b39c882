import type { Clock } from '@comptoir/kernel';

/** A wall clock the test moves forward (`clock.at += 3600_000`). */
export class TestClock implements Clock {
  at = Date.now();

  now(): Date {
    return new Date(this.at);
  }
}
