/** Reads back what the kernel's PDF painter drew, so tests assert the texts a person reads on paper. */
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

/** The WinAnsi characters above 0x7F that are not Latin-1 (what the standard fonts print). */
const WIN_ANSI: Record<number, string> = { 0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x9c: 'œ', 0x8c: 'Œ', 0xd7: '×' };

/** Each page's size in millimetres, the texts drawn on it (pdf-lib writes them as hex strings shown with Tj) and its rectangles. */
export async function pdfPages(bytes: Uint8Array): Promise<Array<{ width: number; height: number; texts: string[]; rects: number }>> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    const texts: string[] = [];
    let rects = 0;
    for (const s of streams) {
      if (!(s instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
      for (const m of text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        texts.push([...Buffer.from(m[1], 'hex')].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(''));
      }
      rects += [...text.matchAll(/\bre\b/g)].length;
    }
    const { width, height } = page.getSize();
    return { width: Math.round((width * 25.4) / 72 * 10) / 10, height: Math.round((height * 25.4) / 72 * 10) / 10, texts, rects };
  });
}

/** The texts drawn on each page. */
export async function pdfTexts(bytes: Uint8Array): Promise<string[][]> {
  return (await pdfPages(bytes)).map((p) => p.texts);
}
