/**
 * Reads a supplier's file into a header row and data rows: CSV (csv-parse; UTF-8, or Windows-1252 as Excel
 * writes it in Belgium and France; `;`, `,`, tab or `|` found from the header line) or XLSX (exceljs' workbook
 * reader: the first worksheet, cell values as typed in Excel).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A cell: text as written in a CSV, or a number / text / date as typed in a spreadsheet. */
export type Cell = string | number | null;

export interface Table {
  headers: string[];
  /** Data rows with the row number a person sees (1 = the header row). */
  rows: Array<{ row: number; cells: Cell[] }>;
}

export class TableError extends Error {
  constructor(readonly code: 'TABLE_EMPTY' | 'TABLE_UNREADABLE' | 'TABLE_TOO_LARGE', message: string) {
    super(message);
  }
}

export const MAX_ROWS = 200_000;

/** Windows-1252 between 0x80 and 0x9F (the rest is Latin-1); Node's own decoder reads these bytes as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (Excel's "CSV (séparateur : point-virgule)"). */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The delimiter used most on the header line, among `;` `,` tab and `|`. */
export function detectDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  let best = ';';
  let bestCount = 0;
  for (const d of [';', ',', '\t', '|']) {
    const n = first.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

export function readCsv(bytes: Uint8Array, delimiter?: string): Table {
  const text = decodeText(bytes);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = (parse as (input: string, options: object) => typeof records)(text, { delimiter: delimiter ?? detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, relax_quotes: true, info: true, trim: true });
  } catch (e) {
    throw new TableError('TABLE_UNREADABLE', (e as Error).message);
  }
  if (!records.length) throw new TableError('TABLE_EMPTY', 'The file has no header row');
  if (records.length - 1 > MAX_ROWS) throw new TableError('TABLE_TOO_LARGE', `At most ${MAX_ROWS} rows`);
  const [head, ...data] = records;
  return { headers: head.record.map((h) => h.trim()), rows: data.map((r) => ({ row: r.info.lines, cells: r.record })) };
}

/** A spreadsheet cell's value as text or number (formulas give their result, rich text its plain text). */
function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((t) => t.text).join('');
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  // The whole-workbook reader, not the streaming one: the streaming reader parses the zip's entries
  // concurrently and intermittently failed ("reading 'sheets'") when a worksheet came before the workbook part.
  const workbook = new ExcelJS.Workbook();
  let headers: string[] | null = null;
  const rows: Table['rows'] = [];
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1).map(cellValue);
      if (values.every((v) => v === null || v === '')) return;
      if (!headers) headers = values.map((v) => String(v ?? '').trim());
      else {
        rows.push({ row: row.number, cells: values.map((v) => (typeof v === 'string' ? v.trim() : v)) });
        if (rows.length > MAX_ROWS) throw new TableError('TABLE_TOO_LARGE', `At most ${MAX_ROWS} rows`);
      }
    });
  } catch (e) {
    if (e instanceof TableError) throw e;
    throw new TableError('TABLE_UNREADABLE', (e as Error).message);
  }
  if (!headers) throw new TableError('TABLE_EMPTY', 'The file has no header row');
  return { headers, rows };
}

/**
 * The total size of an XLSX (zip) archive's entries once unpacked, from its central directory, read before
 * anything is unpacked: a few hundred kilobytes can hold gigabytes of XML. Entries whose recorded sizes do not
 * fit a plain zip (zip64) count as unbounded.
 */
export function xlsxUnpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw new TableError('TABLE_UNREADABLE', 'not an XLSX (zip) file');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new TableError('TABLE_UNREADABLE', 'damaged XLSX (zip) directory');
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
