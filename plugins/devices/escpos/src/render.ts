/**
 * The device-neutral print document (`@comptoir/kernel`'s print model) as ESC/POS bytes, through
 * `@point-of-sale/receipt-printer-encoder`. Text is laid out here, in whole lines of the paper's characters, the way
 * the kernel's `receiptLines` lays it out (so the decoded receipt reads like the text preview), in a fixed code page
 * (CP858 by default: the euro sign and every French and Dutch accent); the encoder writes the commands: set-up, code
 * page, barcodes, QR codes, the cut and the drawer pulse.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { CODE_PAGE_NUMBER, encodeText } from '@comptoir/devices';
import { columnWidths, type Align, type PrintBlock, type PrintDocument, type TextRun, type TextSize } from '@comptoir/kernel';

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
  const codePage = options.codePage ?? 'cp858';
  // The encoder selects a code page when its own text needs it; ours is written raw, so the page is selected here.
  e.initialize().codepage(codePage).raw([0x1b, 0x74, CODE_PAGE_NUMBER[codePage]]);
  for (const b of job.document?.blocks ?? []) block(e, CODE_PAGE_NUMBER[codePage], b, columns);
  if (job.drawer) e.pulse(job.drawer.pin === 5 ? 1 : 0, 100, 500);
  return e.encode();
}

function block(e: ReceiptPrinterEncoder, page: number, b: PrintBlock, columns: number): void {
  switch (b.type) {
    case 'text': {
      const factor = Math.max(1, ...b.runs.map((r) => WIDTH[r.size ?? 'normal']));
      const width = Math.floor(columns / factor);
      for (const line of wrap(words(b.runs), width)) emitLine(e, page, factor, [place(line, width, b.align)], b.runs.every((r) => r.size === 'small'));
      return;
    }
    case 'columns': {
      const factor = Math.max(1, ...b.columns.flatMap((c) => c.runs.map((r) => WIDTH[r.size ?? 'normal'])));
      const widths = columnWidths(b.columns.map((c) => c.width), Math.floor(columns / factor));
      const cells = b.columns.map((c, i) => wrap(words(c.runs), widths[i]));
      const rows = Math.max(...cells.map((c) => c.length));
      const small = b.columns.every((c) => c.runs.every((r) => r.size === 'small'));
      for (let r = 0; r < rows; r++) emitLine(e, page, factor, b.columns.map((c, i) => place(cells[i][r] ?? [], widths[i], c.align)), small);
      return;
    }
    case 'rule':
      emitLine(e, page, 1, [[{ text: (b.style === 'double' ? '=' : '-').repeat(columns), bold: false }]], false);
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
      const modules = qrModules(new TextEncoder().encode(b.data).length, b.ecc ?? 'M') + 8;
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

/** Bytes a QR symbol of versions 1–10 holds in byte mode, per error-correction level (ISO/IEC 18004, table 7). */
const QR_CAPACITY: Record<'L' | 'M' | 'Q' | 'H', number[]> = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
  Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
  H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
};

/**
 * The side in modules of the smallest QR symbol holding `bytes` (the printer draws it; this only sizes its modules);
 * past version 10, an estimate on the safe side. Not the kernel's `qrCode`, which also draws it and costs far more.
 */
function qrModules(bytes: number, ecc: 'L' | 'M' | 'Q' | 'H'): number {
  const caps = QR_CAPACITY[ecc];
  const v = caps.findIndex((c) => bytes <= c) + 1 || 10 + Math.ceil(((bytes - caps[9]) * 10) / caps[9]);
  return 17 + 4 * Math.min(40, v);
}

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

/** One printed line as bytes: its size (GS !), font B when all its text is small, bold runs (ESC E), a line feed. */
function emitLine(e: ReceiptPrinterEncoder, page: number, factor: number, cells: Piece[][], small: boolean): void {
  const out: number[] = [];
  if (factor > 1) out.push(0x1d, 0x21, ((factor - 1) << 4) | (factor - 1));
  if (small) out.push(0x1b, 0x4d, 0x01);
  let bold = false;
  for (const p of cells.flat()) {
    if (!p.text) continue;
    if (p.bold !== bold) out.push(0x1b, 0x45, p.bold ? 0x01 : 0x00);
    bold = p.bold;
    out.push(...encodeText(p.text, page));
  }
  if (bold) out.push(0x1b, 0x45, 0x00);
  if (small) out.push(0x1b, 0x4d, 0x00);
  if (factor > 1) out.push(0x1d, 0x21, 0x00);
  out.push(0x0a);
  e.raw(out);
}
