/**
 * CSV the way the till's reports write it (plugins/pos, report-table.ts): UTF-8 with a byte order mark, CRLF, `;` and
 * a decimal comma in French and Dutch, `,` and a point in English; money in euros with two decimals, quantities as
 * decimals without useless zeros; a text that starts like a formula is written as text.
 * TODO(lead): the till's helper is server code inside @comptoir/pos; once it moves to the kernel, use it here.
 */
export type CsvCell = { text: string } | { money: number } | { quantity: number } | null;

function decimal(n: number, digits: number, point: string): string {
  const s = String(Math.abs(n)).padStart(digits + 1, '0');
  return `${n < 0 ? '-' : ''}${s.slice(0, -digits)}${point}${s.slice(-digits)}`;
}

function cell(c: CsvCell, point: string): string {
  if (c === null) return '';
  if ('money' in c) return decimal(c.money, 2, point);
  if ('quantity' in c) return decimal(c.quantity, 3, point).replace(new RegExp(`\\${point}?0+$`), '');
  return /^[=+\-@\t\r]/.test(c.text) ? `'${c.text}` : c.text;
}

/** The rows (the first one the header) as a CSV file's text for a spreadsheet in this language. */
export function toCsv(rows: CsvCell[][], lang: string): string {
  const [separator, point] = lang === 'en' ? [',', '.'] : [';', ','];
  const quote = (s: string) => (s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `\uFEFF${rows.map((r) => r.map((c) => quote(cell(c, point))).join(separator)).join('\r\n')}\r\n`;
}

/** Offers a text as a file to download. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
