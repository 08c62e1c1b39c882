import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import sales, { getSalesHooks, SALE_STAGES, type SalesBuilder } from '../src/index.js';
import { createArticle, createCustomer, fixedClock } from './helpers.js';

describe.each(testDialects())('the sale contract without pricing (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;
  let beer: any;
  let cheese: any;
  let water: any;
  const committed: string[] = [];

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, sales], clock: fixedClock });
    cashier = await tk.userWith(['cashier']);
    beer = await createArticle(tk.admin, { code: 'BIE-TRIPLE', name: 'Triple 33 cl', price: 149 });
    cheese = await createArticle(tk.admin, { code: 'FRO-HERVE', name: 'Herve (kg)', unit: 'kg', vatCategory: 'BE-6', price: 1799, barcodes: [] });
    water = await createArticle(tk.admin, { code: 'EAU-50', name: 'Eau 50 cl', price: null, barcodes: [] });
    // A tap that refuses a sale, to show `validate` at work: more than 99 bottles of one beer.
    const hooks = getSalesHooks(tk.kernel);
    hooks.validate.tapPromise('test-limits', async (doc) => {
      const line = doc.lines.find((l) => l.articleId === beer.id && l.quantity > 99_000);
      if (line) throw new DomainError('TEST_TOO_MANY', { fr: `Pas plus de 99 × « ${line.description} ».`, nl: 'Niet meer dan 99.', en: 'No more than 99.' }, { status: 422 });
    });
    hooks.committed.tapPromise('test-effects', async ({ record, totals }) => { committed.push(`${record.number}: ${totals.total}`); });
  });
  afterAll(async () => tk?.close());

  it('sells at the catalogue price when pricing is not enabled: a scanned barcode and a typed article', async () => {
    const res = await cashier.post('/api/sales/preview', { lines: [{ code: beer.barcodes[0].code, quantity: 6000 }, { articleId: cheese.id, quantity: 250 }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ channel: 'till', customerId: null, date: '2026-06-15', country: 'BE', pricesIncludeVat: true });
    expect(res.body.lines).toMatchObject([
      { id: 'L1', articleId: beer.id, description: 'Triple 33 cl', code: beer.barcodes[0].code, quantity: 6000, unitPrice: 149, includesVat: true, vatRate: 2100, origin: 'scan',
        priceSource: { by: 'sales', explanation: 'prix du catalogue' }, amounts: { gross: 894, total: 894 } },
      { id: 'L2', articleId: cheese.id, description: 'Herve (kg)', code: null, quantity: 250, unitPrice: 1799, vatRate: 600, origin: 'typed', amounts: { total: 450 } },
    ]);
    expect(res.body.totals).toEqual({
      subtotal: 1344, discount: 0, discountByRate: [{ rate: 2100, amount: 0 }, { rate: 600, amount: 0 }],
      rates: [{ rate: 2100, base: 739, vat: 155, total: 894 }, { rate: 600, base: 425, vat: 25, total: 450 }],
      base: 1164, vat: 180, total: 1344, cash: { rounded: 1345, difference: 1 },
    });
  });

  it('applies line and document discounts, spread across the VAT rates to the cent', async () => {
    const res = await cashier.post('/api/sales/preview', {
      lines: [{ articleId: beer.id, quantity: 6000, discountRate: 1000 }, { articleId: cheese.id, quantity: 1000, discountAmount: 99 }],
      discount: { amount: 100 },
    });
    expect(res.status).toBe(200);
    expect(res.body.lines.map((l: any) => l.amounts)).toEqual([
      { id: 'L1', unitPrice: 149, gross: 894, discount: 89, total: 805 },
      { id: 'L2', unitPrice: 1799, gross: 1799, discount: 99, total: 1700 },
    ]);
    expect(res.body.totals).toMatchObject({ subtotal: 2505, discount: 100, discountByRate: [{ rate: 2100, amount: 32 }, { rate: 600, amount: 68 }], total: 2405, cash: { rounded: 2405 } });
  });

  it('prices an invoice excluding VAT, and a typed price is kept as typed', async () => {
    const customer = await createCustomer(tk.admin);
    const res = await cashier.post('/api/sales/preview', {
      channel: 'invoice', customerId: customer.id, pricesIncludeVat: false,
      lines: [{ articleId: beer.id, quantity: 24000 }, { articleId: water.id, unitPrice: 50, includesVat: false, quantity: 2000 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.lines[0].amounts).toMatchObject({ unitPrice: 123, total: 2952 });
    expect(res.body.lines[1]).toMatchObject({ unitPrice: 50, includesVat: false, priceFixed: true, priceSource: { by: 'user', explanation: 'prix saisi' }, amounts: { total: 100 } });
    expect(res.body.totals).toMatchObject({ base: 3052, vat: 641, total: 3693 });
  });

  it('refuses an article without a price, an unknown code and an unknown customer, in the cashier’s language', async () => {
    const noPrice = await cashier.post('/api/sales/preview', { lines: [{ articleId: water.id }] });
    expect(noPrice.status).toBe(422);
    expect(noPrice.body).toMatchObject({ code: 'SALE_LINE_NOT_PRICED', detail: '« Eau 50 cl » n’a pas de prix : donnez-lui un prix dans le catalogue ou tapez-le.' });
    const unknown = await cashier.post('/api/sales/preview', { lines: [{ code: '5400000000000' }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'SALE_CODE_UNKNOWN', detail: 'Le code 5400000000000 ne correspond à aucun article, carte ou bon.' });
    const customer = await cashier.post('/api/sales/preview', { customerId: 999999, lines: [] });
    expect(customer.status).toBe(404);
    expect(customer.body).toMatchObject({ code: 'CUSTOMER_NOT_FOUND', detail: 'Le client n° 999999 n’existe pas.' });
  });

  it('lets a validate tap refuse the sale with its message', async () => {
    const res = await cashier.post('/api/sales/preview', { lines: [{ articleId: beer.id, quantity: 100_000 }] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'TEST_TOO_MANY', detail: 'Pas plus de 99 × « Triple 33 cl ».' });
  });

  it('validates the body without coercion: strings for ids, amounts or quantities are refused, as any malformed body', async () => {
    for (const body of [
      { lines: [{ articleId: String(beer.id) }] },
      { lines: [{ articleId: beer.id, quantity: '1000' }] },
      { lines: [{ articleId: beer.id, unitPrice: true }] },
      { discount: { amount: '100' }, lines: [] },
      { lines: [{ articleId: -1 }] },
      { lines: [{ articleId: beer.id, quantity: 0 }] },
      { lines: [{ articleId: beer.id, unitPrice: 1.5 }] },
      { lines: [{ articleId: beer.id, code: 'x' }] },
      { lines: [{}] },
      { lines: [], discount: { rate: 10, amount: 10 } },
      { lines: [], extra: true },
    ]) {
      const res = await cashier.post('/api/sales/preview', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('needs sales.preview: refused without a session', async () => {
    const res = await tk.anonymous().post('/api/sales/preview', { lines: [] });
    expect(res.status).toBe(401);
  });

  it('runs committing in the caller’s transaction and committed only after its commit', async () => {
    const builder = tk.kernel.container.resolve<SalesBuilder>('salesBuilder');
    const hooks = getSalesHooks(tk.kernel);
    const seen: string[] = [];
    hooks.committing.tapPromise('test-effects', async ({ record }) => {
      seen.push(`committing ${record.number}`);
      if (record.number === 'T-2') throw new Error('refused inside the transaction');
    });
    const em = tk.kernel.em();
    const sale = await builder.build(em, { lines: [{ articleId: beer.id, quantity: 2000 }] }, { user: null, lang: 'fr' });
    await em.transactional(async (tx) => {
      await builder.commit(tx, sale, { kind: 'ticket', id: 1, number: 'T-1' }, null);
      expect(committed).toEqual([]);
    });
    expect(committed).toEqual(['T-1: 298']);
    await expect(em.transactional((tx) => builder.commit(tx, sale, { kind: 'ticket', id: 2, number: 'T-2' }, null))).rejects.toThrow('refused inside the transaction');
    expect(seen).toEqual(['committing T-1', 'committing T-2']);
    expect(committed).toEqual(['T-1: 298']);
  });

  it('runs composeLines taps by stage, whatever the order they were tapped in', async () => {
    const order: string[] = [];
    const hooks = getSalesHooks(tk.kernel);
    for (const stage of ['final', 'promotions', 'associated', 'deposits'] as const) {
      hooks.composeLines.tapPromise({ name: `test-${stage}`, stage: SALE_STAGES[stage] }, async (doc) => { order.push(stage); return doc; });
    }
    const res = await cashier.post('/api/sales/preview', { lines: [{ articleId: beer.id }] });
    expect(res.status).toBe(200);
    expect(order).toEqual(['associated', 'deposits', 'promotions', 'final']);
  });
});
