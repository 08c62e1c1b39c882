import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import pricing from '../src/index.js';
import { addPrice, createArticle, createCustomer, fixedClock } from './helpers.js';

// Two behaviours that mutation testing showed no test held, pinned through the routes a screen uses:
// a customer's own price applies to its own article only, even when one request prices several articles;
// and an edit of nothing but a price's first day is a change that a stale replacement must not overwrite.

describe.each(testDialects())('pricing edits and the scope of customer prices (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;
  let cashier: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing], clock: fixedClock });
    admin = tk.admin;
    cashier = await tk.userWith(['cashier']);
  });
  afterAll(async () => tk?.close());

  it('prices the associated articles of a sale each at its own price, a customer’s price only on its own article', async () => {
    const orval = await createArticle(admin, { code: 'BIE-ORVAL', name: 'Orval 33 cl', price: 250 });
    const bottle = await createArticle(admin, { code: 'VID-ORVAL', name: 'Vidange Orval', price: 10, vatCategory: 'BE-0' });
    const capsule = await createArticle(admin, { code: 'CAPS-ORVAL', name: 'Capsule collector', price: 150 });
    for (const associated of [bottle, capsule]) {
      const res = await admin.post('/api/pricing/associations', { articleId: orval.id, associatedArticleId: associated.id, ratio: 1000, kind: 'deposit' });
      expect(res.status).toBe(201);
    }
    const cafe = await createCustomer(admin, { name: 'Café Le Trappiste' });
    // The café gets its empties back cheaper; nothing was agreed on the capsule or the beer.
    const agreed = await admin.post('/api/pricing/customer-prices', { customerId: cafe.id, articleId: bottle.id, unitPrice: 8, includesVat: true });
    expect(agreed.status).toBe(201);

    const quote = await cashier.get(`/api/pricing/quote?article=${orval.id}&customer=${cafe.id}&quantity=6000`);
    expect(quote.status).toBe(200);
    expect([quote.body.unitPrice, quote.body.lineTotal, quote.body.rule.kind]).toEqual([250, 1500, 'list']);
    expect(quote.body.associatedLines.map((l: any) => [l.article.code, l.quantity, l.unitPrice, l.lineTotal, l.rule.kind])).toEqual([
      ['VID-ORVAL', 6000, 8, 48, 'customer'],
      ['CAPS-ORVAL', 6000, 150, 900, 'list'],
    ]);
    // Another customer pays the list prices for all three.
    const other = await createCustomer(admin, { name: 'Épicerie du Coin' });
    const theirs = await cashier.get(`/api/pricing/quote?article=${orval.id}&customer=${other.id}&quantity=6000`);
    expect(theirs.body.associatedLines.map((l: any) => l.unitPrice)).toEqual([10, 150]);
  });

  it('answers 409 to a replacement read before someone moved only the first day of a price, and keeps that day', async () => {
    const url = (id: number) => `/api/pricing/prices/articles/${id}/lists/retail`;
    const cider = await createArticle(admin, { code: 'CID-DOUX', name: 'Cidre doux 75 cl', price: 450 });
    await addPrice(admin, { priceListCode: 'retail', articleId: cider.id, unitPrice: 399, validFrom: '2026-07-01', validTo: '2026-07-31' });
    const read = (await admin.get(url(cider.id))).body;
    const promo = read.rows.find((r: any) => r.validFrom === '2026-07-01');

    // A colleague moves the start of the promotion, nothing else.
    const moved = await admin.patch(`/api/pricing/prices/${promo.id}`, { validFrom: '2026-07-08' });
    expect(moved.status).toBe(200);
    expect((await admin.get(url(cider.id))).body.version).not.toBe(read.version);

    // The first screen saves what it read, with a new price for the promotion.
    const rows = read.rows.map((r: any) => ({ id: r.id, minQuantity: r.minQuantity, unitPrice: r.id === promo.id ? 389 : r.unitPrice, validFrom: r.validFrom, validTo: r.validTo }));
    const stale = await admin.put(url(cider.id), { version: read.version, rows });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      detail: 'Quelqu’un d’autre a modifié les prix de « Cidre doux 75 cl » dans la liste détail entre-temps. Rechargez puis recommencez.',
    });
    const now = (await admin.get(url(cider.id))).body.rows.find((r: any) => r.id === promo.id);
    expect([now.unitPrice, now.validFrom, now.validTo]).toEqual([399, '2026-07-08', '2026-07-31']);
    // The till sees the moved start: 4 July is still at the normal price.
    expect((await cashier.get(`/api/pricing/quote?article=${cider.id}&date=2026-07-04`)).body.unitPrice).toBe(450);
    expect((await cashier.get(`/api/pricing/quote?article=${cider.id}&date=2026-07-08`)).body.unitPrice).toBe(399);
  });
});
