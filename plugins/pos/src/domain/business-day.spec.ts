import { describe, expect, it } from 'vitest';
import { businessDay, isDay, periodOf } from './business-day.js';

describe('business days and periods', () => {
  it('counts a sale at 00:30 in Brussels on the new day, summer and winter', () => {
    expect(businessDay(new Date('2026-06-15T22:30:00Z'))).toBe('2026-06-16');
    expect(businessDay(new Date('2026-06-15T21:59:00Z'))).toBe('2026-06-15');
    expect(businessDay(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16');
    expect(businessDay(new Date('2026-01-15T22:59:00Z'))).toBe('2026-01-15');
  });

  it('knows the periods of a day', () => {
    expect(periodOf('day', '2026-02-14')).toEqual({ kind: 'day', from: '2026-02-14', to: '2026-02-14' });
    expect(periodOf('month', '2028-02-14')).toEqual({ kind: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('month', '2026-12-31')).toEqual({ kind: 'month', from: '2026-12-01', to: '2026-12-31' });
    expect(periodOf('year', '2026-06-15')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(periodOf('period', '2026-06-01', '2026-06-15')).toEqual({ kind: 'period', from: '2026-06-01', to: '2026-06-15' });
  });

  it('accepts only real days', () => {
    expect(['2026-02-28', '2028-02-29'].map(isDay)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-6-1', 'x'].map(isDay)).toEqual([false, false, false, false]);
  });
});
