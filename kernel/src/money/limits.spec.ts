import { describe, it, expect } from 'vitest';
import { MoneyError, isMoneyError } from './errors.js';
import {
  assertCents,
  assertQuantity,
  assertVatRate,
  cashRound,
  convertPrice,
  documentTotals,
  lineTotal,
  roundHalfUp,
  toSafeCents,
  vatBreakdown,
} from './money.js';
import { getCountryRules, isCountryCode } from './country.js';

// The edges of the money module and the sentences a person reads when a value is out of them: the screens and
// the problem+json answers show these messages as they are, so each one is pinned word for word.

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_N = BigInt(MAX);
const LIMIT = `(limit ±${MAX} cents)`;

/** The MoneyError `fn` throws, for its code and its message together. */
function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof MoneyError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a MoneyError, nothing was thrown');
}

describe('toSafeCents', () => {
  it('gives back every amount within the safe range, the extremes included', () => {
    expect(toSafeCents(MAX_N)).toBe(MAX);
    expect(toSafeCents(-MAX_N)).toBe(-MAX);
    expect(toSafeCents(0n)).toBe(0);
  });

  it('refuses one cent beyond the range, on the positive side and on the negative side (a refund)', () => {
    expect(errorOf(() => toSafeCents(MAX_N + 1n))).toEqual({
      code: 'MONEY_UNSAFE', message: `The amount (9007199254740992 cents) is too large to be handled safely ${LIMIT}.`,
    });
    expect(errorOf(() => toSafeCents(-MAX_N - 1n, 'refund'))).toEqual({
      code: 'MONEY_UNSAFE', message: `The refund (-9007199254740992 cents) is too large to be handled safely ${LIMIT}.`,
    });
  });
});

describe('roundHalfUp', () => {
  it('refuses to divide by zero and says what it was dividing', () => {
    expect(errorOf(() => roundHalfUp(1250n, 0n))).toEqual({ code: 'DIVISION_BY_ZERO', message: 'Cannot divide 1250 by zero.' });
  });

  it('gives 0 for 0 whatever the signs', () => {
    expect(roundHalfUp(0n, 7n)).toBe(0n);
    expect(roundHalfUp(0n, -7n)).toBe(0n);
  });
});

describe('the assertions every money function starts with', () => {
  it('names a fractional or non-number amount as not whole, and a huge one as unsafe', () => {
    expect(errorOf(() => assertCents(12.5))).toEqual({ code: 'MONEY_NOT_INTEGER', message: 'The amount must be a whole number of cents, got 12.5.' });
    expect(errorOf(() => assertCents('12'))).toEqual({ code: 'MONEY_NOT_INTEGER', message: 'The amount must be a whole number of cents, got 12.' });
    expect(errorOf(() => assertCents(2 ** 53, 'deposit'))).toEqual({
      code: 'MONEY_UNSAFE', message: `The deposit (9007199254740992 cents) is too large to be handled safely ${LIMIT}.`,
    });
    expect(() => assertCents(-MAX)).not.toThrow();
  });

  it('explains quantities in thousandths', () => {
    const message = (got: string) => `The quantity must be a whole number of thousandths (1 piece = 1000, 1.250 kg = 1250), got ${got}.`;
    expect(errorOf(() => assertQuantity(1.5))).toEqual({ code: 'QUANTITY_INVALID', message: message('1.5') });
    expect(errorOf(() => assertQuantity('1000'))).toEqual({ code: 'QUANTITY_INVALID', message: message('1000') });
    expect(errorOf(() => assertQuantity(2 ** 53))).toEqual({ code: 'QUANTITY_INVALID', message: message('9007199254740992') });
    expect(() => assertQuantity(-1250)).not.toThrow();
  });

  it('accepts VAT rates from 0 to 100 % and explains basis points otherwise', () => {
    const message = (got: string) => `A VAT rate must be a whole number of basis points between 0 and 10000 (21 % = 2100), got ${got}.`;
    expect(() => assertVatRate(0)).not.toThrow();
    expect(() => assertVatRate(10000)).not.toThrow();
    expect(errorOf(() => assertVatRate(10001))).toEqual({ code: 'RATE_INVALID', message: message('10001') });
    expect(errorOf(() => assertVatRate(-1))).toEqual({ code: 'RATE_INVALID', message: message('-1') });
    expect(errorOf(() => assertVatRate(21.5))).toEqual({ code: 'RATE_INVALID', message: message('21.5') });
    expect(errorOf(() => assertVatRate('2100'))).toEqual({ code: 'RATE_INVALID', message: message('2100') });
  });
});

describe('lineTotal, cashRound and convertPrice tell the cashier what is wrong', () => {
  it('a line', () => {
    expect(errorOf(() => lineTotal({ unitPrice: 1.5, quantity: 1000 })).message).toBe('The unit price must be a whole number of cents, got 1.5.');
    expect(errorOf(() => lineTotal({ unitPrice: 100, quantity: 1000, discountRate: 1000, discountAmount: 5 }))).toEqual({
      code: 'DISCOUNT_INVALID', message: 'A line can have a discount rate or a discount amount, not both.',
    });
    expect(errorOf(() => lineTotal({ unitPrice: 100, quantity: 1000, discountRate: 10001 })).message)
      .toBe('A discount rate must be a whole number of basis points between 0 and 10000 (10 % = 1000), got 10001.');
    expect(errorOf(() => lineTotal({ unitPrice: 100, quantity: 1000, discountAmount: -5 })).message)
      .toBe('A discount amount must be a positive whole number of cents, got -5.');
    expect(errorOf(() => lineTotal({ unitPrice: -100, quantity: 2000, discountAmount: 201 })).message)
      .toBe('The discount of 201 cents is larger than the line total of 200 cents.');
    expect(errorOf(() => lineTotal({ unitPrice: MAX, quantity: 2000 }))).toEqual({
      code: 'MONEY_UNSAFE', message: `The line total (18014398509481982 cents) is too large to be handled safely ${LIMIT}.`,
    });
  });

  it('a line worth nothing stays at nothing, whatever its sign', () => {
    expect(lineTotal({ unitPrice: 0, quantity: 3000, discountAmount: 0 })).toBe(0);
    expect(lineTotal({ unitPrice: 250, quantity: 0, discountAmount: 0 })).toBe(0);
  });

  it('a cash payment', () => {
    expect(errorOf(() => cashRound(12.5, 5)).message).toBe('The cash amount must be a whole number of cents, got 12.5.');
    expect(errorOf(() => cashRound(1233, 0))).toEqual({
      code: 'CASH_STEP_INVALID', message: 'The cash rounding step must be a positive whole number of cents, got 0.',
    });
    // The largest safe amount is odd: rounded to 2 cents it goes past the limit.
    expect(errorOf(() => cashRound(MAX, 2))).toEqual({
      code: 'MONEY_UNSAFE', message: `The cash amount (9007199254740992 cents) is too large to be handled safely ${LIMIT}.`,
    });
    expect(cashRound(MAX - 3, 5)).toEqual({ rounded: MAX - 1, difference: 2 });
  });

  it('a price converted to the other side of VAT', () => {
    expect(errorOf(() => convertPrice(9.99, 2100, 'incl')).message).toBe('The price must be a whole number of cents, got 9.99.');
    expect(errorOf(() => convertPrice(MAX, 2100, 'excl')).message)
      .toBe(`The price (10898711098236599 cents) is too large to be handled safely ${LIMIT}.`);
    expect(convertPrice(MAX, 2100, 'incl')).toBe(7443966326232224);
    expect(errorOf(() => convertPrice(999, 2100, 'gross' as 'incl'))).toEqual({
      code: 'RATE_INVALID', message: "A price is either 'incl' or 'excl' VAT, got gross.",
    });
  });
});

describe('a document too large to total', () => {
  const half = Math.floor(MAX / 2) + 1;

  it('names the line amount that is not whole', () => {
    expect(errorOf(() => vatBreakdown([{ amount: 0.5, vatRate: 2100 }], true)).message).toBe('The line amount must be a whole number of cents, got 0.5.');
  });

  it('names the rate whose base or total overflows', () => {
    expect(errorOf(() => vatBreakdown([{ amount: half, vatRate: 2100 }, { amount: half, vatRate: 2100 }], false)).message)
      .toBe(`The VAT base (9007199254740992 cents) is too large to be handled safely ${LIMIT}.`);
    expect(errorOf(() => vatBreakdown([{ amount: 8_100_000_000_000_000, vatRate: 2100 }], false)).message)
      .toBe(`The total (9801000000000000 cents) is too large to be handled safely ${LIMIT}.`);
  });

  it('names the document sum that overflows when each rate alone fits', () => {
    const lines = [{ amount: half, vatRate: 2100 }, { amount: half, vatRate: 600 }];
    expect(errorOf(() => vatBreakdown(lines, false)).message)
      .toBe(`The document base (9007199254740992 cents) is too large to be handled safely ${LIMIT}.`);
    const near = 4_000_000_000_000_000;
    // 4 840 000 000 000 000 at 21 % and 4 240 000 000 000 000 at 6 %: each fits, their sum does not.
    expect(errorOf(() => vatBreakdown([{ amount: near, vatRate: 2100 }, { amount: near, vatRate: 600 }], false)).message)
      .toBe(`The document total (9080000000000000 cents) is too large to be handled safely ${LIMIT}.`);
  });

  it('through documentTotals too', () => {
    expect(errorOf(() => documentTotals([{ unitPrice: half, quantity: 1000, vatRate: 0 }, { unitPrice: half, quantity: 1000, vatRate: 600 }], { pricesIncludeVat: true })).code)
      .toBe('MONEY_UNSAFE');
  });
});

describe('countries', () => {
  it('answers COUNTRY_UNKNOWN, not a TypeError, for a value that is not text', () => {
    expect(errorOf(() => getCountryRules(123 as unknown as string))).toEqual({
      code: 'COUNTRY_UNKNOWN', message: 'Unknown country 123: Comptoir only knows the rules of BE, FR.',
    });
    expect(errorOf(() => getCountryRules(null as unknown as string)).message).toBe('Unknown country null: Comptoir only knows the rules of BE, FR.');
  });

  it('takes only text as a country code, not an object that prints as one', () => {
    const lookalike = { toString: () => 'BE' };
    expect(isCountryCode(lookalike)).toBe(false);
    expect(errorOf(() => getCountryRules(lookalike as unknown as string)).code).toBe('COUNTRY_UNKNOWN');
  });
});

describe('isMoneyError', () => {
  it('recognises a money error, and its code when one is asked for', () => {
    const error = errorOfValue(() => lineTotal({ unitPrice: 1.5, quantity: 1000 }));
    expect(isMoneyError(error)).toBe(true);
    expect(isMoneyError(error, 'MONEY_NOT_INTEGER')).toBe(true);
    expect(isMoneyError(error, 'MONEY_UNSAFE')).toBe(false);
  });

  it('refuses anything else, even an error that carries the same code', () => {
    const lookalike = Object.assign(new Error('The amount must be a whole number of cents, got 1.5.'), { code: 'MONEY_NOT_INTEGER' });
    expect(isMoneyError(lookalike)).toBe(false);
    expect(isMoneyError(lookalike, 'MONEY_NOT_INTEGER')).toBe(false);
    expect(isMoneyError(undefined)).toBe(false);
    expect(isMoneyError({ code: 'MONEY_PARSE', name: 'MoneyError' })).toBe(false);
  });
});

/** The value `fn` throws. */
function errorOfValue(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}
