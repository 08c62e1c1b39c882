import { describe, expect, it } from 'vitest';
import { rowsVersion } from './rows-version.js';

const base = { id: 7, minQuantity: 0, unitPrice: 149, validFrom: null, validTo: null };
const brk = { id: 9, minQuantity: 24000, unitPrice: 129, validFrom: '2026-12-01', validTo: '2026-12-31' };

describe('rowsVersion', () => {
  it('is the same for the same rows in any order, and a non-negative 32-bit integer', () => {
    const v = rowsVersion([base, brk]);
    expect(rowsVersion([brk, base])).toBe(v);
    expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff).toBe(true);
    expect(rowsVersion([])).toBe(0x811c9dc5);
  });

  it('changes when a row is added, deleted or changed in any value', () => {
    const v = rowsVersion([base, brk]);
    const others = [
      [base], [base, brk, { ...base, id: 11, minQuantity: 6000 }], [{ ...base, id: 8 }, brk], [{ ...base, minQuantity: 1000 }, brk],
      [{ ...base, unitPrice: 150 }, brk], [base, { ...brk, validFrom: null }], [base, { ...brk, validTo: '2027-01-01' }],
    ];
    for (const rows of others) expect(rowsVersion(rows)).not.toBe(v);
  });
});
