import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

/** The WinAnsi characters above 0x7F that are not Latin-1 (what the standard fonts print). */
const WIN_ANSI: Record<number, string> = { 0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x9c: 'œ', 0x8c: 'Œ' };

/** The texts drawn on each page (pdf-lib writes them as hex strings shown with Tj). */
export async function pdfTexts(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    const out: string[] = [];
    for (const s of streams) {
      if (!(s instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
      for (const m of text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        const bytesOf = Buffer.from(m[1], 'hex');
        out.push([...bytesOf].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(''));
      }
    }
    return out;
  });
}
