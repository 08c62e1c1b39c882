import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { clock, createArticle, move, openShop, type Shop } from './helpers.js';

describe.each(testDialects())('stock valuation day (%s)', (dialect) => {
  let shop: Shop;

  beforeAll(async () => { shop = await openShop(dialect); });
  afterAll(async () => { clock.set('2026-06-15T08:00:00Z'); await shop?.tk.close(); });

  it('values the stock at the end of the day in Brussels, not in UTC', async () => {
    const a = await createArticle(shop.admin, { name: 'Confiture de nuit' });
    clock.set('2026-03-03T22:30:00Z'); // 23:30 on 3 March in Brussels
    await move(shop.manager, { kind: 'receipt', articleId: a.id, quantity: 1000, unitCost: 200 });
    clock.set('2026-03-03T23:30:00Z'); // 00:30 on 4 March in Brussels
    await move(shop.manager, { kind: 'receipt', articleId: a.id, quantity: 2000, unitCost: 200 });
    clock.set('2026-06-15T08:00:00Z');

    const on3 = (await shop.manager.get('/api/stock/valuation?date=2026-03-03')).body;
    expect(on3.lines.filter((l: any) => l.articleId === a.id).map((l: any) => [l.quantity, l.value])).toEqual([[1000, 200]]);
    const on4 = (await shop.manager.get('/api/stock/valuation?date=2026-03-04')).body;
    expect(on4.lines.filter((l: any) => l.articleId === a.id).map((l: any) => [l.quantity, l.value])).toEqual([[3000, 600]]);
  });
});
