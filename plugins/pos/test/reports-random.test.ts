import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testDialects, type TestClient } from '@comptoir/kernel/testing';
import { clock, createArticle, openShop, pay, refund, ticketWith, type Shop } from './helpers.js';

const DAY = '2026-06-17';

// Random days of sales on two tills (weighed and counted articles at every Belgian rate, discounts, cash, card and
// meal vouchers, partial refunds): every report of the day adds up to the X report, to the cent.
describe.each(testDialects())('the reports of a random day agree with the X report (%s)', (dialect) => {
  let shop: Shop;

  beforeAll(async () => {
    clock.set(`${DAY}T07:00:00Z`);
    shop = await openShop(dialect);
  });
  afterAll(async () => shop?.tk.close());

  it('statistics on every axis, the journals and the cash book', async () => {
    const articles = [
      await createArticle(shop.admin, { price: 199, vatCategory: 'BE-21' }),
      await createArticle(shop.admin, { price: 1349, vatCategory: 'BE-6', unit: 'kg' }),
      await createArticle(shop.admin, { price: 777, vatCategory: 'BE-12' }),
      await createArticle(shop.admin, { price: 35, vatCategory: 'BE-0' }),
    ];
    const days = fc.sample(fc.array(fc.record({
      till: fc.constantFrom<'manager' | 'station2'>('manager', 'station2'),
      minute: fc.integer({ min: 0, max: 600 }),
      lines: fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 4000 }), fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null })), { minLength: 1, maxLength: 5 }),
      method: fc.constantFrom('cash', 'card', 'meal-voucher'),
      refundShare: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    }), { minLength: 4, maxLength: 8 }), { numRuns: 1, seed: 20261217 })[0];
    for (const s of days.sort((a, b) => a.minute - b.minute)) {
      clock.set(new Date(Date.parse(`${DAY}T07:00:00Z`) + s.minute * 60_000).toISOString());
      const c: TestClient = shop[s.till];
      const t = await ticketWith(c, s.lines.map(([a, q, d]) => ({
        articleId: articles[a].id, quantity: articles[a].unit === 'kg' ? q : Math.ceil(q / 1000) * 1000, ...(d ? { discountRate: d } : {}),
      })));
      // A voucher pays part at most; the rest in cash (rounded to 5 cents, handed over generously).
      const part = s.method === 'cash' ? 0 : Math.min(t.total, s.method === 'card' ? t.total : Math.ceil(t.total / 2));
      const tenders = [...(part ? [{ method: s.method, amount: part }] : []), ...(t.total > part ? [{ method: 'cash', amount: t.total - part + 100 }] : [])];
      const paid = await pay(c, t.id, tenders);
      expect(paid.status, JSON.stringify(paid.body)).toBe(201);
      if (s.refundShare && s.till === 'manager') {
        const line = paid.body.ticket.lines[0];
        const q = Math.max(1, Math.floor((line.quantity * s.refundShare) / 100));
        const r = await refund(c, { ticketId: t.id, lines: [{ lineId: line.id, quantity: q }], tenders: [{ method: 'card', amount: 1 }] });
        const ok = r.status === 422 && r.body.code === 'POS_TENDER_SHORT'
          ? await refund(c, { ticketId: t.id, lines: [{ lineId: line.id, quantity: q }], tenders: [{ method: 'card', amount: 1 + r.body.missing }] })
          : r;
        expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      }
    }

    const get = async (path: string) => (await shop.manager.get(path)).body;
    const x = await get(`/api/pos/reports/x?scope=shop&period=day&date=${DAY}`);
    const vat = x.vat.filter((v: any) => v.base || v.vat);
    // The day holds what the reports must tell apart.
    expect(x.refunds.count).toBeGreaterThan(0);
    expect(x.payments.filter((p: any) => p.count).length).toBeGreaterThan(1);
    expect(vat.length).toBeGreaterThan(2);
    for (const axis of ['hour', 'day', 'article', 'family', 'cashier', 'vat', 'payment', 'postcode', 'station']) {
      const s = await get(`/api/pos/reports/stats?axis=${axis}&from=${DAY}`);
      const sum = (k: string) => s.rows.reduce((a: number, r: any) => a + r[k], 0);
      if (axis === 'payment') {
        expect(sum('net'), axis).toBe(x.payments.reduce((a: number, p: any) => a + p.amount, 0));
        continue;
      }
      expect([s.totals.sales, s.totals.refunds, s.totals.tickets, s.totals.refundTickets], axis).toEqual([x.sales.total, x.refunds.total, x.sales.count, x.refunds.count]);
      expect([sum('sales'), sum('refunds')], axis).toEqual([x.sales.total, x.refunds.total]);
      if (axis !== 'article' && axis !== 'family') expect(sum('netBase'), axis).toBe(vat.reduce((a: number, v: any) => a + v.base, 0));
    }
    const byRate = (await get(`/api/pos/reports/stats?axis=vat&from=${DAY}`)).rows.map((r: any) => ({ rate: Number(r.key), base: r.netBase, vat: r.net - r.netBase }));
    expect(byRate).toEqual(vat.map((v: any) => ({ rate: v.rate, base: v.base, vat: v.vat })));
    const journal = await get(`/api/pos/reports/sales-journal?from=${DAY}`);
    expect(journal.totals.total).toBe(x.net);
    expect(Object.entries(journal.totals.rates).map(([rate, v]: [string, any]) => ({ rate: Number(rate), ...v })).sort((a, b) => b.rate - a.rate))
      .toEqual(vat.map((v: any) => ({ rate: v.rate, base: v.base, vat: v.vat })));
    const receipts = await get(`/api/pos/reports/receipts?from=${DAY}`);
    expect(receipts.totals.total).toBe(x.payments.reduce((a: number, p: any) => a + p.amount, 0));
    for (const c of [shop.manager, shop.station2]) {
      const xs = (await c.get(`/api/pos/reports/x?scope=station&period=day&date=${DAY}`)).body;
      const book = await get(`/api/pos/reports/cash-book?scope=station&stationId=${xs.stationId}&from=${DAY}`);
      expect(book.days.at(-1)?.balance ?? 0).toBe(xs.cash.expected);
    }
  });
});
