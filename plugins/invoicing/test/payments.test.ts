import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { clock, createArticle, createCustomer, draft, issued, openShop, rows, tamper, type Shop } from './helpers.js';

const spaces = (s: string) => s.replace(/\s/g, ' ');

describe.each(testDialects())('payments (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let customer: any;
  const pay = (id: number, body: Record<string, unknown>, key = randomUUID()) => shop.manager.request('POST', `/api/invoicing/documents/${id}/payments`, body, { 'idempotency-key': key });

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect);
    beer = await createArticle(shop.admin, { name: 'Fût 20 l', price: 12100, vatCategory: 'BE-21' });
    customer = await createCustomer(shop.admin, { name: 'Bar des Amis SRL' });
  });
  afterAll(async () => { clock.set('2026-06-15T08:00:00Z'); await shop?.tk.close(); });

  it('takes several payments by several methods: partial, then paid; never more than the balance', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, paymentTermsDays: 15, lines: [{ articleId: beer.id, quantity: 3000 }] }));
    expect(inv).toMatchObject({ totals: { total: 36300 }, dueDate: '2026-06-30', paymentStatus: 'unpaid', balance: 36300 });
    let res = await pay(inv.id, { amount: 10000, method: 'cash' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ paid: 10000, balance: 26300, paymentStatus: 'partial' });
    const key = randomUUID();
    res = await pay(inv.id, { amount: 20000, method: 'transfer', reference: inv.structuredCommunication, date: '2026-06-20' }, key);
    expect(res.body).toMatchObject({ paid: 30000, balance: 6300 });
    // The same transfer sent twice (a retry) is recorded once.
    const replay = await pay(inv.id, { amount: 20000, method: 'transfer', reference: inv.structuredCommunication, date: '2026-06-20' }, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const over = await pay(inv.id, { amount: 6301, method: 'card' });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('INVOICING_PAYMENT_EXCEEDS_BALANCE');
    expect(spaces(over.body.detail)).toBe('Le paiement dépasse le solde dû de 63,00 €.');
    res = await pay(inv.id, { amount: 6300, method: 'card' });
    expect(res.body).toMatchObject({ paid: 36300, balance: 0, paymentStatus: 'paid' });
    expect(res.body.payments.map((p: any) => [p.method, p.amount, p.date, p.reference])).toEqual([
      ['cash', 10000, '2026-06-15', ''],
      ['transfer', 20000, '2026-06-20', '+++260/0000/00170+++'],
      ['card', 6300, '2026-06-15', ''],
    ]);
    const journaled = await rows(shop.tk, "select count(*) as n from kernel_journal_entry where chain = 'invoices' and type = 'invoicing.payment'");
    expect(Number(journaled[0].n)).toBe(3);
    expect(await tamper(shop.tk, 'update invoicing_payment set amount = 1 where document_id = ?', [inv.id])).toBeInstanceOf(Error);
    expect(await tamper(shop.tk, 'delete from invoicing_payment where document_id = ?', [inv.id])).toBeInstanceOf(Error);
    expect(await tamper(shop.tk, 'update invoicing_document set paid_total = total + 1 where id = ?', [inv.id])).toBeInstanceOf(Error);
  });

  it('refuses payments on a draft or a quote, and bad amounts', async () => {
    const d = await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id }] });
    const res = await pay(d.id, { amount: 100, method: 'cash' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'INVOICING_NOT_AN_INVOICE', detail: 'Seule une facture émise reçoit des paiements.' });
    expect((await pay(d.id, { amount: 0, method: 'cash' })).status).toBe(400);
    expect((await pay(d.id, { amount: 100, method: 'bitcoin' })).status).toBe(400);
    expect((await pay(d.id, { amount: 1.5, method: 'cash' })).status).toBe(400);
    expect((await shop.cashier.post(`/api/invoicing/documents/${d.id}/payments`, { amount: 100, method: 'cash' })).status).toBe(403);
  });

  it('lists the overdue invoices once their due date has passed', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, paymentTermsDays: 10, lines: [{ articleId: beer.id }] }));
    await pay(inv.id, { amount: 100, method: 'transfer' });
    clock.set('2026-07-01T08:00:00Z');
    // Two weeks later: yesterday's sessions have expired, the accountant signs in again.
    const later = shop.admin.fork();
    await later.login('admin', shop.tk.adminPassword);
    const view = (await later.get(`/api/invoicing/documents/${inv.id}`)).body;
    expect(view).toMatchObject({ dueDate: '2026-06-25', paymentStatus: 'overdue', balance: 12000 });
    const overdue = (await later.get('/api/invoicing/documents?paymentStatus=overdue')).body;
    expect(overdue.items.map((d: any) => d.number)).toEqual([inv.number]);
    const paid = (await later.get('/api/invoicing/documents?paymentStatus=paid')).body;
    expect(paid).toMatchObject({ total: 1, totalCapped: false, hasMore: false, page: 1, pageSize: 50 });
    expect(paid.items.map((d: any) => d.number)).toEqual(['FAC-2026-000001']);
    const pageOfOne = (await later.get('/api/invoicing/documents?type=invoice&status=issued&pageSize=1')).body;
    expect(pageOfOne).toMatchObject({ total: 2, hasMore: true });
    expect(pageOfOne.items.map((d: any) => d.number)).toEqual([inv.number]);
    clock.set('2026-06-15T08:00:00Z');
  });

  it('a burst of payments on one invoice never takes it beyond its total (409 or 422, never 500)', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id }] }));
    const answers = await Promise.all(Array.from({ length: 10 }, () => pay(inv.id, { amount: 5000, method: 'transfer' })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.every((s) => s === 201 || s === 422 || s === 409)).toBe(true);
    const after = (await shop.manager.get(`/api/invoicing/documents/${inv.id}`)).body;
    expect(after).toMatchObject({ paid: 10000, balance: 2100, paymentStatus: 'partial' });
  });
});
