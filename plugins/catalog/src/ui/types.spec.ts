import { describe, expect, it } from 'vitest';
import { detectBarcodeKind, familyTree } from './types.js';

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
});
