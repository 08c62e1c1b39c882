import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { definePlugin } from '@comptoir/kernel';
import { testDialects } from '@comptoir/kernel/testing';
import { getSalesHooks } from '@comptoir/sales';
import { getPosHooks, type CommittedEvent } from '../src/index.js';
import { createArticle, openShop, pay, rows, runCli, ticketWith, type Shop } from './helpers.js';

/** Money is formatted with non-breaking spaces; compare words. */
const spaces = (s: string) => s.replace(/\s/g, ' ');

/** A plugin that watches the till: it can refuse a sale inside its transaction, and records what follows the commit. */
const watcher = {
  refuse: false,
  committed: [] as CommittedEvent[],
};
const watcherPlugin = definePlugin({
  name: 'watcher', version: '1.0.0', kernel: '^0.1.0', requires: { pos: '^0.1.0', sales: '^0.1.0' },
  register({ kernel }) {
    getSalesHooks(kernel).committing.tapPromise('watcher', async () => {
      if (watcher.refuse) throw new Error('stock says no');
    });
    getPosHooks(kernel).committed.tapPromise('watcher', async (e) => { watcher.committed.push(e); });
    getPosHooks(kernel).paymentMethods.tap('watcher', (methods) => [...methods, { code: 'gift-voucher', label: { fr: 'Bon cadeau', nl: 'Cadeaubon', en: 'Gift voucher' }, isCash: false, refundable: false, opensDrawer: false }]);
  },
});

describe.each(testDialects())('checkout (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let bread: any;
  let cheese: any;

  beforeAll(async () => {
    shop = await openShop(dialect, [watcherPlugin]);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 149, vatCategory: 'BE-21' });
    bread = await createArticle(shop.admin, { name: 'Pain gris', price: 233, vatCategory: 'BE-6' });
    cheese = await createArticle(shop.admin, { name: 'Comté', unit: 'kg', price: 2490, vatCategory: 'BE-6' });
  });
  afterAll(async () => shop?.tk.close());

  it('sells mixed rates and a weighed line, paid cash with BE rounding and change, numbered in the station series', async () => {
    const t = await ticketWith(shop.cashier, [
      { code: beer.barcodes[0].code, quantity: 6000 },
      { articleId: bread.id },
      { articleId: cheese.id, quantity: 347 },
    ]);
    // 6 × 1,49 = 8,94; 2,33; 0,347 kg × 24,90 = 8,64 → 19,91
    expect(t.lines.map((l: any) => l.total)).toEqual([894, 233, 864]);
    expect(t.total).toBe(1991);
    const res = await pay(shop.cashier, t.id, [{ method: 'cash', amount: 2000 }]);
    expect(res.status).toBe(201);
    const { ticket, receipt } = res.body;
    expect(ticket).toMatchObject({ status: 'paid', number: 'T1-2026-000001', total: 1991, rounding: -1, change: 10 });
    expect(ticket.payments).toMatchObject([{ method: 'cash', amount: 1990, tendered: 2000, status: 'active' }]);
    expect(receipt.vat).toEqual([
      { rate: 2100, base: 739, vat: 155, total: 894 },
      { rate: 600, base: 1035, vat: 62, total: 1097 },
    ]);
    expect(receipt).toMatchObject({ number: 'T1-2026-000001', barcode: 'T1-2026-000001', total: 1991, rounding: -1, change: 10, duplicate: null, station: { name: 'Caisse 1' } });
    expect(receipt.signature).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rounds only the cash part of a mixed card + cash payment, and refuses a card paying more than due', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: bread.id, quantity: 3000 }]); // 6,99
    const over = await pay(shop.cashier, t.id, [{ method: 'card', amount: 700 }]);
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('POS_TENDER_EXCESS');
    expect(spaces(over.body.detail)).toBe('Le paiement « Carte » dépasse le montant dû de 0,01 € : seules les espèces peuvent dépasser (le rendu).');
    const short = await pay(shop.cashier, t.id, [{ method: 'card', amount: 500 }, { method: 'cash', amount: 195 }]);
    expect(short.status).toBe(422);
    expect(short.body.code).toBe('POS_TENDER_SHORT');
    expect(spaces(short.body.detail)).toBe('Il manque 0,05 €.');
    const res = await pay(shop.cashier, t.id, [{ method: 'card', amount: 500 }, { method: 'cash', amount: 500 }]);
    expect(res.status).toBe(201);
    // Cash part 1,99 → 2,00 (rounded), 5,00 given → 3,00 back; the card's 5,00 is not rounded.
    expect(res.body.ticket).toMatchObject({ total: 699, rounding: 1, change: 300 });
    expect(res.body.ticket.payments.map((p: any) => [p.method, p.amount, p.tendered])).toEqual([['card', 500, 500], ['cash', 200, 500]]);
  });

  it('takes a payment method a plugin contributes, and refuses one nobody knows', async () => {
    expect((await shop.cashier.get('/api/pos/payment-methods')).body.map((m: any) => m.code)).toContain('gift-voucher');
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }]);
    const unknown = await pay(shop.cashier, t.id, [{ method: 'bitcoin', amount: 149 }]);
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toBe('Le moyen de paiement « bitcoin » n’existe pas.');
    const res = await pay(shop.cashier, t.id, [{ method: 'gift-voucher', amount: 100 }, { method: 'cash', amount: 50 }]);
    expect(res.body.ticket.payments.map((p: any) => [p.method, p.amount])).toEqual([['gift-voucher', 100], ['cash', 50]]);
    expect(res.body.ticket).toMatchObject({ total: 149, rounding: 1, change: 0 });
  });

  it('needs an Idempotency-Key, and a checkout retried 10 times with one key records one sale', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }]);
    const none = await shop.cashier.post(`/api/pos/tickets/${t.id}/checkout`, { tenders: [{ method: 'card', amount: 149 }] });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const key = randomUUID();
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await pay(shop.cashier, t.id, [{ method: 'card', amount: 149 }], key));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.ticket.number)).size).toBe(1);
    expect(answers.slice(1).every((a) => a.headers.get('idempotent-replayed') === 'true')).toBe(true);
    const sold = await rows(shop.tk, "select count(*) as n from pos_payment where ticket_id = ?", [t.id]);
    expect(Number(sold[0].n)).toBe(1);
    const entries = await rows(shop.tk, "select count(*) as n from kernel_journal_entry where chain = 'tickets' and payload like ?", [`%${answers[0].body.ticket.number}%`]);
    expect(Number(entries[0].n)).toBe(1);
  });

  it('a committing tap that throws leaves no ticket, no number consumed, no journal entry and no receipt', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }]);
    const before = {
      seq: await rows(shop.tk, "select last_value from kernel_sequence where series = 'T1'"),
      journal: await rows(shop.tk, "select count(*) as n from kernel_journal_entry where chain = 'tickets'"),
      committed: watcher.committed.length,
    };
    watcher.refuse = true;
    try {
      const res = await pay(shop.cashier, t.id, [{ method: 'cash', amount: 150 }]);
      expect(res.status).toBe(500);
    } finally {
      watcher.refuse = false;
    }
    expect((await shop.cashier.get(`/api/pos/tickets/${t.id}`)).body).toMatchObject({ status: 'open', number: null, payments: [] });
    expect(await rows(shop.tk, "select last_value from kernel_sequence where series = 'T1'")).toEqual(before.seq);
    expect(await rows(shop.tk, "select count(*) as n from kernel_journal_entry where chain = 'tickets'")).toEqual(before.journal);
    expect(watcher.committed.length).toBe(before.committed);
    // The next sale takes the number the refused one did not use.
    const res = await pay(shop.cashier, t.id, [{ method: 'cash', amount: 150 }]);
    expect(res.body.ticket.number).toBe(`T1-2026-${String(Number(before.seq[0]?.last_value ?? 0) + 1).padStart(6, '0')}`);
    await expect.poll(() => watcher.committed.at(-1)?.ticket.number).toBe(res.body.ticket.number);
    expect(watcher.committed.at(-1)).toMatchObject({ openDrawer: true, receipt: { total: 149, rounding: 1 } });
  });

  it('gives every station its own series, gapless under 20 concurrent checkouts per station', async () => {
    const clients = [shop.cashier, shop.station2];
    const opened = await Promise.all(clients.flatMap((c) => Array.from({ length: 20 }, () => ticketWith(c, [{ articleId: beer.id }]))));
    const paid = await Promise.all(opened.map((t, i) => pay(clients[Math.floor(i / 20)], t.id, [{ method: 'card', amount: 149 }])));
    expect(paid.map((p) => p.status)).toEqual(Array(40).fill(201));
    for (const series of ['T1', 'T2']) {
      const nums = (await rows(shop.tk, 'select seq from pos_ticket where series = ? order by seq', [series])).map((r) => Number(r.seq));
      expect(nums).toEqual(Array.from({ length: nums.length }, (_, i) => i + 1));
    }
    const t2 = paid.slice(20).map((p) => p.body.ticket.number).sort();
    expect(t2[0]).toBe('T2-2026-000001');
    expect(t2[19]).toBe('T2-2026-000020');
  });

  it('the journal verifies after a day of sales, and names the ticket once a row is altered behind the till', async () => {
    const ok = await shop.admin.get('/api/journal/verify');
    expect(ok.body.ok).toBe(true);
    const cli = await runCli(shop.tk, ['journal', 'verify']);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^ok {3}tickets {6}\d+ entries/m);
    const [victim] = await rows(shop.tk, "select id, number from pos_ticket where status = 'paid' order by id limit 1");
    // The database refuses it; someone with the file can still drop the guard, and the journal then sees it.
    await expect(rows(shop.tk, 'update pos_ticket set total = total - 100 where id = ?', [victim.id])).rejects.toThrow(/paid ticket cannot be changed/);
    if (dialect === 'sqlite') await rows(shop.tk, 'drop trigger pos_ticket_paid_frozen');
    else await rows(shop.tk, 'alter table pos_ticket disable trigger pos_ticket_paid_frozen');
    await rows(shop.tk, 'update pos_ticket set total = total - 100 where id = ?', [victim.id]);
    const bad = await shop.admin.get('/api/journal/verify');
    expect(bad.body.ok).toBe(false);
    expect(bad.body.firstBad).toMatchObject({ chain: 'tickets', seq: 1, reason: `rows of pos_ticket (id = ${victim.id}) sealed by entry tickets#1 were altered` });
    const cliBad = await runCli(shop.tk, ['journal', 'verify']);
    expect(cliBad.code).toBe(1);
    expect(cliBad.stderr).toContain(`BAD  tickets: rows of pos_ticket (id = ${victim.id}) sealed by entry tickets#1 were altered`);
  });
});
