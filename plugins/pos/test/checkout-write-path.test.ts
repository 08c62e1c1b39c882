import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { definePlugin } from '@comptoir/kernel';
import { testDialects } from '@comptoir/kernel/testing';
import { getSalesHooks } from '@comptoir/sales';
import { createArticle, openShop, pay, rows, ticketWith, type Shop } from './helpers.js';

// The checkout's write path runs its statements straight on the transaction's connection (prepared statements on
// SQLite), claims its Idempotency-Key in one statement and takes the ticket in the statement that pays it. What a
// cashier and the journal see must not change: one transaction, nothing left behind by a refusal.

const gate = { refuse: false };
const gatePlugin = definePlugin({
  name: 'gate', version: '1.0.0', kernel: '^0.1.0', requires: { sales: '^0.1.0' },
  register({ kernel }) {
    getSalesHooks(kernel).committing.tapPromise('gate', async () => {
      if (gate.refuse) throw new Error('the stock says no');
    });
  },
});

describe.each(testDialects())('checkout write path (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let bread: any;

  beforeAll(async () => {
    shop = await openShop(dialect, [gatePlugin]);
    beer = await createArticle(shop.admin, { name: 'Blonde 33 cl', price: 189, vatCategory: 'BE-21' });
    bread = await createArticle(shop.admin, { name: 'Pain blanc', price: 245, vatCategory: 'BE-6' });
  });
  afterAll(async () => shop?.tk.close());

  /** Everything a checkout writes, counted. */
  const written = async () => ({
    seq: (await rows(shop.tk, "select last_value from kernel_sequence where series = 'T1'")).map((r) => Number(r.last_value)),
    journal: Number((await rows(shop.tk, "select count(*) as n from kernel_journal_entry where chain = 'tickets'"))[0].n),
    head: (await rows(shop.tk, "select last_seq, last_hash from kernel_journal_head where chain = 'tickets'")).map((r) => [Number(r.last_seq), r.last_hash]),
    payments: Number((await rows(shop.tk, 'select count(*) as n from pos_payment'))[0].n),
    totals: (await rows(shop.tk, 'select key, amount, count from pos_day_total order by station_id, day, key')).map((r) => `${r.key}=${r.amount}/${r.count}`),
    keys: Number((await rows(shop.tk, 'select count(*) as n from kernel_idempotency'))[0].n),
  });

  it('a refusing tap leaves nothing (number, payments, running totals, journal, key), and the same key then sells once', async () => {
    await pay(shop.cashier, (await ticketWith(shop.cashier, [{ articleId: bread.id }])).id, [{ method: 'card', amount: 245 }]);
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }, { articleId: bread.id, quantity: 2000 }]);
    const before = await written();
    const key = randomUUID();
    gate.refuse = true;
    try {
      const res = await pay(shop.cashier, t.id, [{ method: 'cash', amount: 700 }], key);
      expect(res.status).toBe(500);
    } finally {
      gate.refuse = false;
    }
    expect(await written()).toEqual(before);
    expect((await shop.cashier.get(`/api/pos/tickets/${t.id}`)).body).toMatchObject({ status: 'open', number: null, payments: [] });

    const sold = await pay(shop.cashier, t.id, [{ method: 'cash', amount: 700 }], key);
    expect(sold.status).toBe(201);
    expect(sold.headers.get('idempotent-replayed')).toBeNull();
    expect(sold.body.ticket.number).toBe(`T1-2026-${String(before.seq[0] + 1).padStart(6, '0')}`);
    const again = await pay(shop.cashier, t.id, [{ method: 'cash', amount: 700 }], key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(sold.body);
    const after = await written();
    expect(after.payments).toBe(before.payments + 1);
    expect(after.journal).toBe(before.journal + 1);
    // The answer is the ticket as stored, version included.
    const stored = (await shop.cashier.get(`/api/pos/tickets/${t.id}`)).body;
    expect(sold.body.ticket).toMatchObject({ status: 'paid', number: stored.number, version: stored.version, total: stored.total });
  });

  it('the same key with another body is refused (422) and sells nothing', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }]);
    const key = randomUUID();
    expect((await pay(shop.cashier, t.id, [{ method: 'card', amount: 189 }], key)).status).toBe(201);
    const before = await written();
    const other = await pay(shop.cashier, t.id, [{ method: 'cash', amount: 200 }], key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await written()).toEqual(before);
  });

  it('two tabs paying one ticket at once: one sale, the other told it changed, no number lost', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }]);
    const before = await written();
    const [a, b] = await Promise.all([
      pay(shop.cashier, t.id, [{ method: 'card', amount: 189 }]),
      pay(shop.cashier, t.id, [{ method: 'card', amount: 189 }]),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    const after = await written();
    expect(after.seq[0]).toBe(before.seq[0] + 1);
    expect(after.journal).toBe(before.journal + 1);
    const seqs = (await rows(shop.tk, "select seq from pos_ticket where series = 'T1' and status = 'paid' order by seq")).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect((await shop.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });
});
