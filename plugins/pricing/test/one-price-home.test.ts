import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import pricing from '../src/index.js';
import { createArticle } from './helpers.js';

// One price home: the catalogue's article price is the default list's base price, stored once (in the catalogue).
describe.each(testDialects())('one price home (%s)', (dialect) => {
  let tk: TestKernel;
  const sql = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> => tk.kernel.em().getConnection().execute(text, params);
  const yes = dialect === 'postgresql' ? true : 1;
  const listId = async (code: string) => (await tk.admin.get('/api/pricing/lists')).body.find((l: any) => l.code === code).id;
  const rowsOf = async (articleId: number) => (await sql<any>('select pl.code, lp.min_quantity, lp.unit_price from pricing_list_price lp join pricing_price_list pl on pl.id = lp.price_list_id where lp.article_id = ? order by pl.code, lp.min_quantity', [articleId]))
    .map((r) => [r.code, Number(r.min_quantity), Number(r.unit_price)]);

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing] });
  });
  afterAll(async () => tk?.close());

  it('moves an existing database’s default-list base rows into the articles without a price, then deletes them (migration 0004)', async () => {
    const priced = await createArticle(tk.admin, { code: 'MIG-A', name: 'Orval 33 cl', price: 250 });
    const unpriced = await createArticle(tk.admin, { code: 'MIG-B', name: 'Chimay bleue 33 cl', price: null });
    const retail = await listId('retail');
    const wholesale = await listId('wholesale');
    // The rows an older version stored: a copy of the catalogue's price, a base row the catalogue lacks, a break, a wholesale price.
    const insert = 'insert into pricing_list_price (price_list_id, article_id, min_quantity, unit_price, valid_from, valid_to, updated_at) values (?, ?, ?, ?, null, null, ?)';
    const now = new Date();
    await sql(insert, [retail, priced.id, 0, 250, now]);
    await sql(insert, [retail, unpriced.id, 0, 399, now]);
    await sql(insert, [retail, unpriced.id, 6000, 379, now]);
    await sql(insert, [wholesale, unpriced.id, 0, 300, now]);
    await sql("delete from kernel_migration where plugin = 'pricing' and name = '0004-one-price-home'");
    tk = await tk.restart();

    expect(await sql("select name from kernel_migration where plugin = 'pricing' and name = '0004-one-price-home'")).toHaveLength(1);
    const b = (await tk.admin.get(`/api/catalog/articles/${unpriced.id}`)).body;
    expect(b).toMatchObject({ price: 399, version: unpriced.version + 1 });
    expect((await tk.admin.get(`/api/catalog/articles/${priced.id}`)).body).toMatchObject({ price: 250, version: priced.version });
    // The default list keeps its break, the other lists their rows; no base row is left in the default list.
    expect(await rowsOf(unpriced.id)).toEqual([['retail', 6000, 379], ['wholesale', 0, 300]]);
    expect(await rowsOf(priced.id)).toEqual([]);
    expect((await tk.admin.get(`/api/pricing/quote?article=${unpriced.id}`)).body).toMatchObject({ unitPrice: 399, rule: { kind: 'list', listCode: 'retail' } });
  });

  it('moves a list’s base rows into the articles’ prices through the catalogue when it becomes the default', async () => {
    const a = await createArticle(tk.admin, { code: 'SW-A', name: 'Jus de pomme 1 l', vatCategory: 'BE-6', price: 300 });
    const res = await tk.admin.put(`/api/pricing/prices/articles/${a.id}/lists/wholesale`, { rows: [{ minQuantity: 0, unitPrice: 250 }, { minQuantity: 12000, unitPrice: 240 }] });
    expect(res.status).toBe(200);
    const made = await tk.admin.patch(`/api/pricing/lists/${await listId('wholesale')}`, { isDefault: true });
    expect(made.status).toBe(200);
    // 2,50 € without VAT at 6 % is 2,65 € with VAT: the article's price now; the wholesale list keeps only its break.
    expect((await tk.admin.get(`/api/catalog/articles/${a.id}`)).body.price).toBe(265);
    expect(await rowsOf(a.id)).toEqual([['wholesale', 12000, 240]]);
    const read = (await tk.admin.get(`/api/pricing/prices/articles/${a.id}/lists/wholesale`)).body;
    expect(read.rows.map((r: any) => [r.id === 0, r.source, r.minQuantity, r.unitPrice, r.includesVat])).toEqual([[true, 'article', 0, 250, false], [false, 'list', 12000, 240, false]]);
    expect(await sql('select count(*) as n from pricing_list_price lp join pricing_price_list pl on pl.id = lp.price_list_id where pl.is_default = ? and lp.min_quantity <= 1000', [yes]))
      .toEqual([{ n: dialect === 'postgresql' ? '0' : 0 }]);
    // Back to retail as the default (the other tests of the file expect it).
    expect((await tk.admin.patch(`/api/pricing/lists/${await listId('retail')}`, { isDefault: true })).status).toBe(200);
  });
});
