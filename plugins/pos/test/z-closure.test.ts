import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { definePlugin } from '@comptoir/kernel';
import { testDialects } from '@comptoir/kernel/testing';
import { getPosHooks } from '../src/index.js';
import { clock, createArticle, openShop, pay, refund, rows, ticketWith, type Shop } from './helpers.js';

const interrupt = { on: false };
const interrupter = definePlugin({
  name: 'interrupter', version: '1.0.0', kernel: '^0.1.0', requires: { pos: '^0.1.0' },
  register({ kernel }) {
    getPosHooks(kernel).closing.tapPromise('interrupter', async () => {
      if (interrupt.on) throw new Error('power cut');
    });
  },
});

describe.each(testDialects())('cash, X reports and Z closures (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let wine: any;

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect, [interrupter]);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 149 });
    wine = await createArticle(shop.admin, { name: 'Vin rouge', price: 1250, vatCategory: 'BE-21' });
    const m = shop.manager;
    expect((await m.post('/api/pos/cash/movements', { kind: 'float', amount: 10000 })).status).toBe(201);
    const t1 = await ticketWith(m, [{ articleId: beer.id, quantity: 3000 }]); // 4,47 → 4,45 cash
    await pay(m, t1.id, [{ method: 'cash', amount: 500 }]);
    const t2 = await ticketWith(m, [{ articleId: wine.id, quantity: 2000 }]); // 25,00
    const s2 = (await pay(m, t2.id, [{ method: 'card', amount: 2000 }, { method: 'cash', amount: 500 }])).body.ticket;
    await refund(m, { ticketId: s2.id, lines: [{ lineId: s2.lines[0].id, quantity: 1000 }], tenders: [{ method: 'cash', amount: 1250 }] });
    expect((await m.post('/api/pos/cash/movements', { kind: 'deposit', amount: 2000, reason: 'Monnaie de la banque' })).status).toBe(201);
    expect((await m.post('/api/pos/cash/movements', { kind: 'withdrawal', amount: 5000, reason: 'Dépôt en banque' })).status).toBe(201);
    expect((await m.post('/api/pos/cash/drawer', { reason: 'Échange de monnaie' })).status).toBe(201);
    // Another station's sale: in the shop's figures, not in station 1's.
    const t3 = await ticketWith(shop.station2, [{ articleId: beer.id }]);
    await pay(shop.station2, t3.id, [{ method: 'card', amount: 149 }]);
    // A ticket parked and left waiting.
    const parked = await ticketWith(shop.cashier, [{ articleId: beer.id }]);
    await shop.cashier.post(`/api/pos/tickets/${parked.id}/park`);
  });
  afterAll(async () => shop?.tk.close());

  it('needs a reason for a withdrawal, and the drawer permission to open without a sale', async () => {
    const res = await shop.cashier.post('/api/pos/cash/movements', { kind: 'withdrawal', amount: 100 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('POS_REASON_REQUIRED');
    expect((await shop.cashier.post('/api/pos/cash/drawer', { reason: 'x' })).status).toBe(403);
    const entries = await rows(shop.tk, "select type, payload from kernel_journal_entry where chain = 'tickets' and type in ('pos.cash.movement', 'pos.drawer.opened') order by seq");
    expect(entries.map((e) => e.type)).toEqual(['pos.cash.movement', 'pos.cash.movement', 'pos.cash.movement', 'pos.drawer.opened']);
  });

  it('reads an X report of the station: sales, refunds, VAT, payments, rounding and the cash expected', async () => {
    const x = await shop.manager.get('/api/pos/reports/x?period=day&date=2026-06-15');
    expect(x.status).toBe(200);
    expect(x.body).toMatchObject({
      scope: 'station', period: { kind: 'day', from: '2026-06-15', to: '2026-06-15' },
      sales: { total: 2947, count: 2 }, refunds: { total: -1250, count: 1 }, net: 1697,
      vat: [{ rate: 2100, base: 1402, vat: 295 }],
      rounding: -2,
      cash: { float: 10000, deposits: 2000, withdrawals: -5000, noSale: 1, sales: 445 + 500 - 1250, expected: 10000 + 2000 - 5000 + 445 + 500 - 1250 },
      grandTotals: { sales: 2947, refunds: -1250, net: 1697 },
    });
    expect(x.body.payments).toEqual([{ method: 'card', amount: 2000, count: 1 }, { method: 'cash', amount: 445 + 500 - 1250, count: 3 }]);
    expect(x.body.parked).toHaveLength(1);
    const shopX = await shop.manager.get('/api/pos/reports/x?scope=shop');
    expect(shopX.body).toMatchObject({ scope: 'shop', sales: { total: 2947 + 149, count: 3 } });
    expect((await shop.cashier.get('/api/pos/reports/x')).status).toBe(200);
  });

  it('a Z interrupted half-way leaves nothing: no closure, no number, no journal entry', async () => {
    interrupt.on = true;
    try {
      const res = await shop.manager.request('POST', '/api/pos/closures', { period: 'day', date: '2026-06-15' }, { 'idempotency-key': randomUUID() });
      expect(res.status).toBe(500);
    } finally {
      interrupt.on = false;
    }
    expect(await rows(shop.tk, 'select id from pos_closure')).toEqual([]);
    expect(await rows(shop.tk, "select * from kernel_sequence where series like 'Z%'")).toEqual([]);
    expect(await rows(shop.tk, "select id from kernel_journal_entry where chain = 'closures'")).toEqual([]);
  });

  it('closes the station’s day once, with the counted cash, grand totals and the journal heads; a second Z is refused', async () => {
    expect((await shop.cashier.post('/api/pos/closures', { period: 'day' })).status).toBe(403);
    const heads = await rows(shop.tk, 'select chain, last_seq, last_hash from kernel_journal_head order by chain');
    const res = await shop.manager.post('/api/pos/closures', {
      period: 'day', date: '2026-06-15',
      cashCount: { counts: { '5000': 1, '1000': 1, '200': 3, '5': 1 }, explanation: 'Pièce de 5 cents égarée' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: 'Z1-2026-000001', scope: 'station', net: 1697, grandTotals: { sales: 2947, refunds: -1250, net: 1697 },
      cashCount: { counted: 6605, expected: 6695, difference: -90, explanation: 'Pièce de 5 cents égarée' },
    });
    expect(res.body.journalHeads).toEqual(Object.fromEntries(heads.map((h) => [h.chain, { seq: Number(h.last_seq), hash: h.last_hash }])));
    expect(res.body.parked).toHaveLength(1);
    const again = await shop.manager.post('/api/pos/closures', { period: 'day', date: '2026-06-15' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'POS_ALREADY_CLOSED', detail: 'La caisse 1 (2026-06-15) est déjà clôturé : un Z ne se refait pas.' });
    const z = await rows(shop.tk, "select type, payload from kernel_journal_entry where chain = 'closures'");
    expect(z.map((e) => e.type)).toEqual(['pos.z']);
    expect(JSON.parse(z[0].payload)).toMatchObject({ number: 'Z1-2026-000001', grandTotals: { net: 1697 } });
  });

  it('keeps a Z immutable: the database refuses to change or delete it', async () => {
    await expect(rows(shop.tk, 'update pos_closure set grand_total = 0')).rejects.toThrow(/immutable/);
    await expect(rows(shop.tk, 'delete from pos_closure')).rejects.toThrow(/immutable/);
    await expect(rows(shop.tk, 'update pos_cash_count set counted = 0')).rejects.toThrow(/immutable/);
  });

  it('closes the shop for the month, and the grand totals carry on into the next day', async () => {
    const month = await shop.manager.post('/api/pos/closures', { scope: 'shop', period: 'month', date: '2026-06-15' });
    expect(month.status).toBe(201);
    expect(month.body).toMatchObject({ number: 'ZSHOP-2026-000001', period: { kind: 'month', from: '2026-06-01', to: '2026-06-30' }, sales: { total: 3096 }, grandTotals: { net: 1846 } });
    // 00:30 in Brussels (summer time) is the next business day; the session slides along the way.
    clock.set('2026-06-15T15:00:00Z');
    await shop.manager.get('/api/pos/reports/x');
    clock.set('2026-06-15T22:30:00Z');
    const t = await ticketWith(shop.manager, [{ articleId: wine.id }]);
    await pay(shop.manager, t.id, [{ method: 'card', amount: 1250 }]);
    const x = await shop.manager.get('/api/pos/reports/x');
    expect(x.body).toMatchObject({ period: { from: '2026-06-16' }, sales: { total: 1250, count: 1 }, grandTotals: { sales: 2947 + 1250, net: 1697 + 1250 } });
    const list = await shop.manager.get('/api/pos/closures');
    expect(list.body.map((z: any) => z.number)).toEqual(['ZSHOP-2026-000001', 'Z1-2026-000001']);
    await shop.admin.login('admin', shop.tk.adminPassword);
    const verified = (await shop.admin.get('/api/journal/verify')).body;
    expect(verified.ok).toBe(true);
    // Each Z's recorded heads are anchors the journal must still reach.
    expect(verified.anchors).toBeGreaterThanOrEqual(Object.keys(month.body.journalHeads).length);
  });

  it('takes one Z when five managers close the same period at once; the others get 409, never a 500', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => shop.manager.post('/api/pos/closures', { scope: 'shop', period: 'period', date: '2026-06-01', to: '2026-06-10' })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body.code])).toEqual(Array(4).fill([409, 'POS_ALREADY_CLOSED']));
    expect(await rows(shop.tk, "select id from pos_closure where period = 'period'")).toHaveLength(1);
  });

  it('refuses a period that is not one', async () => {
    const res = await shop.manager.get('/api/pos/reports/x?period=period&date=2026-06-15&to=2026-06-01');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('POS_PERIOD_INVALID');
  });
});
