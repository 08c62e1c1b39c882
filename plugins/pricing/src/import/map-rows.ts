/** From a file's cells to an article row: each field parsed and checked, every problem of the row named. */
import { findVatCategory, validateBarcode, vatCategoriesFor, type ArticleUnit, type BarcodeKind } from '@comptoir/catalog';
import type { ContentUnit } from '../domain/index.js';
import { barcodeFailureText, type T3 } from '../messages.js';
import { parseContent } from '../content.js';
import { CODE_RE, MAX_PRICE, MAX_QUANTITY } from '../services/validate.js';
import { R } from './import-messages.js';
import type { Cell } from './read-table.js';

export const IMPORT_FIELDS = [
  'code', 'barcode', 'name', 'familyCode', 'vatCategory', 'unit', 'purchasePrice', 'retailPrice', 'wholesalePrice', 'packBarcode', 'packQuantity', 'content',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Field → the header of the column that holds it. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/** One row of the file, read: absent fields keep the article's current value. */
export interface MappedRow {
  row: number;
  code?: string;
  barcode?: { code: string; kind: BarcodeKind };
  name?: string;
  familyCode?: string;
  vatCategory?: string;
  unit?: ArticleUnit;
  /** Cents, VAT excluded. */
  purchasePrice?: number;
  /** Cents, VAT included (the catalogue's price). */
  retailPrice?: number;
  /** Cents, VAT excluded. */
  wholesalePrice?: number;
  pack?: { barcode: { code: string; kind: BarcodeKind }; quantity: number };
  content?: { quantity: number; unit: ContentUnit };
}

export interface ReadOptions {
  decimalSeparator: ',' | '.';
  country: string;
}

const UNITS: Record<string, ArticleUnit> = {
  piece: 'piece', pièce: 'piece', pieces: 'piece', pièces: 'piece', pc: 'piece', pce: 'piece', pcs: 'piece', p: 'piece', u: 'piece', un: 'piece', unite: 'piece', unité: 'piece',
  st: 'piece', stuk: 'piece', stuks: 'piece', each: 'piece', ea: 'piece', unit: 'piece',
  kg: 'kg', kilo: 'kg', kilogramme: 'kg', kilogram: 'kg',
  l: 'litre', lt: 'litre', ltr: 'litre', litre: 'litre', litres: 'litre', liter: 'litre', liters: 'litre',
};

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : typeof c === 'number' ? String(c) : c.trim());

/**
 * An amount in cents: "1,49", "1.234,50 €", 1.49 (a spreadsheet number). `round`: more than 2 decimals are
 * rounded half-up (purchase prices are often quoted to the tenth of a cent); otherwise refused.
 */
export function parseAmount(c: Cell, decimalSeparator: ',' | '.', round: boolean): number | 'invalid' | 'decimals' {
  let s: string;
  if (typeof c === 'number') s = Number.isFinite(c) ? c.toFixed(6).replace(/\.?0+$/, '') : 'x';
  else {
    const thousands = decimalSeparator === ',' ? '.' : ',';
    s = String(c).replace(/[\s\u00A0\u202F€]|EUR/gi, '').split(thousands).join('').replace(decimalSeparator, '.');
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return 'invalid';
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2 && !round) return 'decimals';
  const whole = BigInt(m[1]) * 100n;
  const frac = (m[2] ?? '').padEnd(3, '0');
  const cents = whole + BigInt(frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1n : 0n);
  return cents > BigInt(MAX_PRICE) ? 'invalid' : Number(cents);
}

/** A count in thousandths: "24", "1,5", 24. */
function parseThousandths(c: Cell, decimalSeparator: ',' | '.'): number | null {
  const s = typeof c === 'number' ? String(c) : String(c).replace(/\s/g, '').replace(decimalSeparator, '.');
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return v > 0 && v <= MAX_QUANTITY ? v : null;
}

/** 'BE-21', '21', '21 %', 0.21 (a percent cell), '5,5' → the country's VAT category code. */
function parseVat(c: Cell, country: string): string | null {
  const s = text(c);
  const byCode = findVatCategory(s.toUpperCase());
  if (byCode && vatCategoriesFor(country).includes(byCode)) return byCode.code;
  let rate = typeof c === 'number' ? c : Number(s.replace(/%/g, '').replace(',', '.').trim());
  if (!Number.isFinite(rate) || s === '') return null;
  if (typeof c === 'number' && rate > 0 && rate < 1) rate *= 100;
  const bp = Math.round(rate * 100);
  return vatCategoriesFor(country).find((v) => v.rate === bp)?.code ?? null;
}

/** Reads one row; `columns` gives each mapped field's column index. */
export function mapRow(row: number, cells: Cell[], columns: Partial<Record<ImportField, number>>, opts: ReadOptions): { ok: true; value: MappedRow } | { ok: false; reasons: T3[] } {
  const reasons: T3[] = [];
  const out: MappedRow = { row };
  const get = (f: ImportField): Cell | undefined => {
    const i = columns[f];
    if (i === undefined) return undefined;
    const v = cells[i];
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : v;
  };
  const code = get('code');
  if (code !== undefined) {
    if (!CODE_RE.test(text(code))) reasons.push(R.code(text(code)));
    else out.code = text(code);
  }
  const barcode = (f: 'barcode' | 'packBarcode') => {
    const v = get(f);
    if (v === undefined) return undefined;
    const res = validateBarcode(text(v));
    if (!res.ok) {
      reasons.push(barcodeFailureText(res, text(v)));
      return undefined;
    }
    return { code: res.normalized, kind: res.kind };
  };
  out.barcode = barcode('barcode');
  const name = get('name');
  if (name !== undefined) {
    if (text(name).length > 200) reasons.push(R.nameTooLong);
    else out.name = text(name).replace(/\s+/g, ' ');
  }
  if (get('familyCode') !== undefined) out.familyCode = text(get('familyCode'));
  const vat = get('vatCategory');
  if (vat !== undefined) {
    const category = parseVat(vat, opts.country);
    if (!category) reasons.push(R.vat(text(vat), opts.country));
    else out.vatCategory = category;
  }
  const unit = get('unit');
  if (unit !== undefined) {
    const u = UNITS[text(unit).toLowerCase().replace(/\.$/, '')];
    if (!u) reasons.push(R.unit(text(unit)));
    else out.unit = u;
  }
  for (const f of ['purchasePrice', 'retailPrice', 'wholesalePrice'] as const) {
    const v = get(f);
    if (v === undefined) continue;
    const cents = parseAmount(v, opts.decimalSeparator, f === 'purchasePrice');
    if (cents === 'invalid') reasons.push(R.amount(f, text(v)));
    else if (cents === 'decimals') reasons.push(R.cents(f, text(v)));
    else out[f] = cents;
  }
  const packBarcode = barcode('packBarcode');
  const packQuantity = get('packQuantity');
  if (packBarcode || packQuantity !== undefined) {
    const q = packQuantity === undefined ? null : parseThousandths(packQuantity, opts.decimalSeparator);
    if (packQuantity !== undefined && q === null) reasons.push(R.quantity(text(packQuantity)));
    else if (!packBarcode || q === null) {
      if (get('packBarcode') === undefined || packQuantity === undefined) reasons.push(R.packIncomplete);
    } else out.pack = { barcode: packBarcode, quantity: q };
  }
  const content = get('content');
  if (content !== undefined) {
    const parsed = typeof content === 'string' ? parseContent(content) : null;
    if (!parsed) reasons.push(R.content(text(content)));
    else out.content = parsed;
  }
  if (!out.code && !out.barcode && !reasons.length) reasons.push(R.noCode);
  return reasons.length ? { ok: false, reasons } : { ok: true, value: out };
}
