/** Catalogue API types (as served under /api/catalog). Amounts in cents incl. VAT; VAT rates in hundredths of percent. */

export type Unit = 'piece' | 'kg' | 'litre';
export const UNITS: readonly Unit[] = ['piece', 'kg', 'litre'];

export type BarcodeKind = 'ean13' | 'ean8' | 'upca' | 'internal';
export const BARCODE_KINDS: readonly BarcodeKind[] = ['ean13', 'ean8', 'upca', 'internal'];

export interface Barcode {
  code: string;
  kind: BarcodeKind;
}

export interface Article {
  id: number;
  code: string;
  name: string;
  description: string;
  familyId: number | null;
  familyName?: string;
  unit: Unit;
  vatCategory: string;
  vatRate: number;
  barcodes: Barcode[];
  price: number | null;
  active: boolean;
  version: number;
}

export interface Family {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  /** As served by GET /catalog/families: "Boissons > Bières belges". */
  path?: string;
  /** Articles directly in this family (not in its sub-families). */
  articles?: number;
  version?: number;
}

/** Each family's article count including its sub-families (what the articles list shows when filtered by the family). */
export function familyTotals(families: Family[]): Map<number, number> {
  const children = new Map<number, Family[]>();
  for (const f of families) {
    if (f.parentId === null) continue;
    if (!children.has(f.parentId)) children.set(f.parentId, []);
    children.get(f.parentId)!.push(f);
  }
  const totals = new Map<number, number>();
  const total = (f: Family, seen: Set<number>): number => {
    const known = totals.get(f.id);
    if (known !== undefined) return known;
    seen.add(f.id);
    let n = f.articles ?? 0;
    for (const c of children.get(f.id) ?? []) if (!seen.has(c.id)) n += total(c, seen);
    totals.set(f.id, n);
    return n;
  };
  for (const f of families) total(f, new Set());
  return totals;
}

export interface VatCategory {
  code: string;
  rate: number;
  name: string;
}

export type PartyKind = 'customer' | 'supplier';

export interface Party {
  id: number;
  code: string;
  name: string;
  /** Customers only. */
  kind?: 'person' | 'company';
  street: string;
  postalCode: string;
  city: string;
  country: string;
  vatNumber: string;
  /** Customers only. */
  language?: 'fr' | 'nl' | 'en';
  email: string;
  phone: string;
  active: boolean;
  version: number;
}

/** Guess the kind of a barcode from its digits. */
export function detectBarcodeKind(code: string): BarcodeKind {
  if (/^[0-9]{13}$/.test(code)) return 'ean13';
  if (/^[0-9]{8}$/.test(code)) return 'ean8';
  if (/^[0-9]{12}$/.test(code)) return 'upca';
  return 'internal';
}

/** Families sorted as a tree (parent then children), with their depth. */
export function familyTree(families: Family[]): { family: Family; depth: number }[] {
  const byParent = new Map<number | null, Family[]>();
  const ids = new Set(families.map((f) => f.id));
  for (const f of families) {
    const parent = f.parentId !== null && ids.has(f.parentId) ? f.parentId : null;
    if (!byParent.has(parent)) byParent.set(parent, []);
    byParent.get(parent)!.push(f);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const out: { family: Family; depth: number }[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const f of byParent.get(parent) ?? []) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({ family: f, depth });
      walk(f.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
