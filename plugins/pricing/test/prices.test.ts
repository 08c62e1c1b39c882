import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import pricing, { getPricingHooks, repriceLine, type PricingService } from '../src/index.js';
import { addPrice, createArticle, createCustomer, fixedClock } from './helpers.js';

describe.each(testDialects())('price lists and quotes (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;
  let cashier: TestClient;
  let beer: any;
  let cafe: any;
  let lists: Record<string, any>;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing], clock: fixedClock });
    admin = tk.admin;
    cashier = await tk.userWith(['cashier']);
    beer = await createArticle(admin, { code: 'BIE-BLONDE', name: 'Blonde d’Abbaye 33 cl', price: 149 });
    cafe = await createCustomer(admin, { name: 'Café du Commerce SRL' });
    lists = Object.fromEntries((await admin.get('/api/pricing/lists')).body.map((l: any) => [l.code, l]));
  });
  afterAll(async () => tk?.close());

  it('starts with retail (with VAT, the default) and wholesale (without VAT)', async () => {
    expect(Object.values(lists).map((l: any) => [l.code, l.includesVat, l.isDefault, l.label])).toEqual([
      ['retail', true, true, 'détail'], ['wholesale', false, false, 'gros'],
    ]);
  });

  it('keeps the default list’s base price equal to the catalogue’s price, both ways', async () => {
    const prices = (await admin.get(`/api/pricing/prices?article=${beer.id}`)).body.items;
    expect(prices.map((p: any) => [p.priceListCode, p.minQuantity, p.unitPrice])).toEqual([['retail', 0, 149]]);
    const changed = await admin.patch(`/api/catalog/articles/${beer.id}`, { price: 159 });
    expect(changed.status).toBe(200);
    const after = (await admin.get(`/api/pricing/prices?article=${beer.id}`)).body.items[0];
    expect(after.unitPrice).toBe(159);
    const back = await admin.patch(`/api/pricing/prices/${after.id}`, { unitPrice: 149 });
    expect(back.status).toBe(200);
    expect((await admin.get(`/api/catalog/articles/${beer.id}`)).body.price).toBe(149);
  });

  it('quotes the retail price with the rule that gave it, today by default', async () => {
    const q = await cashier.get(`/api/pricing/quote?article=${beer.id}`);
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({
      date: '2026-06-15', quantity: 1000, priceListCode: 'retail', unitPrice: 149, includesVat: true, unitPriceIncl: 149, unitPriceExcl: 123, lineTotal: 149,
      rule: { kind: 'list', listCode: 'retail', explanation: 'détail, prix de base' },
    });
  });

  it('gives a wholesale customer the break from 24, without VAT, and says so', async () => {
    await addPrice(admin, { priceListCode: 'wholesale', articleId: beer.id, minQuantity: 0, unitPrice: 105 });
    await addPrice(admin, { priceListCode: 'wholesale', articleId: beer.id, minQuantity: 6000, unitPrice: 99 });
    await addPrice(admin, { priceListCode: 'wholesale', articleId: beer.id, minQuantity: 24000, unitPrice: 95 });
    const terms = await admin.put(`/api/pricing/customers/${cafe.id}/terms`, { priceListCode: 'wholesale' });
    expect(terms.body).toEqual({ customerId: cafe.id, priceListCode: 'wholesale', effectiveListCode: 'wholesale' });

    const five = await cashier.get(`/api/pricing/quote?article=${beer.id}&customer=${cafe.id}&quantity=5000`);
    expect(five.body).toMatchObject({ unitPrice: 105, includesVat: false, lineTotal: 525, rule: { kind: 'list', explanation: 'gros, prix de base' } });
    const case24 = await cashier.get(`/api/pricing/quote?article=${beer.id}&customer=${cafe.id}&quantity=24000`);
    expect(case24.body).toMatchObject({
      priceListCode: 'wholesale', unitPrice: 95, unitPriceExcl: 95, unitPriceIncl: 115, lineTotal: 2280,
      rule: { kind: 'break', listCode: 'wholesale', minQuantity: 24000, explanation: 'gros, palier à partir de 24' },
    });
    // The service gives the explanation in every language; the API answers in the user's.
    const service = tk.kernel.container.resolve<PricingService>('pricingService');
    const quote = await service.quote(tk.kernel.em(), { articleId: beer.id, customerId: cafe.id, quantity: 24000 });
    expect(quote.rule.explanation).toEqual({ fr: 'gros, palier à partir de 24', nl: 'groothandel, staffel vanaf 24', en: 'wholesale, break from 24' });
  });

  it('prefers the customer’s own price, and a promotion only during its period', async () => {
    const cp = await admin.post('/api/pricing/customer-prices', { customerId: cafe.id, articleId: beer.id, minQuantity: 12000, unitPrice: 92 });
    expect(cp.status).toBe(201);
    expect(cp.body).toMatchObject({ includesVat: false, customerName: 'Café du Commerce SRL', articleCode: 'BIE-BLONDE' });
    const q = await cashier.get(`/api/pricing/quote?article=${beer.id}&customer=${cafe.id}&quantity=12000`);
    expect(q.body).toMatchObject({ unitPrice: 92, lineTotal: 1104, rule: { kind: 'customer', explanation: 'prix client (à partir de 12)' } });

    await addPrice(admin, { priceListCode: 'retail', articleId: beer.id, unitPrice: 129, validFrom: '2026-12-01', validTo: '2026-12-31' });
    const during = await cashier.get(`/api/pricing/quote?article=${beer.id}&date=2026-12-24&quantity=3000`);
    expect(during.body).toMatchObject({ unitPrice: 129, lineTotal: 387, rule: { explanation: 'détail, prix de base, jusqu\'au 31/12/2026' } });
    const after = await cashier.get(`/api/pricing/quote?article=${beer.id}&date=2027-01-01`);
    expect(after.body.unitPrice).toBe(149);
  });

  it('forces a list when asked, and refuses unknown lists, customers and dates', async () => {
    const forced = await cashier.get(`/api/pricing/quote?article=${beer.id}&list=wholesale&quantity=6000`);
    expect(forced.body).toMatchObject({ unitPrice: 99, lineTotal: 594, rule: { explanation: 'gros, palier à partir de 6' } });
    const bad = await cashier.get(`/api/pricing/quote?article=${beer.id}&list=nope&date=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => `${e.field}:${e.code}`).sort()).toEqual(['date:DATE_INVALID', 'list:PRICE_LIST_NOT_FOUND']);
    expect((await cashier.get(`/api/pricing/quote?article=${beer.id}&customer=999999`)).body.code).toBe('CUSTOMER_NOT_FOUND');
    expect((await cashier.get('/api/pricing/quote?article=999999')).status).toBe(404);
  });

  it('validates prices: whole cents, thresholds, periods, no duplicate row; changes nothing when refused', async () => {
    const before = (await admin.get(`/api/pricing/prices?article=${beer.id}`)).body.total;
    const res = await admin.post('/api/pricing/prices', { priceListCode: 'wholesale', articleId: beer.id, minQuantity: -1, unitPrice: -5, validFrom: '2026-05-01', validTo: '2026-04-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => `${e.field}:${e.code}`).sort()).toEqual(['minQuantity:MIN_QUANTITY_INVALID', 'unitPrice:PRICE_INVALID', 'validTo:PERIOD_INVALID']);
    expect(res.body.errors.find((e: any) => e.field === 'validTo').message).toBe('La date de fin précède la date de début.');
    const fraction = await admin.post('/api/pricing/prices', { priceListCode: 'wholesale', articleId: beer.id, minQuantity: 1.5, unitPrice: 10 });
    expect(fraction.status).toBe(400);
    expect(fraction.body.errors[0].field).toBe('minQuantity');
    const twin = await admin.post('/api/pricing/prices', { priceListCode: 'wholesale', articleId: beer.id, minQuantity: 24000, unitPrice: 90 });
    expect(twin.status).toBe(400);
    expect(twin.body.errors[0]).toMatchObject({ field: 'minQuantity', code: 'PRICE_ROW_TAKEN' });
    expect((await admin.get(`/api/pricing/prices?article=${beer.id}`)).body.total).toBe(before);
  });

  it('lets a cashier read prices but not change them', async () => {
    expect((await cashier.get('/api/pricing/lists')).status).toBe(200);
    const res = await cashier.post('/api/pricing/prices', { priceListCode: 'retail', articleId: beer.id, minQuantity: 6000, unitPrice: 139 });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PERMISSION_DENIED');
  });

  it('manages lists: one default, no VAT switch once priced, no deleting the default or a list in use', async () => {
    const promo = await admin.post('/api/pricing/lists', { code: 'horeca', name: { fr: 'horeca', nl: 'horeca', en: 'catering' }, includesVat: false });
    expect(promo.status).toBe(201);
    await addPrice(admin, { priceListCode: 'horeca', articleId: beer.id, unitPrice: 101 });
    const flip = await admin.patch(`/api/pricing/lists/${promo.body.id}`, { includesVat: true });
    expect(flip.body.errors[0].code).toBe('LIST_HAS_PRICES');
    expect((await admin.delete(`/api/pricing/lists/${lists.retail.id}`)).body.code).toBe('PRICE_LIST_DEFAULT');
    expect((await admin.delete(`/api/pricing/lists/${lists.wholesale.id}`)).body.code).toBe('PRICE_LIST_IN_USE');
    const stale = await admin.patch(`/api/pricing/lists/${promo.body.id}`, { position: 5, version: promo.body.version + 3 });
    expect(stale.status).toBe(409);
    const deleted = await admin.delete(`/api/pricing/lists/${promo.body.id}`);
    expect(deleted.status).toBe(204);
    const now = (await admin.get('/api/pricing/lists')).body;
    expect(now.filter((l: any) => l.isDefault).map((l: any) => l.code)).toEqual(['retail']);
  });

  it('lets another plugin adjust a line through the priceLine hook', async () => {
    const hooks = getPricingHooks(tk.kernel);
    hooks.priceLine.tapPromise('test-promotions', async (line, ctx) => {
      if (ctx.article.code !== 'BIE-BLONDE' || line.unitPrice === null || line.customerId !== null) return line;
      return repriceLine(line, Math.round(line.unitPrice * 0.9), 'test-promotions', { fr: 'promotion −10 %', nl: 'promotie −10 %', en: 'promotion −10 %' });
    });
    const q = await cashier.get(`/api/pricing/quote?article=${beer.id}&quantity=2000`);
    expect(q.body).toMatchObject({ unitPrice: 134, lineTotal: 268, adjustments: [{ by: 'test-promotions', explanation: 'promotion −10 %' }] });
  });
});
