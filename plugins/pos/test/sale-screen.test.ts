import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { refundLineTotal } from '../src/domain/ticket-totals.js';
import { createArticle, openShop, pay, refund, rows, ticketWith, type Shop } from './helpers.js';

describe.each(testDialects())('the sale screen’s server side: ticket discount, customer name, cash step, quick keys (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let bread: any;
  let cheese: any;

  beforeAll(async () => {
    shop = await openShop(dialect);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 149 });
    bread = await createArticle(shop.admin, { name: 'Pain gris', price: 233, vatCategory: 'BE-6' });
    cheese = await createArticle(shop.admin, { name: 'Comté', unit: 'kg', price: 2490, vatCategory: 'BE-6' });
  });
  afterAll(async () => shop?.tk.close());

  it('a ticket discount in percent is spread over the lines: VAT per rate, lines and total reconcile to the cent', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 3000 }, { articleId: bread.id }, { articleId: cheese.id, quantity: 347 }]);
    expect(t.total).toBe(447 + 233 + 864);
    const res = await shop.cashier.put(`/api/pos/tickets/${t.id}/discount`, { discountRate: 1000 });
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d).toMatchObject({ discountRate: 1000, discountAmount: null, discount: 154, total: 1544 - 154 });
    expect(d.lines.reduce((s: number, l: any) => s + l.ticketDiscount, 0)).toBe(154);
    expect(d.lines.reduce((s: number, l: any) => s + l.total - l.ticketDiscount, 0)).toBe(d.total);
    expect(d.base + d.vat).toBe(d.total);
    // 21 %: 447 − 45 = 402 → VAT 70; 6 %: 1097 − 109 = 988 → VAT 56.
    expect(d.vat).toBe(70 + 56);
    const paid = await pay(shop.cashier, t.id, [{ method: 'card', amount: d.total }]);
    expect(paid.status).toBe(201);
    expect(paid.body.ticket).toMatchObject({ total: 1390, discount: 154, vat: 126 });
    expect(paid.body.receipt).toMatchObject({ total: 1390, discount: { rate: 1000, amount: null, total: 154 } });
    expect(paid.body.receipt.vat.map((v: any) => [v.rate, v.base, v.vat])).toEqual([[2100, 332, 70], [600, 932, 56]]);
    // The database keeps the paid discount as it was.
    await expect(rows(shop.tk, 'update pos_ticket_line set ticket_discount = 0 where ticket_id = ?', [t.id])).rejects.toThrow(/paid_frozen/);
    await expect(rows(shop.tk, 'update pos_ticket set discount = 0 where id = ?', [t.id])).rejects.toThrow(/paid_frozen/);
  });

  it('an amount off the ticket: the cashier up to the limit, the manager beyond; refused when larger than the lines', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 10000 }]);
    expect((await shop.cashier.put(`/api/pos/tickets/${t.id}/discount`, { discountAmount: 149 })).body.total).toBe(1341);
    const refused = await shop.cashier.put(`/api/pos/tickets/${t.id}/discount`, { discountAmount: 150 });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('POS_DISCOUNT_ABOVE_LIMIT');
    expect((await shop.manager.put(`/api/pos/tickets/${t.id}/discount`, { discountAmount: 490 })).body.total).toBe(1000);
    const tooBig = await shop.manager.put(`/api/pos/tickets/${t.id}/discount`, { discountAmount: 1491 });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body).toMatchObject({ code: 'POS_TICKET_DISCOUNT_TOO_LARGE' });
    expect(tooBig.body.detail.replace(/\s/g, ' ')).toBe('La remise sur le ticket (14,91 €) dépasse le montant des lignes (14,90 €) : réduisez-la d’abord.');
    const both = await shop.manager.put(`/api/pos/tickets/${t.id}/discount`, { discountAmount: 10, discountRate: 100 });
    expect(both.status).toBe(422);
    const typed = await shop.manager.put(`/api/pos/tickets/${t.id}/discount`, { discountAmount: '10' });
    expect(typed.status).toBe(400);
    const after = (await shop.manager.get(`/api/pos/tickets/${t.id}`)).body;
    expect(after).toMatchObject({ discountAmount: 490, total: 1000 });
    // Removing it gives the lines back their whole total.
    expect((await shop.manager.put(`/api/pos/tickets/${t.id}/discount`, { discountAmount: null })).body).toMatchObject({ discount: 0, total: 1490 });
  });

  it('follows the lines: a line added or voided moves the shares, the total stays lines − discount', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }, { articleId: bread.id }]);
    await shop.cashier.put(`/api/pos/tickets/${t.id}/discount`, { discountRate: 500 });
    const more = (await shop.cashier.post(`/api/pos/tickets/${t.id}/lines`, { articleId: bread.id, quantity: 3000 })).body;
    expect(more.discount).toBe(Math.round((149 + 233 * 4) * 0.05));
    expect(more.total).toBe(149 + 233 * 4 - more.discount);
    const fewer = (await shop.cashier.delete(`/api/pos/tickets/${t.id}/lines/${more.lines[2].id}`)).body;
    expect(fewer.discount).toBe(19);
    expect(fewer.lines.map((l: any) => l.ticketDiscount).reduce((a: number, b: number) => a + b, 0)).toBe(19);
  });

  it('refunds give back each line’s share of the ticket discount, prorated, and never a cent more than was paid', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 3000 }, { articleId: bread.id, quantity: 7000 }]);
    const d = (await shop.cashier.put(`/api/pos/tickets/${t.id}/discount`, { discountRate: 700 })).body;
    const paid = await pay(shop.cashier, t.id, [{ method: 'card', amount: d.total }]);
    expect(paid.status).toBe(201);
    const [b, p] = paid.body.ticket.lines;
    expect(b.ticketDiscount + p.ticketDiscount).toBe(d.discount);
    const parts = [];
    const before = new Map<number, number>();
    for (const [line, q] of [[b, 1000], [p, 2000], [b, 2000], [p, 1000], [p, 4000]] as const) {
      const due = -refundLineTotal(line.total - line.ticketDiscount, line.quantity, before.get(line.id) ?? 0, q);
      before.set(line.id, (before.get(line.id) ?? 0) + q);
      const r = await refund(shop.manager, { ticketId: t.id, lines: [{ lineId: line.id, quantity: q }], tenders: [{ method: 'card', amount: due }] });
      expect(r.status).toBe(201);
      parts.push(r.body.ticket.total);
    }
    expect(parts.reduce((s, x) => s + x, 0)).toBe(-d.total);
  });

  it('prints the notes under their line and the ticket, and the ticket discount as a line of its own', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 2000, note: 'Bien fraîches' }, { articleId: bread.id }]);
    await shop.cashier.patch(`/api/pos/tickets/${t.id}`, { note: 'Livraison jeudi' });
    const d = (await shop.cashier.put(`/api/pos/tickets/${t.id}/discount`, { discountRate: 500 })).body;
    const paid = await pay(shop.cashier, t.id, [{ method: 'card', amount: d.total }]);
    expect(paid.body.receipt).toMatchObject({ note: 'Livraison jeudi', lines: [{ note: 'Bien fraîches' }, { note: '' }] });
    const html = (await shop.cashier.get(`/api/pos/tickets/${t.id}/receipt/print`)).body as string;
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Bien fraîches');
    expect(text).toContain('Livraison jeudi');
    expect(text).toContain('Remise sur le ticket 5 %');
    expect(text.replace(/\s/g, '')).toContain(`-${(d.discount / 100).toFixed(2).replace('.', ',')}`);
  });

  it('statistics and the sales journal count each line less its share of the ticket discount', async () => {
    const day = '2026-06-15';
    const get = async (path: string) => (await shop.manager.get(path)).body;
    const x = await get(`/api/pos/reports/x?scope=shop&period=day&date=${day}`);
    expect(x.sales.total).toBeGreaterThan(0);
    for (const axis of ['article', 'vat', 'family']) {
      const st = await get(`/api/pos/reports/stats?axis=${axis}&from=${day}`);
      const sum = (k: string) => st.rows.reduce((a: number, r: any) => a + r[k], 0);
      expect([sum('sales'), sum('refunds')], axis).toEqual([x.sales.total, x.refunds.total]);
    }
    const byRate = (await get(`/api/pos/reports/stats?axis=vat&from=${day}`)).rows.map((r: any) => ({ rate: Number(r.key), base: r.netBase }));
    expect(byRate).toEqual(x.vat.filter((v: any) => v.base || v.vat).map((v: any) => ({ rate: v.rate, base: v.base })));
    expect((await get(`/api/pos/reports/sales-journal?from=${day}`)).totals.total).toBe(x.net);
  });

  it('names the ticket’s customer', async () => {
    const c = await shop.cashier.post('/api/catalog/customers', { name: 'Marie Dubois', email: 'marie@example.be', postalCode: '1000' });
    expect(c.status).toBe(201);
    const t = await ticketWith(shop.cashier, []);
    const set = await shop.cashier.patch(`/api/pos/tickets/${t.id}`, { customerId: c.body.id });
    expect(set.body).toMatchObject({ customerId: c.body.id, customerName: 'Marie Dubois' });
    expect((await shop.cashier.get('/api/pos/tickets')).body.find((x: any) => x.id === t.id).customerName).toBe('Marie Dubois');
    expect((await shop.cashier.patch(`/api/pos/tickets/${t.id}`, { customerId: null })).body.customerName).toBeNull();
  });

  it('gives the cash step with the payment methods (Belgium: 5 cents, cash only)', async () => {
    const methods = (await shop.cashier.get('/api/pos/payment-methods')).body;
    expect(methods.find((m: any) => m.code === 'cash').cashStep).toBe(5);
    expect(methods.find((m: any) => m.code === 'card').cashStep).toBeNull();
  });

  it('keeps quick keys per station, falling back to the shop’s default; only a manager arranges them', async () => {
    const fam = await shop.admin.post('/api/catalog/families', { code: `FAM-${dialect}`, name: 'Fromages' });
    expect(fam.status).toBe(201);
    const layout = { pages: [{ name: 'Boulangerie', color: '#ffcc00', keys: [{ kind: 'article', id: bread.id }, { kind: 'article', id: cheese.id, label: 'Comté', color: '#aa5500' }, { kind: 'family', id: fam.body.id }] }], buttons: ['customer', 'park', 'discount'] };
    const none = await shop.cashier.get('/api/pos/quick-keys');
    expect(none.body).toMatchObject({ own: false, pages: [] });
    expect(none.body.buttons).toContain('parked');
    const refused = await shop.cashier.put('/api/pos/quick-keys?station=0', layout);
    expect(refused.status).toBe(403);
    const shopDefault = await shop.manager.put('/api/pos/quick-keys?station=0', layout);
    expect(shopDefault.status).toBe(200);
    const seen = (await shop.station2.get('/api/pos/quick-keys')).body;
    expect(seen).toMatchObject({ own: false, buttons: ['customer', 'discount', 'park'] });
    expect(seen.pages[0].keys).toEqual([
      { kind: 'article', id: bread.id, name: 'Pain gris', code: bread.code, price: 233, unit: 'piece' },
      { kind: 'article', id: cheese.id, label: 'Comté', color: '#aa5500', name: 'Comté', code: cheese.code, price: 2490, unit: 'kg' },
      { kind: 'family', id: fam.body.id, name: 'Fromages', code: `FAM-${dialect}`, price: null, unit: null },
    ]);
    const own = await shop.manager.put('/api/pos/quick-keys', { pages: [{ name: 'Bières', keys: [{ kind: 'article', id: beer.id }] }], buttons: ['park', 'parked'] });
    expect(own.body).toMatchObject({ own: true, version: 1, pages: [{ name: 'Bières', keys: [{ name: 'Triple 33 cl' }] }] });
    expect((await shop.cashier.get('/api/pos/quick-keys')).body.pages[0].name).toBe('Bières');
    expect((await shop.station2.get('/api/pos/quick-keys')).body.pages[0].name).toBe('Boulangerie');
    const stale = await shop.manager.put('/api/pos/quick-keys', { pages: [], buttons: [], version: 7 });
    expect(stale.status).toBe(409);
    const unknown = await shop.manager.put('/api/pos/quick-keys', { pages: [{ name: 'X', keys: [{ kind: 'article', id: 999999 }] }], buttons: [] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('POS_QUICK_KEY_UNKNOWN');
    const badColour = await shop.manager.put('/api/pos/quick-keys', { pages: [{ name: 'X', color: 'red', keys: [] }], buttons: [] });
    expect(badColour.status).toBe(400);
    expect((await shop.manager.request('DELETE', `/api/pos/quick-keys?station=${own.body.stationId}`)).body).toMatchObject({ own: false });
  });

  it('a burst of managers creating the same station’s layout: one wins, the others get 409, never 500', async () => {
    const st = await shop.admin.post('/api/stations', { name: `Caisse burst` });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => shop.manager.put(`/api/pos/quick-keys?station=${st.body.id}`, { pages: [{ name: `P${i}`, keys: [] }], buttons: [], version: 0 })));
    const codes = answers.map((a) => a.status).sort();
    expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 200 || c === 409)).toBe(true);
    expect(await rows(shop.tk, 'select count(*) as n from pos_quick_key_layout where station_key = ?', [st.body.id])).toEqual([{ n: expect.anything() }]);
  });
});
