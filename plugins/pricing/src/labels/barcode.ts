/**
 * Barcodes drawn as vector bars: bwip-js encodes (bar widths and heights), pdf-lib draws rectangles, so the
 * bars stay sharp at any printer resolution and the PDF stays small.
 */
import bwipjs from 'bwip-js';
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BarcodeKind } from '@comptoir/catalog';

export interface BarcodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Encoded {
  sbs: number[];
  bhs: number[];
  bbs: number[];
}

const BCID: Record<BarcodeKind, string> = { ean13: 'ean13', ean8: 'ean8', upca: 'upca', internal: 'code128' };

/** Quiet zones and human-readable digit positions of the GTINs, in modules from the first bar. */
const GTIN: Record<'ean13' | 'ean8' | 'upca', { left: number; right: number; digits: (i: number, n: number) => number }> = {
  ean13: { left: 11, right: 7, digits: (i) => (i === 0 ? -5 : i <= 6 ? 3 + 7 * (i - 1) + 3.5 : 50 + 7 * (i - 7) + 3.5) },
  ean8: { left: 7, right: 7, digits: (i) => (i <= 3 ? 3 + 7 * i + 3.5 : 36 + 7 * (i - 4) + 3.5) },
  upca: { left: 9, right: 9, digits: (i, n) => (i === 0 ? -5 : i === n - 1 ? 95 + 5 : i <= 5 ? 10 + 7 * (i - 1) + 3.5 : 50 + 7 * (i - 6) + 3.5) },
};

function encode(code: string, kind: BarcodeKind): Encoded {
  const [symbol] = bwipjs.raw({ bcid: BCID[kind], text: code }) as unknown as Encoded[];
  return symbol;
}

/** Draws `code` inside `box` (points): bars, then the digits under them. */
export function drawBarcode(page: PDFPage, code: string, kind: BarcodeKind, box: BarcodeBox, font: PDFFont): void {
  const { sbs, bhs, bbs } = encode(code, kind);
  const modules = sbs.reduce((s, w) => s + w, 0);
  const gtin = kind === 'internal' ? null : GTIN[kind];
  const quiet = gtin ? gtin.left + gtin.right : 10;
  const module = Math.min(box.width / (modules + quiet), 0.33 * 72 / 25.4 * 1.2);
  const textSize = Math.max(5, Math.min(8, module * 8));
  const barsWidth = modules * module;
  const left = box.x + (box.width - barsWidth) / 2 + (gtin ? ((gtin.left - gtin.right) / 2) * module : 0);
  const base = box.y + textSize * 0.9;
  const barHeight = Math.max(4, box.height - textSize * 0.9);
  let x = left;
  for (let i = 0, bar = 0; i < sbs.length; i++) {
    const w = sbs[i] * module;
    if (i % 2 === 0) {
      const h = (bhs[bar] ?? 1) * barHeight;
      const y = base + (bbs[bar] ?? 0) * barHeight;
      page.drawRectangle({ x, y, width: w, height: h, color: rgb(0, 0, 0) });
      bar++;
    }
    x += w;
  }
  const baseline = box.y + 0.5;
  if (gtin) {
    for (let i = 0; i < code.length; i++) {
      const cx = left + gtin.digits(i, code.length) * module;
      const w = font.widthOfTextAtSize(code[i], textSize);
      page.drawText(code[i], { x: cx - w / 2, y: baseline, size: textSize, font });
    }
  } else {
    const w = font.widthOfTextAtSize(code, textSize);
    page.drawText(code, { x: left + (barsWidth - w) / 2, y: baseline, size: textSize, font });
  }
}
