import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog, { getCatalogHooks, makeEan13 } from '@comptoir/catalog';
import pricing, { PurchasePrice, type ImportService } from '../src/index.js';
import { fixedClock } from './helpers.js';

const ean = (n: number) => makeEan13(`54300000${String(n).padStart(4, '0')}`);
const mapping = {
  code: 'Référence', barcode: 'EAN', name: 'Désignation', familyCode: 'Famille', vatCategory: 'TVA', unit: 'Unité',
  purchasePrice: 'Prix achat', retailPrice: 'Prix vente', wholesalePrice: 'Prix gros', packBarcode: 'EAN carton', packQuantity: 'Qté carton', content: 'Contenu',
};
const header = 'Référence;EAN;Désignation;Famille;TVA;Unité;Prix achat;Prix vente;Prix gros;EAN carton;Qté carton;Contenu';
const lines = (retailA = '1,49') => [
  header,
  `BIE-A;${ean(1)};Blonde d’été 33 cl;BIE;21;pc;0,62;${retailA};1,05;${ean(101)};24;33 cl`,
  `BIE-B;${ean(2)};Brune 33 cl;BIE;21 %;pce;0,6525;1,59;1,10;;;33 cl`,
  'BIE-C;5430000000999;Triple;BIE;21;pc;0,70;1,99;;;;',
  `BIE-D;${ean(4)};;BIE;21;pc;;1,99;;;;`,
  `BIE-E;${ean(5)};Kriek;XXX;21;pc;;abc;;;;`,
  `BIE-A;${ean(1)};Blonde encore;BIE;21;pc;;1,49;;;;`,
  `;${ean(7)};Eau plate 1,5 l;EAU;6;pc;;0,89;;;;`,
  'FRO-1;;Comté 18 mois (à la coupe);FRO;6;kg;;24,90;;;;',
];
const CP1252: Record<string, number> = { '€': 0x80, '’': 0x92, 'œ': 0x9c };
/** Excel's "CSV (séparateur : point-virgule)" in Belgium: Windows-1252, CRLF. */
const csv = (rows: string[]) => Buffer.from([...rows.join('\r\n')].map((c) => CP1252[c] ?? c.charCodeAt(0))).toString('base64');

describe.each(testDialects())('supplier catalogue import (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing], clock: fixedClock });
    admin = tk.admin;
    for (const [code, name] of [['BIE', 'Bières'], ['EAU', 'Eaux'], ['FRO', 'Fromages']]) await admin.post('/api/catalog/families', { code, name });
    await admin.post('/api/catalog/suppliers', { code: 'BRASS', name: 'Brasserie du Val', country: 'BE' });
  });
  afterAll(async () => tk?.close());

  it('previews the mapped rows and the rejected ones without writing', async () => {
    const res = await admin.post('/api/pricing/imports/preview', { format: 'csv', content: csv(lines()), mapping });
    expect(res.status).toBe(200);
    expect(res.body.columns[0]).toBe('Référence');
    expect(res.body.rows).toBe(8);
    expect(res.body.counts).toEqual({ create: 4, update: 0, unchanged: 0, rejected: 4 });
    expect(res.body.sample[0]).toMatchObject({ row: 2, action: 'create', values: { code: 'BIE-A', name: 'Blonde d’été 33 cl', retailPrice: 149, wholesalePrice: 105, purchasePrice: 62, pack: { quantity: 24000 }, content: { quantity: 330, unit: 'l' } } });
    expect((await admin.get('/api/catalog/articles?q=BIE-A')).body.total).toBe(0);
  });

  it('imports: creates articles, barcodes, prices, packs and contents, and says why rows were rejected', async () => {
    const res = await admin.post('/api/pricing/imports', { format: 'csv', content: csv(lines()), mapping, supplierCode: 'BRASS' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 8, created: 4, updated: 0, unchanged: 0 });
    expect(res.body.rejected).toEqual([
      { row: 4, reasons: ['EAN-13 5430000000999 : le chiffre de contrôle devrait être 4, pas 9.'] },
      { row: 5, reasons: ['Nom : valeur manquante.'] },
      { row: 6, reasons: ['Prix de vente « abc » n’est pas un montant.'] },
      { row: 7, reasons: ['Même article qu’à la ligne 2.'] },
    ]);
    const a = (await admin.get('/api/catalog/articles?q=BIE-A')).body.items[0];
    expect(a).toMatchObject({ name: 'Blonde d’été 33 cl', price: 149, vatCategory: 'BE-21', familyName: 'Bières', barcodes: [{ code: ean(1), kind: 'ean13' }] });
    const prices = (await admin.get(`/api/pricing/prices?article=${a.id}`)).body.items.map((p: any) => [p.priceListCode, p.unitPrice]);
    expect(prices).toEqual([['retail', 149], ['wholesale', 105]]);
    // One price home: the retail price is the article's, the default list stores no base row of its own.
    expect((await admin.get(`/api/pricing/prices?article=${a.id}`)).body.items.map((p: any) => p.source)).toEqual(['article', 'list']);
    expect(await tk.kernel.em().getConnection().execute('select count(*) as n from pricing_list_price lp join pricing_price_list pl on pl.id = lp.price_list_id where pl.is_default = ? and lp.article_id = ?', [dialect === 'postgresql' ? true : 1, a.id]))
      .toEqual([{ n: dialect === 'postgresql' ? '0' : 0 }]);
    expect((await admin.get(`/api/pricing/packs?article=${a.id}`)).body).toMatchObject([{ barcode: ean(101), quantity: 24000 }]);
    expect((await admin.get(`/api/pricing/contents/${a.id}`)).body.content).toEqual({ articleId: a.id, quantity: 330, unit: 'l' });
    const purchase = await tk.kernel.em().find(PurchasePrice, { articleId: a.id });
    expect(purchase.map((p) => p.unitPrice)).toEqual([62]);
    // Shown beside the article: what it costs from the supplier and the margin at its price (1,49 TVAC = 1,23 HTVA).
    expect((await admin.get(`/api/pricing/articles/${a.id}/costs`)).body).toMatchObject({
      articleId: a.id, priceExcl: 123, costs: [{ supplierCode: 'BRASS', supplierName: 'Brasserie du Val', unitPrice: 62, margin: 61, marginRate: 4959 }],
    });
    const b = (await admin.get('/api/catalog/articles?q=BIE-B')).body.items[0];
    expect((await tk.kernel.em().find(PurchasePrice, { articleId: b.id }))[0].unitPrice).toBe(65);
    expect((await admin.get(`/api/catalog/barcodes/${ean(7)}`)).body).toMatchObject({ code: ean(7), vatCategory: 'BE-6', price: 89 });
    expect((await admin.get('/api/catalog/articles?q=FRO-1')).body.items[0]).toMatchObject({ unit: 'kg', price: 2490 });
    const scan = await admin.get(`/api/pricing/scan/${ean(101)}`);
    expect(scan.body).toMatchObject({ quantity: 24000, unitPrice: 149, lineTotal: 3576 });
  });

  it('changes nothing when the same file runs again, and updates what changed', async () => {
    const again = await admin.post('/api/pricing/imports', { format: 'csv', content: csv(lines()), mapping, supplierCode: 'BRASS' });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(again.body.rejected).toHaveLength(4);
    const changed = await admin.post('/api/pricing/imports', { format: 'csv', content: csv(lines('1,55')), mapping, supplierCode: 'BRASS' });
    expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const a = (await admin.get('/api/catalog/articles?q=BIE-A')).body.items[0];
    expect(a.price).toBe(155);
    expect((await admin.get(`/api/pricing/quote?article=${a.id}`)).body.unitPrice).toBe(155);
    expect((await admin.get('/api/catalog/articles?q=blonde')).body.total).toBe(1);
  });

  it('matches by barcode when the file has no code, and reads a gzipped file', async () => {
    const file = ['EAN;Désignation', `${ean(2)};Brune de l’Abbaye 33 cl`].join('\n');
    const res = await admin.post('/api/pricing/imports', {
      format: 'csv', content: gzipSync(Buffer.from(file)).toString('base64'), compression: 'gzip', mapping: { barcode: 'EAN', name: 'Désignation' },
    });
    expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 0, rejected: [] });
    expect((await admin.get(`/api/catalog/barcodes/${ean(2)}`)).body).toMatchObject({ code: 'BIE-B', name: 'Brune de l’Abbaye 33 cl' });
  });

  it('imports an XLSX file with numbers, percentages and text cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tarif 2026');
    ws.addRow(['Code', 'GTIN', 'Nom', 'TVA', 'PV TTC', 'PV HTVA']);
    ws.addRow(['SOF-1', Number(ean(11)), 'Limonade 1 l', 0.06, 1.29, 1.1]);
    ws.addRow(['SOF-2', ean(12), 'Cola 33 cl', '6 %', '0,79', 0.65]);
    ws.addRow(['SOF-3', ean(13), 'Tonic', 0.07, 1.5, 1.2]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const xlsxMapping = { code: 'Code', barcode: 'GTIN', name: 'Nom', vatCategory: 'TVA', retailPrice: 'PV TTC', wholesalePrice: 'PV HTVA' };
    const res = await admin.post('/api/pricing/imports', { format: 'xlsx', content, mapping: xlsxMapping });
    expect(res.body).toMatchObject({ rows: 3, created: 2, rejected: [{ row: 4, reasons: ['TVA « 0.07 » inconnue pour BE.'] }] });
    const sof1 = (await admin.get(`/api/catalog/barcodes/${ean(11)}`)).body;
    expect(sof1).toMatchObject({ code: 'SOF-1', price: 129, vatCategory: 'BE-6' });
    const wholesale = (await admin.get(`/api/pricing/quote?article=${sof1.id}&list=wholesale`)).body;
    expect(wholesale).toMatchObject({ unitPrice: 110, includesVat: false });
    const again = await admin.post('/api/pricing/imports', { format: 'xlsx', content, mapping: xlsxMapping });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses a mapping naming a missing column, and a cashier', async () => {
    const res = await admin.post('/api/pricing/imports/preview', { format: 'csv', content: csv(lines()), mapping: { code: 'Ref', name: 'Désignation' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'mapping.code', code: 'IMPORT_COLUMN_UNKNOWN', message: 'La colonne « Ref » (Code) n’existe pas dans le fichier.' }]);
    const cashier = await tk.userWith(['cashier']);
    expect((await cashier.post('/api/pricing/imports', { format: 'csv', content: csv(lines()), mapping })).status).toBe(403);
  });

  it('writes articles through the catalogue bulk API: one pair of batch hooks per batch, naming every article', async () => {
    const batches: Array<{ created: number; updated: number[] }> = [];
    getCatalogHooks(tk.kernel).articlesSaved.tap('import-test', ({ created, updated }) => { batches.push({ created: created.length, updated: updated.map((u) => u.id) }); });
    const file = [header, `HOOK-1;${ean(31)};Saison 75 cl;BIE;21;pc;;3,20;;;;`, `HOOK-2;${ean(32)};Kriek 25 cl;BIE;21;pc;;1,80;;;;`, `BIE-A;${ean(1)};Blonde d’été 33 cl;BIE;21;pc;;1,65;;;;`];
    const res = await admin.post('/api/pricing/imports', { format: 'csv', content: csv(file), mapping });
    expect(res.body).toMatchObject({ created: 2, updated: 1 });
    const a = (await admin.get('/api/catalog/articles?q=BIE-A')).body.items[0];
    expect(batches).toEqual([{ created: 2, updated: [a.id] }]);
  });

  it('shows a code and a barcode of two different articles as a conflict naming both, and every update old → new', async () => {
    const b = (await admin.get('/api/catalog/articles?q=BIE-B')).body.items[0];
    const file = [header,
      `FX-004;${b.barcodes[0].code};Fût 20 l;BIE;21;pc;;99,00;;;;`,
      `BIE-A;${b.barcodes[0].code};Blonde;BIE;21;pc;;1,49;;;;`,
      `BIE-C2;${ean(41)};Triple 75 cl;BIE;21;pc;;5,99;;;;`,
      `BIE-A;${ean(1)};Blonde d’été 33 cl;BIE;21;pc;0,70;1,75;1,20;;;`];
    const res = await admin.post('/api/pricing/imports/preview', { format: 'csv', content: csv(file), mapping, supplierCode: 'BRASS' });
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([
      { row: 2, reasons: [`Conflit : le code FX-004 désigne un nouvel article, mais le code-barres ${b.barcodes[0].code} est celui de l’article BIE-B (${b.name}). Rien n’est modifié.`] },
      { row: 3, reasons: [`Conflit : le code BIE-A désigne l’article BIE-A (Blonde d’été 33 cl), mais le code-barres ${b.barcodes[0].code} est celui de l’article BIE-B (${b.name}). Rien n’est modifié.`] },
    ]);
    const update = res.body.updates.find((u: any) => u.code === 'BIE-A');
    expect(update.row).toBe(5);
    expect(update.changes).toEqual(expect.arrayContaining([
      { field: 'price', from: 165, to: 175 }, { field: 'price.wholesale', from: 105, to: 120 }, { field: 'purchasePrice', from: 62, to: 70 },
    ]));
    // The preview wrote nothing, and the import refuses the conflicts the same way.
    const done = await admin.post('/api/pricing/imports', { format: 'csv', content: csv(file.slice(0, 3)), mapping });
    expect(done.body).toMatchObject({ created: 0, updated: 0, rejected: [{ row: 2 }, { row: 3 }] });
    expect((await admin.get(`/api/catalog/barcodes/${b.barcodes[0].code}`)).body).toMatchObject({ code: 'BIE-B', name: b.name });
  });

  it('refuses a file too large once unpacked (gzip, XLSX) with 413, and a parse that takes too long with 422', async () => {
    const imports = tk.kernel.container.resolve<ImportService>('pricingImport');
    imports.limits = { maxFileBytes: 1_000_000, parseTimeoutMs: 60_000 };
    try {
      // 20 MB of text packed into about 20 KB: refused while unpacking, nothing else read.
      const bomb = gzipSync(Buffer.alloc(20_000_000, 'a'));
      const gz = await admin.post('/api/pricing/imports/preview', { format: 'csv', content: bomb.toString('base64'), compression: 'gzip', mapping });
      expect(gz.status).toBe(413);
      expect(gz.body).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', detail: 'Fichier trop volumineux : au plus 1 Mo une fois décompressé.' });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Tarif');
      ws.addRow(['Code', 'Nom']);
      for (let i = 0; i < 20_000; i++) ws.addRow([`X-${i}`, 'Une désignation assez longue pour gonfler la feuille']);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      expect(xlsx.length).toBeLessThan(1_000_000);
      const big = await admin.post('/api/pricing/imports/preview', { format: 'xlsx', content: xlsx.toString('base64'), mapping: { code: 'Code', name: 'Nom' } });
      expect(big.status).toBe(413);
      imports.limits = { maxFileBytes: 64_000_000, parseTimeoutMs: 1 };
      const slow = await admin.post('/api/pricing/imports/preview', { format: 'xlsx', content: xlsx.toString('base64'), mapping: { code: 'Code', name: 'Nom' } });
      expect(slow.status).toBe(422);
      expect(slow.body.code).toBe('IMPORT_PARSE_TIMEOUT');
    } finally {
      imports.limits = { maxFileBytes: 64 * 1024 * 1024, parseTimeoutMs: 60_000 };
    }
  });

  it('answers other requests while a large file is being read', async () => {
    const rows = [header, ...Array.from({ length: 60_000 }, (_, i) => `BIG-${i};;Article ${i};BIE;21;pc;;1,99;;;;`)];
    const order: string[] = [];
    const preview = admin.post('/api/pricing/imports/preview', { format: 'csv', content: csv(rows), mapping }).then((r) => { order.push('preview'); return r; });
    await new Promise((r) => setTimeout(r, 50));
    const health = await tk.anonymous().get('/api/health');
    order.push('health');
    expect(health.status).toBe(200);
    expect((await preview).status).toBe(200);
    expect(order).toEqual(['health', 'preview']);
  });

  it('keeps mappings as named profiles', async () => {
    const saved = await admin.put('/api/pricing/import-profiles', { name: 'Brasserie du Val', settings: { format: 'csv', mapping } });
    expect(saved.status).toBe(200);
    await admin.put('/api/pricing/import-profiles', { name: 'Brasserie du Val', settings: { format: 'csv', mapping: { code: 'Ref' } } });
    const list = (await admin.get('/api/pricing/import-profiles')).body;
    expect(list).toEqual([{ id: saved.body.id, name: 'Brasserie du Val', settings: { format: 'csv', mapping: { code: 'Ref' } } }]);
  });
});
