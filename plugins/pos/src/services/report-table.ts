import type { Language } from '@comptoir/kernel';

/** How a column's values are written: money in cents, quantities in thousandths, rates in basis points. */
export type ColumnType = 'text' | 'money' | 'quantity' | 'count' | 'rate' | 'date' | 'time';

/** A column of a report table, its label in the reader's language. */
export interface ReportColumn {
  key: string;
  label: string;
  type: ColumnType;
}

/** A cell: text, an integer of the column's unit, or null (nothing to say). */
export type Cell = string | number | null;

/**
 * A report as a table: what the screen shows under its chart, what the CSV and the PDF write. Every report of
 * the till (statistics by axis, cash book, receipts journal, sales journal) is turned into one.
 */
export interface ReportTable {
  /** `stats-article`, `cash-book`… (also the download's file name). */
  name: string;
  title: string;
  /** Period and scope, as the reader reads them. */
  subtitle: string;
  columns: ReportColumn[];
  rows: Array<Record<string, Cell>>;
  /** The totals row (the X report's figures), or null. */
  totals: Record<string, Cell> | null;
}

/** Integer → decimal string with `digits` decimals, exactly (no floating point): 1250, 2 → "12.50". */
export function decimal(n: number, digits: number, point = '.'): string {
  const neg = n < 0;
  const s = String(Math.abs(n)).padStart(digits + 1, '0');
  const out = digits ? `${s.slice(0, -digits)}${point}${s.slice(-digits)}` : s;
  return neg ? `-${out}` : out;
}

/** A quantity in thousandths as a decimal without useless zeros: 1500 → "1.5", 2000 → "2". */
export function quantityDecimal(milli: number, point = '.'): string {
  const s = decimal(milli, 3, point);
  return s.replace(new RegExp(`\\${point}?0+$`), '');
}

/** The CSV dialect a spreadsheet of this language opens without asking: Belgian and French Excel want `;` and a decimal comma. */
export function csvDialect(lang: Language): { separator: string; point: string } {
  return lang === 'en' ? { separator: ',', point: '.' } : { separator: ';', point: ',' };
}

/** A cell as the CSV writes it: numbers as plain decimals (no currency, no thousands separator) so that the spreadsheet reads numbers. */
function csvValue(v: Cell, type: ColumnType, point: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (type === 'money') return decimal(v, 2, point);
    if (type === 'quantity') return quantityDecimal(v, point);
    if (type === 'rate') return quantityDecimal(v * 10, point).replace(/^$/, '0');
    return String(v);
  }
  // A text starting like a formula would run in the spreadsheet: written as text.
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function csvQuote(s: string, separator: string): string {
  return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The table as CSV: UTF-8 with a byte order mark (so Excel reads the accents), CRLF, `;` and a decimal comma in
 * French and Dutch, `,` and a decimal point in English; money in euros with two decimals, quantities as
 * decimals, rates in percent, dates `YYYY-MM-DD`, times `HH:MM` in the shop's time.
 */
export function toCsv(table: ReportTable, lang: Language): string {
  const { separator, point } = csvDialect(lang);
  const line = (cells: string[]) => cells.map((c) => csvQuote(c, separator)).join(separator);
  const out = [line(table.columns.map((c) => c.label))];
  for (const r of table.rows) out.push(line(table.columns.map((c) => csvValue(r[c.key] ?? null, c.type, point))));
  if (table.totals) out.push(line(table.columns.map((c) => csvValue(table.totals![c.key] ?? null, c.type, point))));
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
