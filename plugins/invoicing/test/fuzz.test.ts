import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOperations, testDialects } from '@comptoir/kernel/testing';
import { clock, createArticle, createCustomer, draft, openShop, type Shop } from './helpers.js';

// Every operation, invoicing's included, fed wrong input field by field: none may answer 5xx.
describe.each(testDialects())('invoicing fed wrong input (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let customer: any;

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect);
    beer = await createArticle(shop.admin, { price: 99_999_999 });
    customer = await createCustomer(shop.admin);
  });
  afterAll(async () => shop?.tk.close());

  it('answers 4xx, never 5xx, to wrong types, bounds, control characters and nesting in every field', async () => {
    const report = await fuzzOperations(shop.admin, { skip: ['POST /api/auth/logout', 'GET /api/events'] });
    const found = report.findings.map((f) => `${f.method} ${f.url} ${f.field}=${f.value} → ${f.status}`);
    expect(found).toEqual([]);
  // Thousands of requests: allowed far longer than the default 60 s, so that a busy machine does not fail it.
  }, 600_000);

  it('refuses amounts too large to compute or to store with a sentence, not a 500', async () => {
    const doc = await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id, quantity: 1000 }] });
    const huge = await shop.manager.patch(`/api/invoicing/documents/${doc.id}/lines/${doc.lines[0].id}`, { version: doc.version, quantity: 99_999_999 });
    expect(huge.status).toBe(422);
    expect(huge.body).toMatchObject({ code: 'INVOICING_AMOUNT_TOO_LARGE', detail: 'Les montants de ce document sont trop grands pour être enregistrés : divisez-le en plusieurs documents.' });
    const many = await shop.manager.post('/api/invoicing/documents', { type: 'invoice', lines: Array.from({ length: 30 }, () => ({ articleId: beer.id, quantity: 99_999_999 })) });
    expect(many.status).toBe(422);
    expect(many.body.code).toBe('INVOICING_AMOUNT_TOO_LARGE');
  });
});
