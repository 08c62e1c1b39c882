/** Draws labels on PDF pages with pdf-lib: sheets of labels, or one label per page for label printers. */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BarcodeKind } from '@comptoir/catalog';
import { drawBarcode } from './barcode.js';
import { mm, type LabelLayout } from './layouts.js';

/** What one label shows, already formatted for the shop's language. */
export interface LabelItem {
  name: string;
  code: string;
  /** The selling price, as printed ("1,49 €", "17,99 €/kg"). */
  price: string;
  /** "hors TVA" when the list's prices exclude VAT. */
  priceNote: string | null;
  /** The legal price per kg or litre ("4,52 €/l"). */
  legal: string | null;
  /** "+ consigne 0,10 €". */
  deposit: string | null;
  barcode: { code: string; kind: BarcodeKind } | null;
  /** Printed on shelf labels, so that an old label is recognised. */
  date: string;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  supported: Set<number>;
}

/** The standard PDF fonts speak WinAnsi: map what they lack (narrow no-break space, minus sign…) to what they have. */
function printable(text: string, fonts: Fonts): string {
  let out = '';
  for (const ch of text.replace(/[\u202F\u2009\u2007]/g, '\u00A0').replace(/\u2212/g, '-')) {
    const cp = ch.codePointAt(0)!;
    if (fonts.supported.has(cp)) out += ch;
    else {
      const plain = ch.normalize('NFD').replace(/\p{M}+/gu, '');
      out += [...plain].every((c) => fonts.supported.has(c.codePointAt(0)!)) ? plain : '?';
    }
  }
  return out;
}

/** Up to `maxLines` lines of `text` within `width`; the last one ends with "…" when the text is longer. */
function wrap(text: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const candidate = current ? `${current} ${words[i]}` : words[i];
    if (font.widthOfTextAtSize(candidate, size) <= width || !current) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = words[i];
    if (lines.length === maxLines) {
      const last = lines.pop()!;
      let cut = `${last} ${words.slice(i).join(' ')}`;
      while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1).trimEnd();
      lines.push(`${cut}…`);
      return lines;
    }
  }
  if (current) lines.push(current);
  // A single word wider than the label is cut too.
  return lines.map((l) => {
    let cut = l;
    if (font.widthOfTextAtSize(cut, size) <= width) return cut;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  });
}

/** The largest size ≤ `size` at which `text` fits in `width`. */
function fit(text: string, font: PDFFont, size: number, width: number): number {
  const w = font.widthOfTextAtSize(text, size);
  return w <= width ? size : Math.max(4, (size * width) / w);
}

type Box = { x: number; y: number; w: number; h: number };

function drawArticleLabel(page: PDFPage, item: LabelItem, box: Box, fonts: Fonts): void {
  const pad = mm(1.8);
  const inner = { x: box.x + pad, y: box.y + pad, w: box.w - 2 * pad, h: box.h - 2 * pad };
  const nameSize = Math.min(11, Math.max(5.5, box.h * 0.085));
  let top = inner.y + inner.h;
  for (const line of wrap(printable(item.name, fonts), fonts.bold, nameSize, inner.w, 2)) {
    top -= nameSize;
    page.drawText(line, { x: inner.x, y: top, size: nameSize, font: fonts.bold });
    top -= nameSize * 0.15;
  }
  const barcodeHeight = item.barcode ? box.h * 0.34 : 0;
  const price = printable(item.price, fonts);
  const small = Math.max(5, nameSize * 0.8);
  const side = [item.legal, item.priceNote, item.deposit].filter((t): t is string => !!t).map((t) => printable(t, fonts));
  const sideWidth = side.length ? Math.max(...side.map((t) => fonts.regular.widthOfTextAtSize(t, small))) : 0;
  const priceSize = fit(price, fonts.bold, Math.min(28, box.h * 0.17), inner.w - sideWidth - mm(1.5));
  const priceY = Math.max(inner.y + barcodeHeight + mm(0.8), top - priceSize - mm(0.5));
  page.drawText(price, { x: inner.x, y: priceY, size: priceSize, font: fonts.bold });
  let sideY = priceY + priceSize - small;
  for (const t of side) {
    page.drawText(t, { x: inner.x + inner.w - fonts.regular.widthOfTextAtSize(t, small), y: sideY, size: small, font: fonts.regular });
    sideY -= small * 1.15;
  }
  if (item.barcode) drawBarcode(page, item.barcode.code, item.barcode.kind, { x: inner.x, y: inner.y, width: inner.w, height: barcodeHeight - mm(0.5) }, fonts.regular);
}

function drawShelfLabel(page: PDFPage, item: LabelItem, box: Box, fonts: Fonts): void {
  const pad = mm(2.5);
  const inner = { x: box.x + pad, y: box.y + pad, w: box.w - 2 * pad, h: box.h - 2 * pad };
  const leftW = inner.w * 0.56;
  const rightX = inner.x + leftW + mm(2);
  const rightW = inner.w - leftW - mm(2);
  const nameSize = 10;
  let top = inner.y + inner.h;
  for (const line of wrap(printable(item.name, fonts), fonts.bold, nameSize, leftW, 2)) {
    top -= nameSize;
    page.drawText(line, { x: inner.x, y: top, size: nameSize, font: fonts.bold });
    top -= 2;
  }
  const small = 7.5;
  for (const t of [item.legal, item.priceNote, item.deposit].filter((x): x is string => !!x)) {
    top -= small + 2;
    page.drawText(printable(t, fonts), { x: inner.x, y: top, size: small, font: fonts.regular });
  }
  page.drawText(printable(`${item.code} · ${item.date}`, fonts), { x: inner.x, y: inner.y, size: 6, font: fonts.regular, color: rgb(0.3, 0.3, 0.3) });
  const price = printable(item.price, fonts);
  const priceSize = fit(price, fonts.bold, 26, rightW);
  page.drawText(price, { x: rightX + rightW - fonts.bold.widthOfTextAtSize(price, priceSize), y: inner.y + inner.h - priceSize, size: priceSize, font: fonts.bold });
  if (item.barcode) drawBarcode(page, item.barcode.code, item.barcode.kind, { x: rightX, y: inner.y, width: rightW, height: inner.h * 0.45 }, fonts.regular);
}

/** Renders the labels in order, filling each sheet row by row; returns the PDF bytes. */
export async function renderLabels(layout: LabelLayout, items: readonly LabelItem[], meta: { title: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title);
  doc.setCreator('Comptoir');
  doc.setProducer('Comptoir (pdf-lib)');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const fonts: Fonts = { regular, bold: await doc.embedFont(StandardFonts.HelveticaBold), supported: new Set(regular.getCharacterSet()) };
  const perPage = layout.columns * layout.rows;
  const [pw, ph] = [mm(layout.page.width), mm(layout.page.height)];
  let page: PDFPage | null = null;
  for (const [i, item] of items.entries()) {
    const slot = i % perPage;
    if (slot === 0) page = doc.addPage([pw, ph]);
    const col = slot % layout.columns;
    const row = Math.floor(slot / layout.columns);
    const w = mm(layout.label.width);
    const h = mm(layout.label.height);
    const x = mm(layout.margin.left + col * (layout.label.width + layout.gap.x));
    const y = ph - mm(layout.margin.top + row * (layout.label.height + layout.gap.y)) - h;
    (layout.style === 'shelf' ? drawShelfLabel : drawArticleLabel)(page!, item, { x, y, w, h }, fonts);
  }
  if (!items.length) doc.addPage([pw, ph]);
  return doc.save();
}
