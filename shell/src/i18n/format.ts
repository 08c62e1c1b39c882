/**
 * Locale-aware formatting helpers — pure functions taking an explicit locale.
 * The shell's i18n service (i18n.ts) wraps them with the current locale and currency.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat('fr-BE', options);
    }
    numberFormats.set(key, f);
  }
  return f;
}

/** 1234 cents → "12,34 €" (fr-BE). null/undefined → "" */
export function formatMoneyIn(locale: string, currency: string, cents: number | null | undefined): string {
  if (cents === null || cents === undefined || Number.isNaN(cents)) return '';
  return numberFormat(locale, { style: 'currency', currency: currency || 'EUR' }).format(cents / 100);
}

/** 1234 cents → "12,34" (no currency symbol; for input fields). */
export function formatAmountIn(locale: string, cents: number | null | undefined): string {
  if (cents === null || cents === undefined || Number.isNaN(cents)) return '';
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}

export function formatNumberIn(locale: string, value: number | null | undefined, options: Intl.NumberFormatOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return numberFormat(locale, options).format(value);
}

/** VAT rate in hundredths of percent: 2100 → "21 %", 550 → "5,5 %". */
export function formatRateIn(locale: string, hundredths: number | null | undefined): string {
  if (hundredths === null || hundredths === undefined || Number.isNaN(hundredths)) return '';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(hundredths / 10000);
}

export function formatDateIn(
  locale: string,
  value: Date | string | number | null | undefined,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'short' },
): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, options).format(d);
  } catch {
    return new Intl.DateTimeFormat('fr-BE', options).format(d);
  }
}

/** The order of day, month and year in a locale's short dates, and the separator it writes between them. */
export function dayPattern(locale: string): { order: ('day' | 'month' | 'year')[]; separator: string } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, 11, 31));
  } catch {
    parts = new Intl.DateTimeFormat('fr-BE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, 11, 31));
  }
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as 'day' | 'month' | 'year');
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  return { order, separator };
}

/** A day ('2026-12-31', as the API sends it) written the locale's way: "31/12/2026" in fr-BE, "12/31/2026" in en-US. */
export function formatDayIn(locale: string, iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return '';
  const { order, separator } = dayPattern(locale);
  const parts = { day: m[3]!, month: m[2]!, year: m[1]! };
  return order.map((k) => parts[k]).join(separator);
}

/**
 * A day typed by a person in the locale's order ("31/12/2026", "31.12.26", "31 12 2026"), or in ISO order
 * ("2026-12-31"), as the API's '2026-12-31'; null when it is not a day of the calendar.
 */
export function parseDayIn(locale: string, text: string): string | null {
  const pieces = String(text ?? '').trim().split(/[^0-9]+/).filter(Boolean);
  if (pieces.length !== 3) return null;
  let day: number, month: number, year: number;
  if (pieces[0]!.length === 4) {
    [year, month, day] = pieces.map(Number) as [number, number, number];
  } else {
    const { order } = dayPattern(locale);
    const v: Record<string, number> = {};
    order.forEach((k, i) => (v[k] = Number(pieces[i])));
    day = v.day!;
    month = v.month!;
    year = v.year!;
    if (pieces[order.indexOf('year')]!.length <= 2) year += 2000;
  }
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Normalise a decimal number typed by a person: accepts ',' or '.' as decimal separator,
 * spaces / '.' / ',' / "'" as thousands separators, a leading or trailing sign, and ignores
 * currency symbols. Returns the canonical string ("-1234.5") or null when invalid.
 */
export function normalizeDecimal(text: string): string | null {
  let s = String(text ?? '')
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/(EUR|€|eur)/g, '');
  if (s === '') return null;
  let negative = false;
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (/[-−]$/.test(s)) {
    negative = true;
    s = s.slice(0, -1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart = s;
  let fracPart = '';
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the last one is the decimal separator.
    const dec = Math.max(lastDot, lastComma);
    const group = dec === lastDot ? ',' : '.';
    intPart = s.slice(0, dec);
    fracPart = s.slice(dec + 1);
    if (fracPart.includes('.') || fracPart.includes(',')) return null;
    if (!validGrouping(intPart, group)) return null;
    intPart = intPart.split(group).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    if (parts.length > 2) {
      // "1.234.567": several separators of one kind are thousands separators.
      if (!validGrouping(s, sep)) return null;
      intPart = parts.join('');
    } else if (sep === '.' && parts[1].length === 3 && parts[0].length > 0 && parts[0] !== '0') {
      // "1.234": a single dot followed by exactly three digits is a thousands separator (fr/nl
      // convention). A single comma is always the decimal separator ("2,999" = 2.999).
      intPart = parts.join('');
    } else {
      intPart = parts[0];
      fracPart = parts[1];
    }
  }
  if (intPart === '') intPart = '0';
  if (!/^[0-9]+$/.test(intPart) || !/^[0-9]*$/.test(fracPart)) return null;
  const canonical = intPart.replace(/^0+(?=\d)/, '') + (fracPart ? '.' + fracPart : '');
  return (negative ? '-' : '') + canonical;
}

function validGrouping(intPart: string, group: string): boolean {
  if (!intPart.includes(group)) return /^[0-9]+$/.test(intPart);
  const groups = intPart.split(group);
  return /^[0-9]{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^[0-9]{3}$/.test(g));
}

/** "12,34" → 1234 cents; "12" → 1200; "1.234,5" → 123450; "" or garbage → null. More than 2 decimals are rounded. */
export function parseMoney(text: string): number | null {
  const n = normalizeDecimal(text);
  if (n === null) return null;
  const negative = n.startsWith('-');
  const [i, f = ''] = (negative ? n.slice(1) : n).split('.');
  let cents = Number(i) * 100 + Number((f + '00').slice(0, 2));
  if (f.length > 2 && Number(f[2]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

/** "1,5" → 1.5; "" or garbage → null. */
export function parseDecimal(text: string): number | null {
  const n = normalizeDecimal(text);
  return n === null ? null : Number(n);
}
