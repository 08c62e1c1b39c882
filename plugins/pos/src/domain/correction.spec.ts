import { describe, expect, it } from 'vitest';
import { BUILT_IN_METHODS } from './tenders.js';
import { resettle, roundingOf } from './correction.js';

describe('resettle (a payment correction)', () => {
  it('rounds the cash part only, and hands no change', () => {
    expect(resettle(298, [{ method: 'card', amount: 298 }], BUILT_IN_METHODS, 5, false)).toEqual({ payments: [{ method: 'card', amount: 298, tendered: 298 }], rounding: 0 });
    expect(resettle(298, [{ method: 'cash', amount: 300 }], BUILT_IN_METHODS, 5, false)).toEqual({ payments: [{ method: 'cash', amount: 300, tendered: 300 }], rounding: 2 });
    expect(resettle(447, [{ method: 'card', amount: 200 }, { method: 'cash', amount: 245 }], BUILT_IN_METHODS, 5, false)).toMatchObject({ rounding: -2 });
  });

  it('says what the tenders should add up to', () => {
    expect(resettle(298, [{ method: 'card', amount: 300 }], BUILT_IN_METHODS, 5, false)).toEqual({ code: 'CORRECTION_TOTAL', expected: 298 });
    expect(resettle(447, [{ method: 'card', amount: 200 }, { method: 'cash', amount: 240 }], BUILT_IN_METHODS, 5, false)).toEqual({ code: 'CORRECTION_TOTAL', expected: 445 });
    expect(resettle(298, [{ method: 'cash', amount: 500 }], BUILT_IN_METHODS, 5, false)).toEqual({ code: 'CORRECTION_TOTAL', expected: 300 });
    expect(resettle(298, [{ method: 'cash', amount: 500 }], BUILT_IN_METHODS, 5, true)).toEqual({ code: 'CORRECTION_TOTAL', expected: 300 });
    expect(resettle(298, [{ method: 'gold', amount: 298 }], BUILT_IN_METHODS, 5, false)).toEqual({ code: 'TENDER_UNKNOWN', method: 'gold' });
  });

  it('reads the rounding from the payments in force', () => {
    expect(roundingOf(298, [{ amount: 300, status: 'corrected' }, { amount: 298, status: 'active' }])).toBe(0);
    expect(roundingOf(-298, [{ amount: -300, status: 'active' }])).toBe(-2);
  });
});
