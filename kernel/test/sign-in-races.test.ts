import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { journalEntries, sqlRows } from './support/db.js';

const countBy = (statuses: number[]) => statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});

describe.each(testDialects())('sign-in under a burst of attempts (%s)', (dialect) => {
  let tk: TestKernel;
  let till: TestClient;
  let anneId: number;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
    await tk.userWith(['cashier'], { username: 'lucas' });
    await tk.userWith(['cashier'], { username: 'anne', pin: '2580' });
    await tk.userWith(['manager'], { username: 'marc' });
    till = tk.admin.fork();
    await till.login('admin', tk.adminPassword);
    expect((await till.post('/api/stations', { name: 'Caisse 1' })).status).toBe(201);
    anneId = (await tk.admin.get('/api/users')).body.find((u: any) => u.username === 'anne').id;
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('checks at most five of forty simultaneous passwords for one user, and the right one among the rest stays out', async () => {
    const attempts = Array.from({ length: 40 }, (_, i) => tk.anonymous().post('/api/auth/login', { username: 'lucas', password: i === 39 ? 'pw-lucas-secret' : `guess-${i}` }));
    const answers = await Promise.all(attempts);
    const counts = countBy(answers.map((a) => a.status));
    expect(counts[500]).toBeUndefined();
    expect((counts[401] ?? 0) + (counts[200] ?? 0)).toBeLessThanOrEqual(5);
    expect(counts[429]).toBeGreaterThanOrEqual(35);
  });

  it('checks at most five of a hundred simultaneous PINs, then the PIN is locked', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => {
      const c = till.fork();
      c.setCookie('cpt_station', till.cookie('cpt_station')!);
      return c.post('/api/auth/pin', { userId: anneId, pin: String(1000 + i) });
    }));
    const counts = countBy(answers.map((a) => a.status));
    expect(counts[500]).toBeUndefined();
    expect(counts[401] ?? 0).toBeLessThanOrEqual(4);
    expect(counts[423]).toBeGreaterThanOrEqual(96);
    const right = till.fork();
    right.setCookie('cpt_station', till.cookie('cpt_station')!);
    expect((await right.post('/api/auth/pin', { userId: anneId, pin: '2580' })).status).toBe(423);
    expect((await tk.admin.get('/api/users')).body.find((u: any) => u.id === anneId).pinLocked).toBe(true);
    // Five PINs were checked: four failures and the lock are journaled, nothing more.
    const pinEntries = (await journalEntries(tk, 'events')).filter((e) => e.payload.userId === anneId && e.payload.method === 'pin');
    expect(pinEntries.length).toBeLessThanOrEqual(5);
    expect(pinEntries.filter((e) => e.type === 'auth.pin-locked')).toHaveLength(1);
  });

  it('signs in without rewriting the user: the version stays, and simultaneous sign-ins of one user all succeed', async () => {
    const before = (await sqlRows<{ version: number }>(tk, "select version from kernel_user where username = 'marc'"))[0].version;
    const answers = await Promise.all(Array.from({ length: 4 }, () => tk.anonymous().post('/api/auth/login', { username: 'marc', password: 'pw-marc-secret' })));
    expect(answers.map((a) => a.status), JSON.stringify(answers.map((a) => a.body.detail))).toEqual([200, 200, 200, 200]);
    expect((await sqlRows<{ version: number }>(tk, "select version from kernel_user where username = 'marc'"))[0].version).toBe(before);
    const marc = (await tk.admin.get('/api/users')).body.find((u: any) => u.username === 'marc');
    expect(marc.version).toBe(Number(before));
    expect(new Date(marc.lastSignInAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe.each(testDialects())('failed sign-ins from one address (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('stops always-new usernames after twenty failures, and journals them as two entries, not fifty', async () => {
    const before = (await journalEntries(tk, 'events')).length;
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await tk.anonymous().post('/api/auth/login', { username: `nobody-${i}`, password: 'x' })).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(30).fill(429));
    await tk.kernel.auth.flushFailedSignIns(true);
    const added = (await journalEntries(tk, 'events')).slice(before);
    expect(added.map((e) => e.type)).toEqual(['auth.failed', 'auth.failed-repeated']);
    expect(added[0].payload).toMatchObject({ username: 'nobody-0', ip: '127.0.0.1' });
    expect(added[1].payload).toMatchObject({ ip: '127.0.0.1', method: 'password', failures: 19 });
    expect(added[1].payload.usernames).toHaveLength(10);
  });
});

describe.each(testDialects())('changing a password ends the other sessions (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('the user’s own change keeps this browser signed in and signs the others out', async () => {
    const here = await tk.userWith(['cashier'], { username: 'julie' });
    const phone = tk.anonymous();
    await phone.login('julie', 'pw-julie-secret');
    const wrong = await here.post('/api/auth/password', { currentPassword: 'not-it', newPassword: 'nouveau-secret' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', code: 'PASSWORD_WRONG', message: 'Le mot de passe actuel est incorrect.' }]);
    const short = await here.post('/api/auth/password', { currentPassword: 'pw-julie-secret', newPassword: 'court' });
    expect(short.body.errors[0]).toMatchObject({ field: 'password', code: 'PASSWORD_TOO_SHORT' });

    const done = await here.post('/api/auth/password', { currentPassword: 'pw-julie-secret', newPassword: 'nouveau-secret' });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ sessionsEnded: 1 });
    expect((await here.get('/api/session')).status).toBe(200);
    expect((await phone.get('/api/session')).status).toBe(401);
    await tk.anonymous().login('julie', 'nouveau-secret');
    const changed = (await journalEntries(tk, 'events')).filter((e) => e.type === 'user.password-changed').at(-1)!;
    expect(changed.payload).toMatchObject({ sessionsEnded: 1 });
  });

  it('an administrator’s change signs the user out everywhere', async () => {
    const tom = await tk.userWith(['cashier'], { username: 'tom' });
    const id = (await tk.admin.get('/api/users')).body.find((u: any) => u.username === 'tom').id;
    expect((await tk.admin.patch(`/api/users/${id}`, { password: 'autre-secret-1' })).status).toBe(200);
    expect((await tom.get('/api/session')).status).toBe(401);
    expect((await tk.admin.get('/api/session')).status).toBe(200);
  });

  it('answers a password sign-in of a PIN-only account like any wrong password', async () => {
    const res = await tk.admin.post('/api/users', { username: 'pinonly', displayName: 'PIN only', pin: '1357', roles: ['cashier'] });
    expect(res.status).toBe(201);
    const answer = await tk.anonymous().post('/api/auth/login', { username: 'pinonly', password: 'anything' });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('AUTH_INVALID');
  });
});
