import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MoneyError } from './errors.js';
import { formatMoney, formatQuantity, formatRate, parseMoney, parseQuantity } from './format.js';

/** Runs `fn` and returns the MoneyError code it throws (undefined when it does not throw). */
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return undefined;
}

// What Node's ICU prints: French groups digits with U+202F (narrow no-break space)
// and puts U+00A0 (no-break space) before "€" and "%".
const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('formatMoney', () => {
  it.each([
    [123450, 'fr-BE', `1${NNBSP}234,50${NBSP}€`],
    [123450, 'fr-FR', `1${NNBSP}234,50${NBSP}€`],
    [123450, 'nl-BE', `€${NBSP}1.234,50`],
    [123450, 'en-US', '€1,234.50'],
    [-300, 'fr-BE', `-3,00${NBSP}€`],
    [-300, 'nl-BE', `€${NBSP}-3,00`],
    [-300, 'en-US', '-€3.00'],
    [5, 'fr-BE', `0,05${NBSP}€`],
    [-5, 'fr-BE', `-0,05${NBSP}€`],
    [0, 'fr-BE', `0,00${NBSP}€`],
    [-0, 'fr-BE', `0,00${NBSP}€`],
    [100, 'fr-BE', `1,00${NBSP}€`],
    [123456789, 'fr-BE', `1${NNBSP}234${NNBSP}567,89${NBSP}€`],
  ])('formats %i cents in %s as %j', (cents, locale, expected) => {
    expect(formatMoney(cents, locale)).toBe(expected);
  });

  it('prints the largest safe amount to the cent (a float would print …409,90)', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'fr-BE')).toBe(
      `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€`,
    );
  });

  it('uses the requested currency', () => {
    expect(formatMoney(1234, 'en-US', 'USD')).toBe('$12.34');
    expect(formatMoney(1234, 'fr-FR', 'CHF')).toBe(`12,34${NBSP}CHF`);
  });

  it('rejects bad amounts, locales and currencies', () => {
    expect(codeOf(() => formatMoney(12.5, 'fr-BE'))).toBe('MONEY_NOT_INTEGER');
    expect(codeOf(() => formatMoney(2 ** 53, 'fr-BE'))).toBe('MONEY_UNSAFE');
    expect(codeOf(() => formatMoney(100, 'not a locale!'))).toBe('FORMAT_INVALID');
    expect(codeOf(() => formatMoney(100, 'fr-BE', 'EURO'))).toBe('FORMAT_INVALID');
    expect(() => formatMoney(100, 'fr-BE', 'EURO')).toThrow(/currency "EURO"/);
  });
});

describe('formatQuantity', () => {
  it.each([
    [1250, 'fr-BE', 3, '1,25'],
    [1000, 'fr-BE', 3, '1'],
    [1, 'fr-BE', 3, '0,001'],
    [0, 'fr-BE', 3, '0'],
    [-500, 'fr-BE', 3, '-0,5'],
    [12345678, 'fr-BE', 3, `12${NNBSP}345,678`],
    [12345678, 'nl-BE', 3, '12.345,678'],
    [12345678, 'en-US', 3, '12,345.678'],
    [1255, 'fr-BE', 2, '1,26'],
    [-1255, 'fr-BE', 2, '-1,26'],
    [1254, 'fr-BE', 2, '1,25'],
    [1500, 'fr-BE', 0, '2'],
    [-1500, 'fr-BE', 0, '-2'],
  ])('formats %i thousandths in %s with at most %i decimals as %j', (milli, locale, digits, expected) => {
    expect(formatQuantity(milli, locale, digits)).toBe(expected);
  });

  it('shows 3 decimals at most by default', () => {
    expect(formatQuantity(1234, 'fr-BE')).toBe('1,234');
  });

  it('rejects bad input', () => {
    expect(codeOf(() => formatQuantity(1.5, 'fr-BE'))).toBe('QUANTITY_INVALID');
    expect(codeOf(() => formatQuantity(1000, 'fr-BE', 4))).toBe('FORMAT_INVALID');
    expect(codeOf(() => formatQuantity(1000, 'fr-BE', -1))).toBe('FORMAT_INVALID');
  });
});

describe('formatRate', () => {
  it.each([
    [2100, 'fr-BE', `21${NBSP}%`],
    [550, 'fr-BE', `5,5${NBSP}%`],
    [210, 'fr-FR', `2,1${NBSP}%`],
    [0, 'fr-BE', `0${NBSP}%`],
    [1, 'fr-BE', `0,01${NBSP}%`],
    [10000, 'fr-BE', `100${NBSP}%`],
    [550, 'nl-BE', '5,5%'],
    [550, 'en-US', '5.5%'],
  ])('formats %i bp in %s as %j', (bp, locale, expected) => {
    expect(formatRate(bp, locale)).toBe(expected);
  });

  it('rejects rates that are not whole basis points', () => {
    expect(codeOf(() => formatRate(5.5, 'fr-BE'))).toBe('RATE_INVALID');
    expect(codeOf(() => formatRate(-100, 'fr-BE'))).toBe('RATE_INVALID');
  });
});

describe('parseMoney', () => {
  it.each([
    ['12,34', 1234],
    ['12.34', 1234],
    ['1 234,5', 123450],
    ['-3', -300],
    ['+3', 300],
    ['0,05', 5],
    ['12,3', 1230],
    ['  7  ', 700],
    [`1${NNBSP}234,50`, 123450],
    [`1${NBSP}234,50`, 123450],
    ['1 234 567', 123456700],
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['12,34 €', 1234],
    [`12,34${NBSP}€`, 1234],
    ['€12.34', 1234],
    ['€ -3,00', -300],
    ['-€3.00', -300],
    ['\u22123,00', -300],
    ['007', 700],
    ['90071992547409,91', Number.MAX_SAFE_INTEGER],
    ['-90071992547409,91', -Number.MAX_SAFE_INTEGER],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it('reads "-0" as 0, not -0', () => {
    expect(Object.is(parseMoney('-0'), 0)).toBe(true);
  });

  it.each([
    '',
    '   ',
    'abc',
    '12,345',
    '1.234',
    '0,001',
    '12,34,5',
    '1 23,45',
    '12 34',
    '12.',
    ',5',
    '--3',
    '+-3',
    '3-',
    '1e3',
    '0x10',
    'Infinity',
    'NaN',
    '-',
    '€',
    '€12€',
    '12 $',
    '1.234.567',
    '1,234,567',
    '1.234,567',
  ])('rejects %j with MONEY_PARSE', (text) => {
    expect(codeOf(() => parseMoney(text))).toBe('MONEY_PARSE');
  });

  it('rejects values that are not text', () => {
    expect(codeOf(() => parseMoney(12 as unknown as string))).toBe('MONEY_PARSE');
  });

  it('explains the problem to a person', () => {
    expect(() => parseMoney('12,345')).toThrow('Cannot read "12,345" as an amount of money: it has more than 2 decimals.');
    expect(() => parseMoney('abc')).toThrow(/Cannot read "abc" as an amount of money/);
  });

  it('rejects amounts beyond the safe range with MONEY_UNSAFE', () => {
    expect(codeOf(() => parseMoney('90071992547409,92'))).toBe('MONEY_UNSAFE');
  });

  it('reads back any amount formatted by formatMoney', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.maxSafeInteger(), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: 0 })),
        fc.constantFrom('fr-BE', 'fr-FR', 'nl-BE', 'en-US', 'de-DE'),
        (cents, locale) => {
          expect(parseMoney(formatMoney(cents, locale))).toBe(cents);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['1,234', 'en-US', 123400],
    ['1.234', 'nl-BE', 123400],
    ['1.234,5', 'nl-BE', 123450],
    ['12,34', 'fr-BE', 1234],
    ['12.34', 'fr-BE', 1234],
  ])('reads %j typed in %s as %i cents', (text, locale, cents) => {
    expect(parseMoney(text, locale)).toBe(cents);
  });

  it('reads back any amount formatted by formatMoney when told the locale', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.maxSafeInteger()),
        fc.constantFrom('fr-BE', 'fr-FR', 'nl-BE', 'en-US', 'de-DE'),
        (cents, locale) => {
          expect(parseMoney(formatMoney(cents, locale), locale)).toBe(cents);
        },
      ),
    );
  });

  it('reads plain decimal text built from whole euros and cents', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(',', '.'),
        (negative, euros, cents, separator) => {
          const text = `${negative ? '-' : ''}${euros}${separator}${String(cents).padStart(2, '0')}`;
          const expected = (negative ? -1 : 1) * (euros * 100 + cents);
          expect(parseMoney(text)).toBe(expected === 0 ? 0 : expected);
        },
      ),
    );
  });
});

describe('parseQuantity', () => {
  it.each([
    ['1,250', 1250],
    ['1.25', 1250],
    ['2', 2000],
    ['0,001', 1],
    ['-0,5', -500],
    ['1 000', 1_000_000],
    ['1.000,5', 1_000_500],
  ])('reads %j as %i thousandths', (text, milli) => {
    expect(parseQuantity(text)).toBe(milli);
  });

  it.each(['1,2345', 'abc', '', '€1', '1 €', '1,2,3', '9007199254740,992'])('rejects %j with QUANTITY_PARSE', (text) => {
    expect(codeOf(() => parseQuantity(text))).toBe('QUANTITY_PARSE');
  });

  it('explains the problem to a person', () => {
    expect(() => parseQuantity('1,2345')).toThrow('Cannot read "1,2345" as a quantity: it has more than 3 decimals.');
  });

  it('without a locale, a lone comma or point is the decimal separator', () => {
    expect(parseQuantity('1,250')).toBe(1250);
    expect(parseQuantity('1.250')).toBe(1250);
  });

  it.each([
    ['1,250', 'fr-BE', 1250],
    ['1.250', 'fr-BE', 1250],
    [`1${NNBSP}250`, 'fr-BE', 1_250_000],
    ['1,250', 'en-US', 1_250_000],
    ['1.25', 'en-US', 1250],
    ['1.250', 'nl-BE', 1_250_000],
    ['1,25', 'nl-BE', 1250],
    ["1'250.5", 'de-CH', 1_250_500],
  ])('reads %j typed in %s as %i thousandths', (text, locale, milli) => {
    expect(parseQuantity(text, locale)).toBe(milli);
  });

  it.each([
    ['1,25', 'en-US'],
    ['1.25', 'nl-BE'],
    ['1,2345', 'fr-BE'],
    ['1.250,5', 'en-US'],
  ])('rejects %j typed in %s', (text, locale) => {
    expect(codeOf(() => parseQuantity(text, locale))).toBe('QUANTITY_PARSE');
  });

  it('reports an invalid locale as FORMAT_INVALID', () => {
    expect(codeOf(() => parseQuantity('1', 'not a locale!'))).toBe('FORMAT_INVALID');
  });

  it('reads back any quantity formatted by formatQuantity in the same locale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.constantFrom('fr-BE', 'fr-FR', 'nl-BE', 'en-US', 'de-DE', 'de-CH'),
        (milli, locale) => {
          expect(parseQuantity(formatQuantity(milli, locale), locale)).toBe(milli);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back French-formatted quantities without being told the locale', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.constantFrom('fr-BE', 'fr-FR'), (milli, locale) => {
        expect(parseQuantity(formatQuantity(milli, locale))).toBe(milli);
      }),
    );
  });
});
