/**
 * Reads ESC/POS bytes back into what a person would see on the paper: the lines of text (decoded from the
 * selected code page), barcodes, QR codes, cuts and drawer pulses. The printer simulator and the tests use it;
 * commands it does not know are counted, never guessed.
 */
import { decodeByte } from '@comptoir/devices';

/** A receipt as printed, up to and including its cut. */
export interface DecodedReceipt {
  /** Text lines, right spaces trimmed (size and weight dropped; see `styled`). */
  lines: string[];
  /** The same lines with `*bold*` marks and a `[2x]`/`[3x]` prefix for double/triple size. */
  styled: string[];
  barcodes: Array<{ symbology: string; data: string }>;
  qr: string[];
  /** Whether it ended with a cut (a receipt torn off by a lost connection did not). */
  cut: boolean;
}

export interface Decoded {
  receipts: DecodedReceipt[];
  /** Drawer pulses: the connector pin (2 or 5). */
  kicks: number[];
  /** Real-time status requests (DLE EOT n). */
  statusQueries: number[];
  /** Code pages selected with ESC t. */
  codePages: number[];
  unknown: number;
}

const SYMBOLOGY: Record<number, string> = { 65: 'upca', 66: 'upce', 67: 'ean13', 68: 'ean8', 69: 'code39', 70: 'itf', 71: 'codabar', 72: 'code93', 73: 'code128' };

/** Decodes a stream of ESC/POS bytes. */
export function decodeEscPos(bytes: Uint8Array): Decoded {
  const out: Decoded = { receipts: [], kicks: [], statusQueries: [], codePages: [], unknown: 0 };
  let page = 0;
  let bold = false;
  let size = 1;
  let receipt: DecodedReceipt = { lines: [], styled: [], barcodes: [], qr: [], cut: false };
  let line = '';
  let styled = '';
  let lineSize = 1;
  const endLine = () => {
    receipt.lines.push(line.trimEnd());
    receipt.styled.push((lineSize > 1 ? `[${lineSize}x]` : '') + styled.trimEnd());
    line = ''; styled = ''; lineSize = 1;
  };
  const setBold = (on: boolean) => { if (on !== bold) styled += '*'; bold = on; };
  let qrData = '';
  let i = 0;
  const at = (k: number) => bytes[i + k] ?? 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x0a) { endLine(); i += 1; continue; }
    if (b === 0x0d) { i += 1; continue; }
    if (b === 0x10 && at(1) === 0x04) { out.statusQueries.push(at(2)); i += 3; continue; }
    if (b === 0x1b) {
      const c = at(1);
      if (c === 0x40) { page = 0; bold = false; size = 1; i += 2; continue; }
      if (c === 0x74) { page = at(2); out.codePages.push(page); i += 3; continue; }
      if (c === 0x45 || c === 0x47) { setBold(at(2) === 1); i += 3; continue; }
      if (c === 0x4d || c === 0x61 || c === 0x2d || c === 0x21 || c === 0x33 || c === 0x64 || c === 0x4a || c === 0x52 || c === 0x7b) { i += 3; continue; }
      if (c === 0x32) { i += 2; continue; }
      if (c === 0x70) { out.kicks.push(at(2) === 1 || at(2) === 0x31 ? 5 : 2); i += 5; continue; }
      out.unknown += 1; i += 2; continue;
    }
    if (b === 0x1c && at(1) === 0x2e) { i += 2; continue; }
    if (b === 0x1d) {
      const c = at(1);
      if (c === 0x21) { size = (at(2) >> 4) + 1; i += 3; continue; }
      if (c === 0x68 || c === 0x77 || c === 0x48 || c === 0x66 || c === 0x42) { i += 3; continue; }
      if (c === 0x6b) {
        const m = at(2);
        if (m >= 65) {
          const n = at(3);
          let data = String.fromCharCode(...bytes.subarray(i + 4, i + 4 + n));
          if (m === 73) data = data.replace(/^\{[ABC]/, '');
          receipt.barcodes.push({ symbology: SYMBOLOGY[m] ?? String(m), data });
          i += 4 + n;
        } else {
          let j = i + 3;
          while (j < bytes.length && bytes[j] !== 0) j++;
          receipt.barcodes.push({ symbology: String(m), data: String.fromCharCode(...bytes.subarray(i + 3, j)) });
          i = j + 1;
        }
        continue;
      }
      if (c === 0x28 && at(2) === 0x6b) {
        const len = at(3) + at(4) * 256;
        const fn = at(6);
        if (fn === 0x50) qrData = String.fromCharCode(...bytes.subarray(i + 8, i + 5 + len));
        if (fn === 0x51 && qrData) { receipt.qr.push(new TextDecoder().decode(Uint8Array.from(qrData, (ch) => ch.charCodeAt(0)))); qrData = ''; }
        i += 5 + len;
        continue;
      }
      if (c === 0x56) {
        const m = at(2);
        i += m >= 65 ? 4 : 3;
        if (line) endLine();
        receipt.cut = true;
        out.receipts.push(receipt);
        receipt = { lines: [], styled: [], barcodes: [], qr: [], cut: false };
        continue;
      }
      if (c === 0x76 && at(2) === 0x30) {
        const wBytes = at(4) + at(5) * 256;
        const h = at(6) + at(7) * 256;
        i += 8 + wBytes * h;
        continue;
      }
      out.unknown += 1; i += 2; continue;
    }
    if (b < 0x20) { out.unknown += 1; i += 1; continue; }
    const ch = decodeByte(b, page);
    if (!line) lineSize = size;
    line += ch;
    styled += ch;
    i += 1;
  }
  if (line) endLine();
  if (receipt.lines.some((l) => l) || receipt.barcodes.length || receipt.qr.length) out.receipts.push(receipt);
  return out;
}
