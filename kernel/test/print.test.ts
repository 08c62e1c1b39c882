import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineTemplate, definePlugin, ean13 } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestClient, type TestKernel, pdfPages } from '@comptoir/kernel/testing';
import { journalEntries, sqlRows } from './support/db.js';

// A plugin with an A4 price list: many rows flow onto a second page, each row with its EAN-13.
const priceList = defineTemplate<{ rows: Array<{ name: string; ean: string }> }>({
  name: 'price-list',
  kind: 'document',
  title: { fr: 'Liste de prix', nl: 'Prijslijst', en: 'Price list' },
  texts: { title: { label: 'Titre', default: { fr: 'Nos prix', nl: 'Onze prijzen', en: 'Our prices' } } },
  blocks: { codes: { label: 'Codes-barres' } },
  sample: () => ({ rows: Array.from({ length: 12 }, (_, i) => ({ name: `Article ${i + 1}`, ean: `54100000000${String(i).padStart(2, '0')}`.slice(0, 12) })) }),
  render: (d, ctx) => [
    { type: 'text', runs: [{ text: ctx.text('title'), size: 'huge', bold: true }] },
    ...d.rows.flatMap((r) => [
      { type: 'text' as const, runs: [{ text: r.name }] },
      { type: 'barcode' as const, block: 'codes', symbology: 'ean13' as const, data: r.ean, height: 18 },
    ]),
  ],
});
const shelf = definePlugin({ name: 'shelf', version: '1.0.0', kernel: '^0.1.0', templates: [priceList] });

const OVERRIDE = '/api/print/templates/kernel.receipt/overrides';

async function bytesOf(client: TestClient, tk: TestKernel, method: string, path: string, body?: unknown): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  const headers: Record<string, string> = { cookie: `cpt_session=${client.cookie('cpt_session')}` };
  if (body !== undefined) { headers['content-type'] = 'application/json'; headers['x-csrf-token'] = client.csrfToken!; }
  const res = await fetch(`${tk.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe.each(testDialects())('print templates and overrides (%s)', (dialect) => {
  let tk: TestKernel;
  let manager: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [shelf] });
    expect((await tk.admin.put('/api/shop', { name: 'Épicerie Dupont', street: 'Rue Haute 12', postalCode: '1000', city: 'Bruxelles', country: 'BE', language: 'fr', vatNumber: 'BE0123456749' })).status).toBe(200);
    manager = await tk.userWith(['manager']);
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('lists the kernel’s receipt and a plugin’s template, described in the person’s language', async () => {
    const res = await manager.get('/api/print/templates');
    expect(res.status).toBe(200);
    expect(res.body.map((t: any) => [t.id, t.kind, t.title])).toEqual([['kernel.receipt', 'receipt', 'Ticket de caisse'], ['shelf.price-list', 'document', 'Liste de prix']]);
    const receipt = res.body[0];
    expect(receipt.paper).toEqual({ width: 80, height: null, margin: 4, columns: 48 });
    expect(receipt.texts.find((t: any) => t.key === 'footer')).toMatchObject({ label: 'Pied de ticket', multiline: true, default: { nl: 'Bedankt voor uw bezoek!\nRuilen binnen 30 dagen met dit ticket.' } });
    expect(receipt.blocks.map((b: any) => b.key)).toEqual(['logo', 'header', 'vat', 'footer', 'barcode', 'qr']);
    // The screen asks in its own language.
    const nl = await manager.get('/api/print/templates?lang=nl');
    expect(nl.body[0]).toMatchObject({ title: 'Kassaticket', description: 'Afgedrukt bij elke verkoop (80 mm, 48 tekens)' });
    expect(nl.body[0].texts.find((t: any) => t.key === 'footer').label).toBe('Voettekst');
  });

  it('previews the receipt in HTML with the shop, the sample sale, a Code 128 of its number and a QR code', async () => {
    const res = await manager.get('/api/print/templates/kernel.receipt/preview?lang=fr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html: string = res.body;
    for (const text of ['Épicerie Dupont', 'Rue Haute 12', '1000 Bruxelles', 'TVA BE0123456749', 'Pain de campagne 800 g', 'TOTAL', '19,39', 'Merci de votre visite !']) expect(html).toContain(text);
    expect(html).toContain('data-symbology="code128" data-code="T2026-000123"');
    expect(html).toMatch(/<svg [^>]*class="qr" data-version="3"/);
    const nl = await manager.get('/api/print/templates/kernel.receipt/preview?lang=nl');
    expect(nl.body).toContain('Bedankt voor uw bezoek!');
    expect(nl.body).toContain('TOTAAL');
  });

  it('renders the same receipt as a PDF: one page 80 mm wide with the texts and the bars', async () => {
    const res = await bytesOf(manager, tk, 'GET', '/api/print/templates/kernel.receipt/preview?lang=fr&format=pdf');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const pages = await pdfPages(res.bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0].width).toBe(80);
    expect(pages[0].height).toBeGreaterThan(100);
    const text = pages[0].texts.join(' ');
    for (const t of ['Dupont', 'TOTAL', 'Pain', 'Merci', 'T2026-000123']) expect(text).toContain(t);
    // Bars and QR modules are vector rectangles.
    expect(pages[0].rects).toBeGreaterThan(100);
  });

  it('flows an A4 document onto a second page when its rows do not fit', async () => {
    const res = await bytesOf(manager, tk, 'GET', '/api/print/templates/shelf.price-list/preview?lang=nl&format=pdf');
    const pages = await pdfPages(res.bytes);
    expect(pages.map((p) => [p.width, p.height])).toEqual([[210, 297], [210, 297]]);
    expect(pages[0].texts[0]).toBe('Onze prijzen');
    // The digits under each EAN-13 carry the check digit the encoder computed.
    expect(pages.flatMap((p) => p.texts)).toContain(ean13('541000000001').text);
    expect(ean13('541000000001').text).toBe('5410000000019');
    expect(pages[1].texts).toContain('Article 12');
  });

  it('saves a shop’s footer and hidden blocks for one language, versioned, and the preview shows them', async () => {
    expect((await manager.get(`${OVERRIDE}/fr`)).body).toEqual({ template: 'kernel.receipt', language: 'fr', texts: {}, hiddenBlocks: [], logo: null, version: 0, updatedAt: null });
    const saved = await manager.put(`${OVERRIDE}/fr`, { texts: { footer: 'À bientôt chez Dupont !' }, hiddenBlocks: ['vat', 'qr'], logo: null, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ texts: { footer: 'À bientôt chez Dupont !' }, hiddenBlocks: ['qr', 'vat'], version: 1 });
    const html: string = (await manager.get('/api/print/templates/kernel.receipt/preview?lang=fr')).body;
    expect(html).toContain('À bientôt chez Dupont !');
    expect(html).not.toContain('Merci de votre visite');
    expect(html).not.toContain('data-block="vat"');
    expect(html).not.toContain('class="qr"');
    // Dutch keeps the template's texts.
    expect((await manager.get('/api/print/templates/kernel.receipt/preview?lang=nl')).body).toContain('Bedankt voor uw bezoek!');
    const pdf = await pdfPages((await bytesOf(manager, tk, 'GET', '/api/print/templates/kernel.receipt/preview?lang=fr&format=pdf')).bytes);
    expect(pdf[0].texts.join(' ')).toContain('bientôt chez Dupont');

    const next = await manager.put(`${OVERRIDE}/fr`, { texts: { footer: 'À bientôt !', total: 'À PAYER' }, hiddenBlocks: [], logo: null, version: 1 });
    expect(next.body.version).toBe(2);
    const rows = await sqlRows<{ version: number }>(tk, "select version from kernel_print_override where template = 'kernel.receipt' and language = 'fr'");
    expect(rows.map((r) => Number(r.version))).toEqual([2]);
  });

  it('refuses a save on a stale version with 409 in the person’s language and changes nothing', async () => {
    const res = await manager.put(`${OVERRIDE}/fr`, { texts: { footer: 'Trop tard' }, hiddenBlocks: [], logo: null, version: 1 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', detail: 'Quelqu’un d’autre a modifié le modèle « Ticket de caisse » (fr) entre-temps. Rechargez puis recommencez.' });
    expect((await manager.get(`${OVERRIDE}/fr`)).body).toMatchObject({ texts: { footer: 'À bientôt !', total: 'À PAYER' }, version: 2 });
    // Creating what already exists is stale too.
    expect((await manager.put(`${OVERRIDE}/fr`, { texts: {}, version: 0 })).status).toBe(409);
  });

  it('gives one 200 and clear 409s to a burst of saves of the same version', async () => {
    const before = (await manager.get(`${OVERRIDE}/en`)).body.version;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => manager.put(`${OVERRIDE}/en`, { texts: { footer: `Thanks ${i}` }, version: before })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect((await manager.get(`${OVERRIDE}/en`)).body.version).toBe(before + 1);
  });

  it('journals every save and reset with the template, the language, the version and what changed', async () => {
    const reset = await manager.delete(`${OVERRIDE}/fr?version=2`);
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ texts: {}, hiddenBlocks: [], version: 0 });
    expect((await manager.get('/api/print/templates/kernel.receipt/preview?lang=fr')).body).toContain('Merci de votre visite !');
    expect((await manager.delete(`${OVERRIDE}/fr?version=2`)).status).toBe(409);
    const entries = (await journalEntries(tk, 'events')).filter((e) => e.type.startsWith('print.'));
    expect(entries.map((e) => [e.type, e.payload.language, e.payload.version])).toEqual([
      ['print.override.saved', 'fr', 1], ['print.override.saved', 'fr', 2], ['print.override.saved', 'en', 1], ['print.override.reset', 'fr', 2],
    ]);
    expect(entries[0].payload).toEqual({ template: 'kernel.receipt', language: 'fr', version: 1, texts: ['footer'], hiddenBlocks: ['qr', 'vat'], logo: 'unchanged' });
    expect(entries[1].payload.texts).toEqual(['footer', 'total']);
    expect(entries[0].user_id).not.toBeNull();
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('previews a draft without storing it', async () => {
    const res = await manager.post('/api/print/templates/kernel.receipt/preview', { lang: 'en', override: { texts: { footer: 'Draft footer' }, hiddenBlocks: ['barcode'] } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Draft footer');
    expect(res.body).not.toContain('data-symbology');
    expect((await manager.get(`${OVERRIDE}/en`)).body.texts.footer).not.toBe('Draft footer');
  });

  it('refuses texts, blocks and logos the template does not have, naming each field', async () => {
    const res = await manager.put(`${OVERRIDE}/nl`, { texts: { slogan: 'x' }, hiddenBlocks: ['lines'], logo: 'http://example.com/logo.png', version: 0 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => [e.field, e.code])).toEqual([['texts.slogan', 'PRINT_TEXT_UNKNOWN'], ['hiddenBlocks', 'PRINT_BLOCK_UNKNOWN'], ['logo', 'LOGO_INVALID']]);
    expect((await manager.put(`${OVERRIDE}/de`, { version: 0 })).status).toBe(400);
    const missing = await manager.get('/api/print/templates/kernel.invoice/preview');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('PRINT_TEMPLATE_NOT_FOUND');
    expect((await sqlRows(tk, "select * from kernel_print_override where language = 'nl'"))).toEqual([]);
  });

  it('keeps overrides to those who may adapt templates', async () => {
    const cashier = await tk.userWith(['cashier']);
    expect((await cashier.get('/api/print/templates')).status).toBe(200);
    expect((await cashier.get(`${OVERRIDE}/fr`)).status).toBe(403);
    expect((await cashier.put(`${OVERRIDE}/fr`, { version: 0 })).status).toBe(403);
    expect((await tk.anonymous().get('/api/print/templates')).status).toBe(401);
  });

  it('prints a logo given as a PNG on both the HTML and the PDF', async () => {
    // A 1×1 black PNG.
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';
    const saved = await manager.put(`${OVERRIDE}/nl`, { logo: png, version: 0 });
    expect(saved.status).toBe(200);
    expect((await manager.get('/api/print/templates/kernel.receipt/preview?lang=nl')).body).toContain(`<img alt="" src="${png}"`);
    const pdf = await bytesOf(manager, tk, 'GET', '/api/print/templates/kernel.receipt/preview?lang=nl&format=pdf');
    expect(Buffer.from(pdf.bytes).toString('latin1')).toContain('/Subtype /Image');
  });
});
