import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, ValidationError } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import catalog, { getCatalogHooks, makeEan13, type ArticleBatchService, type ArticleReads, type ArticlesSavedEvent } from '../src/index.js';

const ean = (n: number) => makeEan13(`54111100${String(n).padStart(4, '0')}`);

describe.each(testDialects())('catalogue bulk and read API (%s)', (dialect) => {
  let tk: TestKernel;
  let batch: ArticleBatchService;
  let reads: ArticleReads;
  const saved: Array<Omit<ArticlesSavedEvent, 'em' | 'user'>> = [];

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog] });
    batch = tk.kernel.container.resolve('catalogArticleBatch');
    reads = tk.kernel.container.resolve('catalogReads');
    const hooks = getCatalogHooks(tk.kernel);
    hooks.articlesSaved.tap('test', ({ created, updated }) => { saved.push({ created, updated }); });
    hooks.articlesSaving.tap('test', ({ batch: b }) => {
      if (b.create.some((d) => d.name === 'Interdit')) throw new DomainError('TEST_REFUSED', 'refused by a tap', { status: 409 });
    });
  });
  afterAll(async () => tk?.close());

  it('creates and changes a batch of articles with their barcodes, firing one pair of batch hooks', async () => {
    const em = tk.kernel.em().fork();
    const res = await em.transactional((tem) => batch.save(tem, {
      create: [
        { code: 'BULK-1', name: 'Bière blonde 33 cl', vatCategory: 'BE-21', price: 149, barcodes: [{ code: ean(1), kind: 'ean13' }] },
        { code: 'BULK-2', name: 'Limonade 1 l', vatCategory: 'BE-6', unit: 'piece' },
      ],
      update: [],
    }, null));
    expect([...res.created.keys()].sort()).toEqual(['BULK-1', 'BULK-2']);
    const id1 = res.created.get('BULK-1')!;
    expect(saved.at(-1)).toEqual({ created: [...res.created.values()], updated: [] });

    const again = await tk.kernel.em().fork().transactional((tem) => batch.save(tem, {
      create: [], update: [{ id: id1, set: { name: 'Bière blonde d’été 33 cl', price: 155 }, addBarcodes: [{ code: ean(2), kind: 'ean13' }] }],
    }, null));
    expect(again.updated).toEqual([{ id: id1, changed: ['name', 'price', 'barcodes'] }]);
    const view = (await reads.view(tk.kernel.em().fork(), id1))!.view;
    expect(view).toMatchObject({ name: 'Bière blonde d’été 33 cl', price: 155, version: 2, barcodes: [{ code: ean(1) }, { code: ean(2) }] });
    // The search text follows the new name.
    const found = await tk.admin.get('/api/catalog/articles?q=ete%20blonde');
    expect(found.body.items.map((a: { code: string }) => a.code)).toEqual(['BULK-1']);
    expect(await reads.articleIdByBarcode(tk.kernel.em().fork(), ean(2))).toBe(id1);
    expect((await reads.barcodeOwners(tk.kernel.em().fork(), [ean(1), ean(2), ean(3)])).map((o) => o.articleId)).toEqual([id1, id1]);
  });

  it('refuses invalid rows with the field named, and a batch a tap refuses, writing nothing', async () => {
    const bad = tk.kernel.em().fork().transactional((tem) => batch.save(tem, {
      create: [{ code: 'BAD CODE', name: 'x', vatCategory: 'FR-20', price: -1 }], update: [],
    }, null));
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    await expect(bad).rejects.toMatchObject({ errors: [{ field: 'create.0.code' }, { field: 'create.0.vatCategory' }, { field: 'create.0.price' }] });
    const refused = tk.kernel.em().fork().transactional((tem) => batch.save(tem, { create: [{ code: 'BULK-9', name: 'Interdit', vatCategory: 'BE-21' }], update: [] }, null));
    await expect(refused).rejects.toMatchObject({ code: 'TEST_REFUSED' });
    expect(await reads.articleIdByCode(tk.kernel.em().fork(), 'BULK-9')).toBeNull();
    expect(await reads.articleIdByCode(tk.kernel.em().fork(), 'BAD CODE')).toBeNull();
  });

  it('reads facts of many articles at once', async () => {
    const id = (await reads.articleIdByCode(tk.kernel.em().fork(), 'BULK-2'))!;
    const facts = await reads.facts(tk.kernel.em().fork(), [id, 999_999]);
    expect([...facts.values()]).toEqual([{ id, code: 'BULK-2', name: 'Limonade 1 l', unit: 'piece', vatCategory: 'BE-6', vatRate: 600, price: null, familyId: null }]);
  });
});
