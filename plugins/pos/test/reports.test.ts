import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDialects, type TestClient } from '@comptoir/kernel/testing';
import { pdfTexts } from '../../pricing/test/pdf-text.js';
import { clock, createArticle, openShop, pay, refund, ticketWith, type Shop } from './helpers.js';

const DAY = '2026-06-15';
const NEXT = '2026-06-16';

/** Parses our CSV back (quotes, separator, BOM). */
function parseCsv(text: string, sep: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const out: string[][] = [];
  for (const line of text.slice(1).split('\r\n').filter(Boolean)) {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === sep) { cells.push(cur); cur = ''; } else cur += ch;
    }
    cells.push(cur);
    out.push(cells);
  }
  return out;
}

/** "12,50" or "-3.40" → cents. */
const cents = (s: string) => Math.round(Number(s.replace(',', '.')) * 100);

async function bytes(c: TestClient, shop: Shop, path: string, lang = 'fr'): Promise<{ status: number; type: string; body: Buffer; disposition: string }> {
  const cookie = ['cpt_session', 'cpt_station'].map((k) => (c.cookie(k) ? `${k}=${c.cookie(k)}` : '')).filter(Boolean).join('; ');
  const res = await fetch(`${shop.tk.baseUrl}${path}`, { headers: { cookie, 'x-comptoir-language': lang } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

describe.each(testDialects())('statistics, cash book and journals (%s)', (dialect) => {
  let shop: Shop;
  let station1: number;
  let station2: number;
  const x = (c: TestClient, q: string) => c.get(`/api/pos/reports/x?${q}`);

  beforeAll(async () => {
    clock.set(`${DAY}T06:00:00Z`);
    shop = await openShop(dialect);
    const { admin, manager: m, cashier: c, station2: c2 } = shop;
    const stations = (await admin.get('/api/stations')).body as Array<{ id: number; name: string }>;
    station1 = stations.find((s) => s.name === 'Caisse 1')!.id;
    station2 = stations.find((s) => s.name === 'Caisse 2')!.id;
    const drinks = (await admin.post('/api/catalog/families', { code: 'BOIS', name: 'Boissons' })).body;
    const bakery = (await admin.post('/api/catalog/families', { code: 'BOUL', name: 'Boulangerie' })).body;
    const beer = await createArticle(admin, { name: 'Triple 33 cl', price: 149, familyId: drinks.id, vatCategory: 'BE-21' });
    const wine = await createArticle(admin, { name: 'Vin rouge', price: 1250, familyId: drinks.id, vatCategory: 'BE-21' });
    const bread = await createArticle(admin, { name: 'Pain gris', price: 275, familyId: bakery.id, vatCategory: 'BE-6' });
    const chips = await createArticle(admin, { name: 'Chips paprika', price: 199, vatCategory: 'BE-12' });
    const brussels = (await admin.post('/api/catalog/customers', { name: 'Mme Dubois', postalCode: '1000' })).body;
    const liege = (await admin.post('/api/catalog/customers', { name: 'M. Lambert', postalCode: '4000' })).body;

    expect((await m.post('/api/pos/cash/movements', { kind: 'float', amount: 10000 })).status).toBe(201);
    clock.set(`${DAY}T08:05:00Z`); // 10:05 in Brussels
    const t1 = await ticketWith(c, [{ articleId: beer.id, quantity: 3000 }, { articleId: bread.id, discountRate: 1000 }]); // 4,47 + 2,48 = 6,95
    const s1 = (await pay(c, t1.id, [{ method: 'cash', amount: 2000 }])).body.ticket;
    clock.set(`${DAY}T09:40:00Z`); // 11:40
    const t2 = await ticketWith(m, [{ articleId: wine.id, quantity: 2000 }, { articleId: chips.id, discountAmount: 49 }]); // 25,00 + 1,50
    expect((await m.patch(`/api/pos/tickets/${t2.id}`, { customerId: brussels.id })).status).toBe(200);
    const s2 = (await pay(m, t2.id, [{ method: 'card', amount: 2650 }])).body.ticket;
    clock.set(`${DAY}T12:15:00Z`); // 14:15, the other till
    const t3 = await ticketWith(c2, [{ articleId: bread.id, quantity: 2000 }, { articleId: beer.id }]); // 5,50 + 1,49
    expect((await c2.patch(`/api/pos/tickets/${t3.id}`, { customerId: liege.id })).status).toBe(200);
    expect((await pay(c2, t3.id, [{ method: 'meal-voucher', amount: 500 }, { method: 'cash', amount: 500 }])).status).toBe(201);
    clock.set(`${DAY}T13:02:00Z`); // 15:02: one bottle of wine comes back, paid back in cash
    expect((await refund(m, { ticketId: s2.id, lines: [{ lineId: s2.lines[0].id, quantity: 1000 }], tenders: [{ method: 'cash', amount: 1250 }] })).status).toBe(201);
    // The first ticket was paid by card in fact: corrected the same day.
    clock.set(`${DAY}T13:10:00Z`);
    expect((await m.request('POST', `/api/pos/tickets/${s1.id}/payments/correct`, { tenders: [{ method: 'card', amount: 695 }], reason: 'Payé par carte' }, { 'idempotency-key': randomUUID() })).status).toBe(200);
    clock.set(`${DAY}T13:20:00Z`);
    expect((await m.post('/api/pos/cash/movements', { kind: 'withdrawal', amount: 5000, reason: 'Banque' })).status).toBe(201);

    // The next day (00:30 in Brussels, still the 15th in UTC): a sale, and a correction of the day before's ticket
    // (the X counts it on the day it was made).
    clock.set(`${DAY}T22:30:00Z`);
    expect((await m.post('/api/pos/cash/movements', { kind: 'float', amount: 10000 })).status).toBe(201);
    const t4 = await ticketWith(m, [{ articleId: chips.id, quantity: 5000 }]);
    expect((await pay(m, t4.id, [{ method: 'cash', amount: 1000 }])).status).toBe(201);
    clock.set(`${DAY}T22:45:00Z`);
    expect((await m.request('POST', `/api/pos/tickets/${s1.id}/payments/correct`, { tenders: [{ method: 'cash', amount: 695 }], reason: 'Finalement en espèces' }, { 'idempotency-key': randomUUID() })).status).toBe(200);
  });
  afterAll(async () => {
    await shop?.tk.close();
  });

  it('adds up to the X report of the day and of the period, to the cent, on every axis (shop and station)', async () => {
    const cases = [['scope=shop', shop.manager], ['scope=station', shop.manager], ['scope=station', shop.station2]] as const;
    for (const [xPeriod, period] of [[`period=day&date=${DAY}`, `from=${DAY}`], [`period=period&date=${DAY}&to=${NEXT}`, `from=${DAY}&to=${NEXT}`]]) for (const [q, client] of cases) {
      const xr = (await x(client, `${q}&${xPeriod}`)).body;
      const stationQ = q === 'scope=shop' ? 'scope=shop' : `scope=station&stationId=${client === shop.station2 ? station2 : station1}`;
      for (const axis of ['hour', 'day', 'article', 'family', 'cashier', 'vat', 'payment', 'postcode', 'station']) {
        const res = await shop.manager.get(`/api/pos/reports/stats?axis=${axis}&${period}&${stationQ}`);
        expect(res.status, axis).toBe(200);
        const s = res.body;
        const sum = (k: string) => s.rows.reduce((a: number, r: any) => a + r[k], 0);
        if (axis !== 'payment') {
          expect([s.totals.sales, s.totals.refunds, s.totals.tickets, s.totals.refundTickets], axis).toEqual([xr.sales.total, xr.refunds.total, xr.sales.count, xr.refunds.count]);
          expect(s.totals.netBase, axis).toBe(xr.vat.reduce((a: number, v: any) => a + v.base, 0));
          expect([sum('sales'), sum('refunds')], axis).toEqual([xr.sales.total, xr.refunds.total]);
        }
        if (['hour', 'day', 'cashier', 'station', 'postcode', 'vat'].includes(axis)) {
          expect(sum('netBase'), axis).toBe(s.totals.netBase);
          if (axis !== 'vat') expect([sum('tickets'), sum('refundTickets')], axis).toEqual([xr.sales.count, xr.refunds.count]);
        }
        if (axis === 'vat') {
          expect(s.rows.map((r: any) => ({ rate: Number(r.key), base: r.netBase, vat: r.net - r.netBase })))
            .toEqual(xr.vat.filter((v: any) => v.base || v.vat).map((v: any) => ({ rate: v.rate, base: v.base, vat: v.vat })));
        }
        // A ticket's payment corrected on a later day counts with the ticket here, with the correction on the X:
        // over both days they agree.
        if (axis === 'payment' && period.includes(NEXT)) {
          expect(s.rows.map((r: any) => ({ method: r.key, amount: r.net })).sort((a: any, b: any) => a.method.localeCompare(b.method)))
            .toEqual(xr.payments.filter((p: any) => p.amount).map((p: any) => ({ method: p.method, amount: p.amount })));
        }
      }
    }
  });

  it('groups a day of mixed sales by hour, cashier, VAT rate, article, family and postal code', async () => {
    const get = async (axis: string, lang = 'fr') => (await shop.manager.request('GET', `/api/pos/reports/stats?axis=${axis}&from=${DAY}`, undefined, { 'x-comptoir-language': lang })).body.rows;
    const hours = await get('hour');
    expect(hours.map((r: any) => [r.key, r.sales, r.refunds])).toEqual([['10', 694, 0], ['11', 2650, 0], ['14', 699, 0], ['15', 0, -1250]]);
    const cashiers = await get('cashier');
    expect(cashiers.map((r: any) => [r.tickets, r.refundTickets, r.net]).sort()).toEqual([[1, 0, 694], [1, 0, 699], [1, 1, 1400]].sort());
    const vat = await get('vat');
    expect(vat.map((r: any) => [r.key, r.sales, r.refunds])).toEqual([['2100', 447 + 2500 + 149, -1250], ['1200', 150, 0], ['600', 247 + 550, 0]]);
    const articles = await get('article');
    const wine = articles.find((r: any) => r.label === 'Vin rouge');
    expect([wine.sales, wine.refunds, wine.quantity, wine.tickets, wine.refundTickets]).toEqual([2500, -1250, 1000, 1, 1]);
    expect(articles.find((r: any) => r.label === 'Pain gris').quantity).toBe(3000);
    const families = await get('family');
    expect(families.map((r: any) => [r.label, r.net])).toEqual([['Boissons', 447 + 1250 + 149], ['Boulangerie', 797], ['(sans famille)', 150]]);
    expect(families.find((r: any) => r.label === 'Boissons').tickets).toBe(3);
    const postcodes = await get('postcode', 'nl');
    expect(postcodes.map((r: any) => [r.label, r.net]).sort()).toEqual([['(passant)', 694], ['1000', 1400], ['4000', 699]].sort());
    const payments = await get('payment', 'en');
    // The first ticket as finally paid (cash, corrected back the next day), its cash rounded to 6,95.
    expect(payments.map((r: any) => [r.label, r.sales, r.refunds]).sort()).toEqual([['Card', 2650, 0], ['Cash', 695 + 200, -1250], ['Meal voucher', 500, 0]].sort());
    const all = (await shop.manager.get(`/api/pos/reports/stats?axis=day&from=${DAY}`)).body.totals;
    expect(all.averageBasket).toBe(Math.round((694 + 2650 + 699) / 3));
  });

  it('keeps a cash book whose every station-day closes on the X report’s expected cash, corrections on their day', async () => {
    for (const day of [DAY, NEXT]) {
      for (const [client, id] of [[shop.manager, station1], [shop.station2, station2]] as const) {
        const xr = (await x(client, `scope=station&period=day&date=${day}`)).body;
        const book = (await shop.manager.get(`/api/pos/reports/cash-book?scope=station&stationId=${id}&from=${day}`)).body;
        const closing = book.days.length ? book.days[book.days.length - 1].balance : 0;
        expect(closing, `${day} ${id}`).toBe(xr.cash.expected);
      }
    }
    const book = (await shop.manager.get(`/api/pos/reports/cash-book?scope=station&stationId=${station1}&from=${DAY}`)).body;
    expect(book.entries.map((e: any) => [e.kind, e.in, e.out, e.balance])).toEqual([
      ['float', 10000, 0, 10000],
      ['sale', 2000, 1305, 10695],
      ['refund', 0, 1250, 9445],
      ['correction', 0, 695, 8750],
      ['withdrawal', 0, 5000, 3750],
    ]);
    const next = (await shop.manager.get(`/api/pos/reports/cash-book?scope=station&stationId=${station1}&from=${NEXT}`)).body;
    expect(next.entries.map((e: any) => [e.kind, e.reference, e.in - e.out])).toEqual([['float', '', 10000], ['sale', expect.any(String), 995], ['correction', expect.stringMatching(/^T1/), 695]]);
  });

  it('writes the receipts journal and the sales journal that the X report confirms', async () => {
    for (const day of [DAY, NEXT]) {
      const xr = (await x(shop.manager, `scope=shop&period=day&date=${day}`)).body;
      const receipts = (await shop.manager.get(`/api/pos/reports/receipts?from=${day}`)).body;
      const byMethod = Object.fromEntries(xr.payments.filter((p: any) => p.amount || p.count).map((p: any) => [p.method, p.amount]));
      expect(receipts.totals.amounts, day).toEqual(byMethod);
      const journal = (await shop.manager.get(`/api/pos/reports/sales-journal?from=${day}`)).body;
      expect(journal.totals.total, day).toBe(xr.net);
      for (const v of xr.vat.filter((r: any) => r.base || r.vat)) expect(journal.totals.rates[v.rate], `${day} ${v.rate}`).toEqual({ base: v.base, vat: v.vat });
    }
    const journal = (await shop.manager.get(`/api/pos/reports/sales-journal?from=${DAY}&to=${NEXT}`)).body;
    expect(journal.tickets.map((t: any) => [t.kind, t.total])).toEqual([['sale', 694], ['sale', 2650], ['refund', -1250], ['sale', 699], ['sale', 995]]);
    expect(journal.tickets[0].rates).toEqual({ 2100: { base: 369, vat: 78 }, 600: { base: 233, vat: 14 } });
  });

  it('exports each report as CSV for Belgian Excel (BOM, ";", decimal comma) and in English with a point', async () => {
    const fr = await bytes(shop.manager, shop, `/api/pos/reports/stats?axis=vat&from=${DAY}&format=csv`, 'fr');
    expect(fr.status).toBe(200);
    expect(fr.type).toBe('text/csv; charset=utf-8');
    expect(fr.disposition).toBe(`attachment; filename="stats-vat-${DAY}.csv"`);
    const rows = parseCsv(fr.body.toString('utf8'), ';');
    expect(rows[0].slice(0, 3)).toEqual(['Taux de TVA', 'Ventes TTC', 'Ventes HT']);
    expect(rows[1].slice(0, 2)).toEqual(['21', '30,96']);
    expect(rows.at(-1)![0]).toBe('Total');
    const json = (await shop.manager.get(`/api/pos/reports/stats?axis=vat&from=${DAY}`)).body;
    expect(cents(rows.at(-1)![1])).toBe(json.totals.sales);
    expect(cents(rows.at(-1)![4])).toBe(json.totals.refunds);

    const en = await bytes(shop.manager, shop, `/api/pos/reports/cash-book?scope=station&stationId=${station1}&from=${DAY}&format=csv`, 'en');
    const book = parseCsv(en.body.toString('utf8'), ',');
    expect(book[0]).toEqual(['Day', 'Time', 'Kind', 'Reference', 'In', 'Out', 'Balance']);
    expect(book[2]).toEqual([DAY, '10:05', 'Sale', expect.stringMatching(/^T1/), '20.00', '13.05', '106.95']);
    expect(book[5]).toEqual([DAY, expect.any(String), 'Withdrawal', 'Banque', '', '50.00', '37.50']);

    const nl = parseCsv((await bytes(shop.manager, shop, `/api/pos/reports/sales-journal?from=${DAY}&format=csv`, 'nl')).body.toString('utf8'), ';');
    expect(nl[0]).toContain('Btw 21%');
    expect(nl.at(-1)!.at(-2)).toBe('27,93'); // 6,94 + 26,50 - 12,50 + 6,99
  });

  it('prints each report as an A4 PDF whose text reads back', async () => {
    const res = await bytes(shop.manager, shop, `/api/pos/reports/receipts?from=${DAY}&format=pdf`, 'fr');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const text = (await pdfTexts(res.body)).flat().join(' | ');
    expect(text).toContain('Journal des recettes');
    expect(text).toContain('Espèces');
    expect(text).toMatch(/33,45\s€/); // card: 26,50 + 6,95 corrected
    const stats = (await pdfTexts((await bytes(shop.manager, shop, `/api/pos/reports/stats?axis=family&from=${DAY}&format=pdf`, 'en')).body)).flat().join(' | ');
    expect(stats).toContain('Statistics — Family');
    expect(stats).toContain('Boulangerie');
    // A template like any other: Settings › Printing previews it with its sample.
    const preview = await bytes(shop.manager, shop, '/api/print/templates/pos.report/preview?lang=nl&format=pdf', 'nl');
    expect(preview.status).toBe(200);
    expect((await pdfTexts(preview.body)).flat().join(' ')).toContain('Statistieken — Btw-tarief');
  });

  it('is for managers, and refuses a bad period with a sentence in the user’s language', async () => {
    const cashier = await shop.station2.get(`/api/pos/reports/stats?from=${DAY}`);
    expect(cashier.status).toBe(403);
    const bad = await shop.manager.request('GET', `/api/pos/reports/stats?from=${NEXT}&to=${DAY}`, undefined, { 'accept-language': 'fr' });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('POS_PERIOD_INVALID');
    const feb = await shop.manager.get('/api/pos/reports/cash-book?from=2026-02-30');
    expect(feb.body.code).toBe('POS_PERIOD_INVALID');
    const long = await shop.manager.request('GET', '/api/pos/reports/receipts?from=2020-01-01&to=2026-01-01', undefined, { 'x-comptoir-language': 'nl' });
    expect([long.status, long.body.code]).toEqual([422, 'POS_PERIOD_TOO_LONG']);
    expect(long.body.detail).toContain('dagen');
    const axis = await shop.manager.get(`/api/pos/reports/stats?axis=weather&from=${DAY}`);
    expect(axis.status).toBe(400);
    const station = await shop.manager.get(`/api/pos/reports/stats?scope=station&stationId=9999&from=${DAY}`);
    expect([station.status, station.body.code]).toEqual([404, 'POS_STATION_NOT_FOUND']);
  });
});
