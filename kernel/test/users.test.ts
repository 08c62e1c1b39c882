import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import { journalEntries, sqlRows } from './support/db.js';
import { databaseArgs, runCli } from './support/cli.js';

describe.each(testDialects())('users and roles (%s)', (dialect) => {
  let tk: TestKernel;
  let adminId: number;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
    adminId = (await tk.admin.get('/api/session')).body.user.id;
  });
  afterAll(async () => {
    await tk?.close();
  });

  const userNamed = async (username: string) => (await tk.admin.get('/api/users')).body.find((u: any) => u.username === username);

  it('names every bad field of a new user at once, and creates nobody', async () => {
    const res = await tk.admin.post('/api/users', { username: 'Lucas D', displayName: 'Lucas', password: 'court', pin: '12a', roles: ['cashier', 'patron'] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', detail: 'Certaines données sont invalides.' });
    expect(res.body.errors).toEqual([
      { field: 'username', code: 'USERNAME_INVALID', message: "L'identifiant doit compter 2 à 64 lettres minuscules, chiffres, '.', '_' ou '-'." },
      { field: 'password', code: 'PASSWORD_TOO_SHORT', message: 'Le mot de passe doit compter au moins 8 caractères.' },
      { field: 'pin', code: 'PIN_INVALID', message: 'Le code PIN doit compter 4 à 8 chiffres.' },
      { field: 'roles', code: 'ROLE_UNKNOWN', message: 'Rôle inconnu : patron.' },
    ]);
    expect((await tk.admin.get('/api/users')).body.map((u: any) => u.username)).toEqual(['admin']);
  });

  it('asks for a password or a PIN, and for a name', async () => {
    const res = await tk.admin.post('/api/users', { username: 'lucas', displayName: '  ', roles: ['cashier'] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'displayName', code: 'REQUIRED', message: 'Le nom est obligatoire.' },
      { field: 'password', code: 'CREDENTIAL_REQUIRED', message: 'Donnez un mot de passe ou un code PIN.' },
    ]);
  });

  it('names the fields missing from the request itself', async () => {
    const res = await tk.admin.post('/api/users', { username: 'lucas' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(['displayName', 'roles']);
  });

  it('creates a cashier with a PIN only, who cannot sign in with a password', async () => {
    const res = await tk.admin.post('/api/users', { username: 'Lucas', displayName: 'Lucas Caissier', pin: '1234', roles: ['cashier'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'lucas', displayName: 'Lucas Caissier', roles: ['cashier'], language: 'fr', active: true, hasPassword: false, hasPin: true, pinLocked: false });
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(res.body).not.toHaveProperty('pinHash');
    const attempt = await tk.anonymous().post('/api/auth/login', { username: 'lucas', password: '1234' });
    expect(attempt.status).toBe(401);
  });

  it('refuses a username that is taken, whatever its case', async () => {
    const res = await tk.admin.post('/api/users', { username: 'LUCAS', displayName: 'Autre Lucas', password: 'un-mot-de-passe', roles: ['cashier'] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'username', code: 'USERNAME_TAKEN', message: 'L\'identifiant « lucas » est déjà utilisé.' }]);
    expect((await tk.admin.get('/api/users')).body.filter((u: any) => u.username === 'lucas')).toHaveLength(1);
  });

  it('journals the new user with who created them', async () => {
    const lucas = await userNamed('lucas');
    const created = (await journalEntries(tk, 'events')).filter((e) => e.type === 'user.created').at(-1)!;
    expect(Number(created.user_id)).toBe(adminId);
    expect(created.payload).toEqual({ userId: lucas.id, username: 'lucas', roles: ['cashier'] });
  });

  it('keeps an administrator from removing their own administrator rights or account', async () => {
    for (const change of [{ roles: ['manager'] }, { roles: [] }, { active: false }]) {
      const res = await tk.admin.patch(`/api/users/${adminId}`, change);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'USER_SELF_LOCKOUT', detail: 'Vous ne pouvez pas retirer vos propres droits d’administrateur.' });
    }
    expect((await userNamed('admin')).roles).toEqual(['admin']);
    // Adding a role to oneself is fine.
    expect((await tk.admin.patch(`/api/users/${adminId}`, { roles: ['admin', 'manager'] })).body.roles).toEqual(['admin', 'manager']);
  });

  it('lets another administrator take the rights of an administrator', async () => {
    const second = await tk.userWith(['admin'], { username: 'patron' });
    expect((await second.patch(`/api/users/${adminId}`, { roles: ['manager'] })).status).toBe(200);
    // Losing a role ends the user's sessions: signed in again, the former administrator is a manager.
    expect((await tk.admin.get('/api/users')).status).toBe(401);
    await tk.admin.login('admin', tk.adminPassword);
    expect((await tk.admin.get('/api/users')).status).toBe(403);
    expect((await second.patch(`/api/users/${adminId}`, { roles: ['admin'] })).status).toBe(200);
    // The manager role went too: signed in once more, the administrator has every right again.
    await tk.admin.login('admin', tk.adminPassword);
    expect((await tk.admin.get('/api/users')).status).toBe(200);
  });

  it('refuses a change made from a stale copy of the user', async () => {
    const lucas = await userNamed('lucas');
    expect((await tk.admin.patch(`/api/users/${lucas.id}`, { displayName: 'Lucas D.', version: lucas.version })).status).toBe(200);
    const stale = await tk.admin.patch(`/api/users/${lucas.id}`, { displayName: 'Lucas Dupont', version: lucas.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await userNamed('lucas')).displayName).toBe('Lucas D.');
  });

  it('answers 404 for a user who does not exist', async () => {
    const res = await tk.admin.patch('/api/users/9999', { displayName: 'Personne' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'USER_NOT_FOUND', detail: 'Utilisateur 9999 introuvable.' });
  });

  it('signs out nobody else but stops a deactivated user at their next request', async () => {
    const emma = await tk.userWith(['cashier'], { username: 'emma' });
    const jules = await tk.userWith(['cashier'], { username: 'jules' });
    expect((await emma.get('/api/shop')).status).toBe(200);
    const id = (await userNamed('emma')).id;
    const sessions = async () => (await sqlRows<{ username: string }>(tk,
      'select u.username from kernel_session s join kernel_user u on u.id = s.user_id order by u.username')).map((r) => r.username);
    expect(await sessions()).toEqual(expect.arrayContaining(['admin', 'emma', 'jules']));

    const res = await tk.admin.patch(`/api/users/${id}`, { active: false });
    expect(res.body).toMatchObject({ username: 'emma', active: false });
    const refused = await emma.get('/api/shop');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH_REQUIRED');
    expect((await tk.anonymous().post('/api/auth/login', { username: 'emma', password: 'pw-emma-secret' })).body.code).toBe('AUTH_INVALID');
    // Nobody else: the colleague and the administrator keep working in their sessions.
    expect((await jules.get('/api/session')).body.user.username).toBe('jules');
    expect((await tk.admin.get('/api/session')).body.user.username).toBe('admin');
    expect(await sessions()).toEqual(expect.arrayContaining(['admin', 'jules']));
    expect(await sessions()).not.toContain('emma');
    // What changed is journaled, with who changed it.
    expect((await journalEntries(tk, 'events')).filter((e) => e.type === 'user.rights-changed').at(-1)).toMatchObject({
      user_id: adminId, payload: { userId: id, username: 'emma', rolesBefore: ['cashier'], roles: ['cashier'], active: false },
    });
  });

  it('creates a role with known permissions only, and never takes anything from admin', async () => {
    const created = await tk.admin.put('/api/roles/magasinier', { permissions: ['kernel.stations', 'kernel.stations'] });
    expect(created.body).toEqual({ name: 'magasinier', permissions: ['kernel.stations'], builtin: false });
    const unknown = await tk.admin.put('/api/roles/magasinier', { permissions: ['stock.count'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'permissions', code: 'PERMISSION_UNKNOWN', message: 'Droit inconnu : stock.count.' }]);
    const admin = await tk.admin.put('/api/roles/admin', { permissions: ['kernel.users'] });
    expect(admin.status).toBe(409);
    expect(admin.body).toMatchObject({ code: 'ROLE_ADMIN_LOCKED', detail: 'Le rôle administrateur garde tous les droits.' });
    const roles = (await tk.admin.get('/api/roles')).body.map((r: any) => [r.name, r.builtin]);
    expect(roles).toEqual([['admin', true], ['cashier', true], ['magasinier', false], ['manager', true]]);
  });

  it('gives a user the rights of a new role at once', async () => {
    const lucas = await userNamed('lucas');
    expect((await tk.admin.patch(`/api/users/${lucas.id}`, { roles: ['cashier', 'magasinier'] })).status).toBe(200);
    const change = (await journalEntries(tk, 'events')).filter((e) => e.type === 'user.rights-changed').at(-1)!;
    expect(change.payload).toMatchObject({ username: 'lucas', rolesBefore: ['cashier'], roles: ['cashier', 'magasinier'] });
  });

  describe('from the command line', () => {
    it('adds a user who can then sign in', async () => {
      const res = await runCli([...databaseArgs(tk.db), 'user', 'add', 'Marie', '--name', 'Marie Dupont', '--role', 'manager', '--password', 'marie-secret-1', '--pin', '2468']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout.trim()).toBe("User 'marie' created with role(s) manager.");
      const marie = tk.anonymous();
      const signIn = await marie.login('marie', 'marie-secret-1');
      expect(signIn.body.user).toMatchObject({ username: 'marie', displayName: 'Marie Dupont', roles: ['manager'], hasPin: true });
      expect((await marie.get('/api/stations')).status).toBe(200);
    });

    it('refuses a bad user and says why', async () => {
      const res = await runCli([...databaseArgs(tk.db), 'user', 'add', 'x', '--role', 'patron', '--password', 'court']);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('Error: Some fields are invalid.');
      expect(res.stderr).toContain("username: Username must be 2 to 64 lower-case letters, digits, '.', '_' or '-'.");
      expect(res.stderr).toContain('password: Password must be at least 8 characters.');
      expect(res.stderr).toContain('roles: Unknown role: patron.');
      expect(await sqlRows(tk, "select id from kernel_user where username = 'x'")).toEqual([]);
    });

    it('sets a new password: the old one no longer signs in, the new one does', async () => {
      const res = await runCli([...databaseArgs(tk.db), 'user', 'passwd', 'marie', '--password', 'marie-nouveau-2']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout.trim()).toBe("Password of 'marie' changed.");
      expect((await tk.anonymous().post('/api/auth/login', { username: 'marie', password: 'marie-secret-1' })).status).toBe(401);
      expect((await tk.anonymous().post('/api/auth/login', { username: 'marie', password: 'marie-nouveau-2' })).status).toBe(200);
      expect((await journalEntries(tk, 'events')).filter((e) => e.type === 'user.password-changed').at(-1)!.payload.userId).toBe((await userNamed('marie')).id);
    });

    it('names the users there are when asked for one that does not exist', async () => {
      const res = await runCli([...databaseArgs(tk.db), 'user', 'passwd', 'personne']);
      expect(res.code).toBe(1);
      expect(res.stderr.trim()).toBe("Error: No user 'personne'. Users: admin, emma, jules, lucas, marie, patron");
    });
  });
});
