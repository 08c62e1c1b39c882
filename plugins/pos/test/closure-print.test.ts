import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '@comptoir/kernel/testing';
import { testDialects } from '@comptoir/kernel/testing';
// The kernel's reader of the PDFs its painter writes (pdf-lib resolves beside it).
import { pdfPages } from '../../../kernel/test/support/pdf-text.js';
import { clock, createArticle, openShop, pay, refund, ticketWith, type Shop } from './helpers.js';

const euro = (cents: number) => new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

describe.each(testDialects())('the Z printed and as PDF, and the day’s ticket history (%s)', (dialect) => {
  let shop: Shop;
  let zId: number;
  let saleId: number;

  /** GET with the client's session and station cookies, as bytes. */
  async function bytes(c: TestClient, path: string) {
    const res = await fetch(`${shop.tk.baseUrl}${path}`, { headers: { cookie: `cpt_session=${c.cookie('cpt_session')}; cpt_station=${c.cookie('cpt_station')}`, 'accept-language': 'fr' } });
    return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect);
    const bread = await createArticle(shop.admin, { name: 'Pain gris', price: 345, vatCategory: 'BE-6' });
    const wine = await createArticle(shop.admin, { name: 'Vin rouge', price: 1250, vatCategory: 'BE-21' });
    const m = shop.manager;
    expect((await m.post('/api/pos/cash/movements', { kind: 'float', amount: 10000 })).status).toBe(201);
    const t1 = await ticketWith(m, [{ articleId: bread.id, quantity: 2000 }, { articleId: wine.id }]); // 6,90 + 12,50 = 19,40
    const s1 = (await pay(m, t1.id, [{ method: 'card', amount: 1000 }, { method: 'cash', amount: 2000 }])).body.ticket;
    saleId = s1.id;
    await refund(m, { ticketId: s1.id, lines: [{ lineId: s1.lines[0].id, quantity: 1000 }], tenders: [{ method: 'cash', amount: 345 }] });
    expect((await m.post('/api/pos/cash/movements', { kind: 'withdrawal', amount: 3000, reason: 'Banque' })).status).toBe(201);
    const z = await m.post('/api/pos/closures', { period: 'day', cashCount: { counts: { '5000': 1, '1000': 1, '500': 1, '50': 1 }, explanation: 'Pièce manquante' } });
    expect(z.status).toBe(201);
    zId = z.body.id;
  });
  afterAll(async () => shop?.tk.close());

  it('prints the Z as a PDF whose text gives the grand totals, the VAT rates, the payments, the cash count and the journal heads', async () => {
    const res = await bytes(shop.cashier, `/api/pos/closures/${zId}/print?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const pages = await pdfPages(res.bytes);
    expect(pages[0].width).toBe(210);
    const text = pages.flatMap((p) => p.texts).join('\n');
    const z = (await shop.manager.get(`/api/pos/closures/${zId}`)).body;
    expect(z.grandTotals).toEqual({ sales: 1940, refunds: -345, net: 1595 });
    expect(text).toContain('Clôture Z1-2026-000001');
    expect(text).toContain('Totaux perpétuels');
    for (const amount of [1940, -345, 1595]) expect(text).toContain(euro(amount));
    // VAT per rate, payments per method, the cash counted against the expected.
    expect(text).toMatch(/6 %/);
    expect(text).toMatch(/21 %/);
    expect(text).toContain('Carte (1)');
    expect(text).toContain('Espèces (2)');
    expect(z.cashCount).toMatchObject({ counted: 6550, expected: 10000 + 940 - 345 - 3000, difference: 6550 - 7595 });
    expect(text).toContain(euro(6550));
    expect(text).toContain(euro(-1045));
    expect(text).toContain('Pièce manquante');
    // Every journal chain's head hash, so the chain is anchored on paper.
    for (const [chain, head] of Object.entries(z.journalHeads as Record<string, { seq: number; hash: string }>)) {
      expect(text).toContain(`${chain} #${head.seq}`);
      expect(text.replace(/\n/g, '')).toContain(head.hash);
    }
  });

  it('previews the Z as HTML in the user’s language, and answers 404 for a Z that does not exist', async () => {
    const html = await shop.manager.request('GET', `/api/pos/closures/${zId}/print?format=html`, undefined, { 'accept-language': 'nl', 'x-comptoir-language': 'nl' });
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('Doorlopende totalen');
    const missing = await shop.manager.get('/api/pos/closures/9999/print');
    expect(missing.status).toBe(404);
    expect((await shop.manager.get('/api/pos/closures/abc/print')).status).toBe(400);
  });

  it('lists the day’s paid tickets and refunds of the station, with their payments, newest first', async () => {
    const res = await shop.cashier.get('/api/pos/tickets/history');
    expect(res.status).toBe(200);
    expect(res.body.map((t: any) => [t.kind, t.total])).toEqual([['refund', -345], ['sale', 1940]]);
    expect(res.body[1]).toMatchObject({ id: saleId, number: 'T1-2026-000001', payments: [{ method: 'card', amount: 1000 }, { method: 'cash', amount: 940 }], corrected: false });
    // The other station sold nothing; the shop's scope sees station 1's tickets too.
    expect((await shop.station2.get('/api/pos/tickets/history')).body).toEqual([]);
    expect((await shop.station2.get('/api/pos/tickets/history?scope=shop')).body).toHaveLength(2);
    expect((await shop.cashier.get('/api/pos/tickets/history?date=2026-06-14')).body).toEqual([]);
    const bad = await shop.cashier.get('/api/pos/tickets/history?date=2026-02-30');
    expect(bad.status).toBe(422);
  });

  it('shows a corrected ticket as corrected, with its new payments', async () => {
    const res = await shop.manager.request('POST', `/api/pos/tickets/${saleId}/payments/correct`, { tenders: [{ method: 'card', amount: 1940 }], reason: 'Erreur de touche' }, {});
    expect(res.status).toBe(200);
    const row = (await shop.manager.get('/api/pos/tickets/history')).body.find((t: any) => t.id === saleId);
    expect(row).toMatchObject({ corrected: true, payments: [{ method: 'card', amount: 1940 }] });
  });
});
