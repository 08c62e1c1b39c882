import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDialects } from '@comptoir/kernel/testing';
import stock from '../../stock/src/index.js';
import { clock, createArticle, openShop, pay, refund, rows, ticketWith, type Shop } from '../../pos/test/helpers.js';
import invoicing from '../src/index.js';

// The VAT invoice of a paid till ticket: the same sale on paper, for a customer — not a second sale.
describe.each(testDialects())('invoice from a till ticket (%s)', (dialect) => {
  let shop: Shop;
  let customer: any;
  let wine: any;
  let bread: any;

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect, [invoicing, stock]);
    const c = await shop.admin.post('/api/catalog/customers', {
      name: 'Bistrot du Parc SRL', kind: 'company', country: 'BE', language: 'fr', street: 'Rue Haute 12', postalCode: '1000', city: 'Bruxelles',
    });
    customer = c.body;
    wine = await createArticle(shop.admin, { name: 'Vin rouge', price: 1299, vatCategory: 'BE-21' });
    bread = await createArticle(shop.admin, { name: 'Pain gris', price: 233, vatCategory: 'BE-6' });
    for (const a of [wine, bread]) {
      const m = await shop.admin.post('/api/stock/movements', { kind: 'receipt', articleId: a.id, locationId: 1, quantity: 100_000, unitCost: 50 });
      expect(m.status).toBe(201);
    }
  });
  afterAll(async () => shop?.tk.close());

  /** A paid ticket: three wines with 10 % off the line, seven breads, and 1.37 € off the ticket. */
  async function paidTicket(): Promise<any> {
    const t = await ticketWith(shop.manager, [{ articleId: wine.id, quantity: 3000, discountRate: 1000 }, { articleId: bread.id, quantity: 7000 }]);
    const d = await shop.manager.put(`/api/pos/tickets/${t.id}/discount`, { discountAmount: 137 });
    expect(d.status).toBe(200);
    const res = await pay(shop.manager, t.id, [{ method: 'card', amount: d.body.total }]);
    expect(res.status).toBe(201);
    return res.body.ticket;
  }

  const level = async (articleId: number) =>
    (await shop.admin.get(`/api/stock/levels?articleId=${articleId}&locationId=1`)).body.items[0]?.quantity ?? 0;

  it('drafts the invoice with the ticket’s lines and totals to the cent; issued, it is paid at the till and moves no goods', async () => {
    const ticket = await paidTicket();
    const stockBefore = [await level(wine.id), await level(bread.id)];
    const reading = async () => (await shop.manager.get('/api/pos/reports/x?scope=shop&period=day&date=2026-06-15')).body;
    const xBefore = await reading();
    const res = await shop.manager.post('/api/invoicing/from-ticket', { ticketId: ticket.id, customerId: customer.id });
    expect(res.status).toBe(201);
    const doc = res.body;
    expect(doc).toMatchObject({ type: 'invoice', status: 'draft', customer: { id: customer.id }, totals: { total: ticket.total, vat: ticket.vat, base: ticket.base } });
    expect(doc.totals.rates.map((r: any) => r.rate).sort((a: number, b: number) => a - b)).toEqual([600, 2100]);
    expect(doc.notes).toContain(`Ticket de caisse ${ticket.number}`);
    expect(doc.lines.filter((l: any) => l.kind === 'article').map((l: any) => [l.articleId, l.quantity])).toEqual([[wine.id, 3000], [bread.id, 7000]]);

    const issued = await shop.manager.request('POST', `/api/invoicing/documents/${doc.id}/issue`, { version: doc.version }, { 'idempotency-key': randomUUID() });
    expect(issued.status).toBe(200);
    const view = (await shop.manager.get(`/api/invoicing/documents/${doc.id}`)).body;
    expect(view).toMatchObject({ status: 'issued', totals: { total: ticket.total }, paid: ticket.total, balance: 0, paymentStatus: 'paid' });
    expect(view.payments).toEqual([expect.objectContaining({ method: 'till', amount: ticket.total, reference: ticket.number })]);
    // The till already took the goods out: the invoice does not take them a second time.
    expect([await level(wine.id), await level(bread.id)]).toEqual(stockBefore);
    // The till's reading counts the sale once, as before the invoice.
    expect(await reading()).toEqual(xBefore);
    // The printed invoice names the ticket.
    const pdf = await shop.manager.get(`/api/invoicing/documents/${doc.id}/print?format=html`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.body)).toContain(`Ticket de caisse ${ticket.number}`);

    // The database keeps the issued invoice's link to its ticket, as the rest of it.
    await expect(rows(shop.tk, 'update invoicing_document set pos_ticket_id = null, pos_ticket_number = ? where id = ?', ['', doc.id])).rejects.toThrow(/issued document cannot be changed/);
    expect((await shop.manager.get(`/api/invoicing/documents/${doc.id}`)).body.notes).toContain(ticket.number);
    const [link] = await rows(shop.tk, 'select pos_ticket_id, pos_ticket_number from invoicing_document where id = ?', [doc.id]);
    expect([Number(link.pos_ticket_id), link.pos_ticket_number]).toEqual([ticket.id, ticket.number]);

    const again = await shop.manager.post('/api/invoicing/from-ticket', { ticketId: ticket.id, customerId: customer.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVOICING_TICKET_ALREADY_INVOICED');
  });

  it('refuses an open ticket and a refund, and a cashier without invoicing.write', async () => {
    const open = await ticketWith(shop.manager, [{ articleId: bread.id, quantity: 1000 }]);
    const r1 = await shop.manager.post('/api/invoicing/from-ticket', { ticketId: open.id, customerId: customer.id });
    expect(r1.status).toBe(422);
    expect(r1.body.code).toBe('INVOICING_TICKET_NOT_INVOICEABLE');
    const sold = await paidTicket();
    const back = await refund(shop.manager, { ticketId: sold.id, tenders: [{ method: 'card', amount: sold.total }] });
    expect(back.status).toBe(201);
    const r2 = await shop.manager.post('/api/invoicing/from-ticket', { ticketId: back.body.ticket.id, customerId: customer.id });
    expect(r2.status).toBe(422);
    expect(r2.body.code).toBe('INVOICING_TICKET_NOT_INVOICEABLE');
    expect((await shop.cashier.post('/api/invoicing/from-ticket', { ticketId: sold.id, customerId: customer.id })).status).toBe(403);
    expect((await shop.manager.post('/api/invoicing/from-ticket', { ticketId: '1', customerId: customer.id })).status).toBe(400);
  });

  it('a burst of five on one ticket makes one invoice and 409s (PostgreSQL races them; SQLite queues them)', async () => {
    const ticket = await paidTicket();
    const res = await Promise.all(Array.from({ length: 5 }, () => shop.manager.post('/api/invoicing/from-ticket', { ticketId: ticket.id, customerId: customer.id })));
    expect(res.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const [{ n }] = await rows(shop.tk, 'select count(*) as n from invoicing_document where pos_ticket_id = ?', [ticket.id]);
    expect(Number(n)).toBe(1);
  });
});
