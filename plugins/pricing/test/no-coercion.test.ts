import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import pricing from '../src/index.js';

describe.each(testDialects())('prices are numbers, never coerced (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;
  let article: { id: number; version: number };

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing] });
    admin = tk.admin;
    article = (await admin.post('/api/catalog/articles', { code: 'COER-1', name: 'Gueuze 37,5 cl', vatCategory: 'BE-21', price: 350 })).body;
  });
  afterAll(async () => tk?.close());

  // 2 ** 31 does not fit the 32-bit integer columns: refused by the schema, naming the field, not by the database.
  for (const junk of [null, '  ', true, '0x10', '12', 1.5, -1, 2 ** 31]) {
    it(`refuses ${JSON.stringify(junk)} as a list price, a break and the article's price, and changes nothing`, async () => {
      const single = await admin.post('/api/pricing/prices', { priceListCode: 'wholesale', articleId: article.id, minQuantity: 0, unitPrice: junk });
      expect(single.status).toBe(400);
      expect(single.body.errors.map((e: { field: string }) => e.field)).toContain('unitPrice');
      const rows = await admin.put(`/api/pricing/prices/articles/${article.id}/lists/wholesale`, { rows: [{ minQuantity: 0, unitPrice: junk }] });
      expect(rows.status).toBe(400);
      expect(rows.body.errors.map((e: { field: string }) => e.field)).toContain('rows.0.unitPrice');
      if (junk !== null) {
        const own = await admin.patch(`/api/catalog/articles/${article.id}`, { price: junk });
        expect(own.status).toBe(400);
        expect(own.body.errors.map((e: { field: string }) => e.field)).toContain('price');
      }
      expect((await admin.get(`/api/catalog/articles/${article.id}`)).body.price).toBe(350);
      expect((await admin.get(`/api/pricing/prices?article=${article.id}&list=2`)).body.items).toEqual([]);
    });
  }

  it('refuses a case quantity or an association ratio beyond the 32-bit columns, naming the field, and stores nothing', async () => {
    const other = (await admin.post('/api/catalog/articles', { code: 'COER-2', name: 'Vidange 37,5 cl', vatCategory: 'BE-21', price: 10 })).body;
    const pack = await admin.post('/api/pricing/packs', { articleId: article.id, barcode: '5410000000019', quantity: 2 ** 31, price: 2999, name: 'Casier' });
    expect(pack.status).toBe(400);
    expect(pack.body.errors.map((e: { field: string }) => e.field)).toEqual(['quantity']);
    const association = await admin.post('/api/pricing/associations', { articleId: article.id, associatedArticleId: other.id, ratio: 2 ** 31, kind: 'deposit' });
    expect(association.status).toBe(400);
    expect(association.body.errors.map((e: { field: string }) => e.field)).toEqual(['ratio']);
    expect((await admin.get(`/api/pricing/packs?article=${article.id}`)).body).not.toMatchObject([{ name: 'Casier' }]);
  });
});
