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

describe('rowsVersion tells apart edits that touch one field only', () => {
  it('a first day moved by one day, or the last day alone', () => {
    const v = rowsVersion([base, brk]);
    expect(rowsVersion([base, { ...brk, validFrom: '2026-12-02' }])).not.toBe(v);
    expect(rowsVersion([{ ...base, validFrom: '2026-01-01' }, brk])).not.toBe(v);
    expect(rowsVersion([base, { ...brk, validTo: '2026-12-30' }])).not.toBe(v);
  });

  it('a period whose first and last days are swapped', () => {
    const period = { ...base, validFrom: '2026-06-01', validTo: null };
    expect(rowsVersion([period])).not.toBe(rowsVersion([{ ...base, validFrom: null, validTo: '2026-06-01' }]));
  });

  it('values that would read the same run together', () => {
    expect(rowsVersion([{ ...base, id: 1, minQuantity: 12 }])).not.toBe(rowsVersion([{ ...base, id: 11, minQuantity: 2 }]));
    expect(rowsVersion([{ ...base, unitPrice: 1, validFrom: '2026-06-01' }])).not.toBe(rowsVersion([{ ...base, unitPrice: 12, validFrom: '026-06-01' }]));
    expect(rowsVersion([{ ...base, id: 1 }, { ...base, id: 2 }])).not.toBe(rowsVersion([{ ...base, id: 12 }]));
  });

  it('is the FNV-1a hash of the rows as text, so that the screen and the server agree', () => {
    // Computed apart (Python) over "7:0:149::" and "7:0:149::|9:24000:129:2026-12-01:2026-12-31".
    expect(rowsVersion([base])).toBe(0xbc584cde);
    expect(rowsVersion([brk, base])).toBe(0x839f653a);
  });
});
