import { describe, expect, it } from 'vitest';
import { generatePassword, hashSecret, verifySecret } from './password.js';

// Cheap parameters for the properties that do not depend on the cost; one test uses the real ones.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password and PIN hashing', () => {
  it('stores a memory-hard scrypt hash with its parameters and salt, never the secret', async () => {
    const hash = await hashSecret('demo-caisse');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain('demo-caisse');
    expect(await verifySecret('demo-caisse', hash)).toBe(true);
  });

  it('salts every hash: the same PIN twice gives two hashes', async () => {
    const [a, b] = await Promise.all([hashSecret('1234', FAST), hashSecret('1234', FAST)]);
    expect(a).not.toBe(b);
    expect(await verifySecret('1234', a)).toBe(true);
    expect(await verifySecret('1234', b)).toBe(true);
  });

  it('refuses a wrong secret, an empty one and a missing hash', async () => {
    const hash = await hashSecret('1234', FAST);
    expect(await verifySecret('1235', hash)).toBe(false);
    expect(await verifySecret('', hash)).toBe(false);
    expect(await verifySecret('1234', null)).toBe(false);
    expect(await verifySecret('1234', undefined)).toBe(false);
  });

  it('refuses a hash that is not scrypt', async () => {
    expect(await verifySecret('1234', '$2b$10$abcdefghijklmnopqrstuv')).toBe(false);
    expect(await verifySecret('1234', 'plain:1234')).toBe(false);
  });

  it('accepts the same accented password whether typed composed or decomposed', async () => {
    const hash = await hashSecret('Crème brûlée', FAST);
    expect(await verifySecret('Cre\u0300me bru\u0302le\u0301e', hash)).toBe(true);
  });
});

describe('generated passwords', () => {
  it('are four groups of four characters without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      expect(generatePassword()).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
    }
  });

  it('are not repeated', () => {
    const seen = new Set(Array.from({ length: 500 }, generatePassword));
    expect(seen.size).toBe(500);
  });
});
