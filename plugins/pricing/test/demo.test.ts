import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@comptoir/kernel/host';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import pricing, { encodeScan } from '../src/index.js';
import { fixedClock } from './helpers.js';

describe.each(testDialects())('the demo shop’s prices (%s)', (dialect) => {
  let tk: TestKernel;
  let caisse: TestClient;
  let gerant: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing], clock: fixedClock });
    await seedDemo(tk.kernel);
    caisse = tk.anonymous();
    await caisse.login('caisse', 'demo-caisse');
    gerant = tk.anonymous();
    await gerant.login('gerant', 'demo-gerant');
  }, 240_000);
  afterAll(async () => tk?.close());

  it('puts every company on the wholesale list', async () => {
    const lists = (await gerant.get('/api/pricing/lists')).body;
    const wholesale = lists.find((l: any) => l.code === 'wholesale');
    const companies = (await gerant.get('/api/catalog/customers?pageSize=200')).body.items.filter((c: any) => c.kind === 'company');
    expect(wholesale.customerCount).toBe(companies.length);
    expect(companies.length).toBeGreaterThan(20);
  });

  it('weighs bulk almonds from a scale label through their PLU', async () => {
    const almonds = (await caisse.get('/api/catalog/barcodes/PLU-1003')).body;
    const label = encodeScan({ name: 'Article pesé', type: 'weight', pattern: '21AAAAAWWWWWC' }, { articleRef: '01003', weight: 350 });
    if (!label.ok) throw new Error(label.message);
    const res = await caisse.get(`/api/pricing/scan/${label.barcode}`);
    expect(res.body).toMatchObject({ article: { id: almonds.id }, quantity: 350, unitPrice: almonds.price, lineTotal: Math.round((almonds.price * 350) / 1000) });
  });

  it('sells a case of beer with 24 bottle deposits and the crate', async () => {
    const packs = (await gerant.get('/api/pricing/packs')).body;
    expect(packs.length).toBeGreaterThan(10);
    const res = await caisse.get(`/api/pricing/scan/${packs[0].barcode}`);
    expect(res.body).toMatchObject({ source: 'pack', quantity: 24000, lineTotal: packs[0].price, rule: { kind: 'pack' } });
    expect(res.body.associatedLines.map((l: any) => [l.article.name, l.quantity, l.unitPrice])).toEqual([
      [expect.stringMatching(/^Vidange bouteille (25|33) cl$/), 24000, 10], [expect.stringMatching(/^Casier vide 24 × (25|33) cl$/), 1000, 150],
    ]);
    expect(res.body.unitPriceLegal.unit).toBe('l');
  });

  it('quotes a beer break to a trade customer, without VAT', async () => {
    const prices = (await gerant.get('/api/pricing/prices?pageSize=500')).body.items;
    const brk = prices.find((p: any) => p.priceListCode === 'wholesale' && p.minQuantity === 24000);
    const company = (await gerant.get('/api/catalog/customers?pageSize=200')).body.items.filter((c: any) => c.kind === 'company').at(-1);
    const q = await caisse.get(`/api/pricing/quote?article=${brk.articleId}&customer=${company.id}&quantity=24000`);
    expect(q.body).toMatchObject({ unitPrice: brk.unitPrice, includesVat: false, rule: { kind: 'break', explanation: 'gros, palier à partir de 24' } });
  });
});
