import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOperations, startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import sales from '../src/index.js';
import { createArticle, createCustomer, fixedClock } from './helpers.js';

// Every operation, the sale preview included, fed wrong input field by field: none may answer 5xx.
describe.each(testDialects())('the sale preview fed wrong input (%s)', (dialect) => {
  let tk: TestKernel;
  let beer: any;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, sales], clock: fixedClock });
    beer = await createArticle(tk.admin, { price: 999_999_999 });
    await createCustomer(tk.admin);
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('answers 4xx, never 5xx, to wrong types, bounds, control characters and nesting in every field', async () => {
    const report = await fuzzOperations(tk.admin, { skip: ['POST /api/auth/logout', 'GET /api/events'] });
    const found = report.findings.map((f) => `${f.method} ${f.url} ${f.field}=${f.value} → ${f.status}`);
    expect(found).toEqual([]);
  });

  it('refuses amounts too large to compute to the cent with a sentence, not a 500', async () => {
    const lines = Array.from({ length: 20 }, () => ({ articleId: beer.id, quantity: 1_000_000_000 }));
    const res = await tk.admin.post('/api/sales/preview', { lines });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'SALE_AMOUNT_TOO_LARGE', detail: 'Les montants de cette vente sont trop grands pour être calculés au centime près : divisez-la.' });
  });
});
