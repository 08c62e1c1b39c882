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

  it('keeps one price: the catalogue’s price is the default list’s base price, edited from either side', async () => {
    const defaultRows = async () => tk.kernel.em().getConnection().execute(
      'select count(*) as n from pricing_list_price lp join pricing_price_list pl on pl.id = lp.price_list_id where pl.is_default = ? and lp.article_id = ?',
      [dialect === 'postgresql' ? true : 1, beer.id],
    );
    const none = [{ n: dialect === 'postgresql' ? '0' : 0 }];
    const prices = (await admin.get(`/api/pricing/prices?article=${beer.id}`)).body.items;
    expect(prices.map((p: any) => [p.id, p.priceListCode, p.minQuantity, p.unitPrice, p.source])).toEqual([[0, 'retail', 0, 149, 'article']]);
    expect(await defaultRows()).toEqual(none);
    // Edited in the catalogue: pricing's default list shows it.
    const changed = await admin.patch(`/api/catalog/articles/${beer.id}`, { price: 159 });
    expect(changed.status).toBe(200);
    expect((await admin.get(`/api/pricing/prices?article=${beer.id}`)).body.items.map((p: any) => p.unitPrice)).toEqual([159]);
    // Edited in pricing: the catalogue's article has it, and still nothing is stored in the default list.
    const back = await admin.post('/api/pricing/prices', { priceListCode: 'retail', articleId: beer.id, minQuantity: 0, unitPrice: 149 });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ id: 0, source: 'article', unitPrice: 149 });
    const article = (await admin.get(`/api/catalog/articles/${beer.id}`)).body;
    expect(article).toMatchObject({ price: 149, version: changed.body.version + 1 });
    expect(await defaultRows()).toEqual(none);
    // A stale catalogue version after pricing's write is the catalogue's usual 409.
    const stale = await admin.patch(`/api/catalog/articles/${beer.id}`, { price: 169, version: changed.body.version });
    expect(stale.status).toBe(409);
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

  describe('replacing an article’s prices in one list at once', () => {
    const url = (articleId: number, list: string) => `/api/pricing/prices/articles/${articleId}/lists/${list}`;
    const stored = async (articleId: number, list: string) => (await admin.get(`/api/pricing/prices?article=${articleId}&list=${lists[list].id}`)).body.items
      .map((p: any) => [p.id, p.minQuantity, p.unitPrice, p.validFrom, p.validTo]);

    it('stores exactly the rows sent: changed, created, deleted, thresholds swapped, ids kept', async () => {
      const cider = await createArticle(admin, { code: 'CID-BRUT', name: 'Cidre brut 75 cl', price: 399 });
      const first = await admin.put(url(cider.id, 'wholesale'), {
        rows: [
          { minQuantity: 0, unitPrice: 300 }, { minQuantity: 6000, unitPrice: 290 }, { minQuantity: 24000, unitPrice: 280 },
          { minQuantity: 12000, unitPrice: 250, validFrom: '2026-07-01', validTo: '2026-08-31' },
        ],
      });
      expect(first.status).toBe(200);
      expect(first.body.rows.map((r: any) => [r.priceListCode, r.minQuantity, r.unitPrice, r.includesVat, r.validFrom, r.validTo])).toEqual([
        ['wholesale', 0, 300, false, null, null], ['wholesale', 6000, 290, false, null, null], ['wholesale', 24000, 280, false, null, null],
        ['wholesale', 12000, 250, false, '2026-07-01', '2026-08-31'],
      ]);
      const [base, six, twentyFour, promo] = first.body.rows;
      expect(await stored(cider.id, 'wholesale')).toEqual([base, six, promo, twentyFour].map((r: any) => [r.id, r.minQuantity, r.unitPrice, r.validFrom, r.validTo]));
      const read = await admin.get(url(cider.id, 'wholesale'));
      expect(read.body).toMatchObject({ articleId: cider.id, priceListCode: 'wholesale', version: first.body.version });

      // The breaks from 6 and from 24 swap thresholds, the promotion goes, a break from 48 comes: one request.
      const second = await admin.put(url(cider.id, 'wholesale'), {
        version: first.body.version,
        rows: [
          { id: base.id, minQuantity: 0, unitPrice: 305 }, { id: six.id, minQuantity: 24000, unitPrice: 270 },
          { id: twentyFour.id, minQuantity: 6000, unitPrice: 295 }, { minQuantity: 48000, unitPrice: 260 },
        ],
      });
      expect(second.status).toBe(200);
      expect(second.body.version).not.toBe(first.body.version);
      const fortyEight = second.body.rows[3].id;
      expect(await stored(cider.id, 'wholesale')).toEqual([
        [base.id, 0, 305, null, null], [twentyFour.id, 6000, 295, null, null], [six.id, 24000, 270, null, null], [fortyEight, 48000, 260, null, null],
      ]);
      // The other list is not touched (the catalogue's price is the retail base price).
      expect((await stored(cider.id, 'retail')).map((r: any[]) => r.slice(1))).toEqual([[0, 399, null, null]]);

      const emptied = await admin.put(url(cider.id, 'wholesale'), { rows: [], version: second.body.version });
      expect(emptied.body.rows).toEqual([]);
      expect(await stored(cider.id, 'wholesale')).toEqual([]);
    });

    it('refuses a body with one bad row among good ones, naming every bad row’s field, and changes nothing', async () => {
      const gin = await createArticle(admin, { code: 'GIN-35', name: 'Gin 35 cl', price: 1890 });
      const retail = (await admin.get(url(gin.id, 'retail'))).body;
      const before = { retail: await stored(gin.id, 'retail'), wholesale: await stored(gin.id, 'wholesale') };
      const res = await admin.put(url(gin.id, 'retail'), {
        version: retail.version,
        rows: [
          { id: retail.rows[0].id, minQuantity: 0, unitPrice: 1990 },
          { minQuantity: 6000, unitPrice: -5 },
          { minQuantity: 12000, unitPrice: 1790, validFrom: '2026-05-01', validTo: '2026-04-01' },
          { minQuantity: 6000, unitPrice: 1850 },
          { minQuantity: 24000, unitPrice: 1700, validTo: '2026-02-30' },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual([
        'rows.1.unitPrice:PRICE_INVALID', 'rows.2.validTo:PERIOD_INVALID', 'rows.3.minQuantity:PRICE_ROW_TAKEN', 'rows.4.validTo:DATE_INVALID',
      ]);
      expect(res.body.errors[0].message).toBe('Le prix est un nombre entier de centimes, positif ou nul (au plus 9 999 999,99 €).');
      expect(res.body.errors[2].message).toBe('Ce prix existe déjà pour cette liste, cet article, cette quantité et cette date de début.');
      // Nothing changed: neither the rows, nor the catalogue's price the good base row would have changed.
      expect({ retail: await stored(gin.id, 'retail'), wholesale: await stored(gin.id, 'wholesale') }).toEqual(before);
      expect((await admin.get(`/api/catalog/articles/${gin.id}`)).body.price).toBe(1890);

      // The schema names the rows' fields the same way.
      const typed = await admin.put(url(gin.id, 'retail'), { rows: [{ minQuantity: 0, unitPrice: 1990 }, { minQuantity: 1.5, unitPrice: 'x' }] });
      expect(typed.status).toBe(400);
      expect(typed.body.errors.map((e: any) => e.field).sort()).toEqual(['rows.1.minQuantity', 'rows.1.unitPrice']);
      expect(await stored(gin.id, 'retail')).toEqual(before.retail);
    });

    it('makes the catalogue’s price follow a changed base price of the default list, in the same transaction', async () => {
      const wine = await createArticle(admin, { code: 'VIN-ROUGE', name: 'Vin rouge 75 cl', price: 650 });
      const retail = (await admin.get(url(wine.id, 'retail'))).body;
      const res = await admin.put(url(wine.id, 'retail'), {
        version: retail.version, rows: [{ id: retail.rows[0].id, minQuantity: 0, unitPrice: 695 }, { minQuantity: 6000, unitPrice: 620 }],
      });
      expect(res.status).toBe(200);
      expect((await admin.get(`/api/catalog/articles/${wine.id}`)).body.price).toBe(695);
      expect(res.body.rows.map((r: any) => [r.id, r.source, r.unitPrice])).toEqual([[0, 'article', 695], [res.body.rows[1].id, 'list', 620]]);
      expect((await admin.get(url(wine.id, 'retail'))).body.version).toBe(res.body.version);
      const q = await cashier.get(`/api/pricing/quote?article=${wine.id}&quantity=6000`);
      expect(q.body).toMatchObject({ unitPrice: 620, rule: { kind: 'break' } });
      // A break or a wholesale price does not touch the catalogue.
      await admin.put(url(wine.id, 'wholesale'), { rows: [{ minQuantity: 0, unitPrice: 500 }] });
      expect((await admin.get(`/api/catalog/articles/${wine.id}`)).body.price).toBe(695);
      // And back: the catalogue's price changes the row the replacement stored.
      await admin.patch(`/api/catalog/articles/${wine.id}`, { price: 699 });
      // The version read before covers the article's price: a replacement sent with it is refused, nothing changes.
      const stale = await admin.put(url(wine.id, 'retail'), { version: res.body.version, rows: [{ id: 0, minQuantity: 0, unitPrice: 700 }] });
      expect(stale.status).toBe(409);
      expect((await admin.get(`/api/catalog/articles/${wine.id}`)).body.price).toBe(699);
      expect((await admin.get(url(wine.id, 'retail'))).body.rows.map((r: any) => [r.id, r.minQuantity, r.unitPrice])).toEqual([[retail.rows[0].id, 0, 699], [res.body.rows[1].id, 6000, 620]]);
    });

    it('answers 409 when the rows changed since they were read, and changes nothing', async () => {
      const tea = await createArticle(admin, { code: 'THE-VERT', name: 'Thé vert 20 sachets', price: 329 });
      const read = (await admin.get(url(tea.id, 'retail'))).body;
      // Someone else adds a break meanwhile.
      await addPrice(admin, { priceListCode: 'retail', articleId: tea.id, minQuantity: 10000, unitPrice: 299 });
      const before = await stored(tea.id, 'retail');
      const stale = await admin.put(url(tea.id, 'retail'), { version: read.version, rows: [{ id: read.rows[0].id, minQuantity: 0, unitPrice: 339 }] });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', detail: 'Quelqu’un d’autre a modifié les prix de « Thé vert 20 sachets » dans la liste détail entre-temps. Rechargez puis recommencez.' });
      expect(await stored(tea.id, 'retail')).toEqual(before);
      expect((await admin.get(`/api/catalog/articles/${tea.id}`)).body.price).toBe(329);

      // A row deleted meanwhile, sent with its id (without a version).
      await admin.delete(`/api/pricing/prices/${before[1][0]}`);
      const gone = await admin.put(url(tea.id, 'retail'), { rows: [{ id: before[0][0], minQuantity: 0, unitPrice: 339 }, { id: before[1][0], minQuantity: 10000, unitPrice: 289 }] });
      expect(gone.status).toBe(409);
      expect(await stored(tea.id, 'retail')).toEqual([before[0]]);
      // A row of another article is not one of these rows either.
      const other = await admin.put(url(tea.id, 'wholesale'), { rows: [{ id: before[0][0], minQuantity: 0, unitPrice: 250 }] });
      expect(other.status).toBe(409);
      const twice = await admin.put(url(tea.id, 'retail'), { rows: [{ id: before[0][0], minQuantity: 0, unitPrice: 339 }, { id: before[0][0], minQuantity: 6000, unitPrice: 319 }] });
      expect(twice.body.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual(['rows.1.id:PRICE_ROW_REPEATED']);
    });

    it('needs pricing.write, an existing list and an existing article', async () => {
      const res = await cashier.put(url(beer.id, 'retail'), { rows: [] });
      expect(res.status).toBe(403);
      expect((await admin.put(url(beer.id, 'nope'), { rows: [] })).body.code).toBe('PRICE_LIST_NOT_FOUND');
      expect((await admin.put(url(999999, 'retail'), { rows: [] })).body.code).toBe('ARTICLE_NOT_FOUND');
      expect((await admin.put(url(beer.id, 'retail'), {})).body.errors).toEqual([expect.objectContaining({ field: 'rows', code: 'SCHEMA_REQUIRED' })]);
    });
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
