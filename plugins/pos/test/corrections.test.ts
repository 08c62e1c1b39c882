import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { clock, createArticle, openShop, pay, rows, ticketWith, type Shop } from './helpers.js';

/** Σ payments of an X or Z = net + cash rounding, to the cent. */
function reconciles(r: any): void {
  const paid = r.payments.reduce((s: number, p: any) => s + p.amount, 0);
  expect(paid).toBe(r.net + r.rounding);
  expect(r.cash.sales).toBe(r.payments.find((p: any) => p.method === 'cash')?.amount ?? 0);
}

describe.each(testDialects())('payment corrections and the cash rounding (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  const correct = (id: number, tenders: Array<{ method: string; amount: number }>) =>
    shop.manager.post(`/api/pos/tickets/${id}/payments/correct`, { tenders, reason: 'Erreur de touche' });
  const x = async () => (await shop.manager.get('/api/pos/reports/x?period=day&date=2026-06-16')).body;

  beforeAll(async () => {
    clock.set('2026-06-16T08:00:00Z');
    shop = await openShop(dialect);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 149 });
  });
  afterAll(async () => shop?.tk.close());

  it('drops the cash rounding when cash becomes card: the X, the ticket and the receipt follow the corrected tenders', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 2000 }]); // 2,98 → 3,00 in cash
    const sale = (await pay(shop.cashier, t.id, [{ method: 'cash', amount: 500 }])).body.ticket;
    expect(sale).toMatchObject({ total: 298, rounding: 2, change: 200 });
    expect(await x()).toMatchObject({ rounding: 2, payments: [{ method: 'cash', amount: 300, count: 1 }] });

    // A card pays the exact amount: 3,00 by card would be 0,02 too much.
    const over = await correct(t.id, [{ method: 'card', amount: 300 }]);
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'POS_CORRECTION_TOTAL', detail: 'Les paiements corrigés doivent totaliser 2,98\u00a0€.' });
    const res = await correct(t.id, [{ method: 'card', amount: 298 }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 298, rounding: 0 });
    expect(res.body.payments.map((p: any) => [p.method, p.amount, p.status])).toEqual([['cash', 300, 'corrected'], ['card', 298, 'active']]);

    const report = await x();
    expect(report).toMatchObject({ net: 298, rounding: 0, corrections: 1 });
    expect(report.payments.filter((p: any) => p.amount || p.count)).toEqual([{ method: 'card', amount: 298, count: 1 }]);
    reconciles(report);
    expect((await shop.cashier.get(`/api/pos/tickets/${t.id}`)).body).toMatchObject({ rounding: 0 });
    expect((await shop.cashier.get(`/api/pos/tickets/${t.id}/receipt`)).body).toMatchObject({ rounding: 0 });
    const entry = await rows(shop.tk, "select payload from kernel_journal_entry where type = 'pos.payment.corrected'");
    expect(JSON.parse(entry[0].payload)).toMatchObject({ rounding: { before: 2, after: 0 }, after: [{ method: 'card', amount: 298 }] });
    expect((await shop.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('adds the rounding when card becomes cash, on the cash part only of a mixed payment', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 3000 }]); // 4,47
    await pay(shop.cashier, t.id, [{ method: 'card', amount: 447 }]);
    // 2,00 by card, the 2,47 left in cash rounds to 2,45.
    const short = await correct(t.id, [{ method: 'card', amount: 200 }, { method: 'cash', amount: 240 }]);
    expect(short.status).toBe(422);
    expect(short.body.detail).toBe('Les paiements corrigés doivent totaliser 4,45\u00a0€.');
    const res = await correct(t.id, [{ method: 'card', amount: 200 }, { method: 'cash', amount: 245 }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 447, rounding: -2 });
    const report = await x();
    expect(report).toMatchObject({ net: 298 + 447, rounding: -2 });
    reconciles(report);
  });

  it('closes the day with the corrected figures: the Z reconciles to the cent, the journal verifies', async () => {
    const z = await shop.manager.post('/api/pos/closures', { period: 'day', date: '2026-06-16' });
    expect(z.status).toBe(201);
    expect(z.body).toMatchObject({ net: 745, rounding: -2, corrections: 2 });
    reconciles(z.body);
    expect(z.body.payments.filter((p: any) => p.amount || p.count)).toEqual([{ method: 'card', amount: 498, count: 2 }, { method: 'cash', amount: 245, count: 1 }]);
    expect((await shop.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });
});
