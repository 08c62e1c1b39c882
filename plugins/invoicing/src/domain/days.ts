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

/** A day 'YYYY-MM-DD' as a Belgian shop writes it in a language (15/06/2026), never shifted by the time zone. */
export function formatDay(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(`${lang}-BE`, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
