import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDialects } from '@comptoir/kernel/testing';
import { createArticle, level, move, openShop, pay, refuseNegative, rows, ticketWith, type Shop } from './helpers.js';

describe.each(testDialects())('negative stock (%s)', (dialect) => {
  let shop: Shop;
  const journalEntries = async () => Number((await rows(shop.tk, 'select count(*) as n from kernel_journal_entry'))[0].n);
  const paidTickets = async () => Number((await rows(shop.tk, "select count(*) as n from pos_ticket where status = 'paid'"))[0].n);

  beforeAll(async () => { shop = await openShop(dialect); });
  afterAll(async () => shop?.tk.close());

  it('is allowed by default: a till sells what nobody counted yet', async () => {
    const a = await createArticle(shop.admin);
    const t = await ticketWith(shop.cashier, [{ articleId: a.id, quantity: 2000 }]);
    expect((await pay(shop.cashier, t.id, [{ method: 'cash', amount: 200 }])).status).toBe(201);
    expect(await level(shop.cashier, a.id)).toBe(-2000);
  });

  it('refused, the counter hears what is left in its language, and the checkout leaves no ticket, no number, no journal entry', async () => {
    await refuseNegative(shop.manager);
    const a = await createArticle(shop.admin, { name: 'Dernier pot de miel', price: 650 });
    await move(shop.manager, { kind: 'receipt', articleId: a.id, quantity: 1000 });
    const t = await ticketWith(shop.cashier, [{ articleId: a.id, quantity: 2000 }]);
    const [entries, paid] = [await journalEntries(), await paidTickets()];
    const said: Record<string, string> = {};
    for (const lang of ['fr', 'nl', 'en']) {
      const res = await shop.cashier.request('POST', `/api/pos/tickets/${t.id}/checkout`, { tenders: [{ method: 'cash', amount: 1300 }] }, { 'idempotency-key': randomUUID(), 'x-comptoir-language': lang });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'STOCK_INSUFFICIENT', articleId: a.id, article: 'Dernier pot de miel', locationId: 1, available: 1000, requested: 2000 });
      said[lang] = res.body.detail;
    }
    expect(said).toEqual({
      fr: 'Stock insuffisant pour « Dernier pot de miel » : il reste 1.',
      nl: 'Onvoldoende voorraad voor "Dernier pot de miel": er blijft 1 over.',
      en: 'Not enough stock for "Dernier pot de miel": 1 left.',
    });
    expect(await journalEntries()).toBe(entries);
    expect(await paidTickets()).toBe(paid);
    const [ticket] = await rows(shop.tk, 'select status, number from pos_ticket where id = ?', [t.id]);
    expect(ticket).toMatchObject({ status: 'open', number: null });
    expect(await level(shop.cashier, a.id)).toBe(1000);

    // The cashier takes one off: it sells, with the next number of the series (none was consumed).
    const before = (await rows(shop.tk, "select max(seq) as seq from pos_ticket where series = 'T1'"))[0].seq;
    const one = await ticketWith(shop.cashier, [{ articleId: a.id, quantity: 1000 }]);
    const ok = await pay(shop.cashier, one.id, [{ method: 'cash', amount: 650 }]);
    expect(ok.status).toBe(201);
    expect(Number((await rows(shop.tk, 'select seq from pos_ticket where id = ?', [one.id]))[0].seq)).toBe(Number(before) + 1);
    expect(await level(shop.cashier, a.id)).toBe(0);
    // A loss is refused the same way; a refund always comes back.
    const loss = await shop.manager.post('/api/stock/movements', { kind: 'loss', articleId: a.id, quantity: 1000, reason: 'Cassé' });
    expect(loss.body).toMatchObject({ status: 409, code: 'STOCK_INSUFFICIENT', available: 0 });
  });

  it('per family: a family may allow what the shop refuses, or refuse what the shop allows', async () => {
    const fresh = await shop.admin.post('/api/catalog/families', { code: 'FRAIS', name: 'Frais' });
    const bulk = await shop.admin.post('/api/catalog/families', { code: 'VRAC', name: 'Vrac' });
    const cake = await createArticle(shop.admin, { name: 'Gâteau du jour', familyId: fresh.body.id });
    const rice = await createArticle(shop.admin, { name: 'Riz en vrac', unit: 'kg', familyId: bulk.body.id });
    await refuseNegative(shop.manager, true, { [fresh.body.id]: true });
    const t1 = await ticketWith(shop.cashier, [{ articleId: cake.id }]);
    expect((await pay(shop.cashier, t1.id, [{ method: 'cash', amount: 100 }])).status).toBe(201);
    expect(await level(shop.cashier, cake.id)).toBe(-1000);

    await refuseNegative(shop.manager, false, { [bulk.body.id]: false });
    const t2 = await ticketWith(shop.cashier, [{ articleId: rice.id, quantity: 250 }]);
    const refused = await pay(shop.cashier, t2.id, [{ method: 'cash', amount: 25 }]);
    expect(refused.body).toMatchObject({ status: 409, code: 'STOCK_INSUFFICIENT', detail: 'Stock insuffisant pour « Riz en vrac » : il reste 0.' });
    await move(shop.manager, { kind: 'receipt', articleId: rice.id, quantity: 250 });
    expect((await pay(shop.cashier, t2.id, [{ method: 'cash', amount: 25 }])).status).toBe(201);
    expect(await level(shop.cashier, rice.id)).toBe(0);
    expect((await shop.manager.get('/api/stock/settings/negative')).body).toEqual({ allowed: true, families: { [bulk.body.id]: false } });
  });

  it('a burst of checkouts from two stations for the last units: exactly as many succeed as there are units, the others get 409, never 500', async () => {
    await refuseNegative(shop.manager);
    const a = await createArticle(shop.admin, { name: 'Édition limitée', price: 1000 });
    const b = await createArticle(shop.admin, { name: 'Sac', price: 10 });
    await move(shop.manager, { kind: 'receipt', articleId: a.id, quantity: 3000 });
    await move(shop.manager, { kind: 'receipt', articleId: b.id, quantity: 100000 });
    const tickets: Array<{ client: typeof shop.cashier; id: number }> = [];
    for (let i = 0; i < 10; i++) {
      const client = i % 2 ? shop.station2 : shop.cashier;
      // Lines in both orders, so that two checkouts lock the same rows from opposite ends.
      const lines = i % 3 ? [{ articleId: a.id }, { articleId: b.id }] : [{ articleId: b.id }, { articleId: a.id }];
      tickets.push({ client, id: (await ticketWith(client, lines)).id });
    }
    const [entries, paid] = [await journalEntries(), await paidTickets()];
    const answers = await Promise.all(tickets.map((t) => pay(t.client, t.id, [{ method: 'cash', amount: 1010 }])));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ code: 'STOCK_INSUFFICIENT', articleId: a.id, available: 0 });
    expect(await level(shop.cashier, a.id)).toBe(0);
    expect(await level(shop.cashier, b.id)).toBe(97000);
    expect(await paidTickets()).toBe(paid + 3);
    expect(await journalEntries()).toBe(entries + 3);
    const sold = await rows(shop.tk, "select count(*) as n from stock_movement where article_id = ? and kind = 'sale'", [a.id]);
    expect(Number(sold[0].n)).toBe(3);
    // The numbers of each station's series have no gap.
    for (const series of ['T1', 'T2']) {
      const seqs = (await rows(shop.tk, 'select seq from pos_ticket where series = ? order by seq', [series])).map((r) => Number(r.seq));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
  });

  it('receipts and sales of the same article at once: never below zero, never a 500, the level is what committed', async () => {
    await refuseNegative(shop.manager);
    const a = await createArticle(shop.admin, { name: 'Pain du jour', price: 200 });
    const tickets: Array<{ client: typeof shop.cashier; id: number }> = [];
    for (let i = 0; i < 6; i++) {
      const client = i % 2 ? shop.station2 : shop.cashier;
      tickets.push({ client, id: (await ticketWith(client, [{ articleId: a.id }])).id });
    }
    const answers = await Promise.all([
      ...tickets.map((t) => pay(t.client, t.id, [{ method: 'cash', amount: 200 }])),
      ...[1, 2, 3, 4].map((i) => shop.manager.post('/api/stock/movements', { kind: 'receipt', articleId: a.id, quantity: 1000, unitCost: 100 * i })),
    ]);
    expect(answers.every((r) => r.status === 201 || r.status === 409), JSON.stringify(answers.map((r) => [r.status, r.status >= 500 ? r.body : null]))).toBe(true);
    const sold = answers.slice(0, 6).filter((r) => r.status === 201).length;
    expect(answers.slice(6).every((r) => r.status === 201)).toBe(true);
    expect(await level(shop.cashier, a.id)).toBe(4000 - sold * 1000);
    expect(await level(shop.cashier, a.id)).toBeGreaterThanOrEqual(0);
    const [sum] = await rows(shop.tk, 'select sum(quantity) as q, count(*) as n from stock_movement where article_id = ?', [a.id]);
    expect([Number(sum.q), Number(sum.n)]).toEqual([4000 - sold * 1000, 4 + sold]);
  });
});
