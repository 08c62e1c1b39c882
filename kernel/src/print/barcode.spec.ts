import { describe, expect, it } from 'vitest';
import bwipjs from 'bwip-js';
import { code128, code128Values, ean13, gs1CheckDigit } from './barcode.js';
import { qrCode, rsRemainder } from './qr.js';

/** bwip-js (Barcode Writer in Pure JavaScript) serves as an independent reference encoder in these tests only. */
const reference = (options: Record<string, unknown>) => (bwipjs as any).raw(options)[0] as { sbs: number[]; pixs: number[]; pixx: number };

describe('EAN-13', () => {
  it('computes the GS1 check digit of known codes', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(gs1CheckDigit('590123412345')).toBe(7);
    expect(gs1CheckDigit('541000000000')).toBe(2);
    expect(ean13('400638133393').text).toBe('4006381333931');
  });

  it('draws 95 modules: guards, left half with the first digit in its parity, right half', () => {
    const code = ean13('5901234123457');
    expect(code.modules).toBe(95);
    expect(code.widths.reduce((s, w) => s + w, 0)).toBe(95);
    expect(code.widths.slice(0, 3)).toEqual([1, 1, 1]);
    expect(code.widths).toEqual(reference({ bcid: 'ean13', text: '5901234123457' }).sbs);
    expect(ean13('4006381333931').widths).toEqual(reference({ bcid: 'ean13', text: '4006381333931' }).sbs);
  });

  it('refuses a wrong check digit, naming the right one', () => {
    expect(() => ean13('5901234123458')).toThrow(/check digit should be 7/);
    expect(() => ean13('59012341234')).toThrow(/12 or 13 digits/);
  });
});

/** Reads Code 128 widths back into text, checking the modulo-103 symbol (independent of the encoder's choices). */
function decode128(widths: number[]): string {
  const table = ['212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213', '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132', '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211', '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313', '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331', '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111', '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214', '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111', '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141', '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141', '114131', '311141', '411131', '211412', '211214', '211232'];
  const values: number[] = [];
  for (let i = 0; i + 7 < widths.length; i += 6) values.push(table.indexOf(widths.slice(i, i + 6).join('')));
  expect(widths.slice(-7).join('')).toBe('2331112');
  const check = values.pop()!;
  expect(values.reduce((s, v, k) => s + v * Math.max(k, 1), 0) % 103).toBe(check);
  let set = values[0] === 105 ? 'C' : 'B';
  let out = '';
  for (const v of values.slice(1)) {
    if (v === 99) set = 'C';
    else if (v === 100) set = 'B';
    else out += set === 'C' ? String(v).padStart(2, '0') : String.fromCharCode(v + 32);
  }
  return out;
}

describe('Code 128', () => {
  it('encodes text in code set B with its check symbol, as the reference encoder does', () => {
    // Start B (104), C o m p t o i r, check (104 + 35·1 + 79·2 + … + 82·8) % 103 = 25, stop.
    expect(code128Values('Comptoir')).toEqual([104, 35, 79, 77, 80, 84, 79, 73, 82, 25, 106]);
    expect(code128('Comptoir').widths).toEqual(reference({ bcid: 'code128', text: 'Comptoir' }).sbs);
    expect(code128('x12345').widths).toEqual(reference({ bcid: 'code128', text: 'x12345' }).sbs);
  });

  it('packs digits two by two in code set C', () => {
    // Start C (105), 12, 34, 56; check (105 + 12·1 + 34·2 + 56·3) % 103 = 353 % 103 = 44.
    expect(code128Values('123456')).toEqual([105, 12, 34, 56, 44, 106]);
    expect(code128('123456').widths).toEqual(reference({ bcid: 'code128', text: '123456' }).sbs);
    expect(code128Values('ABC123456789').length).toBe(3 + 1 + 1 + 4 + 1 + 1 + 1); // start, A B C, 1, code C, 23 45 67 89, check, stop
  });

  it('reads back what it wrote, switching sets in the middle of the data', () => {
    for (const text of ['Ticket 2026-000123', 'A1234567B', 'x12345', '1', '12', '123', 'T-0001234567', 'Notes: 12 rue des Chartreux']) {
      const bc = code128(text);
      expect(decode128(bc.widths)).toBe(text);
      expect(bc.modules).toBe(bc.widths.reduce((s, w) => s + w, 0));
    }
  });

  it('refuses what it cannot encode', () => {
    expect(() => code128('')).toThrow(/printable ASCII/);
    expect(() => code128('café')).toThrow(/printable ASCII/);
  });
});

describe('QR code', () => {
  it('computes Reed-Solomon codewords of the standard’s example (version 1-M, "01234567")', () => {
    // ISO/IEC 18004 annex I: data codewords of "01234567" in numeric mode, and their 10 error-correction codewords.
    const data = [0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11];
    expect(rsRemainder(data, 10)).toEqual([0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55]);
  });

  it('chooses the smallest version and raises the error correction while it fits', () => {
    expect(qrCode('comptoir')).toMatchObject({ version: 1, size: 21, ecc: 'Q' });
    expect(qrCode('https://comptoir.example/ticket/abc')).toMatchObject({ version: 3, size: 29, ecc: 'M' });
    expect(qrCode('x'.repeat(400)).version).toBe(15);
    expect(() => qrCode('x'.repeat(3000))).toThrow(/too long/);
  });

  it('draws the same modules as the reference encoder for every mask, level and several versions', () => {
    const texts = ['comptoir', 'https://comptoir.example/ticket/abc', 'x'.repeat(77), 'lorem ipsum dolor sit amet '.repeat(9), 'z'.repeat(400)];
    for (const text of texts) {
      for (const ecc of ['L', 'M', 'Q', 'H'] as const) {
        for (const mask of ecc === 'M' ? [0, 1, 2, 3, 4, 5, 6, 7] : [2, 5]) {
          const mine = qrCode(text, { ecc, mask });
          const ref = reference({ bcid: 'qrcode', text, eclevel: mine.ecc, mask: mask + 1, version: mine.version });
          expect(ref.pixx).toBe(mine.size);
          const theirs = Array.from({ length: mine.size }, (_, y) => Array.from({ length: mine.size }, (_, x) => !!ref.pixs[y * mine.size + x]));
          expect(mine.modules, `${text.slice(0, 12)} ${ecc} mask ${mask}`).toEqual(theirs);
        }
      }
    }
  });

  it('has its three finder patterns and the dark module', () => {
    const { modules, size } = qrCode('comptoir');
    const finder = (x0: number, y0: number) => modules.slice(y0, y0 + 7).map((row) => row.slice(x0, x0 + 7).map((d) => (d ? 1 : 0)).join(''));
    const expected = ['1111111', '1000001', '1011101', '1011101', '1011101', '1000001', '1111111'];
    expect(finder(0, 0)).toEqual(expected);
    expect(finder(size - 7, 0)).toEqual(expected);
    expect(finder(0, size - 7)).toEqual(expected);
    expect(modules[size - 8][8]).toBe(true);
  });
});
