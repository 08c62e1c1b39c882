import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog, { gtinCheckDigit, makeEan13 } from '@comptoir/catalog';
import pricing, { encodeScan, type BarcodeRule } from '../src/index.js';
import { addPrice, createArticle, createCustomer, fixedClock } from './helpers.js';

const weighed: BarcodeRule = { name: 'Article pesé', type: 'weight', pattern: '21AAAAAWWWWWC' };
const priced: BarcodeRule = { name: 'Article à prix (prix contrôlé)', type: 'price', pattern: '23AAAAAKPPPPC' };
const code = (rule: BarcodeRule, fields: Parameters<typeof encodeScan>[1]) => {
  const r = encodeScan(rule, fields);
  if (!r.ok) throw new Error(r.message);
  return r.barcode;
};
/** The same code with its last digit changed: a misread. */
const misread = (c: string) => c.slice(0, -1) + String((Number(c.at(-1)) + 1) % 10);

describe.each(testDialects())('scanned codes, packs and associated articles (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;
  let cashier: TestClient;
  let almonds: any;
  let beer: any;
  let bottle: any;
  let crate: any;
  let pack: any;
  const caseCode = makeEan13('541000000024');

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing], clock: fixedClock });
    admin = tk.admin;
    cashier = await tk.userWith(['cashier']);
    almonds = await createArticle(admin, { code: 'VRA-AMANDES', name: 'Amandes (vrac)', unit: 'kg', vatCategory: 'BE-6', price: 1799, barcodes: ['PLU-1003'] });
    beer = await createArticle(admin, { code: 'BIE-TRIPLE', name: 'Triple 33 cl', price: 149, barcodes: [makeEan13('541000000017')] });
    bottle = await createArticle(admin, { code: 'VID-33', name: 'Vidange bouteille 33 cl', vatCategory: 'BE-0', price: 10, barcodes: [] });
    crate = await createArticle(admin, { code: 'VID-CASIER', name: 'Casier vide 24 × 33 cl', vatCategory: 'BE-0', price: 150, barcodes: [] });
  });
  afterAll(async () => tk?.close());

  it('reads a scale label: the article by its PLU, the weight, the price per kg', async () => {
    const label = code(weighed, { articleRef: '01003', weight: 250 });
    const res = await cashier.get(`/api/pricing/scan/${label}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'article', source: 'nomenclature', barcodeRule: { name: 'Article pesé', type: 'weight' }, article: { code: 'VRA-AMANDES' },
      quantity: 250, unitPrice: 1799, lineTotal: 450, priceFromLabel: false, unitPriceLegal: { cents: 1799, unit: 'kg' },
      rule: { explanation: 'détail, prix de base' },
    });
  });

  it('refuses a misread label and says which digit is wrong', async () => {
    const label = misread(code(weighed, { articleRef: '01003', weight: 250 }));
    const res = await cashier.get(`/api/pricing/scan/${label}`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SCAN_BAD_CHECK_DIGIT');
    expect(res.body.detail).toMatch(/^\d{13} \(« Article pesé »\) : le chiffre de contrôle devrait être \d, pas \d\. Scannez à nouveau ou tapez le code\.$/);
  });

  it('sells a priced label at the printed price, and refuses a wrong price check digit', async () => {
    const label = code(priced, { articleRef: '01003', price: 1234 });
    const res = await cashier.get(`/api/pricing/scan/${label}`);
    expect(res.body).toMatchObject({ quantity: 1000, unitPrice: 1234, lineTotal: 1234, priceFromLabel: true, rule: { kind: 'label', explanation: 'prix de l’étiquette (12,34 €)' } });
    const digits = label.split('');
    digits[7] = String((Number(digits[7]) + 1) % 10);
    // A wrong price digit under a right code check digit: only the price verifier digit catches it.
    const bad = digits.slice(0, 12).join('');
    const withCheck = bad + String(gtinCheckDigit(bad));
    const refused = await cashier.get(`/api/pricing/scan/${withCheck}`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SCAN_BAD_PRICE_CHECK_DIGIT');
  });

  it('names the reference of a label whose article does not exist', async () => {
    const res = await cashier.get(`/api/pricing/scan/${code(weighed, { articleRef: '09999', weight: 100 })}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'SCAN_ARTICLE_NOT_FOUND' });
    expect(res.body.detail).toContain('aucun article ne porte la référence 09999');
  });

  it('shows the legal price per litre from the content, and adds the bottle deposit', async () => {
    expect((await admin.put(`/api/pricing/contents/${beer.id}`, { quantity: 330, unit: 'l' })).status).toBe(200);
    const dep = await admin.post('/api/pricing/associations', { articleId: beer.id, associatedArticleId: bottle.id, ratio: 1000, kind: 'deposit' });
    expect(dep.status).toBe(201);
    const res = await cashier.get(`/api/pricing/scan/${beer.barcodes[0].code}`);
    expect(res.body).toMatchObject({
      source: 'barcode', quantity: 1000, unitPrice: 149, lineTotal: 149, unitPriceLegal: { cents: 452, unit: 'l' },
      associatedLines: [{ kind: 'deposit', article: { code: 'VID-33' }, quantity: 1000, unitPrice: 10, lineTotal: 10 }],
    });
  });

  it('sells a case of 24 by its own barcode at the case price, with 24 bottle deposits and the crate', async () => {
    const created = await admin.post('/api/pricing/packs', { articleId: beer.id, barcode: caseCode, quantity: 24000, price: 2999, name: 'Casier 24 × 33 cl' });
    expect(created.status).toBe(201);
    pack = created.body;
    await admin.post('/api/pricing/associations', { articleId: beer.id, associatedArticleId: crate.id, packId: pack.id, ratio: 1000, kind: 'deposit' });
    const res = await cashier.get(`/api/pricing/scan/${caseCode}`);
    expect(res.body).toMatchObject({
      source: 'pack', pack: { quantity: 24000, price: 2999 }, quantity: 24000, unitPrice: 125, lineTotal: 2999,
      rule: { kind: 'pack', explanation: 'prix du conditionnement « Casier 24 × 33 cl »' },
    });
    expect(res.body.associatedLines.map((l: any) => [l.article.code, l.quantity, l.lineTotal])).toEqual([['VID-33', 24000, 240], ['VID-CASIER', 1000, 150]]);
  });

  it('sells the case’s units at the wholesale break to a wholesale customer', async () => {
    await addPrice(admin, { priceListCode: 'wholesale', articleId: beer.id, minQuantity: 24000, unitPrice: 98 });
    const bar = await createCustomer(admin, { name: 'Bar Le Relais' });
    await admin.put(`/api/pricing/customers/${bar.id}/terms`, { priceListCode: 'wholesale' });
    const res = await cashier.get(`/api/pricing/scan/${caseCode}?customer=${bar.id}`);
    expect(res.body).toMatchObject({ quantity: 24000, unitPrice: 98, includesVat: false, lineTotal: 2352, rule: { kind: 'break', explanation: 'gros, palier à partir de 24' } });
  });

  it('keeps article and pack barcodes apart', async () => {
    const taken = await admin.post('/api/pricing/packs', { articleId: beer.id, barcode: beer.barcodes[0].code, quantity: 6000 });
    expect(taken.body.errors[0]).toMatchObject({ field: 'barcode', code: 'BARCODE_TAKEN', message: `Le code-barres ${beer.barcodes[0].code} appartient déjà à l’article BIE-TRIPLE.` });
    const invalid = await admin.post('/api/pricing/packs', { articleId: beer.id, barcode: '5410000000245', quantity: 6000 });
    expect(invalid.body.errors[0]).toMatchObject({ field: 'barcode', code: 'BARCODE_BAD_CHECK_DIGIT' });
    const article = await admin.post('/api/catalog/articles', { code: 'X-PACK', name: 'Vol de code', vatCategory: 'BE-21', barcodes: [caseCode] });
    expect(article.status).toBe(400);
    expect(article.body.errors[0].message).toBe(`Le code-barres ${caseCode} est déjà celui d’un conditionnement de l’article BIE-TRIPLE.`);
  });

  it('refuses an article associated with itself, or two articles adding each other', async () => {
    const self = await admin.post('/api/pricing/associations', { articleId: beer.id, associatedArticleId: beer.id });
    expect(self.body.errors[0].code).toBe('ASSOCIATION_SELF');
    const cycle = await admin.post('/api/pricing/associations', { articleId: bottle.id, associatedArticleId: beer.id });
    expect(cycle.body.errors[0]).toMatchObject({ code: 'ASSOCIATION_CYCLE', message: 'L’article BIE-TRIPLE est déjà lié à celui-ci : les deux s’ajouteraient l’un l’autre sans fin.' });
  });

  it('recognises customer and cashier cards and coupons', async () => {
    const customer = await createCustomer(admin, { code: 'CLI-0042', name: 'Épicerie Fine' });
    const card = await cashier.get(`/api/pricing/scan/${makeEan13('290000000042')}`);
    expect(card.body).toMatchObject({ kind: 'customer', cardNumber: '00000042', customer: { id: customer.id, code: 'CLI-0042' } });
    const cashierCard = await cashier.get(`/api/pricing/scan/${makeEan13('280000000007')}`);
    expect(cashierCard.body).toMatchObject({ kind: 'cashier', cardNumber: '00000007', article: null });
    const coupon = await cashier.get(`/api/pricing/scan/${makeEan13('990012345615')}`);
    expect(coupon.body).toMatchObject({ kind: 'discount', discount: { unit: 'percent', value: 15 }, cardNumber: '123456' });
  });

  it('answers an unknown code with a sentence', async () => {
    const res = await cashier.get(`/api/pricing/scan/${makeEan13('400638133393')}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'SCAN_UNKNOWN_CODE', detail: `Aucun article, conditionnement ni règle ne correspond au code ${makeEan13('400638133393')}.` });
  });

  it('validates, reorders and switches nomenclature rules', async () => {
    const bad = await admin.post('/api/pricing/barcode-rules', { name: 'Balance du fond', type: 'weight', pattern: '27AAAAAWWWWWX' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'pattern', code: 'RULE_BAD_CHARACTER', message: 'Caractère « X » interdit en position 13 : chiffres et lettres A W V P Q D N C K seulement.' });
    const byCode = await admin.post('/api/pricing/barcode-rules', { name: 'Balance du fond', type: 'weight', pattern: '27AAAAAWWWWWC', articleLookup: 'article-code' });
    expect(byCode.status).toBe(201);
    await admin.patch(`/api/catalog/articles/${almonds.id}`, { code: '12345' });
    const res = await cashier.get(`/api/pricing/scan/${code({ ...weighed, pattern: '27AAAAAWWWWWC' }, { articleRef: '12345', weight: 1000 })}`);
    expect(res.body).toMatchObject({ barcodeRule: { name: 'Balance du fond' }, article: { id: almonds.id }, quantity: 1000, lineTotal: 1799 });

    const rules = (await admin.get('/api/pricing/barcode-rules')).body;
    const ids = rules.map((r: any) => r.id).reverse();
    const reordered = await admin.put('/api/pricing/barcode-rules/order', { ids });
    expect(reordered.body.map((r: any) => r.id)).toEqual(ids);
    expect((await admin.put('/api/pricing/barcode-rules/order', { ids: ids.slice(1) })).body.errors[0].code).toBe('ORDER_MISMATCH');
    const weighedRule = rules.find((r: any) => r.pattern === '21AAAAAWWWWWC');
    await admin.patch(`/api/pricing/barcode-rules/${weighedRule.id}`, { active: false });
    const off = await cashier.get(`/api/pricing/scan/${code(weighed, { articleRef: '01003', weight: 250 })}`);
    expect(off.status).toBe(404);
    const reset = await admin.post('/api/pricing/barcode-rules/reset');
    expect(reset.body.map((r: any) => r.name)).toContain('Article pesé');
  });
});
