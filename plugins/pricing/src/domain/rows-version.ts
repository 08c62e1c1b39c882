/**
 * The version of an article's prices in one list, for `PUT /prices/articles/:articleId/lists/:listCode`.
 *
 * List prices have no version column: the version of a set of rows is a fingerprint of what they hold (ids,
 * thresholds, prices, periods), whatever their order. A row added, deleted or changed since the client read the
 * rows changes it. The server computes it from the rows it holds and the screen from the rows it was given, with
 * this one function (it has no imports so that the browser bundle can use it too).
 */
export interface VersionedRow {
  id: number;
  minQuantity: number;
  unitPrice: number;
  validFrom: string | null;
  validTo: string | null;
}

/** FNV-1a (32 bits) of the rows sorted by id: an integer from 0 to 4 294 967 295. */
export function rowsVersion(rows: readonly VersionedRow[]): number {
  const text = [...rows]
    .sort((a, b) => a.id - b.id)
    .map((r) => `${r.id}:${r.minQuantity}:${r.unitPrice}:${r.validFrom ?? ''}:${r.validTo ?? ''}`)
    .join('|');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
