import { describe, expect, it } from 'vitest';
import { formatAmountIn, formatMoneyIn, formatRateIn, parseDecimal, parseMoney } from './format.js';

const clean = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('parseMoney', () => {
  it.each([
    ['12,34', 1234],
    ['12.34', 1234],
    ['12', 1200],
    ['0,5', 50],
    [',5', 50],
    ['12,3', 1230],
    ['1 234,56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234', 123400],
    ['1.234.567', 123456700],
    ['12,34 €', 1234],
    ['€ 12.34', 1234],
    ['-3,50', -350],
    ['3,50-', -350],
    ['0,015', 2],
    ['2,999', 300],
    ['1,234', 123],
    ['0,004', 0],
    ['  7  ', 700],
  ])('parseMoney(%j) = %j', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it.each(['', '   ', 'abc', '12,34,56', '1.2.3', '12a', '--1', '1.23,4,5'])('rejects %j', (input) => {
    expect(parseMoney(input)).toBeNull();
  });

  it('round-trips formatted amounts', () => {
    for (const cents of [0, 1, 99, 100, 1234, 123456, -250]) {
      expect(parseMoney(formatAmountIn('fr-BE', cents))).toBe(cents);
      expect(parseMoney(formatMoneyIn('fr-BE', 'EUR', cents))).toBe(cents);
      expect(parseMoney(formatMoneyIn('nl-BE', 'EUR', cents))).toBe(cents);
      expect(parseMoney(formatMoneyIn('fr-FR', 'EUR', cents))).toBe(cents);
    }
  });
});

describe('parseDecimal', () => {
  it('parses quantities', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('0.250')).toBe(0.25);
    expect(parseDecimal('x')).toBeNull();
  });
});

describe('formatters', () => {
  it('formats money in the shop locale', () => {
    expect(clean(formatMoneyIn('fr-BE', 'EUR', 1234))).toBe('12,34 €');
    expect(clean(formatMoneyIn('fr-FR', 'EUR', 123456))).toBe('1 234,56 €');
    expect(formatMoneyIn('fr-BE', 'EUR', null)).toBe('');
  });
  it('formats VAT rates given in hundredths of percent', () => {
    expect(clean(formatRateIn('fr-BE', 2100))).toBe('21 %');
    expect(clean(formatRateIn('fr-FR', 550))).toBe('5,5 %');
    expect(formatRateIn('en-BE', 600)).toBe('6%');
  });
});
