import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';

// `prices` echoes a price in cents, as any plugin's money field would take it; `settings` takes free-form
// options (an import profile's, say) whose schema cannot bound their shape.
const prices = definePlugin({
  name: 'prices',
  version: '1.0.0',
  kernel: '^0.1.0',
  permissions: { 'prices.write': { label: 'Prix', roles: ['cashier'] } },
  routes(r) {
    r.put<{ Body: { price: number; quantity?: number; settings?: object } }>('/', {
      permission: 'prices.write', summary: 'Echo a price',
      schema: { body: { type: 'object', required: ['price'], additionalProperties: false, properties: {
        price: { type: 'integer', minimum: 0, maximum: 1_000_000_000 }, quantity: { type: 'number' }, name: { type: 'string', maxLength: 50 },
        settings: { type: 'object' } } } },
      handler: async (req) => ({ price: req.body.price, quantity: req.body.quantity ?? null }),
    });
    r.get<{ Querystring: { limit?: number } }>('/', {
      permission: 'prices.write', summary: 'Echo a query number',
      schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 10 } } } },
      handler: async (req) => ({ limit: req.query.limit ?? null }),
    });
  },
});

describe.each(testDialects())('input every route refuses (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [prices], enable: ['prices'] });
    cashier = await tk.userWith(['cashier']);
  });
  afterAll(async () => {
    await tk?.close();
  });
  /** A body sent as written, which JSON.stringify could not produce. */
  const raw = (body: string) => fetch(`${tk.baseUrl}/api/prices`, {
    method: 'PUT', body,
    headers: { 'content-type': 'application/json', cookie: `cpt_session=${cashier.cookie('cpt_session')}`, 'x-csrf-token': cashier.csrfToken! },
  });

  it('takes a price only as a number: null, blanks, true and "0x10" are refused, not stored as 0, 1 or 16', async () => {
    expect((await cashier.put('/api/prices', { price: 250 })).body).toEqual({ price: 250, quantity: null });
    for (const price of [null, '  ', true, '0x10', '16', [16]]) {
      const res = await cashier.put('/api/prices', { price });
      expect(res.status, JSON.stringify(price)).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'price', code: 'SCHEMA_TYPE' });
    }
  });

  it('still reads numbers from a query string', async () => {
    expect((await cashier.get('/api/prices?limit=5')).body).toEqual({ limit: 5 });
    expect((await cashier.get('/api/prices?limit=x')).status).toBe(400);
  });

  it('refuses a NUL or another control character in any text, including the anonymous sign-in', async () => {
    const nul = await tk.anonymous().post('/api/auth/login', { username: 'admin\u0000', password: 'whatever' });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'username', code: 'CONTROL_CHARACTER' }] });
    const bell = await cashier.put('/api/prices', { price: 1, name: 'ding\u0007' });
    expect(bell.body.errors).toEqual([{ field: 'name', code: 'CONTROL_CHARACTER', message: 'Contient un caractère de contrôle (NUL, …) qui n’est pas permis.' }]);
    const inKey = await cashier.put('/api/prices', { price: 1, settings: { 'a\u0000': 1 } });
    expect(inKey.status).toBe(400);
    expect((await cashier.get('/api/prices?limit=%00')).status).toBe(400);
    // Tabs and line breaks are text, not control.
    expect((await cashier.put('/api/prices', { price: 1, name: 'deux\nlignes\tet tab' })).status).toBe(200);
  });

  it('refuses settings nested thousands deep with a 400, not a 500', async () => {
    const res = await raw(`{"price":1,"settings":${'{"a":'.repeat(5000)}{}${'}'.repeat(5000)}}`);
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('BODY_TOO_DEEP');
    let fine: object = {};
    for (let i = 0; i < 10; i++) fine = { a: fine };
    expect((await cashier.put('/api/prices', { price: 1, settings: fine })).status).toBe(200);
  });

  it('refuses a quantity of 1e400 (Infinity once parsed)', async () => {
    const res = await cashier.request('PUT', '/api/prices', undefined, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect((await raw('{"price":1,"quantity":1e400}')).status).toBe(400);
  });
});
