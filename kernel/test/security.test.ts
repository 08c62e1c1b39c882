import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { journalEntries, sqlRows } from './support/db.js';

/** A wall clock that only moves when the test moves it. */
function handClock() {
  let at = Date.now();
  return { now: () => new Date(at), advance: (minutes: number) => { at += minutes * 60_000; } };
}

describe.each(testDialects())('signing in with a password (%s)', (dialect) => {
  let tk: TestKernel;
  const clock = handClock();

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [], clock });
    await tk.userWith(['cashier'], { username: 'lucas' });
    await tk.userWith(['manager'], { username: 'sophie' });
    await tk.userWith(['cashier'], { username: 'emma' });
    await tk.userWith(['cashier'], { username: 'noah' });
    await tk.userWith(['cashier'], { username: 'jade' });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('sets a session cookie that scripts cannot read and other sites cannot send', async () => {
    const browser = tk.anonymous();
    const res = await browser.post('/api/auth/login', { username: 'lucas', password: 'pw-lucas-secret' });
    expect(res.status).toBe(200);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^cpt_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(res.body.user).toMatchObject({ username: 'lucas', roles: ['cashier'] });
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.station).toBeNull();
  });

  it('accepts the username whatever its case, and signs in that very user', async () => {
    const browser = tk.anonymous();
    const res = await browser.post('/api/auth/login', { username: ' Sophie ', password: 'pw-sophie-secret' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'sophie', roles: ['manager'] });
    // The session the cookie opens is Sophie's, and the journal says Sophie signed in.
    expect((await browser.get('/api/session')).body.user).toMatchObject({ username: 'sophie', roles: ['manager'] });
    const signedIn = (await journalEntries(tk, 'events')).filter((e) => e.type === 'auth.signed-in').at(-1)!;
    expect(signedIn).toMatchObject({ user_id: res.body.user.id, payload: { userId: res.body.user.id, username: 'sophie', method: 'password' } });
  });

  it('refuses a wrong password, and an unknown user, with the same answer', async () => {
    const wrong = await tk.anonymous().post('/api/auth/login', { username: 'sophie', password: 'pw-sophie-wrong' });
    const unknown = await tk.anonymous().post('/api/auth/login', { username: 'nobody', password: 'pw-sophie-wrong' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'AUTH_INVALID', detail: 'Identifiant ou mot de passe incorrect.', title: 'Connexion requise' });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('answers in the browser’s language', async () => {
    const res = await new TestClient(tk.baseUrl, 'nl').post('/api/auth/login', { username: 'sophie', password: 'nope-nope' });
    expect(res.body.detail).toBe('Gebruikersnaam of wachtwoord onjuist.');
  });

  it('stops a sixth attempt on the same user from the same address, even with the right password', async () => {
    const guesser = tk.anonymous();
    for (let i = 1; i <= 5; i++) {
      expect((await guesser.post('/api/auth/login', { username: 'emma', password: `guess-${i}` })).body.code).toBe('AUTH_INVALID');
    }
    const sixth = await guesser.post('/api/auth/login', { username: 'emma', password: 'pw-emma-secret' });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ code: 'AUTH_RATE_LIMITED', detail: 'Trop de tentatives. Réessayez dans 15 min.', retryAfterSeconds: 900 });
    // Other people at the same address still sign in.
    expect((await tk.anonymous().post('/api/auth/login', { username: 'lucas', password: 'pw-lucas-secret' })).status).toBe(200);

    clock.advance(10);
    expect((await guesser.post('/api/auth/login', { username: 'emma', password: 'pw-emma-secret' })).body).toMatchObject({
      code: 'AUTH_RATE_LIMITED', detail: 'Trop de tentatives. Réessayez dans 5 min.', retryAfterSeconds: 300 });
    clock.advance(5);
    expect((await guesser.post('/api/auth/login', { username: 'emma', password: 'pw-emma-secret' })).status).toBe(200);
  });

  it('is not fooled by a client that claims another address in X-Forwarded-For', async () => {
    const guesser = tk.anonymous();
    for (let i = 1; i <= 5; i++) {
      const res = await guesser.request('POST', '/api/auth/login', { username: 'noah', password: `guess-${i}` }, { 'x-forwarded-for': `203.0.113.${i}` });
      expect(res.body.code).toBe('AUTH_INVALID');
    }
    const sixth = await guesser.request('POST', '/api/auth/login', { username: 'noah', password: 'pw-noah-secret' }, { 'x-forwarded-for': '203.0.113.99' });
    expect(sixth.status).toBe(429);
    // Failures from one address are journaled once per window, then summed up: every one under the real address.
    await tk.kernel.auth.flushFailedSignIns(true);
    const failures = (await journalEntries(tk, 'events')).filter((e) => e.type === 'auth.failed' || e.type === 'auth.failed-repeated');
    expect(new Set(failures.map((e) => e.payload.ip))).toEqual(new Set(['127.0.0.1']));
    expect(failures.at(-1)!.payload.usernames).toContain('noah');
  });

  it('is not fooled by spaces or capitals around the username', async () => {
    const guesser = tk.anonymous();
    for (const username of ['jade ', ' jade', 'JADE', '  Jade', 'jade  ']) {
      expect((await guesser.post('/api/auth/login', { username, password: 'guess' })).body.code).toBe('AUTH_INVALID');
    }
    expect((await guesser.post('/api/auth/login', { username: 'jade', password: 'pw-jade-secret' })).status).toBe(429);
  });

  it('stores passwords only as scrypt hashes', async () => {
    const rows = await sqlRows<{ username: string; password_hash: string }>(tk, 'select username, password_hash from kernel_user order by username');
    expect(rows.map((r) => r.username)).toEqual(['admin', 'emma', 'jade', 'lucas', 'noah', 'sophie']);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
      expect(r.password_hash).not.toContain(`pw-${r.username}-secret`);
    }
    const users = await tk.admin.get('/api/users');
    expect(JSON.stringify(users.body)).not.toContain('scrypt');
    expect(users.body.find((u: any) => u.username === 'lucas')).toMatchObject({ hasPassword: true, hasPin: false });
  });

  it('ends a session left unused for 12 hours, and keeps one in use alive', async () => {
    const idle = tk.anonymous();
    await idle.login('lucas', 'pw-lucas-secret');
    const busy = tk.anonymous();
    await busy.login('lucas', 'pw-lucas-secret');
    for (let hour = 0; hour < 3; hour++) {
      clock.advance(6 * 60);
      expect((await busy.get('/api/session')).status).toBe(200);
    }
    const res = await idle.get('/api/shop');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });

  it('ends the session at sign-out: the same cookie no longer opens anything', async () => {
    const browser = tk.anonymous();
    await browser.login('lucas', 'pw-lucas-secret');
    const stolen = browser.cookie('cpt_session')!;
    const out = await browser.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^cpt_session=;/);
    expect((await browser.get('/api/session')).status).toBe(401);

    const replay = tk.anonymous();
    replay.setCookie('cpt_session', stolen);
    const res = await replay.get('/api/session');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'AUTH_REQUIRED', detail: 'Connectez-vous pour continuer.' });
    expect((await journalEntries(tk, 'events')).at(-1)!.type).toBe('auth.signed-out');
  });
});

describe.each(testDialects())('what a session may do (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
    cashier = await tk.userWith(['cashier'], { username: 'lucas' });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it.each([
    ['GET', '/api/shop'], ['PUT', '/api/shop'], ['GET', '/api/users'], ['POST', '/api/stations'], ['GET', '/api/journal/verify'],
    ['GET', '/api/events'], ['POST', '/api/auth/logout'], ['POST', '/api/plugins/catalog/enable'],
  ])('asks to sign in first for %s %s', async (method, path) => {
    const res = await tk.anonymous().request(method, path, method === 'GET' ? undefined : {});
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'AUTH_REQUIRED', detail: 'Connectez-vous pour continuer.' });
  });

  it('answers the session to nobody with 401, but tells the sign-in screen the shop’s name and language', async () => {
    const res = await tk.anonymous().get('/api/session');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'AUTH_REQUIRED', station: null, shop: { name: 'Ma boutique', locale: 'fr-BE' } });
  });

  it('refuses a cashier the users screen', async () => {
    for (const res of [await cashier.get('/api/users'), await cashier.post('/api/users', { username: 'x', displayName: 'x', roles: [] })]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'PERMISSION_DENIED', detail: 'Vous n’avez pas le droit « kernel.users ».', permission: 'kernel.users' });
    }
    expect((await cashier.get('/api/session')).body.user.permissions).toEqual([]);
  });

  it('refuses a change without the session’s anti-forgery token, and changes nothing', async () => {
    const forger = tk.anonymous();
    forger.setCookie('cpt_session', tk.admin.cookie('cpt_session')!);
    const res = await forger.put('/api/shop', { name: 'Boutique piratée', country: 'BE', language: 'fr' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'CSRF_TOKEN_INVALID', detail: 'Jeton anti-falsification manquant ou invalide : rechargez la page.' });
    const wrongToken = await tk.admin.request('PUT', '/api/shop', { name: 'Boutique piratée', country: 'BE', language: 'fr' }, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrongToken.status).toBe(403);
    // Reading needs no token.
    expect((await forger.get('/api/shop')).body.name).toBe('Ma boutique');
  });

  it('refuses a change sent from another site', async () => {
    const res = await tk.admin.request('PUT', '/api/shop', { name: 'Boutique piratée', country: 'BE', language: 'fr' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'CSRF_ORIGIN', detail: 'Requête d’une autre origine refusée.' });
    const signIn = await tk.anonymous().request('POST', '/api/auth/login', { username: 'lucas', password: 'pw-lucas-secret' }, { origin: 'https://evil.example' });
    expect(signIn.status).toBe(403);
    expect((await tk.admin.get('/api/shop')).body.name).toBe('Ma boutique');
  });

  it('refuses a change from a page whose origin is hidden (Origin: null)', async () => {
    const res = await tk.admin.request('PUT', '/api/shop', { name: 'Boutique piratée', country: 'BE', language: 'fr' }, { origin: 'null' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_ORIGIN');
  });

  it('accepts a change from its own origin, and journals who made it', async () => {
    const res = await tk.admin.request('PUT', '/api/shop', { name: 'Épicerie du Marché', country: 'BE', language: 'fr' }, { origin: tk.baseUrl });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Épicerie du Marché');
    expect((await tk.admin.get('/api/shop')).body.name).toBe('Épicerie du Marché');
    const adminId = (await tk.admin.get('/api/session')).body.user.id;
    expect((await journalEntries(tk, 'events')).filter((e) => e.type === 'shop.changed').at(-1))
      .toMatchObject({ user_id: adminId, payload: { fields: ['name', 'configured'], name: 'Épicerie du Marché', country: 'BE' } });
  });
});

describe.each(testDialects())('PIN sign-in at a station (%s)', (dialect) => {
  let tk: TestKernel;
  let till: TestClient;
  let lucasId: number;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
    await tk.userWith(['cashier'], { username: 'lucas', pin: '4321' });
    await tk.userWith(['manager'], { username: 'sophie', pin: '2580' });
    await tk.userWith(['cashier'], { username: 'emma' });
    lucasId = (await tk.admin.get('/api/users')).body.find((u: any) => u.username === 'lucas').id;
    const station = await tk.admin.post('/api/stations', { name: 'Caisse 1' });
    expect(station.status).toBe(201);
    // The till is the browser the administrator registered; a cashier uses it without the admin's session.
    till = tk.anonymous();
    till.setCookie('cpt_station', tk.admin.cookie('cpt_station')!);
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('registers a station with a long-lived, httpOnly cookie', async () => {
    const res = await tk.admin.post('/api/stations', { name: 'Caisse 2' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cpt_station='))!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain(`Max-Age=${400 * 24 * 3600}`);
  });

  it('lists the users who have a PIN, and only at a registered station', async () => {
    const res = await till.get('/api/auth/station-users');
    expect(res.status).toBe(200);
    expect(res.body.map((u: any) => u.displayName)).toEqual(['lucas', 'sophie']);
    const elsewhere = await tk.anonymous().get('/api/auth/station-users');
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ code: 'STATION_UNKNOWN', detail: 'Ce navigateur n’est pas enregistré comme poste.' });
  });

  it('refuses a PIN sign-in from a browser that is not a station', async () => {
    const res = await tk.anonymous().post('/api/auth/pin', { userId: lucasId, pin: '4321' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'STATION_REQUIRED', detail: 'La connexion par code PIN se fait depuis un poste enregistré.' });
  });

  it('signs a cashier in with the PIN, and the session says at which station', async () => {
    const res = await till.post('/api/auth/pin', { userId: lucasId, pin: '4321' });
    expect(res.status).toBe(200);
    expect(res.body.station).toMatchObject({ number: 1, name: 'Caisse 1' });
    const session = await till.get('/api/session');
    expect(session.body).toMatchObject({ user: { username: 'lucas' }, station: { number: 1, name: 'Caisse 1' } });
    const signedIn = (await journalEntries(tk, 'events')).at(-1)!;
    expect(signedIn).toMatchObject({ type: 'auth.signed-in', payload: { username: 'lucas', method: 'pin' } });
    expect(Number(signedIn.station_id)).toBe(session.body.station.id);
    await till.post('/api/auth/logout');
  });

  it('records the station of a password sign-in made at a station', async () => {
    const browser = tk.anonymous();
    browser.setCookie('cpt_station', till.cookie('cpt_station')!);
    await browser.login('emma', 'pw-emma-secret');
    expect((await browser.get('/api/session')).body.station).toMatchObject({ number: 1 });
  });

  it('locks the PIN after five wrong tries, refuses even the right PIN, until an administrator unlocks it', async () => {
    const sophieId = (await tk.admin.get('/api/users')).body.find((u: any) => u.username === 'sophie').id;
    for (let left = 4; left >= 1; left--) {
      const res = await till.post('/api/auth/pin', { userId: sophieId, pin: '0000' });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'AUTH_INVALID', detail: `Code PIN incorrect. Encore ${left} ${left === 1 ? 'essai' : 'essais'} avant blocage.`, attemptsLeft: left });
    }
    const fifth = await till.post('/api/auth/pin', { userId: sophieId, pin: '0000' });
    expect(fifth.status).toBe(423);
    expect(fifth.body).toMatchObject({ code: 'PIN_LOCKED', detail: 'Code PIN bloqué pour 15 min après 5 erreurs.' });

    const right = await till.post('/api/auth/pin', { userId: sophieId, pin: '2580' });
    expect(right.status).toBe(423);
    expect(right.body).toMatchObject({ code: 'PIN_LOCKED', detail: 'Code PIN bloqué après trop d\'erreurs. Réessayez dans 15 min ou demandez à un responsable.' });
    expect(right.headers.getSetCookie()).toEqual([]);
    expect((await tk.admin.get('/api/users')).body.find((u: any) => u.id === sophieId).pinLocked).toBe(true);
    expect((await journalEntries(tk, 'events')).some((e) => e.type === 'auth.pin-locked' && e.payload.userId === sophieId)).toBe(true);

    // Another cashier's PIN is not affected.
    expect((await till.post('/api/auth/pin', { userId: lucasId, pin: '4321' })).status).toBe(200);
    await till.post('/api/auth/logout');

    const unlocked = await tk.admin.patch(`/api/users/${sophieId}`, { unlockPin: true });
    expect(unlocked.body.pinLocked).toBe(false);
    const again = await till.post('/api/auth/pin', { userId: sophieId, pin: '2580' });
    expect(again.status).toBe(200);
    expect(again.body.user.username).toBe('sophie');
    await till.post('/api/auth/logout');
  });

  it('counts wrong PINs afresh after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) expect((await till.post('/api/auth/pin', { userId: lucasId, pin: '9999' })).status).toBe(401);
    expect((await till.post('/api/auth/pin', { userId: lucasId, pin: '4321' })).status).toBe(200);
    await till.post('/api/auth/logout');
    expect((await till.post('/api/auth/pin', { userId: lucasId, pin: '9999' })).body.attemptsLeft).toBe(4);
  });

  it('refuses a PIN for a user who has none, without saying so', async () => {
    const emmaId = (await tk.admin.get('/api/users')).body.find((u: any) => u.username === 'emma').id;
    const res = await till.post('/api/auth/pin', { userId: emmaId, pin: '1234' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'AUTH_INVALID', detail: 'Code PIN incorrect.' });
  });

  it('stores PINs only as scrypt hashes', async () => {
    const [row] = await sqlRows<{ pin_hash: string }>(tk, "select pin_hash from kernel_user where username = 'lucas'");
    expect(row.pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.pin_hash).not.toContain('4321');
  });

  it('refuses PIN sign-in at a retired station', async () => {
    const stationId = (await tk.admin.get('/api/stations')).body.find((s: any) => s.number === 1).id;
    expect((await tk.admin.patch(`/api/stations/${stationId}`, { active: false })).body).toMatchObject({ number: 1, active: false });
    const res = await till.post('/api/auth/pin', { userId: lucasId, pin: '4321' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('STATION_REQUIRED');
  });
});
