import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOperations, testDialects } from '@comptoir/kernel/testing';
import { createArticle, openShop, pay, ticketWith, type Shop } from './helpers.js';

// Every operation of the till (and the kernel, catalogue and sale contract beside it), fed wrong input field by
// field at a registered station: none may answer 5xx.
describe.each(testDialects())('every till operation fed wrong input (%s)', (dialect) => {
  let shop: Shop;

  beforeAll(async () => {
    shop = await openShop(dialect);
    const beer = await createArticle(shop.admin, { price: 149 });
    const t = await ticketWith(shop.admin, [{ articleId: beer.id }]);
    await pay(shop.admin, t.id, [{ method: 'cash', amount: 150 }]);
    await ticketWith(shop.admin, [{ articleId: beer.id }]);
  });
  afterAll(async () => shop?.tk.close());

  it('answers 4xx, never 5xx, to wrong types, bounds, control characters and nesting in every field', async () => {
    const report = await fuzzOperations(shop.admin, { skip: ['POST /api/auth/logout', 'GET /api/events'] });
    const found = report.findings.map((f) => `${f.method} ${f.url} ${f.field}=${f.value} → ${f.status}`);
    expect(found).toEqual([]);
  });
});
