import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog, { makeEan13 } from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pricing, { encodeScan, type BarcodeRule } from '../src/index.js';
import { addPrice, createArticle, createCustomer, fixedClock } from './helpers.js';

const weighed: BarcodeRule = { name: 'Article pesé', type: 'weight', pattern: '21AAAAAWWWWWC' };
const priced: BarcodeRule = { name: 'Article à prix', type: 'price', pattern: '24AAAAAPPPPPC' };
const code = (rule: BarcodeRule, fields: Parameters<typeof encodeScan>[1]) => {
  const r = encodeScan(rule, fields);
  if (!r.ok) throw new Error(r.message);
  return r.barcode;
};
const summary = (body: any) => body.lines.map((l: any) => [l.id, l.description, l.quantity, l.amounts.total, l.origin, l.parentLineId]);

describe.each(testDialects())('pricing on the sale contract (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;
  let cashier: TestClient;
  let almonds: any;
  let beer: any;
  const caseCode = makeEan13('541000000024');
  const preview = (body: Record<string, unknown>) => cashier.post('/api/sales/preview', body);

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, sales, pricing], clock: fixedClock });
    admin = tk.admin;
    cashier = await tk.userWith(['cashier']);
    almonds = await createArticle(admin, { code: 'VRA-AMANDES', name: 'Amandes (vrac)', unit: 'kg', vatCategory: 'BE-6', price: 1799, barcodes: ['PLU-1003'] });
    beer = await createArticle(admin, { code: 'BIE-TRIPLE', name: 'Triple 33 cl', price: 149, barcodes: [makeEan13('541000000017')] });
    const bottle = await createArticle(admin, { code: 'VID-33', name: 'Vidange bouteille 33 cl', vatCategory: 'BE-0', price: 10, barcodes: [] });
    const crate = await createArticle(admin, { code: 'VID-CASIER', name: 'Casier vide', vatCategory: 'BE-0', price: 150, barcodes: [] });
    const pack = (await admin.post('/api/pricing/packs', { articleId: beer.id, barcode: caseCode, quantity: 24000, price: 2999, name: 'Casier 24 × 33 cl' })).body;
    expect((await admin.post('/api/pricing/associations', { articleId: beer.id, associatedArticleId: bottle.id, ratio: 1000, kind: 'deposit' })).status).toBe(201);
    expect((await admin.post('/api/pricing/associations', { articleId: beer.id, associatedArticleId: crate.id, packId: pack.id, ratio: 1000, kind: 'deposit' })).status).toBe(201);
  });
  afterAll(async () => tk?.close());

  it('resolves a scale label and a case, prices them, and adds the deposits after the line they belong to', async () => {
    const res = await preview({ lines: [{ code: code(weighed, { articleRef: '01003', weight: 250 }) }, { code: caseCode }] });
    expect(res.status).toBe(200);
    expect(summary(res.body)).toEqual([
      ['L1', 'Amandes (vrac)', 250, 450, 'scan', null],
      ['L2', 'Triple 33 cl', 24000, 2999, 'scan', null],
      ['L3', 'Vidange bouteille 33 cl', 24000, 240, 'associated', 'L2'],
      ['L4', 'Casier vide', 1000, 150, 'associated', 'L2'],
    ]);
    expect(res.body.lines[1]).toMatchObject({ unitPrice: 125, fixedAmount: 2999, priceSource: { by: 'pricing', explanation: 'prix du conditionnement « Casier 24 × 33 cl »' }, ext: { pricing: { source: 'pack', rule: 'pack' } } });
    expect(res.body.lines[2].ext.pricing.kind).toBe('deposit');
    expect(res.body.totals).toMatchObject({ subtotal: 3839, total: 3839, cash: { rounded: 3840 } });
  });

  it('counts packs when a quantity is typed before a case, and bottles when before a bottle', async () => {
    const res = await preview({ lines: [{ code: caseCode, quantity: 2000 }, { code: beer.barcodes[0].code, quantity: 3000 }] });
    expect(summary(res.body)).toEqual([
      ['L1', 'Triple 33 cl', 48000, 5998, 'scan', null],
      ['L3', 'Vidange bouteille 33 cl', 48000, 480, 'associated', 'L1'],
      ['L4', 'Casier vide', 2000, 300, 'associated', 'L1'],
      ['L2', 'Triple 33 cl', 3000, 447, 'scan', null],
      ['L5', 'Vidange bouteille 33 cl', 3000, 30, 'associated', 'L2'],
    ]);
  });

  it('sells a price label at the printed price, never repriced', async () => {
    const res = await preview({ lines: [{ code: code(priced, { articleRef: '01003', price: 1234 }) }] });
    expect(res.body.lines[0]).toMatchObject({ quantity: 1000, unitPrice: 1234, priceFixed: true, priceSource: { explanation: 'prix de l’étiquette (12,34 €)' }, amounts: { total: 1234 } });
  });

  it('refuses a label of 0 g or 0,00 € with what to do', async () => {
    const zeroWeight = code(weighed, { articleRef: '01003', weight: 0 });
    const weight = await preview({ lines: [{ code: zeroWeight }] });
    expect(weight.status).toBe(422);
    expect(weight.body).toMatchObject({ code: 'SCAN_ZERO_QUANTITY', detail: `${zeroWeight} (« Article pesé ») indique 0 g : pesez à nouveau l’article et imprimez une nouvelle étiquette.` });
    const zeroPrice = code(priced, { articleRef: '01003', price: 0 });
    const price = await preview({ lines: [{ code: zeroPrice }] });
    expect(price.status).toBe(422);
    expect(price.body).toMatchObject({ code: 'SCAN_ZERO_PRICE', detail: `${zeroPrice} (« Article à prix ») indique un prix de 0,00 € : imprimez une nouvelle étiquette ou tapez le prix.` });
  });

  it('prices the whole ticket for the customer whose card is scanned, even after the articles', async () => {
    const shop = await createCustomer(admin, { code: 'CLI-0042', name: 'Épicerie Fine' });
    expect((await admin.post('/api/pricing/customer-prices', { customerId: shop.id, articleId: beer.id, unitPrice: 120, includesVat: true })).status).toBe(201);
    const res = await preview({ lines: [{ code: beer.barcodes[0].code }, { code: makeEan13('290000000042') }] });
    expect(res.status).toBe(200);
    expect(res.body.customerId).toBe(shop.id);
    expect(res.body.resolved).toEqual([{ code: makeEan13('290000000042'), kind: 'customer', by: 'pricing', data: { customerId: shop.id, cardNumber: '00000042', barcodeRule: expect.objectContaining({ type: 'customer' }) } }]);
    expect(res.body.lines[0]).toMatchObject({ unitPrice: 120, priceSource: { by: 'pricing', explanation: 'prix client' } });
    const unknown = await preview({ lines: [{ code: makeEan13('290000000077') }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'SCAN_CARD_UNKNOWN', detail: `La carte ${makeEan13('290000000077')} n’appartient à aucun client.` });
  });

  it('turns a coupon into a document discount, and keeps a cashier card aside', async () => {
    const res = await preview({ lines: [{ articleId: almonds.id, quantity: 1000 }, { code: makeEan13('990012345615') }, { code: makeEan13('280000000007') }] });
    expect(res.status).toBe(200);
    expect(res.body.discount).toEqual({ rate: 1500, by: 'pricing' });
    expect(res.body.resolved.map((r: any) => r.kind)).toEqual(['discount', 'cashier']);
    expect(res.body.totals).toMatchObject({ subtotal: 1799, discount: 270, total: 1529 });
  });

  it('gives a contract customer scanning a case the cheaper of the case price and their own, unless the shop says otherwise', async () => {
    const dear = await createCustomer(admin, { name: 'Café du Coin' });
    const cheap = await createCustomer(admin, { name: 'Brasserie du Parc' });
    await admin.post('/api/pricing/customer-prices', { customerId: dear.id, articleId: beer.id, unitPrice: 130, includesVat: true });
    await admin.post('/api/pricing/customer-prices', { customerId: cheap.id, articleId: beer.id, unitPrice: 110, includesVat: true });
    const caseFor = async (customerId: number) => (await preview({ customerId, lines: [{ code: caseCode }] })).body.lines[0];
    // 24 × 1,30 = 31,20 € against the case's 29,99 €: the case price.
    expect(await caseFor(dear.id)).toMatchObject({ amounts: { total: 2999 }, priceSource: { explanation: 'prix du conditionnement « Casier 24 × 33 cl », moins cher que le prix client' } });
    // 24 × 1,10 = 26,40 €: their own price.
    expect(await caseFor(cheap.id)).toMatchObject({ unitPrice: 110, amounts: { total: 2640 }, priceSource: { explanation: 'prix client' } });

    expect((await admin.get('/api/pricing/settings')).body).toEqual({ contractCasePrice: 'cheaper' });
    expect((await cashier.put('/api/pricing/settings', { contractCasePrice: 'customer' })).status).toBe(403);
    expect((await admin.put('/api/pricing/settings', { contractCasePrice: 'sometimes' })).status).toBe(400);
    expect((await admin.put('/api/pricing/settings', { contractCasePrice: 'customer' })).body).toEqual({ contractCasePrice: 'customer' });
    expect(await caseFor(dear.id)).toMatchObject({ unitPrice: 130, amounts: { total: 3120 }, priceSource: { explanation: 'prix client' } });
    await admin.put('/api/pricing/settings', { contractCasePrice: 'cheaper' });
  });

  it('never sells 6 dearer per unit than 5: the promotion on the base price beats the break from 6', async () => {
    const juice = await createArticle(admin, { code: 'JUS-POMME', name: 'Jus de pomme 1 l', price: 110 });
    await addPrice(admin, { priceListCode: 'retail', articleId: juice.id, minQuantity: 6000, unitPrice: 105 });
    await addPrice(admin, { priceListCode: 'retail', articleId: juice.id, minQuantity: 0, unitPrice: 99, validFrom: '2026-06-01', validTo: '2026-06-30' });
    const unit = async (quantity: number) => (await preview({ lines: [{ articleId: juice.id, quantity }] })).body.lines[0].unitPrice;
    expect([await unit(5000), await unit(6000), await unit(12000)]).toEqual([99, 99, 99]);
    const july = (await preview({ date: '2026-07-01', lines: [{ articleId: juice.id, quantity: 6000 }] })).body.lines[0];
    expect(july).toMatchObject({ unitPrice: 105, priceSource: { explanation: 'détail, palier à partir de 6' } });
  });
});

describe.each(testDialects())('selling with pricing disabled (%s)', (dialect) => {
  let tk: TestKernel;

  afterAll(async () => tk?.close());

  it('sells at the catalogue price, ignoring the lists, packs and associations pricing keeps', async () => {
    const first = await startTestKernel(dialect, { plugins: [catalog, sales, pricing], clock: fixedClock });
    const beer = await createArticle(first.admin, { code: 'BIE-BLANCHE', name: 'Blanche 25 cl', price: 130, barcodes: [makeEan13('541000000031')] });
    const bottle = await createArticle(first.admin, { code: 'VID-25', name: 'Vidange 25 cl', vatCategory: 'BE-0', price: 10, barcodes: [] });
    await addPrice(first.admin, { priceListCode: 'retail', articleId: beer.id, minQuantity: 6000, unitPrice: 100 });
    await first.admin.post('/api/pricing/associations', { articleId: beer.id, associatedArticleId: bottle.id, ratio: 1000, kind: 'deposit' });
    expect((await first.admin.post('/api/plugins/pricing/disable', {})).status).toBe(200);
    tk = await first.restart();
    const cashier = await tk.userWith(['cashier']);
    const res = await cashier.post('/api/sales/preview', { lines: [{ code: beer.barcodes[0].code, quantity: 6000 }] });
    expect(res.status).toBe(200);
    expect(res.body.lines).toHaveLength(1);
    expect(res.body.lines[0]).toMatchObject({ unitPrice: 130, priceSource: { by: 'sales', explanation: 'prix du catalogue' }, amounts: { total: 780 } });
    expect((await cashier.get(`/api/pricing/scan/${beer.barcodes[0].code}`)).status).toBe(404);
  });
});
