/**
 * Paints a print document as PDF with pdf-lib: text in the standard fonts (Courier on receipts, whose line is
 * counted in characters; Helvetica on pages), rules, images, and barcodes and QR codes as vector rectangles.
 * A receipt is one page per cut, as long as its content; documents and labels flow onto pages of their size.
 */
import { PDFDocument, StandardFonts, fill, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingRgbColor, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { linearBarcode } from './barcode.js';
import { qrCode } from './qr.js';
import { columnWidths, mmToPt, printableWidth, runFontMm } from './layout.js';
import type { Align, PrintBlock, PrintDocument, TextRun } from './model.js';

type Op =
  | { t: 'text'; x: number; y: number; size: number; bold: boolean; text: string }
  | { t: 'rect'; x: number; y: number; w: number; h: number }
  | { t: 'line'; x: number; y: number; w: number; thickness: number; dash: boolean }
  | { t: 'image'; img: PDFImage; x: number; y: number; w: number; h: number };

interface Fonts { regular: PDFFont; bold: PDFFont; supported: Set<number> }

/** The standard fonts speak WinAnsi: map what they lack (narrow no-break space, minus sign…) to what they have. */
function printable(text: string, fonts: Fonts): string {
  let out = '';
  for (const ch of text.replace(/[\u202F\u2009\u2007]/g, '\u00A0').replace(/\u2212/g, '-')) {
    if (fonts.supported.has(ch.codePointAt(0)!)) { out += ch; continue; }
    const plain = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    out += [...plain].every((c) => fonts.supported.has(c.codePointAt(0)!)) ? plain : '?';
  }
  return out;
}

const LINE = 1.2;

class Flow {
  pages: Array<{ height: number; ops: Op[] }> = [];
  private ops: Op[] = [];
  y: number;
  readonly left: number;
  readonly width: number;

  constructor(private readonly doc: PrintDocument, private readonly fonts: Fonts) {
    this.left = doc.paper.margin;
    this.width = printableWidth(doc.paper);
    this.y = doc.paper.margin;
  }

  private get bottom(): number {
    return this.doc.paper.height === null ? Infinity : this.doc.paper.height - this.doc.paper.margin;
  }

  /** Starts a new page when `h` millimetres do not fit on this one. */
  need(h: number): void {
    if (this.y + h > this.bottom && this.y > this.doc.paper.margin) this.breakPage();
  }

  breakPage(): void {
    this.pages.push({ height: this.doc.paper.height ?? this.y + this.doc.paper.margin, ops: this.ops });
    this.ops = [];
    this.y = this.doc.paper.margin;
  }

  finish(): Array<{ height: number; ops: Op[] }> {
    if (this.ops.length || !this.pages.length) this.breakPage();
    return this.pages;
  }

  push(op: Op): void {
    this.ops.push(op);
  }

  measure(text: string, run: TextRun): number {
    const size = runFontMm(this.doc, run.size);
    return (run.bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(printable(text, this.fonts), size);
  }

  /** Lays runs out within `width` from `x`; returns the height used. */
  runs(runs: TextRun[], x: number, width: number, align: Align, draw = true): number {
    type Piece = { text: string; run: TextRun; w: number };
    const lines: Piece[][] = [[]];
    let used = 0;
    for (const run of runs) {
      for (const part of run.text.split(/(\s+|\n)/)) {
        if (!part) continue;
        if (part.includes('\n')) { lines.push([]); used = 0; continue; }
        const w = this.measure(part, run);
        const line = lines[lines.length - 1];
        if (/^\s+$/.test(part)) { if (line.length) { line.push({ text: part, run, w }); used += w; } continue; }
        if (used + w > width + 1e-6 && line.length) {
          while (line.length && /^\s+$/.test(line[line.length - 1].text)) line.pop();
          lines.push([]); used = 0;
        }
        let text = part;
        let tw = w;
        // A word wider than the line is cut.
        while (tw > width && text.length > 1) { text = text.slice(0, -1); tw = this.measure(text, run); }
        lines[lines.length - 1].push({ text, run, w: tw });
        used += tw;
      }
    }
    let height = 0;
    for (const line of lines) {
      const size = Math.max(runFontMm(this.doc, 'normal'), ...line.map((p) => runFontMm(this.doc, p.run.size)));
      const lh = size * LINE;
      if (draw) {
        const lineW = line.reduce((s, p) => s + p.w, 0);
        let cx = x + (align === 'right' ? width - lineW : align === 'center' ? (width - lineW) / 2 : 0);
        const baseline = this.y + height + size * 0.95;
        // Pieces of the same size and weight are drawn as one text, spaces included.
        for (let i = 0; i < line.length;) {
          let j = i;
          let text = '';
          let w = 0;
          const same = (p: Piece) => (p.run.size ?? 'normal') === (line[i].run.size ?? 'normal') && !!p.run.bold === !!line[i].run.bold;
          while (j < line.length && same(line[j])) { text += line[j].text; w += line[j].w; j++; }
          if (text.trim()) this.push({ t: 'text', x: cx, y: baseline, size: runFontMm(this.doc, line[i].run.size), bold: !!line[i].run.bold, text: printable(text.trimEnd(), this.fonts) });
          cx += w;
          i = j;
        }
      }
      height += lh;
    }
    return height;
  }
}

function alignX(align: Align | undefined, left: number, width: number, w: number): number {
  return align === 'left' ? left : align === 'right' ? left + width - w : left + (width - w) / 2;
}

function paint(flow: Flow, b: PrintBlock, images: Map<string, PDFImage>, doc: PrintDocument): void {
  switch (b.type) {
    case 'text': {
      const h = flow.runs(b.runs, flow.left, flow.width, b.align ?? 'left', false);
      flow.need(h);
      flow.y += flow.runs(b.runs, flow.left, flow.width, b.align ?? 'left');
      return;
    }
    case 'columns': {
      const total = Math.round(flow.width * 100);
      const widths = columnWidths(b.columns.map((c) => c.width), total).map((w) => w / 100);
      const h = Math.max(...b.columns.map((c, i) => flow.runs(c.runs, 0, widths[i], c.align ?? 'left', false)));
      flow.need(h);
      let x = flow.left;
      b.columns.forEach((c, i) => { flow.runs(c.runs, x, widths[i], c.align ?? 'left'); x += widths[i]; });
      flow.y += h;
      return;
    }
    case 'rule': {
      flow.need(2);
      flow.y += 1;
      flow.push({ t: 'line', x: flow.left, y: flow.y, w: flow.width, thickness: 0.3, dash: b.style === 'dashed' });
      if (b.style === 'double') flow.push({ t: 'line', x: flow.left, y: flow.y + 0.6, w: flow.width, thickness: 0.3, dash: false });
      flow.y += b.style === 'double' ? 1.6 : 1;
      return;
    }
    case 'space':
      flow.y += (b.lines ?? 1) * runFontMm(doc, 'normal') * LINE;
      return;
    case 'image': {
      const img = images.get(b.src);
      if (!img) return;
      const w = Math.min(b.width, flow.width);
      const h = (w * img.height) / img.width;
      flow.need(h + 1);
      flow.push({ t: 'image', img, x: alignX(b.align ?? 'center', flow.left, flow.width, w), y: flow.y, w, h });
      flow.y += h + 1;
      return;
    }
    case 'barcode': {
      const bc = linearBarcode(b.symbology, b.data);
      const module = b.module ?? (b.symbology === 'ean13' ? 0.33 : 0.25);
      const height = b.height ?? 15;
      const textH = b.showText === false ? 0 : 3.2;
      const w = bc.modules * module;
      flow.need(height + textH + 2);
      let x = alignX(b.align ?? 'center', flow.left, flow.width, w);
      const startX = x;
      bc.widths.forEach((bw, i) => { if (i % 2 === 0) flow.push({ t: 'rect', x, y: flow.y + 1, w: bw * module, h: height }); x += bw * module; });
      flow.y += height + 1;
      if (textH) {
        const size = 2.6;
        const run = { text: bc.text };
        const tw = flow.measure(bc.text, run) * (size / runFontMm(doc, 'normal'));
        flow.push({ t: 'text', x: startX + (w - tw) / 2, y: flow.y + size, size, bold: false, text: bc.text });
      }
      flow.y += textH + 1;
      return;
    }
    case 'qr': {
      const qr = qrCode(b.data, { ecc: b.ecc });
      const size = Math.min(b.size ?? 25, flow.width);
      const m = size / (qr.size + 8);
      flow.need(size);
      const x0 = alignX(b.align ?? 'center', flow.left, flow.width, size) + 4 * m;
      const y0 = flow.y + 4 * m;
      // One rectangle per horizontal run of dark modules keeps the PDF small.
      qr.modules.forEach((row, y) => {
        for (let x = 0; x < row.length;) {
          if (!row[x]) { x++; continue; }
          let end = x;
          while (end < row.length && row[end]) end++;
          flow.push({ t: 'rect', x: x0 + x * m, y: y0 + y * m, w: (end - x) * m, h: m });
          x = end;
        }
      });
      flow.y += size;
      return;
    }
    case 'cut':
      flow.breakPage();
      return;
  }
}

function draw(page: PDFPage, ops: Op[], height: number, fonts: Fonts): void {
  const pt = mmToPt;
  const H = pt(height);
  const black = rgb(0, 0, 0);
  // Bars and QR modules: one filled path of rectangles, not one drawing each.
  const rects = ops.filter((op) => op.t === 'rect');
  if (rects.length) {
    page.pushOperators(pushGraphicsState(), setFillingRgbColor(0, 0, 0),
      ...rects.map((r) => rectangle(pt(r.x), H - pt(r.y + r.h), pt(r.w), pt(r.h))), fill(), popGraphicsState());
  }
  for (const op of ops) {
    switch (op.t) {
      case 'text':
        page.drawText(op.text, { x: pt(op.x), y: H - pt(op.y), size: pt(op.size), font: op.bold ? fonts.bold : fonts.regular, color: black });
        break;
      case 'line':
        page.drawLine({ start: { x: pt(op.x), y: H - pt(op.y) }, end: { x: pt(op.x + op.w), y: H - pt(op.y) }, thickness: pt(op.thickness), color: black, dashArray: op.dash ? [3, 2] : undefined });
        break;
      case 'image':
        page.drawImage(op.img, { x: pt(op.x), y: H - pt(op.y + op.h), width: pt(op.w), height: pt(op.h) });
        break;
    }
  }
}

/** The document as PDF bytes. */
export async function renderPdf(doc: PrintDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(doc.template);
  pdf.setCreator('Comptoir');
  pdf.setProducer('Comptoir');
  const mono = doc.kind === 'receipt';
  const regular = await pdf.embedFont(mono ? StandardFonts.Courier : StandardFonts.Helvetica);
  const bold = await pdf.embedFont(mono ? StandardFonts.CourierBold : StandardFonts.HelveticaBold);
  const fonts: Fonts = { regular, bold, supported: new Set(regular.getCharacterSet()) };
  const images = new Map<string, PDFImage>();
  for (const b of doc.blocks) {
    if (b.type !== 'image' || images.has(b.src)) continue;
    const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(b.src);
    if (!m) continue; // SVG logos show in the HTML preview only
    try {
      images.set(b.src, m[1] === 'png' ? await pdf.embedPng(m[2]) : await pdf.embedJpg(m[2]));
    } catch {
      // An unreadable image is left out rather than failing the whole document.
    }
  }
  const flow = new Flow(doc, fonts);
  for (const b of doc.blocks) paint(flow, b, images, doc);
  for (const p of flow.finish()) {
    const page = pdf.addPage([mmToPt(doc.paper.width), mmToPt(p.height)]);
    draw(page, p.ops, p.height, fonts);
  }
  return pdf.save();
}
