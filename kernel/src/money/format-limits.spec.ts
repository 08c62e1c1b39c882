import { describe, it, expect } from 'vitest';
import { MoneyError } from './errors.js';
import { formatMoney, formatQuantity, parseMoney, parseQuantity } from './format.js';

// What a person reads when an amount or a quantity cannot be typed, read or shown, word for word, and the edges
// of what is read. The engine's own words (Intl's RangeError) are matched loosely: they change with Node.

/** The MoneyError `fn` throws. */
function errorOf(fn: () => unknown): MoneyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MoneyError) return error;
    throw error;
  }
  throw new Error('expected a MoneyError, nothing was thrown');
}

const MONEY_EXAMPLE = 'expected digits with an optional decimal comma or point (e.g. 12,34 or 1 234.50)';

describe('formatting refused', () => {
  it('names the locale and the currency it cannot format, and keeps the cause', () => {
    const error = errorOf(() => formatMoney(100, 'fr-BE', 'EURO'));
    expect(error.code).toBe('FORMAT_INVALID');
    expect(error.message).toMatch(/^Cannot format numbers for locale "fr-BE" and currency "EURO": .+\.$/);
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(errorOf(() => parseQuantity('1', 'pas une langue!')).message).toMatch(/^Cannot format numbers for locale "pas une langue!": [^"]+\.$/);
  });

  it.each([4, -1, 1.5, Number.NaN])('shows a quantity with 0 to 3 decimals only, not %s', (digits) => {
    const error = errorOf(() => formatQuantity(1250, 'fr-BE', digits));
    expect([error.code, error.message]).toEqual(['FORMAT_INVALID', `A quantity can be shown with 0 to 3 decimals, got ${digits}.`]);
  });
});

describe('parseMoney explains each refusal', () => {
  it.each([
    [12, 'Cannot read 12 as an amount of money: it is not text.'],
    ['--3', 'Cannot read "--3" as an amount of money: it has more than one sign.'],
    ['€3 €', 'Cannot read "€3 €" as an amount of money: it has more than one currency symbol.'],
    ['€', 'Cannot read "€" as an amount of money: there is no number.'],
    ['  ', 'Cannot read "  " as an amount of money: there is no number.'],
    ['12-', `Cannot read "12-" as an amount of money: ${MONEY_EXAMPLE}.`],
    ['1 234\u00A0567', `Cannot read "1 234\u00A0567" as an amount of money: ${MONEY_EXAMPLE}.`],
    ['99999999999999999', 'The amount (9999999999999999900 cents) is too large to be handled safely (limit ±9007199254740991 cents).'],
  ])('%j', (text, message) => {
    expect(() => parseMoney(text as string)).toThrow(message);
  });

  it('reads a sign followed by a space, and the minus sign of typography', () => {
    expect(parseMoney('- 3,50')).toBe(-350);
    expect(parseMoney('\u22123,50')).toBe(-350);
    expect(parseMoney('+ 3')).toBe(300);
    expect(parseMoney('€ - 3')).toBe(-300);
  });

  it('reads digits grouped by any kind of space, without a locale', () => {
    expect(parseMoney('1 234,50')).toBe(123450);
    expect(parseMoney('1\u00A0234\u00A0567,50')).toBe(123456750);
    expect(parseMoney('1\u202F234.5')).toBe(123450);
    expect(parseMoney('1\u2009234')).toBe(123400);
  });

  it('reads the decimal separators a locale allows besides its own', () => {
    expect(parseMoney('12.50', 'fr-BE')).toBe(1250);
    expect(parseMoney('12,50', 'de-CH')).toBe(1250);
    expect(parseMoney("1'234.50", 'de-CH')).toBe(123450);
    // A locale whose decimal separator is neither a point nor a comma.
    expect(parseQuantity('1\u066B5', 'ar-EG')).toBe(1500);
  });

  it('never takes a letter or a digit for a separator', () => {
    // fr-LU is read here first: its grammar is built (and cached) by this very test.
    expect(() => parseMoney('12e50', 'fr-LU')).toThrow(`Cannot read "12e50" as an amount of money: ${MONEY_EXAMPLE}.`);
    expect(() => parseMoney('1 23415', 'fr-LU')).toThrow(`Cannot read "1 23415" as an amount of money: ${MONEY_EXAMPLE}.`);
    expect(parseMoney('1 234,15', 'fr-LU')).toBe(123415);
  });
});

describe('parseQuantity', () => {
  it('gives its own example when it cannot read the text', () => {
    expect(() => parseQuantity('trois')).toThrow('Cannot read "trois" as a quantity: expected digits with an optional decimal comma or point (e.g. 1,250).');
  });

  it('reads up to the largest safe quantity either way, and no further', () => {
    expect(parseQuantity('9007199254740.991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseQuantity('-9007199254740.991')).toBe(-Number.MAX_SAFE_INTEGER);
    for (const text of ['9007199254740.992', '-9007199254740.992']) {
      const error = errorOf(() => parseQuantity(text));
      expect([error.code, error.message]).toEqual(['QUANTITY_PARSE', `Cannot read "${text}" as a quantity: it is too large.`]);
    }
  });
});
