/** Paints a print document as a self-contained HTML page: the preview the shell shows in an iframe. */
import { linearBarcode } from './barcode.js';
import { qrCode } from './qr.js';
import { runFontMm, baseFontMm, printableWidth } from './layout.js';
import type { PrintBlock, PrintDocument, TextRun } from './model.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attributes. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]);

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/** Only images given inline, and only raster or SVG: nothing the preview could fetch from elsewhere. */
const SAFE_IMAGE = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

function runs(doc: PrintDocument, rs: TextRun[]): string {
  return rs.map((r) => {
    const style = `font-size:${fmt(runFontMm(doc, r.size))}mm${r.bold ? ';font-weight:700' : ''}`;
    return `<span style="${style}">${escapeHtml(r.text)}</span>`;
  }).join('');
}

/** A linear barcode as SVG rectangles, in millimetres. */
export function barcodeSvg(symbology: 'ean13' | 'code128', data: string, opts: { height?: number; module?: number; showText?: boolean } = {}): string {
  const bc = linearBarcode(symbology, data);
  const module = opts.module ?? (symbology === 'ean13' ? 0.33 : 0.25);
  const height = opts.height ?? 15;
  const total = bc.modules + 2 * bc.quiet;
  const textH = opts.showText === false ? 0 : 3;
  let x = bc.quiet;
  let bars = '';
  bc.widths.forEach((w, i) => {
    if (i % 2 === 0) bars += `<rect x="${x}" y="0" width="${w}" height="${fmt(height / module)}"/>`;
    x += w;
  });
  const text = textH ? `<text x="${total / 2}" y="${fmt((height + textH - 0.4) / module)}" font-size="${fmt(2.6 / module)}" text-anchor="middle" font-family="monospace">${escapeHtml(bc.text)}</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" class="barcode" data-symbology="${symbology}" data-code="${escapeHtml(bc.text)}" width="${fmt(total * module)}mm" height="${fmt(height + textH)}mm" viewBox="0 0 ${total} ${fmt((height + textH) / module)}">${bars}${text}</svg>`;
}

/** A QR code as one SVG path of unit squares, quiet zone included; `size` in millimetres. */
export function qrSvg(data: string, opts: { size?: number; ecc?: 'L' | 'M' | 'Q' | 'H' } = {}): string {
  const qr = qrCode(data, { ecc: opts.ecc });
  const n = qr.size + 8;
  let d = '';
  qr.modules.forEach((row, y) => row.forEach((dark, x) => { if (dark) d += `M${x + 4} ${y + 4}h1v1h-1z`; }));
  const size = opts.size ?? 25;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="qr" data-version="${qr.version}" width="${fmt(size)}mm" height="${fmt(size)}mm" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges"><path d="${d}"/></svg>`;
}

function block(doc: PrintDocument, b: PrintBlock): string {
  const data = b.block ? ` data-block="${escapeHtml(b.block)}"` : '';
  switch (b.type) {
    case 'text':
      return `<p class="text" style="text-align:${b.align ?? 'left'}"${data}>${runs(doc, b.runs)}</p>`;
    case 'columns':
      return `<div class="columns"${data}>${b.columns.map((c) => `<div style="flex:${c.width ?? 1} 1 0;text-align:${c.align ?? 'left'}">${runs(doc, c.runs)}</div>`).join('')}</div>`;
    case 'rule':
      return `<hr class="${b.style ?? 'solid'}"${data}>`;
    case 'space':
      return `<div class="space" style="height:${fmt((b.lines ?? 1) * baseFontMm(doc.paper, doc.kind) * 1.2)}mm"${data}></div>`;
    case 'image':
      return SAFE_IMAGE.test(b.src)
        ? `<div class="image" style="text-align:${b.align ?? 'center'}"${data}><img alt="" src="${b.src}" style="width:${fmt(Math.min(b.width, printableWidth(doc.paper)))}mm"></div>`
        : '';
    case 'barcode':
      return `<div class="code" style="text-align:${b.align ?? 'center'}"${data}>${barcodeSvg(b.symbology, b.data, b)}</div>`;
    case 'qr':
      return `<div class="code" style="text-align:${b.align ?? 'center'}"${data}>${qrSvg(b.data, b)}</div>`;
    case 'cut':
      return `<div class="cut${b.partial ? ' partial' : ''}"${data}></div>`;
  }
}

/** The document as a complete HTML page sized in millimetres like the paper. */
export function renderHtml(doc: PrintDocument): string {
  const mono = doc.kind === 'receipt';
  const width = doc.paper.width;
  const height = doc.paper.height;
  const css = `
    html{background:#e9e9ee}body{margin:0;padding:12px;display:flex;justify-content:center}
    .paper{box-sizing:border-box;width:${width}mm;${height ? `min-height:${height}mm;` : ''}padding:${doc.paper.margin}mm;background:#fff;color:#000;
      box-shadow:0 1px 4px rgba(0,0,0,.25);font-family:${mono ? '"DejaVu Sans Mono","Courier New",monospace' : 'Helvetica,Arial,sans-serif'};
      font-size:${fmt(baseFontMm(doc.paper, doc.kind))}mm;line-height:1.2;overflow-wrap:anywhere}
    p{margin:0;white-space:pre-wrap}.columns{display:flex}.columns>div{min-width:0;white-space:pre-wrap}
    hr{border:0;border-top:.3mm solid #000;margin:1mm 0}hr.dashed{border-top-style:dashed}hr.double{border-top:.9mm double #000}
    .code{margin:1mm 0}.code svg{display:inline-block}.image img{max-width:100%}
    .cut{border-top:.3mm dashed #888;margin:3mm -${doc.paper.margin}mm;position:relative}
    .cut::after{content:"✂";position:absolute;left:2mm;top:-2.4mm;font-size:3.5mm;color:#888;background:#fff}`;
  return `<!doctype html><html lang="${doc.lang}"><head><meta charset="utf-8"><title>${escapeHtml(doc.template)}</title><style>${css}</style></head>`
    + `<body><div class="paper ${doc.kind}" data-template="${escapeHtml(doc.template)}">${doc.blocks.map((b) => block(doc, b)).join('')}</div></body></html>`;
}
