import { describe, expect, it } from 'vitest';
import { formatStructured, invoiceCommunication, isStructured, structuredDigits } from './structured-communication.js';

describe('Belgian structured communication', () => {
  it('appends the mod-97 check, 97 when the remainder is zero', () => {
    // 1234567890 mod 97 = 2
    expect(structuredDigits(1234567890)).toBe('123456789002');
    expect(formatStructured(structuredDigits(1234567890))).toBe('+++123/4567/89002+++');
    // 97 × 10 = 970 → remainder 0 → check 97
    expect(structuredDigits(970)).toBe('000000097097');
  });

  it('numbers an invoice from its year and number in the series', () => {
    // 2600000001 mod 97 = 2600000001 − 97 × 26804123 = 2600000001 − 2599999931 = 70
    expect(invoiceCommunication(2026, 1)).toBe('260000000170');
    expect(formatStructured(invoiceCommunication(2026, 1))).toBe('+++260/0000/00170+++');
  });

  it('recognises a valid communication and refuses a wrong check', () => {
    expect(isStructured('+++260/0000/00170+++')).toBe(true);
    expect(isStructured('260000000170')).toBe(true);
    expect(isStructured('+++260/0000/00171+++')).toBe(false);
    expect(isStructured('+++000/0000/00097+++')).toBe(false);
  });

  it('refuses bases out of range', () => {
    expect(() => structuredDigits(0)).toThrow(RangeError);
    expect(() => structuredDigits(10_000_000_000)).toThrow(RangeError);
    expect(() => invoiceCommunication(2026, 0)).toThrow(RangeError);
  });
});
