import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog, { getCatalogHooks, makeEan13 } from '../src/index.js';

const beer = (over: Record<string, unknown> = {}) => ({
  code: 'BIE-TRIPLE', name: 'Triple d’Abbaye 33 cl', vatCategory: 'BE-21', unit: 'piece', price: 249,
  barcodes: [makeEan13('541234500001')], ...over,
});

describe.each(testDialects())('catalogue (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;
  let cashier: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog] });
    admin = tk.admin;
    cashier = await tk.userWith(['cashier']);
  });
  afterAll(async () => tk?.close());

  it('creates an article and finds it by barcode, code and an accent-free name fragment', async () => {
    const fam = await admin.post('/api/catalog/families', { code: 'BIERES', name: 'Bières belges' });
    expect(fam.status).toBe(201);
    const res = await admin.post('/api/catalog/articles', beer({ familyId: fam.body.id, name: 'Bière Triple d’Abbaye 33 cl' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'BIE-TRIPLE', vatRate: 2100, price: 249, familyName: 'Bières belges', barcodes: [{ code: '5412345000013', kind: 'ean13' }] });

    const byBarcode = await cashier.get('/api/catalog/barcodes/5412345000013');
    expect(byBarcode.body.code).toBe('BIE-TRIPLE');
    const byFragment = await cashier.get('/api/catalog/articles?q=biere%20triple');
    expect(byFragment.body.items.map((a: any) => a.code)).toEqual(['BIE-TRIPLE']);
    // Words in any order, accents and case ignored, each a fragment of the code or the name.
    for (const q of ['triple biere', 'ABBAYE bière', 'tri bie 33', 'bie-trip abb']) {
      expect((await cashier.get(`/api/catalog/articles?q=${encodeURIComponent(q)}`)).body.items.map((a: any) => a.code), q).toEqual(['BIE-TRIPLE']);
    }
    expect((await cashier.get('/api/catalog/articles?q=triple%20kriek')).body.total).toBe(0);
    expect((await cashier.get('/api/catalog/articles?q=%25')).body.total).toBe(0);
    const byScan = await cashier.get('/api/catalog/articles?q=5412345000013');
    expect(byScan.body.total).toBe(1);
    const byFamily = await cashier.get(`/api/catalog/articles?family=${fam.body.id}`);
    expect(byFamily.body.total).toBe(1);
  });

  it('refuses a wrong check digit, says which digit is expected, and creates nothing', async () => {
    const before = (await admin.get('/api/catalog/articles')).body.total;
    const res = await admin.post('/api/catalog/articles', beer({ code: 'BIE-BAD', barcodes: ['5412345000019'] }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([{ field: 'barcodes.0', code: 'BARCODE_BAD_CHECK_DIGIT', message: 'EAN-13 5412345000019 : le chiffre de contrôle devrait être 3, pas 9.' }]);
    expect((await admin.get('/api/catalog/articles')).body.total).toBe(before);
  });

  it('names every bad field at once', async () => {
    const res = await admin.post('/api/catalog/articles', { code: 'a b', name: ' ', vatCategory: 'FR-20', price: -5, barcodes: ['5412345000013', 'ab cd'] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => `${e.field}:${e.code}`).sort()).toEqual([
      'barcodes.0:BARCODE_TAKEN', 'barcodes.1:BARCODE_INTERNAL_BAD_CHARACTER', 'code:CODE_FORMAT', 'name:REQUIRED', 'price:PRICE_INVALID', 'vatCategory:VAT_CATEGORY_UNKNOWN',
    ]);
    expect(res.body.errors.find((e: any) => e.field === 'barcodes.0').message).toBe('Le code-barres 5412345000013 appartient déjà à l’article BIE-TRIPLE.');
  });

  it('refuses a change made on a stale version', async () => {
    const a = (await admin.get('/api/catalog/articles?q=BIE-TRIPLE')).body.items[0];
    const first = await admin.patch(`/api/catalog/articles/${a.id}`, { price: 259, version: a.version });
    expect(first.status).toBe(200);
    expect(first.body.price).toBe(259);
    const second = await admin.patch(`/api/catalog/articles/${a.id}`, { price: 199, version: a.version });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('VERSION_CONFLICT');
    expect((await admin.get(`/api/catalog/articles/${a.id}`)).body.price).toBe(259);
  });

  it('replaces barcodes: a removed code frees up for another article', async () => {
    const a = (await admin.get('/api/catalog/articles?q=BIE-TRIPLE')).body.items[0];
    const ean8 = '96385074';
    const res = await admin.patch(`/api/catalog/articles/${a.id}`, { barcodes: [{ code: ean8, kind: 'ean8' }, 'TRIPLE-VRAC'] });
    expect(res.status).toBe(200);
    expect(res.body.barcodes).toEqual([{ code: ean8, kind: 'ean8' }, { code: 'TRIPLE-VRAC', kind: 'internal' }]);
    const other = await admin.post('/api/catalog/articles', beer({ code: 'BIE-BLONDE', name: 'Blonde 33 cl' }));
    expect(other.status).toBe(201);
    expect(other.body.barcodes[0].code).toBe('5412345000013');
  });

  it('lets a cashier read and create customers but not change articles', async () => {
    expect((await cashier.get('/api/catalog/articles')).status).toBe(200);
    const res = await cashier.post('/api/catalog/articles', beer({ code: 'X1', barcodes: [] }));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PERMISSION_DENIED');
    const cust = await cashier.post('/api/catalog/customers', { name: 'Brasserie du Coin', kind: 'company', postalCode: '5000', city: 'Namur', country: 'BE', vatNumber: 'be 0412.345.614', language: 'fr' });
    expect(cust.status).toBe(201);
    expect(cust.body).toMatchObject({ code: 'C00001', vatNumber: 'BE0412345614' });
  });

  it('checks customers’ VAT numbers and postal codes per country', async () => {
    const res = await admin.post('/api/catalog/customers', { name: 'Café Mauvais', country: 'BE', postalCode: '123', vatNumber: 'BE0412345615', email: 'pas-un-mail' });
    expect(res.status).toBe(400);
    const fields = Object.fromEntries(res.body.errors.map((e: any) => [e.field, e.message]));
    expect(Object.keys(fields).sort()).toEqual(['email', 'postalCode', 'vatNumber']);
    expect(fields.vatNumber).toBe('Numéro de TVA BE invalide : le contrôle devrait être 14, pas 15.');
    const fr = await admin.post('/api/catalog/customers', { name: 'Épicerie Lilloise', country: 'FR', postalCode: '59000', city: 'Lille', language: 'fr' });
    expect(fr.status).toBe(201);
    const found = await admin.get('/api/catalog/customers?q=lilloise');
    expect(found.body.items.map((c: any) => c.name)).toEqual(['Épicerie Lilloise']);
  });

  it('refuses to make a family its own ancestor', async () => {
    const top = await admin.post('/api/catalog/families', { code: 'BOISSONS', name: 'Boissons' });
    const child = await admin.post('/api/catalog/families', { code: 'EAUX', name: 'Eaux', parentId: top.body.id });
    expect(child.body.path).toBe('Boissons > Eaux');
    const res = await admin.patch(`/api/catalog/families/${top.body.id}`, { parentId: child.body.id });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'parentId', code: 'FAMILY_CYCLE' });
  });

  it('rolls back an article when a plugin tapping articleSaving refuses it', async () => {
    const hooks = getCatalogHooks(tk.kernel);
    hooks.articleSaving.tapPromise('test-veto', async ({ article }) => {
      if (article.name.includes('interdit')) throw new DomainError('TEST_VETO', { fr: 'Article refusé par le test.', en: 'Refused by the test.' }, { status: 422 });
    });
    const res = await admin.post('/api/catalog/articles', beer({ code: 'VETO', name: 'Produit interdit', barcodes: [makeEan13('541234500009')] }));
    expect(res.status).toBe(422);
    expect(res.body.detail).toBe('Article refusé par le test.');
    expect((await admin.get('/api/catalog/articles?q=VETO')).body.total).toBe(0);
    expect((await admin.get(`/api/catalog/barcodes/${makeEan13('541234500009')}`)).status).toBe(404);
  });

  it('answers an unknown barcode with a sentence for the cashier', async () => {
    const res = await cashier.get('/api/catalog/barcodes/4006381333931');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'ARTICLE_NOT_FOUND', detail: 'Aucun article ne porte le code-barres 4006381333931.' });
  });
});
