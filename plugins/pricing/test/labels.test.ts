import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { startTestKernel, testDialects, type TestClient, type TestKernel, pdfTexts } from '@comptoir/kernel/testing';
import catalog, { makeEan13 } from '@comptoir/catalog';
import pricing from '../src/index.js';
import { createArticle, fixedClock } from './helpers.js';

const NBSP = '\u00A0';
const mmToPt = (v: number) => (v * 72) / 25.4;

/** Fetches a PDF answer as bytes. */
async function postPdf(client: TestClient, body: unknown): Promise<{ status: number; type: string | null; bytes: Uint8Array; json?: any }> {
  const res = await fetch(`${client.baseUrl}/api/pricing/labels`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken ?? '', cookie: `cpt_session=${client.cookie('cpt_session')}`, 'accept-language': 'fr' },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type');
  return { status: res.status, type, bytes, json: type?.includes('json') ? JSON.parse(Buffer.from(bytes).toString()) : undefined };
}

describe.each(testDialects())('labels (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;
  let ids: number[];

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing], clock: fixedClock });
    admin = tk.admin;
    const beer = await createArticle(admin, { code: 'BIE-TRIPLE', name: 'Triple d’Abbaye 33 cl', price: 149, barcodes: [makeEan13('541000000017')] });
    const almonds = await createArticle(admin, { code: 'VRA-AMANDES', name: 'Amandes grillées (vrac)', unit: 'kg', vatCategory: 'BE-6', price: 1799, barcodes: ['PLU-1003'] });
    const deposit = await createArticle(admin, { code: 'VID-33', name: 'Vidange 33 cl', vatCategory: 'BE-0', price: 10, barcodes: [] });
    await admin.put(`/api/pricing/contents/${beer.id}`, { quantity: 330, unit: 'l' });
    await admin.post('/api/pricing/associations', { articleId: beer.id, associatedArticleId: deposit.id, ratio: 1000 });
    ids = [beer.id, almonds.id];
  });
  afterAll(async () => tk?.close());

  it('lists the layouts', async () => {
    const res = await admin.get('/api/pricing/labels/layouts');
    expect(res.body.map((l: any) => [l.id, l.perPage])).toEqual([['a4-3x8', 24], ['a4-4x10', 40], ['single-57x32', 1], ['shelf-a4-2x7', 14]]);
    expect(res.body[0].name).toBe('A4, 3 × 8 étiquettes de 70 × 37 mm');
  });

  it('prints an A4 sheet of 3 × 8 with names, prices, price per litre, deposit and barcode digits', async () => {
    const res = await postPdf(admin, { articleIds: ids, layout: 'a4-3x8', copies: 2 });
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(Buffer.from(res.bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(res.bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width * 100) / 100, Math.round(height * 100) / 100]).toEqual([595.28, 841.89]);
    const [texts] = await pdfTexts(res.bytes);
    expect(texts.filter((t) => t === 'Triple d’Abbaye 33 cl')).toHaveLength(2);
    expect(texts).toContain(`1,49${NBSP}€`);
    expect(texts).toContain(`4,52${NBSP}€/l`);
    expect(texts).toContain(`+ consigne 0,10${NBSP}€`);
    expect(texts).toContain(`17,99${NBSP}€/kg`);
    expect(texts).toContain('PLU-1003');
    // EAN-13 digits printed one by one under the bars.
    expect(texts.join('')).toContain(makeEan13('541000000017'));
  });

  it('prints one label per page for a label printer, and a wholesale sheet without VAT', async () => {
    const single = await postPdf(admin, { articleIds: ids, layout: 'single-57x32', copies: 3 });
    const doc = await PDFDocument.load(single.bytes);
    expect(doc.getPageCount()).toBe(6);
    const size = doc.getPage(5).getSize();
    expect([size.width, size.height].map((v) => Math.round(v * 10) / 10)).toEqual([mmToPt(57), mmToPt(32)].map((v) => Math.round(v * 10) / 10));

    await admin.post('/api/pricing/prices', { priceListCode: 'wholesale', articleId: ids[0], unitPrice: 105 });
    const shelf = await postPdf(admin, { articleIds: [ids[0]], layout: 'shelf-a4-2x7', priceListCode: 'wholesale' });
    const [texts] = await pdfTexts(shelf.bytes);
    expect(texts).toContain(`1,05${NBSP}€`);
    expect(texts).toContain('hors TVA');
    expect(texts).toContain('BIE-TRIPLE · 15/06/2026');
  });

  it('fills a second sheet when the first is full', async () => {
    const res = await postPdf(admin, { articleIds: ids, layout: 'a4-4x10', copies: 21 });
    expect((await PDFDocument.load(res.bytes)).getPageCount()).toBe(2);
  });

  it('refuses unknown articles and layouts, and cashiers', async () => {
    const missing = await postPdf(admin, { articleIds: [ids[0], 999999], layout: 'a4-3x8' });
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0]).toMatchObject({ field: 'articleIds', code: 'ARTICLE_NOT_FOUND', message: 'Article 999999 introuvable.' });
    expect((await postPdf(admin, { articleIds: ids, layout: 'a5' })).status).toBe(400);
    const cashier = await tk.userWith(['cashier']);
    expect((await postPdf(cashier, { articleIds: ids, layout: 'a4-3x8' })).status).toBe(403);
  });
});
