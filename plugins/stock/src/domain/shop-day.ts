/** Belgian and French shops keep the time of Brussels and Paris (the same zone rules). */
export const SHOP_TIME_ZONE = 'Europe/Brussels';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: SHOP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The shop's calendar day of an instant, `YYYY-MM-DD`. */
export function shopDay(at: Date): string {
  return dayFormat.format(at);
}

/**
 * The last instant (to the millisecond) of a calendar day in the shop's time, as an ISO string in UTC: the day
 * `2026-03-03` ends at `2026-03-03T22:59:59.999Z` in winter, `…T21:59:59.999Z` in summer.
 */
export function endOfShopDay(day: string): string {
  // The next day starts between 22:00 and 23:00 UTC on this day: find the first whole hour that belongs to it.
  const next = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
  for (let h = 3; h >= 0; h--) {
    const t = next - h * 3_600_000;
    if (shopDay(new Date(t)) !== day) return new Date(t - 1).toISOString();
  }
  return new Date(next - 1).toISOString();
}
