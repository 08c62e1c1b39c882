import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testDialects } from '@comptoir/kernel/testing';
import { createArticle, openShop, pay, refund, rows, ticketWith, type Shop } from './helpers.js';

describe.each(testDialects())('a day of random sales reconciles to the cent (%s)', (dialect) => {
  let shop: Shop;
  let articles: any[];

  beforeAll(async () => {
    shop = await openShop(dialect);
    articles = [
      await createArticle(shop.admin, { price: 149, vatCategory: 'BE-21' }),
      await createArticle(shop.admin, { price: 233, vatCategory: 'BE-6' }),
      await createArticle(shop.admin, { price: 1799, vatCategory: 'BE-6', unit: 'kg' }),
      await createArticle(shop.admin, { price: 1250, vatCategory: 'BE-12' }),
      await createArticle(shop.admin, { price: 10, vatCategory: 'BE-0' }),
    ];
  });
  afterAll(async () => shop?.tk.close());

  it('tickets, payments, refunds, rounding, VAT and the X report all agree', async () => {
    const sales = fc.sample(fc.record({
      lines: fc.array(fc.record({
        a: fc.integer({ min: 0, max: 4 }), q: fc.integer({ min: 1, max: 5000 }), d: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: undefined }),
      }), { minLength: 1, maxLength: 6 }),
      cardShare: fc.integer({ min: 0, max: 100 }),
      refund: fc.boolean(),
    }), { numRuns: 12, seed: 42 });
    for (const s of sales) {
      const t = await ticketWith(shop.manager, s.lines.map((l) => ({
        articleId: articles[l.a].id, quantity: articles[l.a].unit === 'kg' ? l.q : Math.ceil(l.q / 1000) * 1000, ...(l.d !== undefined ? { discountRate: l.d } : {}),
      })));
      const card = Math.floor((t.total * s.cardShare) / 100);
      const tenders = [...(card ? [{ method: 'card', amount: card }] : []), ...(t.total - card ? [{ method: 'cash', amount: t.total - card + 5 }] : [])];
      const paid = await pay(shop.manager, t.id, tenders);
      expect(paid.status).toBe(201);
      if (s.refund) {
        const line = paid.body.ticket.lines[0];
        const q = Math.max(1, Math.floor(line.quantity / 2));
        const r = await refund(shop.manager, { ticketId: t.id, lines: [{ lineId: line.id, quantity: q }], tenders: [{ method: 'card', amount: 1 }] });
        // Ask for the exact amount the server computed (card is never rounded).
        if (r.status === 422 && r.body.code === 'POS_TENDER_SHORT') {
          const again = await refund(shop.manager, { ticketId: t.id, lines: [{ lineId: line.id, quantity: q }], tenders: [{ method: 'card', amount: 1 + r.body.missing }] });
          expect(again.status).toBe(201);
        } else expect(r.status).toBe(201);
      }
    }
    const tickets = await rows(shop.tk, "select id, kind, total, base, vat, rounding from pos_ticket where status = 'paid'");
    for (const t of tickets) {
      const lines = await rows(shop.tk, 'select total from pos_ticket_line where ticket_id = ?', [t.id]);
      const pays = await rows(shop.tk, "select amount from pos_payment where ticket_id = ? and status = 'active'", [t.id]);
      expect(lines.reduce((a, l) => a + Number(l.total), 0)).toBe(Number(t.total));
      expect(Number(t.base) + Number(t.vat)).toBe(Number(t.total));
      expect(pays.reduce((a, p) => a + Number(p.amount), 0)).toBe(Number(t.total) + Number(t.rounding));
    }
    const x = (await shop.manager.get('/api/pos/reports/x')).body;
    const sum = (kind: string, f: string) => tickets.filter((t) => t.kind === kind).reduce((a, t) => a + Number(t[f]), 0);
    expect(x.sales.total).toBe(sum('sale', 'total'));
    expect(x.refunds.total).toBe(sum('refund', 'total'));
    expect(x.rounding).toBe(sum('sale', 'rounding') + sum('refund', 'rounding'));
    expect(x.vat.reduce((a: number, r: any) => a + r.base + r.vat, 0)).toBe(x.net);
    expect(x.payments.reduce((a: number, p: any) => a + p.amount, 0)).toBe(x.net + x.rounding);
  });
});
