/** Time zone of the shop's country: days change at midnight there, not at midnight UTC. */
const ZONES: Record<string, string> = { BE: 'Europe/Brussels', FR: 'Europe/Paris' };
const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day 'YYYY-MM-DD' of an instant in the shop's country. */
export function shopDay(at: Date, country: string): string {
  const zone = ZONES[country] ?? 'Europe/Brussels';
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(zone, format);
  }
  return format.format(at);
}

/** True for a real calendar day written 'YYYY-MM-DD' (no 31 April). */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
