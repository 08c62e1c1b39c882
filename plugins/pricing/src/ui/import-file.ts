/**
 * Reading a supplier's file in the browser: its format, its header row (to map the columns before anything is
 * sent) and its bytes as base64, gzip-compressed when the browser can (the server accepts `compression: 'gzip'`).
 */

export type ImportFormat = 'csv' | 'xlsx';

/** The header row and the size of a file, read in the browser. */
export interface ReadFile {
  name: string;
  format: ImportFormat;
  headers: string[];
  /** CSV only: the delimiter found on the header line. */
  delimiter?: string;
  bytes: Uint8Array;
}

/** XLSX files are ZIP archives ("PK\x03\x04"); anything else is read as CSV. */
export function formatOf(name: string, bytes: Uint8Array): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) return 'xlsx';
  return /\.xlsx$/i.test(name) ? 'xlsx' : 'csv';
}

/** UTF-8 when valid, else Windows-1252 (Excel's "CSV (séparateur : point-virgule)"); without BOM. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The delimiter used most on the header line, among `;` `,` tab and `|` (as the server finds it). */
export function detectDelimiter(line: string): string {
  let best = ';';
  let bestCount = 0;
  for (const d of [';', ',', '\t', '|']) {
    const n = line.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** The cells of a CSV's first record (quotes and doubled quotes honoured; a quoted field may span lines). */
export function csvHeaders(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      break;
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

/** The entries of a ZIP archive, from its central directory. */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive');
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    entries.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)), method, compressedSize, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function readEntry(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const raw = entry.method === 0 ? data : await inflate(data);
  return new TextDecoder().decode(raw);
}

/** Column letters of a cell reference: "C1" → 2. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The header row of the first worksheet of an XLSX file. */
export async function xlsxHeaders(bytes: Uint8Array): Promise<string[]> {
  const entries = zipEntries(bytes);
  const find = (name: string) => entries.find((e) => e.name === name);
  const parser = new DOMParser();
  const xml = async (e: ZipEntry | undefined) => (e ? parser.parseFromString(await readEntry(bytes, e), 'application/xml') : null);
  // The first sheet of the workbook, through its relationship (usually xl/worksheets/sheet1.xml).
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const workbook = await xml(find('xl/workbook.xml'));
  const rels = await xml(find('xl/_rels/workbook.xml.rels'));
  const firstSheet = workbook?.getElementsByTagName('sheet')[0];
  const relId = firstSheet?.getAttribute('r:id') ?? firstSheet?.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
  const target = relId && rels ? [...rels.getElementsByTagName('Relationship')].find((r) => r.getAttribute('Id') === relId)?.getAttribute('Target') : null;
  if (target) sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const sheet = await xml(find(sheetPath) ?? entries.find((e) => e.name.startsWith('xl/worksheets/sheet')));
  if (!sheet) throw new Error('no worksheet');
  const shared = await xml(find('xl/sharedStrings.xml'));
  const strings = shared ? [...shared.getElementsByTagName('si')].map((si) => [...si.getElementsByTagName('t')].map((t) => t.textContent ?? '').join('')) : [];
  const row = sheet.getElementsByTagName('row')[0];
  if (!row) return [];
  const headers: string[] = [];
  for (const c of [...row.getElementsByTagName('c')]) {
    const type = c.getAttribute('t');
    const i = columnIndex(c.getAttribute('r') ?? '') ;
    const v = c.getElementsByTagName('v')[0]?.textContent ?? '';
    const text = type === 's' ? (strings[Number(v)] ?? '') : type === 'inlineStr' ? [...c.getElementsByTagName('t')].map((t) => t.textContent ?? '').join('') : v;
    headers[i >= 0 ? i : headers.length] = text.trim();
  }
  return Array.from(headers, (h) => h ?? '');
}

/** Reads a chosen file: its format, header row and bytes. */
export async function readImportFile(file: File): Promise<ReadFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = formatOf(file.name, bytes);
  if (format === 'xlsx') return { name: file.name, format, headers: await xlsxHeaders(bytes), bytes };
  const text = decodeText(bytes);
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|$/)));
  const delimiter = detectDelimiter(firstLine);
  return { name: file.name, format, delimiter, headers: csvHeaders(text, delimiter).filter((h, i, all) => h !== '' || i < all.length - 1), bytes };
}

/** The bytes as base64, gzip-compressed first when the browser can. */
export async function encodeForUpload(bytes: Uint8Array): Promise<{ content: string; compression?: 'gzip' }> {
  let data = bytes;
  let compression: 'gzip' | undefined;
  if (typeof CompressionStream !== 'undefined') {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
    data = new Uint8Array(await new Response(stream).arrayBuffer());
    compression = 'gzip';
  }
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return { content: btoa(binary), ...(compression ? { compression } : {}) };
}
