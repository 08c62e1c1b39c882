/** Days of documents: 'YYYY-MM-DD' in the shop's time zone. */

const ZONES: Record<string, string> = { BE: 'Europe/Brussels', FR: 'Europe/Paris' };

/** Today in the shop's country. */
export function shopToday(now: Date, country: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONES[country] ?? 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A day plus some days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** True for a real calendar day written 'YYYY-MM-DD'. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
