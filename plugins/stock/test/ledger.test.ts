import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { createArticle, level, move, openShop, pay, refund, rows, ticketWith, type Shop } from './helpers.js';

describe.each(testDialects())('stock ledger (%s)', (dialect) => {
  let shop: Shop;

  beforeAll(async () => { shop = await openShop(dialect); });
  afterAll(async () => shop?.tk.close());

  it('a receipt, a sale at the till and its refund each move the shop’s stock, named after their document', async () => {
    const beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 149 });
    const r = await move(shop.manager, { kind: 'receipt', articleId: beer.id, quantity: 48000, unitCost: 80 });
    expect(r).toMatchObject({ kind: 'receipt', locationId: 1, quantity: 48000, unitCost: 80, averageCost: 80, balance: 48000 });

    const t = await ticketWith(shop.cashier, [{ code: beer.barcodes[0].code, quantity: 6000 }]);
    const paid = await pay(shop.cashier, t.id, [{ method: 'cash', amount: 900 }]);
    expect(paid.status).toBe(201);
    expect(await level(shop.cashier, beer.id)).toBe(42000);

    const back = await refund(shop.manager, { ticketId: t.id, lines: [{ lineId: t.lines[0].id, quantity: 2000 }], tenders: [{ method: 'cash', amount: 300 }] });
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect(await level(shop.cashier, beer.id)).toBe(44000);

    const history = (await shop.cashier.get(`/api/stock/articles/${beer.id}/movements`)).body;
    expect(history.total).toBe(3);
    expect(history.items.map((m: any) => [m.kind, m.quantity, m.balance, m.document?.number ?? null])).toEqual([
      ['return', 2000, 44000, back.body.ticket.number],
      ['sale', -6000, 42000, paid.body.ticket.number],
      ['receipt', 48000, 48000, null],
    ]);
  });

  it('a weighed article moves its weight in thousandths; a case of 24 scanned by its pack barcode moves 24 units', async () => {
    const cheese = await createArticle(shop.admin, { name: 'Comté', unit: 'kg', price: 2490 });
    const can = await createArticle(shop.admin, { name: 'Pils 33 cl', price: 99 });
    const pack = await shop.admin.post('/api/pricing/packs', { articleId: can.id, barcode: '5410000000507', quantity: 24000, price: 1999, name: 'Casier 24' });
    expect(pack.status, JSON.stringify(pack.body)).toBe(201);
    const t = await ticketWith(shop.cashier, [{ articleId: cheese.id, quantity: 347 }, { code: '5410000000507' }]);
    expect((await pay(shop.cashier, t.id, [{ method: 'cash', amount: t.total + 5 }])).status).toBe(201);
    expect(await level(shop.cashier, cheese.id)).toBe(-347);
    expect(await level(shop.cashier, can.id)).toBe(-24000);
  });

  it('transfers between locations, losses with their reason and signed adjustments; every level is the sum of its movements', async () => {
    const a = await createArticle(shop.admin, { name: 'Farine T65' });
    await move(shop.manager, { kind: 'initial', articleId: a.id, locationId: 3, quantity: 100000, unitCost: 50 });
    const tr = await shop.manager.post('/api/stock/transfers', { articleId: a.id, from: 3, to: 1, quantity: 20000 });
    expect(tr.status, JSON.stringify(tr.body)).toBe(201);
    expect(tr.body.movements[1].transferId).toBe(tr.body.movements[0].id);
    expect(await level(shop.cashier, a.id, 3)).toBe(80000);
    expect(await level(shop.cashier, a.id, 1)).toBe(20000);

    const noReason = await shop.manager.post('/api/stock/movements', { kind: 'loss', articleId: a.id, quantity: 1000 });
    expect(noReason.status).toBe(400);
    const blank = await shop.manager.post('/api/stock/movements', { kind: 'loss', articleId: a.id, quantity: 1000, reason: '   ' });
    expect(blank.body).toMatchObject({ status: 422, code: 'STOCK_REASON_REQUIRED', detail: 'Indiquez la raison de la perte.' });
    expect((await move(shop.manager, { kind: 'loss', articleId: a.id, quantity: 1000, reason: 'Sac percé' })).balance).toBe(19000);
    expect((await move(shop.manager, { kind: 'adjustment', articleId: a.id, quantity: -500, reason: 'Recompté' })).balance).toBe(18500);

    // Opposite transfers at once: each waits for the other, none fails.
    const burst = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => shop.manager.post('/api/stock/transfers', { articleId: a.id, from: i % 2 ? 1 : 3, to: i % 2 ? 3 : 1, quantity: 1000 })));
    expect(burst.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(await level(shop.cashier, a.id, 1)).toBe(18500);

    const same = await shop.manager.post('/api/stock/transfers', { articleId: a.id, from: 1, to: 1, quantity: 1000 });
    expect(same.body.code).toBe('STOCK_TRANSFER_SAME_LOCATION');
    const nowhere = await shop.manager.post('/api/stock/transfers', { articleId: a.id, from: 1, to: 99, quantity: 1000 });
    expect(nowhere.status).toBe(404);
    // No coercion: a quantity as a string, a zero adjustment, a cashier writing stock are refused, and nothing moved.
    expect((await shop.manager.post('/api/stock/movements', { kind: 'receipt', articleId: a.id, quantity: '1000' })).status).toBe(400);
    expect((await shop.manager.post('/api/stock/movements', { kind: 'adjustment', articleId: a.id, quantity: 0 })).status).toBe(400);
    expect((await shop.cashier.post('/api/stock/movements', { kind: 'receipt', articleId: a.id, quantity: 1000 })).status).toBe(403);
    expect((await shop.manager.post('/api/stock/movements', { kind: 'receipt', articleId: 999999, quantity: 1000 })).body.code).toBe('ARTICLE_NOT_FOUND');

    const sums = await rows(shop.tk, 'select b.location_id, b.quantity, (select sum(m.quantity) from stock_movement m where m.article_id = b.article_id and m.location_id = b.location_id) as total from stock_balance b where b.article_id = ? order by b.location_id', [a.id]);
    expect(sums.map((s) => [Number(s.location_id), Number(s.quantity), Number(s.total)])).toEqual([[1, 18500, 18500], [3, 80000, 80000]]);
  });

  it('the database refuses to change or delete a movement, and to change a balance except by a movement', async () => {
    const a = await createArticle(shop.admin);
    const m = await move(shop.manager, { kind: 'receipt', articleId: a.id, quantity: 5000 });
    const em = shop.tk.kernel.em();
    const exec = (q: string, p: unknown[]) => em.getConnection().execute(q, p as any[], 'run');
    await expect(exec('update stock_movement set quantity = 9000 where id = ?', [m.id])).rejects.toThrow(/immutable/);
    await expect(exec('delete from stock_movement where id = ?', [m.id])).rejects.toThrow(/immutable/);
    await expect(exec('update stock_balance set quantity = 9000 where article_id = ?', [a.id])).rejects.toThrow(/stock_balance_checked/);
    await expect(exec('update stock_balance set quantity = quantity + 5000, movements = movements + 1 where article_id = ?', [a.id])).rejects.toThrow(/stock_balance_checked/);
    await expect(exec('delete from stock_balance where article_id = ?', [a.id])).rejects.toThrow(/stock_balance_checked/);
    await expect(exec('insert into stock_balance (article_id, location_id, quantity) values (?, 2, 7000)', [a.id])).rejects.toThrow(/stock_balance_checked/);
    // A movement that refuses negative stock cannot take the balance below zero, whoever writes it.
    const refusing = `insert into stock_movement (article_id, location_id, kind, quantity, refuse_negative, at) values (?, 1, 'loss', ?, ${dialect === 'sqlite' ? 1 : 'true'}, '2026-06-15T08:00:00Z')`;
    await expect(exec(refusing, [a.id, -6000])).rejects.toThrow(/stock_insufficient/);
    await exec(refusing, [a.id, -5000]);
    expect(await level(shop.cashier, a.id)).toBe(0);
  });

  it('minimum and maximum per article and location, and the articles below their minimum with what to order', async () => {
    const a = await createArticle(shop.admin, { name: 'Zzz sous le minimum' });
    const b = await createArticle(shop.admin, { name: 'Zzz au-dessus' });
    await move(shop.manager, { kind: 'receipt', articleId: a.id, quantity: 2000 });
    await move(shop.manager, { kind: 'receipt', articleId: b.id, quantity: 9000 });
    const set = await shop.manager.put(`/api/stock/thresholds/${a.id}/1`, { minimum: 5000, maximum: 12000 });
    expect(set.body).toMatchObject({ quantity: 2000, minimum: 5000, maximum: 12000, belowMinimum: true, toOrder: 10000 });
    expect((await shop.manager.put(`/api/stock/thresholds/${b.id}/1`, { minimum: 5000, maximum: null })).status).toBe(200);
    // Never received in the back room, yet below its minimum there.
    expect((await shop.manager.put(`/api/stock/thresholds/${b.id}/2`, { minimum: 1000, maximum: null })).status).toBe(200);
    const bad = await shop.manager.put(`/api/stock/thresholds/${a.id}/1`, { minimum: 5000, maximum: 1000 });
    expect(bad.body).toMatchObject({ status: 422, code: 'STOCK_THRESHOLD_INVALID' });
    expect((await shop.cashier.put(`/api/stock/thresholds/${a.id}/1`, { minimum: 1, maximum: null })).status).toBe(403);

    const below = (await shop.cashier.get('/api/stock/below-minimum?q=zzz')).body;
    expect(below.items.map((l: any) => [l.name, l.location, l.quantity, l.toOrder])).toEqual([
      ['Zzz au-dessus', 'backroom', 0, 1000],
      ['Zzz sous le minimum', 'shop', 2000, 10000],
    ]);
    const page = (await shop.cashier.get('/api/stock/levels?q=zzz&limit=1&offset=1')).body;
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
  });

  it('values the stock at weighted average cost at a past date, with totals by family and location that add up', async () => {
    const fam = await shop.admin.post('/api/catalog/families', { code: 'VAL', name: 'Valorisation' });
    expect(fam.status, JSON.stringify(fam.body)).toBe(201);
    const a = await createArticle(shop.admin, { name: 'Huile', familyId: fam.body.id });
    const { clock } = await import('./helpers.js');
    clock.set('2026-03-02T09:00:00Z');
    await move(shop.manager, { kind: 'receipt', articleId: a.id, quantity: 10000, unitCost: 100 });
    clock.set('2026-03-05T09:00:00Z');
    const second = await move(shop.manager, { kind: 'receipt', articleId: a.id, locationId: 2, quantity: 30000, unitCost: 133 });
    // (10 × 1,00 + 30 × 1,33) / 40 = 1,2475 → 1,25 per unit
    expect(second.averageCost).toBe(125);
    clock.set('2026-06-15T08:00:00Z');

    const before = (await shop.manager.get('/api/stock/valuation?date=2026-03-03')).body;
    expect(before.lines.filter((l: any) => l.articleId === a.id)).toEqual([{ articleId: a.id, code: a.code, name: 'Huile', familyId: fam.body.id, locationId: 1, quantity: 10000, unitCost: 100, value: 1000 }]);
    const now = (await shop.manager.get('/api/stock/valuation')).body;
    expect(now.lines.filter((l: any) => l.articleId === a.id).map((l: any) => [l.locationId, l.value])).toEqual([[1, 1250], [2, 3750]]);
    expect(now.byFamily.find((f: any) => f.familyId === fam.body.id)).toEqual({ familyId: fam.body.id, family: 'Valorisation', value: 5000 });
    expect(now.byFamily.reduce((s: number, f: any) => s + f.value, 0)).toBe(now.total);
    expect(now.byLocation.reduce((s: number, f: any) => s + f.value, 0)).toBe(now.total);
    expect((await shop.cashier.get('/api/stock/valuation')).status).toBe(403);
  });
});
