import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { journalEntries } from './support/db.js';

const namur = {
  name: '  Épicerie du Marché ', street: 'Place du Marché 12', postalCode: '5000', city: 'Namur', country: 'BE',
  vatNumber: 'BE0412345614', email: 'bonjour@epicerie-du-marche.be', phone: '+32 81 22 33 44', currency: 'EUR', language: 'fr',
};

describe.each(testDialects())('the shop’s identity (%s)', (dialect) => {
  let tk: TestKernel;
  let manager: TestClient;
  let cashier: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
    manager = await tk.userWith(['manager']);
    cashier = await tk.userWith(['cashier']);
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('starts as an unconfigured shop in Belgium, in French', async () => {
    const res = await cashier.get('/api/shop');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Ma boutique', country: 'BE', language: 'fr', currency: 'EUR', locale: 'fr-BE', configured: false, version: 1 });
  });

  it.each([
    ['a French postal code in Belgium', { country: 'BE', postalCode: '75001' }, 'Code postal belge invalide : 4 chiffres, par exemple 1000.'],
    ['a Belgian postal code in France', { country: 'FR', postalCode: '5000' }, 'Code postal français invalide : 5 chiffres, par exemple 75001.'],
    ['a Belgian postal code starting with 0', { country: 'BE', postalCode: '0999' }, 'Code postal belge invalide : 4 chiffres, par exemple 1000.'],
  ])('refuses %s', async (_what, change, message) => {
    const res = await manager.put('/api/shop', { ...namur, ...change });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', detail: 'Certaines données sont invalides.' });
    expect(res.body.errors).toEqual([{ field: 'postalCode', code: 'POSTAL_CODE_INVALID', message }]);
  });

  it('refuses a shop name of blanks and a VAT number whose check digits are wrong, and writes a good one the normal way', async () => {
    const blank = await manager.put('/api/shop', { ...namur, name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([{ field: 'name', code: 'REQUIRED', message: 'Le nom du magasin est obligatoire.' }]);
    for (const vatNumber of ['BE0412345615', 'BE123', 'FR41303265045', 'NL123456789B01']) {
      const res = await manager.put('/api/shop', { ...namur, vatNumber });
      expect(res.status, vatNumber).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'vatNumber', code: 'VAT_NUMBER_INVALID' });
    }
    expect((await manager.get('/api/shop')).body.configured).toBe(false);
  });

  it('names every bad field at once', async () => {
    const res = await manager.put('/api/shop', { ...namur, postalCode: '50', email: 'bonjour@epicerie', logo: 'http://example.com/logo.png' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'postalCode', code: 'POSTAL_CODE_INVALID', message: 'Code postal belge invalide : 4 chiffres, par exemple 1000.' },
      { field: 'email', code: 'EMAIL_INVALID', message: 'Adresse e-mail invalide.' },
      { field: 'logo', code: 'LOGO_INVALID', message: 'Le logo doit être une image PNG, JPEG ou SVG.' },
    ]);
  });

  it('names a field it does not know', async () => {
    const res = await manager.put('/api/shop', { ...namur, siret: '12345678900012' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'siret', code: 'SCHEMA_ADDITIONALPROPERTIES', message: 'Champ inconnu : siret.' }]);
    expect(res.body.detail).toBe('Requête invalide : siret — Champ inconnu : siret.');
  });

  it('names missing and out-of-list fields', async () => {
    const res = await manager.put('/api/shop', { name: 'Chez Paul', country: 'NL' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([
      { field: 'language', code: 'SCHEMA_REQUIRED', message: 'Champ obligatoire : language.' },
      { field: 'country', code: 'SCHEMA_ENUM', message: 'Valeurs permises : BE, FR.' },
    ]));
  });

  it('changes nothing when refused', async () => {
    expect((await cashier.get('/api/shop')).body).toMatchObject({ name: 'Ma boutique', configured: false, version: 1 });
    expect((await journalEntries(tk, 'events')).some((e) => e.type === 'shop.changed')).toBe(false);
  });

  it('refuses the change to a cashier', async () => {
    const res = await cashier.put('/api/shop', namur);
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('Vous n’avez pas le droit « kernel.shop ».');
  });

  it('saves a valid identity, marks the shop configured and journals the change', async () => {
    const res = await manager.put('/api/shop', namur);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Épicerie du Marché', postalCode: '5000', city: 'Namur', vatNumber: 'BE0412345614', configured: true, version: 2 });
    expect((await cashier.get('/api/shop')).body).toEqual(res.body);

    const sophieId = (await manager.get('/api/session')).body.user.id;
    const entry = (await journalEntries(tk, 'events')).find((e) => e.type === 'shop.changed')!;
    expect(Number(entry.user_id)).toBe(sophieId);
    expect(entry.payload).toEqual({
      name: 'Épicerie du Marché', vatNumber: 'BE0412345614', country: 'BE',
      fields: ['name', 'street', 'postalCode', 'city', 'vatNumber', 'email', 'phone', 'configured'],
    });
  });

  it('moves the shop to France with a French postal code', async () => {
    const res = await manager.put('/api/shop', { ...namur, name: 'Épicerie du Marché', country: 'FR', postalCode: '59000', city: 'Lille', vatNumber: 'FR40303265045', version: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ country: 'FR', locale: 'fr-FR', version: 3 });
    const entry = (await journalEntries(tk, 'events')).filter((e) => e.type === 'shop.changed').at(-1)!;
    expect(entry.payload.fields).toEqual(['postalCode', 'city', 'country', 'vatNumber', 'locale']);
  });

  it('refuses a change made from a stale copy of the identity', async () => {
    const res = await manager.put('/api/shop', { ...namur, version: 2 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    expect((await cashier.get('/api/shop')).body).toMatchObject({ country: 'FR', version: 3 });
  });
});

describe.each(testDialects())('stations (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('numbers stations 1, 2, 3 in the order they are registered', async () => {
    const numbers: number[] = [];
    for (const name of ['Caisse 1', 'Caisse bar', 'Tablette réserve']) {
      const browser = tk.anonymous();
      await browser.login('admin', tk.adminPassword);
      const res = await browser.post('/api/stations', { name });
      expect(res.status).toBe(201);
      expect(res.headers.getSetCookie().some((c) => c.startsWith('cpt_station='))).toBe(true);
      numbers.push(res.body.number);
    }
    expect(numbers).toEqual([1, 2, 3]);
    const list = (await tk.admin.get('/api/stations')).body;
    expect(list.map((s: any) => [s.number, s.name, s.active])).toEqual([[1, 'Caisse 1', true], [2, 'Caisse bar', true], [3, 'Tablette réserve', true]]);
  });

  it('tells each browser which station it is', async () => {
    const res = await tk.admin.post('/api/stations', { name: 'Caisse 4' });
    const list = (await tk.admin.get('/api/stations')).body;
    expect(list.filter((s: any) => s.current).map((s: any) => s.number)).toEqual([res.body.number]);
  });

  it('journals each registration with who did it', async () => {
    const registered = (await journalEntries(tk, 'events')).filter((e) => e.type === 'station.registered');
    expect(registered.map((e) => [e.payload.number, e.payload.name])).toEqual([[1, 'Caisse 1'], [2, 'Caisse bar'], [3, 'Tablette réserve'], [4, 'Caisse 4']]);
  });

  it('renames and retires a station, keeping its number', async () => {
    const id = (await tk.admin.get('/api/stations')).body.find((s: any) => s.number === 2).id;
    const res = await tk.admin.patch(`/api/stations/${id}`, { name: 'Bar', active: false });
    expect(res.body).toMatchObject({ id, number: 2, name: 'Bar', active: false });
    expect((await tk.admin.post('/api/stations', { name: 'Caisse 5' })).body.number).toBe(5);
  });

  it('answers 404 for a station that does not exist, and 400 for an id that is not a number', async () => {
    const missing = await tk.admin.patch('/api/stations/999', { name: 'Fantôme' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'STATION_NOT_FOUND', detail: 'Poste 999 introuvable.' });
    const bad = await tk.admin.patch('/api/stations/abc', { name: 'Fantôme' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('id');
  });

  it('refuses a station renamed to blanks', async () => {
    const id = (await tk.admin.get('/api/stations')).body[0].id;
    const res = await tk.admin.patch(`/api/stations/${id}`, { name: '   ' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'name', code: 'REQUIRED', message: 'Le nom du poste est obligatoire.' }]);
  });

  it('removes a station registered by mistake, but only retires one that recorded operations', async () => {
    const browser = tk.admin.fork();
    await browser.login('admin', tk.adminPassword);
    const spare = (await browser.post('/api/stations', { name: 'Erreur' })).body;
    expect((await tk.admin.delete(`/api/stations/${spare.id}`)).status).toBe(204);
    expect((await tk.admin.get('/api/stations')).body.map((x: any) => x.id)).not.toContain(spare.id);
    expect((await journalEntries(tk, 'events')).at(-1)).toMatchObject({ type: 'station.removed', payload: { stationId: spare.id, name: 'Erreur' } });

    const till = tk.admin.fork();
    await till.login('admin', tk.adminPassword);
    const used = (await till.post('/api/stations', { name: 'Caisse vendue' })).body;
    await tk.kernel.journal.append(tk.kernel.em(), { chain: 'tickets', type: 'ticket', payload: { number: 1 }, stationId: used.id });
    const refused = await tk.admin.delete(`/api/stations/${used.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'STATION_IN_USE' });
    expect((await tk.admin.get('/api/stations')).body.map((x: any) => x.id)).toContain(used.id);
    expect((await tk.admin.delete('/api/stations/99999')).status).toBe(404);
  });

  it('refuses an empty station name, naming the field', async () => {
    const res = await tk.admin.post('/api/stations', { name: '' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'name', code: 'SCHEMA_MINLENGTH', message: 'Au moins 1 caractère.' }]);
  });
});
