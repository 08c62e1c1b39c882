/** Belgian and French shops keep the time of Brussels and Paris (the same zone rules). */
export const SHOP_TIME_ZONE = 'Europe/Brussels';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: SHOP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The shop's calendar day of an instant, `YYYY-MM-DD` (a sale at 00:30 in Brussels belongs to that day). */
export function businessDay(at: Date): string {
  return dayFormat.format(at);
}

/** A closure's period: `day` 2026-06-15, `month` 2026-06, `year` 2026, or any `period` from..to (days, inclusive). */
export type PeriodKind = 'day' | 'month' | 'year' | 'period';

/** First and last day of a period, inclusive, as `YYYY-MM-DD`. */
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(s: string): boolean {
  if (!DAY_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === s;
}

/** The period of a kind containing `day` (for `period`, `to` must be given). */
export function periodOf(kind: PeriodKind, day: string, to?: string): Period {
  if (kind === 'day') return { kind, from: day, to: day };
  if (kind === 'month') {
    const [y, m] = day.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { kind, from: `${day.slice(0, 7)}-01`, to: `${day.slice(0, 7)}-${String(last).padStart(2, '0')}` };
  }
  if (kind === 'year') return { kind, from: `${day.slice(0, 4)}-01-01`, to: `${day.slice(0, 4)}-12-31` };
  return { kind, from: day, to: to ?? day };
}
