import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import sales from '../src/index.js';
import { carrierBagsPlugin } from './fixtures/carrier-bags.js';
import { createArticle, fixedClock } from './helpers.js';

const here = (p: string) => new URL(p, import.meta.url);

describe('the worked example of docs/architecture.md', () => {
  it('shows the carrier-bags plugin exactly as the test runs it', () => {
    const source = readFileSync(here('./fixtures/carrier-bags.ts'), 'utf8');
    const region = /\/\/ #region compose-example\n([\s\S]*?)\/\/ #endregion compose-example/.exec(source)![1].trim();
    const page = readFileSync(here('../../../docs/architecture.md'), 'utf8');
    expect(page).toContain('```ts\n' + region + '\n```');
  });
});

describe.each(testDialects())('a plugin adding a line in composeLines (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;
  let beer: any;
  let bag: any;

  beforeAll(async () => {
    const first = await startTestKernel(dialect, { plugins: [catalog, sales], clock: fixedClock });
    beer = await createArticle(first.admin, { code: 'BIE-BLONDE', name: 'Blonde 25 cl', price: 120 });
    bag = await createArticle(first.admin, { code: 'SAC', name: 'Sac réutilisable', price: 15, vatCategory: 'BE-21', barcodes: [] });
    // The example plugin knows its bag article from the start, as a shop's configuration would tell it.
    tk = await first.restart({ plugins: [catalog, sales, carrierBagsPlugin(bag.id)] });
    cashier = await tk.userWith(['cashier']);
  });
  afterAll(async () => tk?.close());

  it('adds one bag per started 10 pieces at the till, at the catalogue price, in the totals', async () => {
    const res = await cashier.post('/api/sales/preview', { lines: [{ articleId: beer.id, quantity: 12_000 }] });
    expect(res.status).toBe(200);
    expect(res.body.lines).toMatchObject([
      { id: 'L1', description: 'Blonde 25 cl', amounts: { total: 1440 } },
      { id: 'L2', articleId: bag.id, description: 'Sac réutilisable', quantity: 2000, unitPrice: 15, origin: 'carrier-bags', priceSource: { explanation: 'prix du catalogue' }, amounts: { total: 30 } },
    ]);
    expect(res.body.totals.total).toBe(1470);
  });

  it('adds nothing on an invoice', async () => {
    const res = await cashier.post('/api/sales/preview', { channel: 'invoice', lines: [{ articleId: beer.id, quantity: 12_000 }] });
    expect(res.body.lines).toHaveLength(1);
  });
});
