/**
 * Measures shared by the painters: sizes of text steps on paper, column widths, and the receipt laid out in
 * characters (what a text printer prints, line by line, and what the ESC/POS driver will start from).
 */
import type { Align, PaperSpec, PrintBlock, PrintDocument, TextRun, TextSize } from './model.js';

/** Millimetres to PDF points. */
export const mmToPt = (mm: number): number => (mm * 72) / 25.4;

/** Width of a monospaced character as a share of its font size (Courier, and receipt printers' fonts). */
export const MONO_ADVANCE = 0.6;

/** Each size step relative to normal text (a receipt printer's double and triple width and height). */
export const SIZE_FACTOR: Record<TextSize, number> = { small: 0.75, normal: 1, large: 2, huge: 3 };

/** On pages, large and huge grow less than on a roll: headings, not banners. */
const PAGE_FACTOR: Record<TextSize, number> = { small: 0.8, normal: 1, large: 1.5, huge: 2.2 };

/** The printable width in millimetres. */
export function printableWidth(paper: PaperSpec): number {
  return paper.width - 2 * paper.margin;
}

/** Font size of normal text in millimetres: on a roll, `columns` characters fill the line; on pages, 10 pt (8 pt on labels). */
export function baseFontMm(paper: PaperSpec, kind: PrintDocument['kind']): number {
  if (kind === 'receipt') return printableWidth(paper) / (paper.columns ?? 48) / MONO_ADVANCE;
  return ((kind === 'label' ? 8 : 10) * 25.4) / 72;
}

/** Font size of a run in millimetres. */
export function runFontMm(doc: Pick<PrintDocument, 'paper' | 'kind'>, size: TextSize = 'normal'): number {
  return baseFontMm(doc.paper, doc.kind) * (doc.kind === 'receipt' ? SIZE_FACTOR : PAGE_FACTOR)[size];
}

/** Splits `total` units between columns in proportion to their weights (default 1), exact to the unit. */
export function columnWidths(weights: Array<number | undefined>, total: number): number[] {
  const w = weights.map((x) => (x && x > 0 ? x : 1));
  const sum = w.reduce((s, x) => s + x, 0);
  const out = w.map((x) => Math.floor((x * total) / sum));
  let rest = total - out.reduce((s, x) => s + x, 0);
  for (let i = 0; rest > 0; i = (i + 1) % out.length, rest--) out[i]++;
  return out;
}

/** Wraps words into lines no longer than `width` characters; a longer word is cut. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while (word.length > width) {
        if (line) { lines.push(line); line = ''; }
        lines.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!word) continue;
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else { lines.push(line); line = word; }
    }
    lines.push(line);
  }
  return lines;
}

function place(text: string, width: number, align: Align = 'left'): string {
  const t = text.length > width ? text.slice(0, width) : text;
  const pad = width - t.length;
  if (align === 'right') return ' '.repeat(pad) + t;
  if (align === 'center') return ' '.repeat(Math.floor(pad / 2)) + t + ' '.repeat(Math.ceil(pad / 2));
  return t + ' '.repeat(pad);
}

/** How many characters a run takes per character of its text (double width counts twice). */
function runWidth(run: TextRun): number {
  return run.size === 'large' ? 2 : run.size === 'huge' ? 3 : 1;
}

const runsText = (runs: TextRun[]) => runs.map((r) => r.text).join('');

/**
 * A receipt as lines of exactly `columns` characters (large text counts double, huge triple); images, barcodes
 * and QR codes become one line naming them, a cut becomes a line of scissors. For tests, logs and text printers.
 */
export function receiptLines(doc: PrintDocument): string[] {
  const columns = doc.paper.columns ?? 48;
  const out: string[] = [];
  for (const b of doc.blocks) out.push(...blockLines(b, columns));
  return out;
}

function blockLines(b: PrintBlock, columns: number): string[] {
  switch (b.type) {
    case 'text': {
      const factor = Math.max(1, ...b.runs.map(runWidth));
      return wrapWords(runsText(b.runs), Math.floor(columns / factor)).map((l) => place(l, Math.floor(columns / factor), b.align));
    }
    case 'columns': {
      const widths = columnWidths(b.columns.map((c) => c.width), columns);
      const cells = b.columns.map((c, i) => wrapWords(runsText(c.runs), widths[i]));
      const rows = Math.max(...cells.map((c) => c.length));
      const lines: string[] = [];
      for (let r = 0; r < rows; r++) lines.push(b.columns.map((c, i) => place(cells[i][r] ?? '', widths[i], c.align)).join(''));
      return lines;
    }
    case 'rule':
      return [(b.style === 'double' ? '=' : '-').repeat(columns)];
    case 'space':
      return Array.from({ length: b.lines ?? 1 }, () => ' '.repeat(columns));
    case 'image':
      return [place('[image]', columns, b.align ?? 'center')];
    case 'barcode':
      return [place(`[${b.symbology} ${b.data}]`, columns, b.align ?? 'center')];
    case 'qr':
      return [place(`[QR ${b.data}]`, columns, b.align ?? 'center')];
    case 'cut':
      return ['✂'.repeat(columns)];
  }
}
