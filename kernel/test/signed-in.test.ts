import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { TestClock } from './support/clock.js';
import { sqlRows, sqlRun } from './support/db.js';

// The signed-in context (session, user, rights, station, shop) is kept in memory between requests. Whatever
// changes it must show at the very next request, not when the memory happens to be refreshed.

/** Counts the SQL statements the kernel sends while `fn` runs. */
async function queriesDuring(tk: TestKernel, fn: () => Promise<unknown>): Promise<string[]> {
  const knex = (tk.kernel.orm.em.getConnection() as unknown as { getKnex(): { on(e: string, f: (q: { sql: string }) => void): void; off(e: string, f: unknown): void } }).getKnex();
  const seen: string[] = [];
  const listener = (q: { sql: string }) => seen.push(q.sql);
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.off('query', listener);
  }
  return seen;
}

describe.each(testDialects())('the signed-in context kept between requests (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('answers a signed-in request without asking the database who sent it', async () => {
    const cashier = await tk.userWith(['cashier']);
    expect((await cashier.get('/api/shop')).status).toBe(200);
    const sql = await queriesDuring(tk, async () => expect((await cashier.get('/api/shop')).status).toBe(200));
    expect(sql).toEqual([]);
  });

  it('refuses the next request once a role loses the right', async () => {
    expect((await tk.admin.put('/api/roles/comptable', { permissions: ['kernel.journal'] })).status).toBe(200);
    const accountant = await tk.userWith(['comptable']);
    expect((await accountant.get('/api/journal/verify')).status).toBe(200);
    expect((await accountant.get('/api/journal/verify')).status).toBe(200);
    await tk.admin.put('/api/roles/comptable', { permissions: [] });
    const res = await accountant.get('/api/journal/verify');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'PERMISSION_DENIED', permission: 'kernel.journal' });
    expect((await accountant.get('/api/session')).body.user.permissions).toEqual([]);
  });

  it('ends the sessions of a user who loses a role: signed in again, they hold only what is left', async () => {
    const manager = await tk.userWith(['manager'], { username: 'sophie' });
    expect((await manager.get('/api/stations')).status).toBe(200);
    const id = (await tk.admin.get('/api/users')).body.find((u: { username: string }) => u.username === 'sophie').id;
    await tk.admin.patch(`/api/users/${id}`, { roles: ['cashier'] });
    expect((await manager.get('/api/stations')).status).toBe(401);
    await manager.login('sophie', 'pw-sophie-secret');
    expect((await manager.get('/api/stations')).status).toBe(403);
  });

  it('signs a deactivated user out at their next request', async () => {
    const cashier = await tk.userWith(['cashier'], { username: 'lucas' });
    expect((await cashier.get('/api/session')).status).toBe(200);
    const id = (await tk.admin.get('/api/users')).body.find((u: { username: string }) => u.username === 'lucas').id;
    await tk.admin.patch(`/api/users/${id}`, { active: false });
    const res = await cashier.get('/api/shop');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });

  it('shows the user’s new language at their next request', async () => {
    const cashier = await tk.userWith(['cashier'], { username: 'anke' });
    expect((await cashier.get('/api/nothing')).body.detail).toBe('Aucune ressource à GET /api/nothing.');
    const id = (await tk.admin.get('/api/users')).body.find((u: { username: string }) => u.username === 'anke').id;
    await tk.admin.patch(`/api/users/${id}`, { language: 'nl' });
    expect((await cashier.get('/api/journal/verify')).body.detail).toBe("U hebt het recht 'kernel.journal' niet.");
  });

  it('stops treating a browser as a till once its station is retired', async () => {
    const till = tk.anonymous();
    await till.login('admin', tk.adminPassword);
    const station = (await till.post('/api/stations', { name: 'Caisse du fond' })).body;
    await tk.admin.patch('/api/users/1', { pin: '4321' });
    const pinClient = new TestClient(tk.baseUrl);
    pinClient.setCookie('cpt_station', till.cookie('cpt_station')!);
    expect((await pinClient.get('/api/auth/station-users')).status).toBe(200);
    expect((await till.get('/api/session')).body.station).toEqual({ id: station.id, number: station.number, name: 'Caisse du fond' });

    expect((await tk.admin.patch(`/api/stations/${station.id}`, { active: false })).status).toBe(200);
    expect((await till.get('/api/session')).body.station).toBeNull();
    const res = await pinClient.get('/api/auth/station-users');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('STATION_UNKNOWN');
    const pin = await pinClient.post('/api/auth/pin', { userId: 1, pin: '4321' });
    expect(pin.status).toBe(403);
    expect(pin.body.code).toBe('STATION_REQUIRED');
  });

  it('speaks the shop’s new language to browsers that name none, at the next request', async () => {
    const anonymous = async () => (await fetch(`${tk.baseUrl}/api/session`)).json();
    expect((await anonymous()).detail).toBe('Connectez-vous pour continuer.');
    const shop = (await tk.admin.get('/api/shop')).body;
    expect((await tk.admin.put('/api/shop', { name: shop.name, country: 'BE', language: 'nl', version: shop.version })).status).toBe(200);
    const body = await anonymous();
    expect(body.detail).toBe('Meld u aan om verder te gaan.');
    expect(body.shop).toMatchObject({ language: 'nl', locale: 'nl-BE' });
    expect((await tk.admin.get('/api/shop')).body.language).toBe('nl');
  });

  it('keeps a user’s other browsers signed in when one signs out', async () => {
    await tk.admin.post('/api/users', { username: 'marie', displayName: 'Marie', password: 'marie-secret-1', roles: ['cashier'] });
    const phone = tk.anonymous();
    const tablet = tk.anonymous();
    await phone.login('marie', 'marie-secret-1');
    await tablet.login('marie', 'marie-secret-1');
    expect((await phone.post('/api/auth/logout')).status).toBe(204);
    expect((await phone.get('/api/shop')).status).toBe(401);
    expect((await tablet.get('/api/shop')).status).toBe(200);
  });
});

describe.each(testDialects())('session expiry with a context trusted for a whole day (%s)', (dialect) => {
  let tk: TestKernel;
  const clock = new TestClock();

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [], clock, sessionCacheSeconds: 24 * 3600 });
  });
  afterAll(async () => {
    await tk?.close();
  });

  /** The session a user has just signed in with. */
  const sessionOf = async (username: string) =>
    (await sqlRows<{ id: string }>(tk, 'select s.id from kernel_session s join kernel_user u on u.id = s.user_id where u.username = ?', [username]))[0];

  it('slides the expiry of a session in use, and ends one left for 12 hours', async () => {
    const cashier = await tk.userWith(['cashier'], { username: 'lucas' });
    const session = await sessionOf('lucas');
    for (let i = 0; i < 3; i++) {
      clock.at += 11 * 3600_000;
      expect((await cashier.get('/api/shop')).status, `after ${(i + 1) * 11} hours`).toBe(200);
    }
    const [row] = await sqlRows<{ expires_at: string | Date }>(tk, 'select expires_at from kernel_session where id = ?', [session.id]);
    expect(new Date(row.expires_at).getTime()).toBe(clock.at + 12 * 3600_000);
    clock.at += 12 * 3600_000 + 1000;
    expect((await cashier.get('/api/shop')).status).toBe(401);
    expect(await sqlRows(tk, 'select id from kernel_session where id = ?', [session.id])).toEqual([]);
  });

  it('notices a session ended behind its back within a minute', async () => {
    // The administrator's own session ended while the clock ran in the test before.
    await tk.admin.login('admin', tk.adminPassword);
    const cashier = await tk.userWith(['cashier'], { username: 'emma' });
    const session = await sessionOf('emma');
    expect((await cashier.get('/api/shop')).status).toBe(200);
    await sqlRun(tk, 'delete from kernel_session where id = ?', [session.id]);
    clock.at += 61_000;
    expect((await cashier.get('/api/shop')).status).toBe(401);
  });
});
