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

describe('days in the shop’s locale', () => {
  it('writes a day in the locale’s order, not the browser’s', async () => {
    const { formatDayIn } = await import('./format.js');
    expect(formatDayIn('fr-BE', '2026-03-07')).toBe('07/03/2026');
    expect(formatDayIn('nl-BE', '2026-03-07')).toBe('07/03/2026');
    expect(formatDayIn('en-US', '2026-03-07')).toBe('03/07/2026');
    expect(formatDayIn('fr-BE', '')).toBe('');
  });

  it('reads a typed day in the locale’s order, or in ISO order, and refuses what is not a day', async () => {
    const { parseDayIn } = await import('./format.js');
    expect(parseDayIn('fr-BE', '7/3/2026')).toBe('2026-03-07');
    expect(parseDayIn('nl-BE', '07-03-26')).toBe('2026-03-07');
    expect(parseDayIn('en-US', '3/7/2026')).toBe('2026-03-07');
    expect(parseDayIn('fr-BE', '2026-03-07')).toBe('2026-03-07');
    expect(parseDayIn('fr-BE', '31/02/2026')).toBeNull();
    expect(parseDayIn('fr-BE', 'demain')).toBeNull();
    expect(parseDayIn('fr-BE', '7/3')).toBeNull();
  });
});
