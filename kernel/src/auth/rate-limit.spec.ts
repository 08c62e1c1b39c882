import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit.js';

function setup() {
  let now = Date.UTC(2026, 2, 2, 9, 0);
  const clock = { now: () => new Date(now) };
  const limiter = new FailureLimiter(5, 15 * 60_000, clock);
  return { limiter, advance: (minutes: number) => { now += minutes * 60_000; } };
}

describe('slowing down password guessing', () => {
  it('lets five failures through, then asks to wait out the window from the oldest of them', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfter('10.0.0.5|anna')).toBe(0);
      limiter.fail('10.0.0.5|anna');
      advance(1);
    }
    // Failures at minutes 0..4; now minute 5: the first one leaves the window at minute 15.
    expect(limiter.retryAfter('10.0.0.5|anna')).toBe(10 * 60_000);
  });

  it('lets the key try again once the window has passed', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 5; i++) limiter.fail('k');
    advance(14);
    expect(limiter.retryAfter('k')).toBe(60_000);
    advance(1);
    expect(limiter.retryAfter('k')).toBe(0);
  });

  it('counts each key on its own', () => {
    const { limiter } = setup();
    for (let i = 0; i < 5; i++) limiter.fail('10.0.0.5|anna');
    expect(limiter.retryAfter('10.0.0.5|bert')).toBe(0);
    expect(limiter.retryAfter('10.0.0.6|anna')).toBe(0);
  });

  it('forgets the failures after a successful sign-in', () => {
    const { limiter } = setup();
    for (let i = 0; i < 4; i++) limiter.fail('k');
    limiter.reset('k');
    for (let i = 0; i < 4; i++) limiter.fail('k');
    expect(limiter.retryAfter('k')).toBe(0);
  });

  it('keeps a guesser who never stops waiting', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 40; i++) {
      limiter.fail('k');
      advance(0.5);
    }
    expect(limiter.retryAfter('k')).toBeGreaterThan(0);
  });
});

describe('reserving attempts before the password is checked', () => {
  it('lets only five of twenty simultaneous attempts through, and a success gives its place back', () => {
    const { limiter } = setup();
    const passed = Array.from({ length: 20 }, () => limiter.reserve('k')).filter((w) => w === 0);
    expect(passed).toHaveLength(5);
    limiter.release('k');
    expect(limiter.reserve('k')).toBe(0);
    expect(limiter.reserve('k')).toBeGreaterThan(0);
  });
});
