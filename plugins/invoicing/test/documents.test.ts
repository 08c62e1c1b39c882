import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { createArticle, createCustomer, draft, openShop, rows, type Shop } from './helpers.js';

describe.each(testDialects())('drafts (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let bread: any;
  let customer: any;

  beforeAll(async () => {
    shop = await openShop(dialect);
    // Catalogue prices include VAT: 1,21 € → 1,00 € excl.; 1,06 € → 1,00 € excl.
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 121, vatCategory: 'BE-21' });
    bread = await createArticle(shop.admin, { name: 'Pain gris', price: 318, vatCategory: 'BE-6' });
    customer = await createCustomer(shop.admin, { name: 'Café du Coin SRL', vatNumber: 'BE0123456749' });
  });
  afterAll(async () => shop?.tk.close());

  it('builds a B2B invoice draft through the sale contract: prices without VAT, sections, text, subtotal, VAT per rate, no number', async () => {
    const doc = await draft(shop.manager, {
      type: 'invoice', customerId: customer.id, customerReference: 'BC-778', paymentTerms: 'Virement à 30 jours', deliveryAddress: 'Quai 4\n1000 Bruxelles',
      lines: [
        { kind: 'section', description: 'Boissons' },
        { articleId: beer.id, quantity: 24000 },
        { kind: 'text', description: 'Livré en casiers' },
        { kind: 'subtotal', description: 'Sous-total boissons' },
        { code: bread.barcodes[0].code, quantity: 10000, discountRate: 1000 },
      ],
    });
    expect(doc).toMatchObject({
      type: 'invoice', status: 'draft', number: null, pricesIncludeVat: false, customerReference: 'BC-778', paymentTerms: 'Virement à 30 jours',
      deliveryAddress: 'Quai 4\n1000 Bruxelles', paymentTermsDays: 30, version: 1,
      customer: { id: customer.id, name: 'Café du Coin SRL', address: 'Rue Haute 12\n1000 Bruxelles', vatNumber: 'BE0123456749' },
    });
    expect(doc.lines.map((l: any) => [l.kind, l.description, l.quantity, l.total])).toEqual([
      ['section', 'Boissons', 0, 0],
      ['article', 'Triple 33 cl', 24000, 2400],
      ['text', 'Livré en casiers', 0, 0],
      ['subtotal', 'Sous-total boissons', 0, 2400],
      // 3,18 € incl. 6 % = 3,00 € excl.; 10 × 3,00 = 30,00 − 10 % = 27,00
      ['article', 'Pain gris', 10000, 2700],
    ]);
    expect(doc.totals).toEqual({
      subtotal: 5100, discount: 0, base: 5100, vat: 666, total: 5766,
      rates: [{ rate: 2100, base: 2400, vat: 504 }, { rate: 600, base: 2700, vat: 162 }],
    });
  });

  it('takes a document discount spread over the rates, VAT computed per rate on the totals', async () => {
    const doc = await draft(shop.manager, {
      type: 'quote', customerId: customer.id, discount: { rate: 500 }, validUntil: '2026-07-15',
      lines: [{ articleId: beer.id, quantity: 3000 }, { articleId: bread.id, quantity: 1000 }],
    });
    // 3,00 + 3,00 = 6,00; 5 % = 0,30, 0,15 on each rate; VAT 21 % of 2,85 = 0,60 (0,5985); 6 % of 2,85 = 0,17 (0,171)
    expect(doc.totals).toEqual({
      subtotal: 600, discount: 30, base: 570, vat: 77, total: 647,
      rates: [{ rate: 2100, base: 285, vat: 60 }, { rate: 600, base: 285, vat: 17 }],
    });
    expect(doc.validUntil).toBe('2026-07-15');
  });

  it('prices with VAT for a private customer, and follows a change of side', async () => {
    const person = await createCustomer(shop.admin, { name: 'Marie Dupont', kind: 'person' });
    const doc = await draft(shop.manager, { type: 'invoice', customerId: person.id, lines: [{ articleId: beer.id, quantity: 2000 }] });
    expect(doc.pricesIncludeVat).toBe(true);
    expect(doc.totals).toMatchObject({ total: 242, base: 200, vat: 42 });
    const excl = await shop.manager.patch(`/api/invoicing/documents/${doc.id}`, { version: doc.version, pricesIncludeVat: false });
    expect(excl.status).toBe(200);
    expect(excl.body.lines[0].total).toBe(200);
    expect(excl.body.totals).toMatchObject({ total: 242, base: 200, vat: 42 });
  });

  it('edits lines: another quantity is priced again, a typed price sticks, a removed line goes with what was composed for it', async () => {
    let doc = await draft(shop.manager, { type: 'order', customerId: customer.id, lines: [{ articleId: beer.id, quantity: 1000 }] });
    const line = doc.lines[0];
    let res = await shop.manager.patch(`/api/invoicing/documents/${doc.id}/lines/${line.id}`, { version: doc.version, quantity: 5000 });
    expect(res.status).toBe(200);
    expect(res.body.lines[0]).toMatchObject({ quantity: 5000, total: 500 });
    doc = res.body;
    res = await shop.manager.patch(`/api/invoicing/documents/${doc.id}/lines/${line.id}`, { version: doc.version, unitPrice: 90 });
    expect(res.body.lines[0]).toMatchObject({ unitPrice: 90, includesVat: false, priceFixed: true, total: 450 });
    doc = res.body;
    res = await shop.manager.post(`/api/invoicing/documents/${doc.id}/lines`, { version: doc.version, kind: 'text', description: 'Merci !' });
    expect(res.status).toBe(201);
    doc = res.body;
    res = await shop.manager.delete(`/api/invoicing/documents/${doc.id}/lines/${line.id}?version=${doc.version}`);
    expect(res.status).toBe(200);
    expect(res.body.lines.map((l: any) => l.description)).toEqual(['Merci !']);
    expect(res.body.totals.total).toBe(0);
  });

  it('answers 409 to an editor holding an old version, and changes nothing', async () => {
    const doc = await draft(shop.manager, { type: 'quote', customerId: customer.id });
    const first = await shop.manager.patch(`/api/invoicing/documents/${doc.id}`, { version: 1, customerReference: 'A' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await shop.manager.patch(`/api/invoicing/documents/${doc.id}`, { version: 1, customerReference: 'B' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await shop.manager.get(`/api/invoicing/documents/${doc.id}`)).body.customerReference).toBe('A');
  });

  it('refuses bad input with problem+json in the user’s language, without coercion', async () => {
    const asText = await shop.manager.post('/api/invoicing/documents', { type: 'invoice', lines: [{ articleId: beer.id, quantity: '1000' }] });
    expect(asText.status).toBe(400);
    expect(asText.headers.get('content-type')).toContain('application/problem+json');
    expect(asText.body.code).toBe('VALIDATION_FAILED');
    const credit = await shop.manager.post('/api/invoicing/documents', { type: 'credit_note' });
    expect(credit.status).toBe(422);
    expect(credit.body).toMatchObject({ code: 'INVOICING_CREDIT_NEEDS_INVOICE', detail: 'Une note de crédit se fait à partir de la facture qu’elle corrige.' });
    const missing = await shop.manager.get('/api/invoicing/documents/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('Le document 999999 n’existe pas.');
    const badDay = await shop.manager.post('/api/invoicing/documents', { type: 'quote', validUntil: '2026-02-30' });
    expect(badDay.status).toBe(422);
    expect(badDay.body.code).toBe('INVOICING_DATE_INVALID');
    const before = await rows(shop.tk, 'select count(*) as n from invoicing_document');
    const textWithArticle = await shop.manager.post('/api/invoicing/documents', { type: 'quote', lines: [{ kind: 'text', articleId: beer.id }] });
    expect(textWithArticle.status).toBe(422);
    expect(await rows(shop.tk, 'select count(*) as n from invoicing_document')).toEqual(before);
  });

  it('names the permission: a cashier may neither read nor write invoices', async () => {
    expect((await shop.cashier.get('/api/invoicing/documents')).status).toBe(403);
    expect((await shop.cashier.post('/api/invoicing/documents', { type: 'quote' })).status).toBe(403);
  });

  it('deletes a draft', async () => {
    const doc = await draft(shop.manager, { type: 'quote', customerId: customer.id, lines: [{ articleId: beer.id }] });
    expect((await shop.manager.delete(`/api/invoicing/documents/${doc.id}?version=${doc.version}`)).status).toBe(204);
    expect((await shop.manager.get(`/api/invoicing/documents/${doc.id}`)).status).toBe(404);
    expect(await rows(shop.tk, 'select id from invoicing_line where document_id = ?', [doc.id])).toEqual([]);
  });

  it('a burst of editors on one draft: one wins, the others get 409, never a 500', async () => {
    const doc = await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id }] });
    const editors = await Promise.all(Array.from({ length: 6 }, () => shop.tk.userWith(['manager'])));
    const answers = await Promise.all(editors.flatMap((c, i) => [
      c.post(`/api/invoicing/documents/${doc.id}/lines`, { version: doc.version, articleId: bread.id, quantity: 1000 * (i + 1) }),
      c.patch(`/api/invoicing/documents/${doc.id}`, { version: doc.version, customerReference: `R${i}` }),
    ]));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s < 300)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const after = (await shop.manager.get(`/api/invoicing/documents/${doc.id}`)).body;
    expect(after.version).toBe(2);
  });
});
