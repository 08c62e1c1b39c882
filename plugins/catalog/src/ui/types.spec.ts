import { describe, expect, it } from 'vitest';
import { detectBarcodeKind, familyTotals, familyTree } from './types.js';

describe('catalog UI helpers', () => {
  it('detects barcode kinds', () => {
    expect(detectBarcodeKind('5449000000996')).toBe('ean13');
    expect(detectBarcodeKind('96385074')).toBe('ean8');
    expect(detectBarcodeKind('036000291452')).toBe('upca');
    expect(detectBarcodeKind('INT-42')).toBe('internal');
    expect(detectBarcodeKind('12345')).toBe('internal');
  });

  it('orders families as a tree', () => {
    const tree = familyTree([
      { id: 2, code: 'SOFT', name: 'Sodas', parentId: 1 },
      { id: 4, code: 'EPI', name: 'Épicerie', parentId: null },
      { id: 1, code: 'BOI', name: 'Boissons', parentId: null },
      { id: 3, code: 'BIER', name: 'Bières', parentId: 1 },
      { id: 9, code: 'ORPH', name: 'Orpheline', parentId: 99 },
    ]);
    expect(tree.map((x) => `${x.depth}:${x.family.code}`)).toEqual(['0:BOI', '1:BIER', '1:SOFT', '0:EPI', '0:ORPH']);
  });

  it('counts the articles of a family with its sub-families', () => {
    const totals = familyTotals([
      { id: 1, code: 'BOI', name: 'Boissons', parentId: null, articles: 2 },
      { id: 2, code: 'BIE', name: 'Bières', parentId: 1, articles: 10 },
      { id: 3, code: 'TRA', name: 'Trappistes', parentId: 2, articles: 5 },
      { id: 4, code: 'EAU', name: 'Eaux', parentId: 1 },
      { id: 5, code: 'X', name: 'Boucle', parentId: 6, articles: 1 },
      { id: 6, code: 'Y', name: 'Boucle', parentId: 5, articles: 1 },
    ]);
    expect(Object.fromEntries(totals)).toMatchObject({ 1: 17, 2: 15, 3: 5, 4: 0 });
    // A (corrupt) cycle does not loop forever.
    expect(totals.get(5)).toBeGreaterThan(0);
  });
});
