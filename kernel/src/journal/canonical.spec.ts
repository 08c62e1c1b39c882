import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical.js';
import { entryHash } from './journal.js';

describe('canonical JSON of a journal entry', () => {
  it('sorts keys at every depth and drops white space', () => {
    expect(canonicalJson({ total: 1250, lines: [{ qty: 1000, article: 'Orval' }], at: 'x' }))
      .toBe('{"at":"x","lines":[{"article":"Orval","qty":1000}],"total":1250}');
  });

  it('gives the same bytes whatever order the keys were written in', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null))), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
    }));
  });

  it('reads back to the same value', () => {
    fc.assert(fc.property(fc.jsonValue({ noUnicodeString: false }), (value) => {
      // JSON itself turns -0 into 0; the journal stores what JSON can hold.
      const normal = JSON.parse(JSON.stringify(value));
      expect(JSON.parse(canonicalJson(normal))).toEqual(normal);
    }));
  });

  it('leaves out undefined properties, and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('writes dates as ISO strings and big integers as strings, so no precision is lost', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 0, 2, 9, 30)), grandTotal: 12345678901234567890n }))
      .toBe('{"at":"2026-01-02T09:30:00.000Z","grandTotal":"12345678901234567890"}');
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('refuses the number %s', (n) => {
    expect(() => canonicalJson({ total: n })).toThrow(`Cannot journal the number ${n}`);
  });

  it('refuses functions and symbols', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow('Cannot journal a value of type function');
    expect(() => canonicalJson(Symbol('x'))).toThrow('Cannot journal a value of type symbol');
  });
});

describe('the hash of a journal entry', () => {
  const entry = { chain: 'tickets', seq: 7, at: '2026-03-02T10:15:00.000Z', type: 'ticket', user_id: 3, station_id: 1, payload: '{"number":"T-2026-000007","totalCents":1250}' };
  const prev = 'a'.repeat(64);

  it('is a SHA-256 in hex', () => {
    expect(entryHash(prev, entry)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on how the payload text was spaced or ordered', () => {
    expect(entryHash(prev, { ...entry, payload: '{ "totalCents": 1250, "number": "T-2026-000007" }' })).toBe(entryHash(prev, entry));
  });

  it('does not depend on whether the database returned ids as numbers or strings', () => {
    expect(entryHash(prev, { ...entry, seq: '7' as unknown as number, user_id: '3' as unknown as number })).toBe(entryHash(prev, entry));
  });

  it.each([
    ['the previous hash', () => entryHash('b'.repeat(64), entry)],
    ['the amount', () => entryHash(prev, { ...entry, payload: '{"number":"T-2026-000007","totalCents":1205}' })],
    ['the date', () => entryHash(prev, { ...entry, at: '2026-03-02T10:16:00.000Z' })],
    ['the sequence', () => entryHash(prev, { ...entry, seq: 8 })],
    ['the chain', () => entryHash(prev, { ...entry, chain: 'invoices' })],
    ['the type', () => entryHash(prev, { ...entry, type: 'ticket.cancelled' })],
    ['the user', () => entryHash(prev, { ...entry, user_id: 4 })],
    ['the station', () => entryHash(prev, { ...entry, station_id: null })],
  ])('changes when %s changes', (_what, changed) => {
    expect(changed()).not.toBe(entryHash(prev, entry));
  });
});
