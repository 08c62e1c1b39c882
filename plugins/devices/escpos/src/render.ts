/**
 * The device-neutral print document (`@comptoir/kernel`'s print model) as ESC/POS bytes, through
 * `@point-of-sale/receipt-printer-encoder`. Text is laid out here, in whole lines of the paper's characters, the way
 * the kernel's `receiptLines` lays it out (so the decoded receipt reads like the text preview); the encoder turns
 * it into commands and characters of a fixed code page (CP858 by default: the euro sign and every French and Dutch
 * accent), and draws barcodes, QR codes, the cut and the drawer pulse.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { columnWidths, qrCode, type Align, type PrintBlock, type PrintDocument, type TextRun, type TextSize } from '@comptoir/kernel';

/** The printer's code page: CP858 (ESC t 19, CP850 with the euro sign) or Windows-1252 (ESC t 16). */
export type EscPosCodePage = 'cp858' | 'windows1252';

export interface EscPosOptions {
  /** Characters per line of normal text (48 on 80 mm paper, 42 on some, 32 on 58 mm); default: the document's. */
  columns?: number;
  codePage?: EscPosCodePage;
  /** Lines fed before the cut, so that the last line clears the cutter (default 4). */
  feedBeforeCut?: number;
}

/** What to print: a document, a drawer pulse after it, or both. */
export interface EscPosJob {
  document: PrintDocument | null;
  drawer: { pin: 2 | 5 } | null;
}

const WIDTH: Record<TextSize, number> = { small: 1, normal: 1, large: 2, huge: 3 };
/** Printer dots per millimetre (203 dpi heads). */
const DOTS_PER_MM = 8;

type Piece = { text: string; bold: boolean };

/** Typography a receipt code page lacks, written the way a typewriter would (‘’ → ', œ → oe, — → -…). */
const PLAIN: Record<string, string> = {
  '‘': "'", '’': "'", '‚': ',', '“': '"', '”': '"', '„': '"', '–': '-', '—': '-', '…': '...', 'œ': 'oe', 'Œ': 'OE', 'ĳ': 'ij', 'Ĳ': 'IJ',
  '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ', '\u2007': ' ',
};
const PLAIN_RE = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'g');

/** Text as the printer's code page can print it (what remains unknown prints as '?'). */
export function printable(text: string): string {
  return text.replace(PLAIN_RE, (c) => PLAIN[c]);
}
type Word = Piece & { small: boolean };

/** Encodes a job as the bytes an ESC/POS printer receives. */
export function renderEscPos(job: EscPosJob, options: EscPosOptions = {}): Uint8Array {
  const columns = options.columns ?? job.document?.paper.columns ?? 48;
  const e = new ReceiptPrinterEncoder({
    language: 'esc-pos', columns, codepageMapping: 'epson', feedBeforeCut: options.feedBeforeCut ?? 4, newline: '\n', errors: 'relaxed',
  });
  e.initialize().codepage(options.codePage ?? 'cp858');
  for (const b of job.document?.blocks ?? []) block(e, b, columns);
  if (job.drawer) e.pulse(job.drawer.pin === 5 ? 1 : 0, 100, 500);
  return e.encode();
}

function block(e: ReceiptPrinterEncoder, b: PrintBlock, columns: number): void {
  switch (b.type) {
    case 'text': {
      const factor = Math.max(1, ...b.runs.map((r) => WIDTH[r.size ?? 'normal']));
      const width = Math.floor(columns / factor);
      for (const line of wrap(words(b.runs), width)) emitLine(e, factor, [place(line, width, b.align)], b.runs.every((r) => r.size === 'small'));
      return;
    }
    case 'columns': {
      const factor = Math.max(1, ...b.columns.flatMap((c) => c.runs.map((r) => WIDTH[r.size ?? 'normal'])));
      const widths = columnWidths(b.columns.map((c) => c.width), Math.floor(columns / factor));
      const cells = b.columns.map((c, i) => wrap(words(c.runs), widths[i]));
      const rows = Math.max(...cells.map((c) => c.length));
      const small = b.columns.every((c) => c.runs.every((r) => r.size === 'small'));
      for (let r = 0; r < rows; r++) emitLine(e, factor, b.columns.map((c, i) => place(cells[i][r] ?? [], widths[i], c.align)), small);
      return;
    }
    case 'rule':
      emitLine(e, 1, [[{ text: (b.style === 'double' ? '=' : '-').repeat(columns), bold: false }]], false);
      return;
    case 'space':
      e.newline(b.lines ?? 1);
      return;
    case 'image':
      // The logo's raster needs a PNG decoder this package does not carry yet: the logo is left out on paper.
      return;
    case 'barcode':
      e.align(b.align ?? 'center')
        .barcode(b.data, b.symbology, { height: Math.round((b.height ?? 10) * DOTS_PER_MM), width: clamp(Math.round((b.module ?? (b.symbology === 'ean13' ? 0.33 : 0.25)) * DOTS_PER_MM), 2, 6), text: b.showText === false ? 'none' : 'below' })
        .align('left');
      return;
    case 'qr': {
      const modules = qrCode(b.data, { ecc: b.ecc ?? 'M' }).size + 8;
      const size = clamp(Math.floor(((b.size ?? 24) * DOTS_PER_MM) / modules), 1, 8);
      e.align(b.align ?? 'center').qrcode(b.data, { model: 2, size, errorlevel: (b.ecc ?? 'M').toLowerCase() as 'l' | 'm' | 'q' | 'h' }).align('left');
      return;
    }
    case 'cut':
      e.cut(b.partial ? 'partial' : 'full');
      return;
  }
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Runs as words, each with the weight of the run it comes from. */
function words(runs: TextRun[]): Word[] {
  return runs.flatMap((r) => printable(r.text).split(/\s+/).filter(Boolean).map((text) => ({ text, bold: !!r.bold, small: r.size === 'small' })));
}

/** Words in lines no longer than `width` (the kernel's `wrapWords`, keeping each word's weight). */
function wrap(ws: Word[], width: number): Piece[][] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let length = 0;
  let lastBold = false;
  const flush = () => { lines.push(line); line = []; length = 0; };
  for (const w of ws) {
    let text = w.text;
    while (text.length > width) {
      if (length) flush();
      lines.push([{ text: text.slice(0, width), bold: w.bold }]);
      text = text.slice(width);
    }
    if (!text) continue;
    if (!length) { line.push({ text, bold: w.bold }); length = text.length; } else if (length + 1 + text.length <= width) {
      // The space between two bold words is bold too, so that a bold phrase is one bold stretch.
      line.push({ text: ' ', bold: lastBold && w.bold }, { text, bold: w.bold });
      length += 1 + text.length;
    } else { flush(); line.push({ text, bold: w.bold }); length = text.length; }
    lastBold = w.bold;
  }
  if (length || !lines.length) lines.push(line);
  return lines;
}

/** A line's pieces padded to `width` characters. */
function place(pieces: Piece[], width: number, align: Align = 'left'): Piece[] {
  const length = pieces.reduce((n, p) => n + p.text.length, 0);
  const pad = Math.max(0, width - length);
  const left = align === 'right' ? pad : align === 'center' ? Math.floor(pad / 2) : 0;
  return [{ text: ' '.repeat(left), bold: false }, ...pieces, { text: ' '.repeat(pad - left), bold: false }];
}

/** One printed line: its size (GS !), font B when all its text is small, bold runs (ESC E), then a line feed. */
function emitLine(e: ReceiptPrinterEncoder, factor: number, cells: Piece[][], small: boolean): void {
  if (factor > 1) e.size(factor, factor);
  if (small) e.font('B');
  for (const p of cells.flat()) {
    if (!p.text) continue;
    if (p.bold) e.bold(true);
    e.text(p.text);
    if (p.bold) e.bold(false);
  }
  if (factor > 1) e.size(1, 1);
  e.newline();
  // The encoder changes fonts only between lines.
  if (small) e.font('A');
}
