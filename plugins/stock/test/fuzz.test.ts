import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOperations, testDialects } from '@comptoir/kernel/testing';
import { createArticle, move, openShop, type Shop } from './helpers.js';

// Every stock operation fed wrong input field by field: none may answer 5xx (the other plugins' operations have
// their own fuzz tests).
describe.each(testDialects())('every stock operation fed wrong input (%s)', (dialect) => {
  let shop: Shop;

  beforeAll(async () => {
    shop = await openShop(dialect);
    const a = await createArticle(shop.admin);
    await move(shop.admin, { kind: 'receipt', articleId: a.id, quantity: 1000, unitCost: 100 });
  });
  afterAll(async () => shop?.tk.close());

  it('answers 4xx, never 5xx, to wrong types, bounds, control characters and nesting in every field', async () => {
    const doc = (await shop.admin.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const others = Object.entries(doc.paths).filter(([path]) => !path.startsWith('/api/stock/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const report = await fuzzOperations(shop.admin, { skip: others });
    const found = report.findings.map((f) => `${f.method} ${f.url} ${f.field}=${f.value} → ${f.status} ${JSON.stringify(f.body).slice(0, 200)}`);
    expect(found).toEqual([]);
    // Every stock route was called (levels, below minimum, movements, transfers, thresholds, settings, valuation…).
    expect(report.operations).toBe(10);
  }, 600_000);
});
