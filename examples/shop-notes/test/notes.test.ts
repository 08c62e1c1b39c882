import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, KERNEL_VERSION, type Kernel } from '@comptoir/kernel';
import { resolvePlugins } from '@comptoir/kernel/host';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog, { makeEan13 } from '@comptoir/catalog';
import notes, { getNotesHooks } from '../src/index.js';

const NBSP = '\u00a0';

/** Rows of the notes table, read straight from the database (whether the plugin is enabled or not). */
async function noteRows(kernel: Kernel): Promise<Array<{ article_id: number; text: string; automatic: unknown }>> {
  return kernel.em().getConnection().execute('select article_id, text, automatic from notes_article_note order by id');
}

describe('notes: plugin definition', () => {
  it('cannot be enabled without the catalogue', () => {
    expect(() => resolvePlugins([notes], ['notes'], KERNEL_VERSION))
      .toThrow("Plugin 'notes' requires plugin 'catalog' (^0.1.0), which is not installed.");
    expect(() => resolvePlugins([catalog, notes], ['notes'], KERNEL_VERSION))
      .toThrow("Plugin 'notes' requires plugin 'catalog', which is disabled. Run: comptoir plugins enable catalog");
  });

  it('refuses a kernel or a catalogue outside its ranges', () => {
    expect(() => resolvePlugins([{ ...catalog, kernel: '*' }, notes], ['catalog', 'notes'], '1.0.0'))
      .toThrow("Plugin 'notes' 0.1.0 needs kernel ^0.1.0, but this kernel is 1.0.0.");
    expect(() => resolvePlugins([{ ...catalog, version: '0.2.0' }, notes], ['catalog', 'notes'], KERNEL_VERSION))
      .toThrow("Plugin 'notes' requires 'catalog' ^0.1.0, but 'catalog' 0.2.0 is installed.");
  });

  it('carries its package’s version, which changesets bump', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(notes.version).toBe(pkg.version);
  });

  it('is off on a fresh installation, and comes after the catalogue once enabled', () => {
    expect(notes.defaultEnabled).toBe(false);
    expect(resolvePlugins([notes, catalog], ['notes', 'catalog'], KERNEL_VERSION).map((p) => p.name)).toEqual(['catalog', 'notes']);
  });
});

describe.each(testDialects())('notes (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;
  let cashier: TestClient;
  let articleId: number;

  /** The article as the catalogue shows it now (for its version). */
  const article = async () => (await admin.get(`/api/catalog/articles/${articleId}`)).body;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, notes], enable: ['notes'] });
    admin = tk.admin;
    cashier = await tk.userWith(['cashier']);
    const res = await admin.post('/api/catalog/articles', {
      code: 'BIE-TRIPLE', name: 'Triple d’Abbaye 33 cl', vatCategory: 'BE-21', price: 249, barcodes: [makeEan13('541234500001')],
    });
    expect(res.status).toBe(201);
    articleId = res.body.id;
  });
  afterAll(async () => tk?.close());

  it('lists the notes of an article newest first, with who wrote them', async () => {
    const first = await cashier.post(`/api/notes/articles/${articleId}`, { text: 'Livraison prévue mardi.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ articleId, text: 'Livraison prévue mardi.', author: 'user1-cashier', automatic: false });
    const second = await admin.post(`/api/notes/articles/${articleId}`, { text: '  Mettre en avant près de la caisse.  ' });
    expect(second.status).toBe(201);
    expect(second.body.text).toBe('Mettre en avant près de la caisse.');

    const res = await cashier.get(`/api/notes/articles/${articleId}`);
    expect(res.status).toBe(200);
    expect(res.body.article).toEqual({ id: articleId, code: 'BIE-TRIPLE', name: 'Triple d’Abbaye 33 cl' });
    expect(res.body.notes.map((n: any) => `${n.author}: ${n.text}`)).toEqual([
      'admin: Mettre en avant près de la caisse.',
      'user1-cashier: Livraison prévue mardi.',
    ]);
  });

  it('refuses an empty, blank or too long note, names the field, and stores nothing', async () => {
    const before = (await noteRows(tk.kernel)).length;
    for (const [body, code] of [
      [{ text: '' }, 'SCHEMA_MINLENGTH'],
      [{ text: '   ' }, 'REQUIRED'],
      [{ text: 'x'.repeat(1001) }, 'SCHEMA_MAXLENGTH'],
      [{}, 'SCHEMA_REQUIRED'],
    ] as const) {
      const res = await admin.post(`/api/notes/articles/${articleId}`, body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'text', code })]);
    }
    const blank = await admin.post(`/api/notes/articles/${articleId}`, { text: ' ' });
    expect(blank.body.errors[0].message).toBe('Écrivez le texte de la note.');
    const long = await admin.post(`/api/notes/articles/${articleId}`, { text: 'x'.repeat(1001) });
    expect(long.body.errors[0].message).toBe('Au plus 1000 caractères.');
    expect((await noteRows(tk.kernel)).length).toBe(before);
    // 1000 characters is the limit, not over it.
    expect((await admin.post(`/api/notes/articles/${articleId}`, { text: 'é'.repeat(1000) })).status).toBe(201);
  });

  it('answers 404 ARTICLE_NOT_FOUND for an article that does not exist', async () => {
    const read = await cashier.get('/api/notes/articles/999999');
    expect(read.status).toBe(404);
    expect(read.headers.get('content-type')).toContain('application/problem+json');
    expect(read.body).toMatchObject({ code: 'ARTICLE_NOT_FOUND', detail: 'Article 999999 introuvable.' });
    const write = await cashier.post('/api/notes/articles/999999', { text: 'Perdu ?' });
    expect(write.status).toBe(404);
    expect(write.body.code).toBe('ARTICLE_NOT_FOUND');
  });

  it('writes an automatic note when the catalogue changes a price', async () => {
    const a = await article();
    const res = await admin.patch(`/api/catalog/articles/${articleId}`, { price: 259, version: a.version });
    expect(res.status).toBe(200);
    const latest = (await cashier.get(`/api/notes/articles/${articleId}`)).body.notes[0];
    expect(latest).toMatchObject({ text: `Prix modifié : 2,49${NBSP}€ → 2,59${NBSP}€`, author: 'admin', automatic: true });
  });

  it('names the previous price even when barcodes change in the same request', async () => {
    const a = await article();
    const res = await admin.patch(`/api/catalog/articles/${articleId}`, { price: 279, barcodes: [makeEan13('541234500002')], version: a.version });
    expect(res.status).toBe(200);
    const latest = (await cashier.get(`/api/notes/articles/${articleId}`)).body.notes[0];
    expect(latest.text).toBe(`Prix modifié : 2,59${NBSP}€ → 2,79${NBSP}€`);
  });

  it('writes no note for a change without a price, nor for a price change the catalogue refuses', async () => {
    const count = async () => (await cashier.get(`/api/notes/articles/${articleId}`)).body.notes.length;
    const before = await count();
    const a = await article();
    const rename = await admin.patch(`/api/catalog/articles/${articleId}`, { name: 'Triple d’Abbaye 33 cl (x24)', version: a.version });
    expect(rename.status).toBe(200);

    const stale = await admin.patch(`/api/catalog/articles/${articleId}`, { price: 199, version: a.version });
    expect(stale.status).toBe(409);
    const badBarcode = await admin.patch(`/api/catalog/articles/${articleId}`, { price: 299, barcodes: ['5412345000019'], version: rename.body.version });
    expect(badBarcode.status).toBe(400);
    expect(badBarcode.body.errors[0].field).toBe('barcodes.0');

    expect(await count()).toBe(before);
    expect((await article()).price).toBe(279);
  });

  it('rolls the note back with the article when a later tap refuses the save', async () => {
    getNotesHooks(tk.kernel).noteAdded.tapPromise('test-veto', async ({ note }) => {
      if (note.text.includes('9,99')) throw new DomainError('TEST_VETO', { fr: 'Prix refusé par le test.', en: 'Refused by the test.' }, { status: 422 });
    });
    const before = (await noteRows(tk.kernel)).length;
    const a = await article();
    const res = await admin.patch(`/api/catalog/articles/${articleId}`, { price: 999, version: a.version });
    expect(res.status).toBe(422);
    expect(res.body.detail).toBe('Prix refusé par le test.');
    // Neither the price nor its automatic note was kept.
    expect((await article()).price).toBe(279);
    expect((await noteRows(tk.kernel)).length).toBe(before);
  });

  it('lets a person without notes.write read notes but not write them', async () => {
    expect((await admin.put('/api/roles/stagiaire', { permissions: ['catalog.read'] })).status).toBe(200);
    const trainee = await tk.userWith(['stagiaire']);
    expect((await trainee.get(`/api/notes/articles/${articleId}`)).status).toBe(200);
    const res = await trainee.post(`/api/notes/articles/${articleId}`, { text: 'Essai' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'PERMISSION_DENIED', permission: 'notes.write' });
  });

  it('lists the shop’s latest notes with their article, for the screen', async () => {
    const other = await admin.post('/api/catalog/articles', { code: 'EAU-PLATE', name: 'Eau plate 1,5 l', vatCategory: 'BE-6', price: 89 });
    expect(other.status).toBe(201);
    expect((await cashier.post(`/api/notes/articles/${other.body.id}`, { text: 'Palette abîmée, vérifier les bouteilles.' })).status).toBe(201);
    const res = await cashier.get('/api/notes/recent?limit=2');
    expect(res.status).toBe(200);
    expect(res.body.items.map((n: any) => [n.article?.code, n.text.slice(0, 12)])).toEqual([
      ['EAU-PLATE', 'Palette abîm'],
      ['BIE-TRIPLE', 'Prix modifié'],
    ]);
    expect((await cashier.get('/api/notes/recent?limit=0')).status).toBe(400);
  });

  it('announces a saved note to the shop’s browsers, and never one refused after it was announced', async () => {
    const heard: Array<{ type: string; text: string; permission?: string }> = [];
    const stop = tk.kernel.events.subscribe((e) => heard.push({ type: e.type, text: (e.data as { text: string }).text, permission: e.permission }));
    try {
      expect((await cashier.post(`/api/notes/articles/${articleId}`, { text: 'Rayon réassorti.' })).status).toBe(201);
      // The automatic note of this price change is announced inside the transaction, then vetoed by the tap above.
      const a = await article();
      expect((await admin.patch(`/api/catalog/articles/${articleId}`, { price: 999, version: a.version })).status).toBe(422);
    } finally {
      stop();
    }
    expect(heard).toEqual([{ type: 'notes.added', text: 'Rayon réassorti.', permission: 'catalog.read' }]);
  });

  it('writes one note for a request sent twice with the same Idempotency-Key', async () => {
    const before = (await noteRows(tk.kernel)).length;
    const send = () => cashier.request('POST', `/api/notes/articles/${articleId}`, { text: 'Commande fournisseur envoyée.' }, { 'idempotency-key': 'note-2026-0001' });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await noteRows(tk.kernel)).length).toBe(before + 1);
  });

  it('leaves a few notes in a demo shop', async () => {
    const before = (await noteRows(tk.kernel)).length;
    await tk.kernel.em().transactional((em) => notes.demo!({ kernel: tk.kernel, container: tk.kernel.container, log: tk.kernel.log, em, shopCountry: 'BE' }));
    const rows = await noteRows(tk.kernel);
    expect(rows.length).toBe(before + 2);
    expect(rows.at(-1)!.text).toBe('Mettre en avant près de la caisse.');
  });

  it('contributes a note card label that the shop adapts like any template', async () => {
    const list = await admin.get('/api/print/templates');
    expect(list.body.find((t: any) => t.id === 'notes.note-card')).toMatchObject({ plugin: 'notes', kind: 'label', title: 'Fiche note', paper: { width: 62, height: 40 } });
    const saved = await admin.put('/api/print/templates/notes.note-card/overrides/fr', { texts: { heading: 'Important' }, hiddenBlocks: ['author'], version: 0 });
    expect(saved.status).toBe(200);
    const html: string = (await admin.get('/api/print/templates/notes.note-card/preview?lang=fr')).body;
    expect(html).toContain('Triple d’Abbaye 33 cl');
    expect(html).toContain('Important');
    expect(html).not.toContain('gerant');
    expect(html).toContain('data-symbology="ean13" data-code="5412345000013"');
    const res = await fetch(`${tk.baseUrl}/api/print/templates/notes.note-card/preview?lang=en&format=pdf`, { headers: { cookie: `cpt_session=${admin.cookie('cpt_session')}` } });
    const pdf = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    expect(pdf.getPages().map((p) => [Math.round((p.getWidth() * 25.4) / 72), Math.round((p.getHeight() * 25.4) / 72)])).toEqual([[62, 40]]);
  });

  it('once disabled, answers 404 after the restart and keeps its notes', async () => {
    const rows = (await noteRows(tk.kernel)).length;
    const res = await admin.post('/api/plugins/notes/disable');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changed: true, restartRequired: true });
    tk = await tk.restart();
    admin = tk.admin;
    const gone = await admin.get(`/api/notes/articles/${articleId}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('NOT_FOUND');
    expect((await admin.get('/api/notes/recent')).status).toBe(404);
    expect((await noteRows(tk.kernel)).length).toBe(rows);
    // The catalogue carries on without it: a price change writes no note.
    const a = await article();
    expect((await admin.patch(`/api/catalog/articles/${articleId}`, { price: 289, version: a.version })).status).toBe(200);
    expect((await noteRows(tk.kernel)).length).toBe(rows);
  });
});
