import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { createArticle, openShop, pay, rows, ticketWith, type Shop } from './helpers.js';

describe.each(testDialects())('tickets in progress, parking, reprints and corrections (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let noPrice: any;

  beforeAll(async () => {
    shop = await openShop(dialect);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 149 });
    noPrice = await createArticle(shop.admin, { name: 'Bouquet', price: null });
  });
  afterAll(async () => shop?.tk.close());

  it('keeps the ticket on the server: another browser of the same station finds it as it was', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 2000 }]);
    const again = shop.cashier.fork();
    await again.login('admin', shop.tk.adminPassword);
    again.setCookie('cpt_station', shop.cashier.cookie('cpt_station')!);
    const open = await again.get('/api/pos/tickets');
    expect(open.body.find((x: any) => x.id === t.id)).toMatchObject({ status: 'open', total: 298, lines: [{ code: beer.code, quantity: 2000, total: 298 }] });
  });

  it('refuses a browser that is not a station, and an article without price unless one is typed', async () => {
    const nowhere = await shop.tk.userWith(['cashier']);
    const res = await nowhere.post('/api/pos/tickets', {});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('POS_STATION_REQUIRED');
    const t = await ticketWith(shop.cashier, []);
    const refused = await shop.cashier.post(`/api/pos/tickets/${t.id}/lines`, { articleId: noPrice.id });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe('« Bouquet » n’a pas de prix : donnez-lui un prix dans le catalogue ou tapez-le.');
    const typed = await shop.cashier.post(`/api/pos/tickets/${t.id}/lines`, { articleId: noPrice.id, unitPrice: 1500 });
    expect(typed.body.total).toBe(1500);
    const unknown = await shop.cashier.post(`/api/pos/tickets/${t.id}/lines`, { code: '0000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('Le code 0000000000000 ne correspond à aucun article, carte ou bon.');
  });

  it('limits discounts by permission: up to 10 % for a cashier, more for a manager', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 10000 }]);
    const line = t.lines[0];
    expect((await shop.cashier.patch(`/api/pos/tickets/${t.id}/lines/${line.id}`, { discountRate: 1000 })).body.total).toBe(1341);
    const refused = await shop.cashier.patch(`/api/pos/tickets/${t.id}/lines/${line.id}`, { discountRate: 1500 });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('POS_DISCOUNT_ABOVE_LIMIT');
    expect((await shop.manager.patch(`/api/pos/tickets/${t.id}/lines/${line.id}`, { discountAmount: 490 })).body.total).toBe(1000);
    const tooBig = await shop.manager.patch(`/api/pos/tickets/${t.id}/lines/${line.id}`, { discountAmount: 2000 });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.code).toBe('POS_DISCOUNT_INVALID');
  });

  it('voids a line freely before the total is shown, then only with pos.void, journaled', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }, { articleId: beer.id, quantity: 2000 }]);
    const first = await shop.cashier.delete(`/api/pos/tickets/${t.id}/lines/${t.lines[0].id}`);
    expect(first.body.lines).toHaveLength(1);
    await shop.cashier.patch(`/api/pos/tickets/${t.id}`, { displayed: true });
    const refused = await shop.cashier.delete(`/api/pos/tickets/${t.id}/lines/${t.lines[1].id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('POS_VOID_NOT_ALLOWED');
    const before = await rows(shop.tk, "select count(*) as n from kernel_journal_entry where type = 'pos.line.voided'");
    expect(Number(before[0].n)).toBe(0);
    const ok = await shop.manager.delete(`/api/pos/tickets/${t.id}/lines/${t.lines[1].id}`);
    expect(ok.body).toMatchObject({ lines: [], total: 0 });
    const entries = await rows(shop.tk, "select payload from kernel_journal_entry where type = 'pos.line.voided'");
    expect(JSON.parse(entries[0].payload)).toMatchObject({ ticketId: t.id, code: beer.code, quantity: 2000, total: 298 });
  });

  it('parks a ticket, shows it to every station, and resumes it on another one (once)', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 4000 }]);
    const parked = await shop.cashier.post(`/api/pos/tickets/${t.id}/park`);
    expect(parked.body).toMatchObject({ status: 'parked' });
    expect((await shop.cashier.post(`/api/pos/tickets/${t.id}/lines`, { articleId: beer.id })).body.code).toBe('POS_TICKET_NOT_OPEN');
    const list = await shop.station2.get('/api/pos/tickets?status=parked');
    expect(list.body.map((x: any) => x.id)).toContain(t.id);
    const resumed = await shop.station2.post(`/api/pos/tickets/${t.id}/resume`);
    expect(resumed.body).toMatchObject({ status: 'open', total: 596 });
    expect(resumed.body.stationId).not.toBe(t.stationId);
    const twice = await shop.cashier.post(`/api/pos/tickets/${t.id}/resume`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('POS_TICKET_NOT_PARKED');
    const paid = await pay(shop.station2, t.id, [{ method: 'card', amount: 596 }]);
    expect(paid.body.ticket.number).toMatch(/^T2-2026-/);
  });

  it('cancels a ticket with the permission, journaled with what it held', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }]);
    expect((await shop.cashier.post(`/api/pos/tickets/${t.id}/cancel`, { reason: 'client parti' })).status).toBe(403);
    const res = await shop.manager.post(`/api/pos/tickets/${t.id}/cancel`, { reason: 'client parti' });
    expect(res.body.status).toBe('cancelled');
    const e = await rows(shop.tk, "select payload from kernel_journal_entry where type = 'pos.ticket.cancelled'");
    expect(JSON.parse(e[0].payload)).toMatchObject({ ticketId: t.id, reason: 'client parti', total: 149 });
  });

  it('reprints a receipt as DUPLICATA with a counter, journaled; the original stays the original', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }]);
    const sale = (await pay(shop.cashier, t.id, [{ method: 'cash', amount: 200 }])).body;
    expect((await shop.cashier.post(`/api/pos/tickets/${t.id}/reprint`)).status).toBe(403);
    const first = await shop.manager.post(`/api/pos/tickets/${t.id}/reprint`);
    const second = await shop.manager.post(`/api/pos/tickets/${t.id}/reprint`);
    expect([first.body.duplicate, second.body.duplicate]).toEqual([1, 2]);
    expect(second.body).toMatchObject({ number: sale.ticket.number, total: 149, change: 50, signature: sale.receipt.signature });
    expect((await shop.cashier.get(`/api/pos/tickets/${t.id}/receipt`)).body).toEqual(sale.receipt);
    const e = await rows(shop.tk, "select payload from kernel_journal_entry where type = 'pos.duplicate' order by seq");
    expect(e.map((x) => JSON.parse(x.payload))).toEqual([{ number: sale.ticket.number, duplicate: 1 }, { number: sale.ticket.number, duplicate: 2 }]);
  });

  it('prints the receipt through the shop’s receipt template, as HTML and PDF, marked DUPLICATA once reprinted', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 3000 }]);
    const sale = (await pay(shop.cashier, t.id, [{ method: 'cash', amount: 500 }])).body.ticket;
    const html = await shop.cashier.get(`/api/pos/tickets/${t.id}/receipt/print`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.body).toContain(sale.number);
    expect(html.body).toContain('Espèces');
    expect(html.body).not.toContain('DUPLICATA');
    await shop.manager.post(`/api/pos/tickets/${t.id}/reprint`);
    expect((await shop.cashier.get(`/api/pos/tickets/${t.id}/receipt/print`)).body).toContain(`${sale.number} DUPLICATA 1`);
    const pdf = await fetch(`${shop.tk.baseUrl}/api/pos/tickets/${t.id}/receipt/print?format=pdf`, { headers: { cookie: `cpt_session=${shop.cashier.cookie('cpt_session')}; cpt_station=${shop.cashier.cookie('cpt_station')}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('corrects a payment method with the permission, keeping the original, journaled', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 2000 }]);
    await pay(shop.cashier, t.id, [{ method: 'cash', amount: 300 }]); // 2,98 → 3,00 cash
    const body = { tenders: [{ method: 'card', amount: 298 }], reason: 'payé par carte, encodé en espèces' };
    expect((await shop.cashier.post(`/api/pos/tickets/${t.id}/payments/correct`, body)).status).toBe(403);
    const wrong = await shop.manager.post(`/api/pos/tickets/${t.id}/payments/correct`, { ...body, tenders: [{ method: 'card', amount: 300 }] });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('POS_CORRECTION_TOTAL');
    const res = await shop.manager.post(`/api/pos/tickets/${t.id}/payments/correct`, body);
    expect(res.status).toBe(200);
    expect(res.body.payments.map((p: any) => [p.method, p.amount, p.status])).toEqual([['cash', 300, 'corrected'], ['card', 298, 'active']]);
    const e = await rows(shop.tk, "select payload from kernel_journal_entry where type = 'pos.payment.corrected'");
    expect(JSON.parse(e[0].payload)).toMatchObject({ before: [{ method: 'cash', amount: 300 }], after: [{ method: 'card', amount: 298 }] });
    expect((await shop.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('offers the built-in payment methods', async () => {
    const res = await shop.cashier.get('/api/pos/payment-methods');
    expect(res.body.map((m: any) => m.code)).toEqual(['cash', 'card', 'cheque', 'meal-voucher', 'eco-voucher', 'transfer']);
  });
});
