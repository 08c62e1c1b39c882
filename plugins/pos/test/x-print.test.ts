import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '@comptoir/kernel/testing';
import { testDialects } from '@comptoir/kernel/testing';
// The kernel's reader of the PDFs its painter writes (pdf-lib resolves beside it).
import { pdfPages } from '../../../kernel/test/support/pdf-text.js';
import { clock, createArticle, openShop, pay, rows, ticketWith, type Shop } from './helpers.js';

const euro = (cents: number) => new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

describe.each(testDialects())('the X report printed and as PDF (%s)', (dialect) => {
  let shop: Shop;

  async function get(c: TestClient, path: string, lang = 'fr') {
    const res = await fetch(`${shop.tk.baseUrl}${path}`, { headers: { cookie: `cpt_session=${c.cookie('cpt_session')}; cpt_station=${c.cookie('cpt_station')}`, 'x-comptoir-language': lang } });
    return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  beforeAll(async () => {
    clock.set('2026-06-17T08:00:00Z');
    shop = await openShop(dialect);
    const beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 149 });
    const t = await ticketWith(shop.manager, [{ articleId: beer.id, quantity: 3000 }]); // 4,47 → 4,45 in cash
    await pay(shop.manager, t.id, [{ method: 'cash', amount: 500 }]);
    const t2 = await ticketWith(shop.station2, [{ articleId: beer.id }]);
    await pay(shop.station2, t2.id, [{ method: 'card', amount: 149 }]);
  });
  afterAll(async () => shop?.tk.close());

  it('prints the station’s X through the Z’s template, headed as a reading, and closes nothing', async () => {
    const res = await get(shop.manager, '/api/pos/reports/x/print?period=day&date=2026-06-17&format=pdf');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const text = (await pdfPages(res.bytes)).flatMap((p) => p.texts).join('\n');
    expect(text).toContain('X — lecture, sans clôture');
    expect(text).toContain('Caisse 1');
    expect(text).toContain('Lu le');
    expect(text).toContain(euro(447));
    expect(text).toContain('Espèces (1)');
    expect(text).toContain('Arrondi espèces');
    expect(text).not.toContain('Têtes du journal');
    expect(text).not.toContain('Carte (1)'); // the other station's sale
    expect(await rows(shop.tk, 'select id from pos_closure')).toEqual([]);
  });

  it('prints the shop’s X as HTML in the reader’s language', async () => {
    const res = await get(shop.manager, '/api/pos/reports/x/print?scope=shop&period=day&date=2026-06-17', 'nl');
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/html');
    const html = new TextDecoder().decode(res.bytes);
    expect(html).toContain('X — lezing, zonder afsluiting');
    expect(html).toContain('Winkel');
    expect(html).toContain('Kaart (1)');
  });

  it('refuses a bad format or period', async () => {
    expect((await get(shop.manager, '/api/pos/reports/x/print?format=docx')).status).toBe(400);
    expect((await get(shop.manager, '/api/pos/reports/x/print?period=period&date=2026-06-17')).status).toBe(422);
  });
});
