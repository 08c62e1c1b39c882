/**
 * Linear barcodes encoded here, not by a library, so that every target (HTML/SVG, PDF, and later ESC/POS) draws
 * the same bars: an encoding is a list of bar and space widths in modules, starting with a bar.
 */
import { DomainError } from '../errors.js';

/** Bars and spaces, alternating, first a bar; widths in modules. `text` is the human-readable line. */
export interface LinearBarcode {
  symbology: 'ean13' | 'code128';
  widths: number[];
  /** Total width in modules, without quiet zones. */
  modules: number;
  /** Quiet zone needed on each side, in modules. */
  quiet: number;
  text: string;
}

/** The GS1 check digit of the digits given (without their check digit). */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Weights 3, 1, 3… counted from the rightmost digit.
    const w = (digits.length - i) % 2 === 1 ? 3 : 1;
    sum += Number(digits[i]) * w;
  }
  return (10 - (sum % 10)) % 10;
}

const EAN_L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const EAN_G = ['0100111', '0110011', '0011011', '0100001', '0011101', '0111001', '0000101', '0010001', '0001001', '0010111'];
const EAN_R = ['1110010', '1100110', '1101100', '1000010', '1011100', '1001110', '1010000', '1000100', '1001000', '1110100'];
const EAN_PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

function invalid(symbology: string, data: string, why: { fr: string; nl: string; en: string }): DomainError {
  return new DomainError('PRINT_BARCODE_INVALID', {
    fr: `Code-barres ${symbology} « ${data} » impossible : ${why.fr}`,
    nl: `Streepjescode ${symbology} ‘${data}’ onmogelijk: ${why.nl}`,
    en: `Barcode ${symbology} '${data}' impossible: ${why.en}`,
  }, { status: 422 });
}

/** Runs of equal characters in a string of 0/1 as widths, starting with a bar ('1'). */
function runs(bits: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < bits.length) {
    let j = i;
    while (j < bits.length && bits[j] === bits[i]) j++;
    out.push(j - i);
    i = j;
  }
  return out;
}

/** EAN-13 from 12 digits (check digit computed) or 13 (check digit verified). */
export function ean13(data: string): LinearBarcode {
  if (!/^\d{12,13}$/.test(data)) {
    throw invalid('EAN-13', data, { fr: '12 ou 13 chiffres attendus', nl: '12 of 13 cijfers verwacht', en: '12 or 13 digits expected' });
  }
  const check = gs1CheckDigit(data.slice(0, 12));
  if (data.length === 13 && Number(data[12]) !== check) {
    throw invalid('EAN-13', data, { fr: `le chiffre de contrôle devrait être ${check}`, nl: `het controlecijfer moet ${check} zijn`, en: `the check digit should be ${check}` });
  }
  const code = data.slice(0, 12) + check;
  const parity = EAN_PARITY[Number(code[0])];
  let bits = '101';
  for (let i = 1; i <= 6; i++) bits += (parity[i - 1] === 'L' ? EAN_L : EAN_G)[Number(code[i])];
  bits += '01010';
  for (let i = 7; i <= 12; i++) bits += EAN_R[Number(code[i])];
  bits += '101';
  return { symbology: 'ean13', widths: runs(bits), modules: 95, quiet: 11, text: code };
}

/** Code 128 patterns: bar, space, bar, space, bar, space widths of each value (106 is the stop, 7 elements). */
const C128 = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];
const START_B = 104;
const START_C = 105;
const CODE_B = 100;
const CODE_C = 99;
const STOP = 106;

/** Code 128 values for `data` (printable ASCII): code set B, and C for runs of digits where that is shorter. */
export function code128Values(data: string): number[] {
  if (data.length === 0 || data.length > 80 || !/^[\x20-\x7e]+$/.test(data)) {
    throw invalid('Code 128', data, {
      fr: '1 à 80 caractères ASCII imprimables attendus', nl: '1 tot 80 afdrukbare ASCII-tekens verwacht', en: '1 to 80 printable ASCII characters expected',
    });
  }
  const digitsAt = (i: number) => { let j = i; while (j < data.length && data[j] >= '0' && data[j] <= '9') j++; return j - i; };
  const values: number[] = [];
  let set: 'B' | 'C';
  let i = 0;
  const lead = digitsAt(0);
  // Code set C packs two digits per symbol: worth it from 4 digits at the start (or a string of only 2 digits).
  if (lead >= 4 || (lead === data.length && lead % 2 === 0)) { set = 'C'; values.push(START_C); } else { set = 'B'; values.push(START_B); }
  while (i < data.length) {
    if (set === 'C') {
      if (digitsAt(i) >= 2) { values.push(Number(data.slice(i, i + 2))); i += 2; continue; }
      set = 'B'; values.push(CODE_B);
    }
    const run = digitsAt(i);
    // Switching to C costs a symbol: worth it for 6 digits inside the data, 4 at its end.
    const even = run - (run % 2);
    if (run >= 6 || (run >= 4 && i + run === data.length)) {
      // An odd run keeps its first digit in B so that C starts on a pair.
      if (run % 2 === 1) { values.push(data.charCodeAt(i) - 32); i++; }
      set = 'C'; values.push(CODE_C);
      for (let k = 0; k < even; k += 2) { values.push(Number(data.slice(i, i + 2))); i += 2; }
      continue;
    }
    values.push(data.charCodeAt(i) - 32);
    i++;
  }
  let sum = values[0];
  for (let k = 1; k < values.length; k++) sum += values[k] * k;
  values.push(sum % 103, STOP);
  return values;
}

/** Code 128 of printable ASCII text, with its modulo-103 check symbol. */
export function code128(data: string): LinearBarcode {
  const values = code128Values(data);
  const widths = values.flatMap((v) => [...C128[v]].map(Number));
  return { symbology: 'code128', widths, modules: widths.reduce((s, w) => s + w, 0), quiet: 10, text: data };
}

/** Encodes `data` in the symbology asked. */
export function linearBarcode(symbology: 'ean13' | 'code128', data: string): LinearBarcode {
  return symbology === 'ean13' ? ean13(data) : code128(data);
}
