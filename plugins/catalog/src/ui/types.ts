/**
 * The catalogue's API as the screens read it (under /api/catalog). The shapes are the server's own types,
 * imported as types only: nothing of the server is bundled into the browser modules, and a field the server
 * renames breaks the UI's type check instead of the shop's screen. Amounts in cents incl. VAT; VAT rates in
 * hundredths of percent.
 */
import type { ArticleView, FamilyView, PartyView } from '../index.js';
import type { ArticleUnit } from '../entities/index.js';
import type { BarcodeKind, VatCategoryView } from '../domain/index.js';

// Pure domain code (no server dependency) that the screens run as well.
export { BARCODE_KINDS, detectBarcodeKind } from '../domain/barcodes.js';

export type Unit = ArticleUnit;
/** The sale units in the order the editor offers them (the entity's list, which lives with server code). */
export const UNITS: readonly Unit[] = ['piece', 'kg', 'litre'];

export type { BarcodeKind };
export type Barcode = ArticleView['barcodes'][number];
export type Article = ArticleView;
/** A family as GET /catalog/families sends it; the tree helpers need only its identity and parent. */
export type Family = Pick<FamilyView, 'id' | 'code' | 'name' | 'parentId'> & Partial<Pick<FamilyView, 'path' | 'articles' | 'version'>>;
export type VatCategory = VatCategoryView;
export type Party = PartyView;
export type PartyKind = 'customer' | 'supplier';

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
