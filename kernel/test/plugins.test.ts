import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asValue, defineMigration, definePlugin, EntitySchema, KernelError, type EntityManager } from '@comptoir/kernel';
import { createKernel } from '@comptoir/kernel/host';
import { createTestDatabase, startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { journalEntries, sqlRows } from './support/db.js';

// Two small plugins as a third party would write them: `notes` keeps notes for the shop,
// `reminders` requires `notes` and reaches it only through the service `notes` registers.

class Note {
  id!: number;
  text!: string;
  createdBy!: number;
}

const NoteSchema = new EntitySchema<Note>({
  class: Note,
  tableName: 'notes_note',
  properties: {
    id: { type: 'integer', primary: true },
    text: { type: 'string', length: 200 },
    createdBy: { type: 'integer' },
  },
});

/** What `notes` offers to other plugins through the container. */
interface NoteBook {
  count(em: EntityManager): Promise<number>;
}

const notes = definePlugin({
  name: 'notes',
  version: '1.2.0',
  kernel: '^0.1.0',
  description: { fr: 'Notes du magasin', en: 'Shop notes' },
  entities: [NoteSchema],
  migrations: {
    sqlite: [defineMigration('0001-init', ['create table `notes_note` (`id` integer not null primary key autoincrement, `text` text not null, `created_by` integer not null)'])],
    postgresql: [defineMigration('0001-init', ['create table "notes_note" ("id" serial primary key, "text" varchar(200) not null, "created_by" int not null)'])],
  },
  permissions: {
    'notes.read': { label: { fr: 'Lire les notes', en: 'Read notes' }, roles: ['manager', 'cashier'] },
    'notes.write': { label: { fr: 'Écrire des notes', en: 'Write notes' }, roles: ['manager'] },
  },
  register({ container }) {
    container.register({ notesBook: asValue<NoteBook>({ count: (em) => em.count(Note, {}) }) });
  },
  routes(r) {
    r.get('/', {
      permission: 'notes.read', summary: 'The shop’s notes',
      handler: async (_req, ctx) => (await ctx.em.find(Note, {}, { orderBy: { id: 'asc' } })).map((n) => ({ id: n.id, text: n.text })),
    });
    r.post<{ Body: { text: string } }>('/', {
      permission: 'notes.write', summary: 'Write a note', status: 201,
      schema: { body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: 200 } } } },
      handler: async (req, ctx) => ctx.transactional(async (em) => {
        const note = em.create(Note, { text: req.body.text, createdBy: ctx.user!.id });
        await em.flush();
        return { id: note.id, text: note.text };
      }),
    });
  },
});

const reminders = definePlugin({
  name: 'reminders',
  version: '0.3.0',
  kernel: '^0.1.0',
  requires: { notes: '^1.0.0' },
  permissions: { 'reminders.read': { label: 'Voir les rappels', roles: ['cashier'] } },
  routes(r) {
    r.get('/', {
      permission: 'reminders.read', summary: 'How many notes are waiting',
      handler: async (_req, ctx) => ({ waiting: await ctx.container.resolve<NoteBook>('notesBook').count(ctx.em) }),
    });
  },
});

/** A plugin the shop has not switched on: installed, but off until an administrator enables it. */
const labels = definePlugin({
  name: 'labels',
  version: '1.0.0',
  kernel: '^0.1.0',
  defaultEnabled: false,
  routes(r) {
    r.get('/formats', { permission: 'authenticated', summary: 'Label formats', handler: async () => ['38x25', '58x40'] });
  },
});

describe.each(testDialects())('plugins at run time (%s)', (dialect) => {
  let tk: TestKernel;
  let manager: TestClient;
  let cashier: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [reminders, labels, notes] });
    manager = await tk.userWith(['manager'], { username: 'sophie' });
    cashier = await tk.userWith(['cashier'], { username: 'lucas' });
  });
  afterAll(async () => {
    await tk?.close();
  });

  /** After a restart the server listens elsewhere: sign the same people in again. */
  async function signInAgain() {
    manager = tk.anonymous();
    await manager.login('sophie', 'pw-sophie-secret');
    cashier = tk.anonymous();
    await cashier.login('lucas', 'pw-lucas-secret');
  }

  it('starts the enabled plugins after what they require, and leaves off those not enabled by default', async () => {
    const health = await tk.anonymous().get('/api/health');
    expect(health.body).toEqual({ status: 'ok', version: '0.1.0', database: dialect, plugins: ['notes', 'reminders'] });
    expect((await manager.get('/api/labels/formats')).status).toBe(404);
  });

  it('ran the plugin’s migration once, creating its table', async () => {
    const ledger = await sqlRows<{ plugin: string; name: string }>(tk, "select plugin, name from kernel_migration where plugin <> 'kernel' order by plugin, name");
    expect(ledger).toEqual([{ plugin: 'notes', name: '0001-init' }]);
    expect(await sqlRows(tk, 'select * from notes_note')).toEqual([]);
  });

  it('mounts the plugin’s routes under /api/<name>, guarded by the plugin’s permissions', async () => {
    const written = await manager.post('/api/notes', { text: 'Commander 10 bacs de Jupiler' });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ text: 'Commander 10 bacs de Jupiler' });

    expect((await cashier.get('/api/notes')).body).toEqual([{ id: written.body.id, text: 'Commander 10 bacs de Jupiler' }]);
    const refused = await cashier.post('/api/notes', { text: 'Pas le droit' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'PERMISSION_DENIED', detail: 'Vous n’avez pas le droit « notes.write ».' });
    expect((await tk.anonymous().get('/api/notes')).status).toBe(401);

    const rows = await sqlRows<{ text: string; created_by: number }>(tk, 'select text, created_by from notes_note');
    expect(rows.map((r) => r.text)).toEqual(['Commander 10 bacs de Jupiler']);
  });

  it('validates a plugin route’s body with its schema', async () => {
    const res = await manager.post('/api/notes', { text: '' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'text', code: 'SCHEMA_MINLENGTH', message: 'Au moins 1 caractère.' }]);
  });

  it('lets a plugin use the service of a plugin it requires', async () => {
    expect((await cashier.get('/api/reminders')).body).toEqual({ waiting: 1 });
  });

  it('gives the plugin’s permissions to the default roles it names', async () => {
    const roles = Object.fromEntries((await tk.admin.get('/api/roles')).body.map((r: any) => [r.name, r.permissions]));
    expect(roles.manager).toEqual(expect.arrayContaining(['notes.read', 'notes.write']));
    expect(roles.manager).not.toContain('reminders.read');
    expect(roles.cashier).toEqual(expect.arrayContaining(['notes.read', 'reminders.read']));
    expect(roles.cashier).not.toContain('notes.write');
    expect(roles.admin).toEqual(['*']);

    const perms = (await tk.admin.get('/api/permissions')).body;
    expect(perms).toContainEqual({ name: 'notes.write', plugin: 'notes', label: 'Écrire des notes' });
    expect(perms.map((p: any) => p.name)).not.toContain('labels.print');
  });

  it('lists installed plugins with their state for the admin screen', async () => {
    const list = (await tk.admin.get('/api/plugins')).body;
    expect(list.map((p: any) => [p.name, p.enabled, p.running])).toEqual([['labels', false, false], ['notes', true, true], ['reminders', true, true]]);
    expect(list.find((p: any) => p.name === 'reminders').requires).toEqual(['notes']);
    expect(list.find((p: any) => p.name === 'notes').description).toBe('Notes du magasin');
  });

  it('refuses to disable a plugin that another enabled plugin requires, and says which', async () => {
    const res = await tk.admin.post('/api/plugins/notes/disable');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PLUGIN_REQUIRED_BY', detail: "Cannot disable 'notes': reminders requires it. Disable reminders first." });
    expect((await tk.admin.get('/api/plugins')).body.find((p: any) => p.name === 'notes').enabled).toBe(true);
  });

  it('refuses plugin changes to someone without the right', async () => {
    const res = await manager.post('/api/plugins/reminders/disable');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PERMISSION_DENIED');
  });

  it('disables plugins at the next start: routes gone, tables and rows kept', async () => {
    const first = await tk.admin.post('/api/plugins/reminders/disable');
    expect(first.body).toEqual({ changed: true, restartRequired: true });
    // Still running until the restart.
    expect((await cashier.get('/api/reminders')).status).toBe(200);
    expect((await tk.admin.post('/api/plugins/notes/disable')).body).toEqual({ changed: true, restartRequired: true });
    expect((await tk.admin.post('/api/plugins/notes/disable')).body).toEqual({ changed: false, restartRequired: false });

    tk = await tk.restart();
    await signInAgain();

    expect((await tk.anonymous().get('/api/health')).body.plugins).toEqual([]);
    const gone = await manager.get('/api/notes');
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'NOT_FOUND', detail: 'Aucune ressource à GET /api/notes.' });
    expect((await cashier.get('/api/reminders')).status).toBe(404);
    expect((await sqlRows<{ text: string }>(tk, 'select text from notes_note')).map((r) => r.text)).toEqual(['Commander 10 bacs de Jupiler']);
    expect((await manager.get('/api/session')).body.user.permissions).not.toContain('notes.read');
  });

  it('refuses to enable a plugin whose requirement is disabled, and says how to fix it', async () => {
    const res = await tk.admin.post('/api/plugins/reminders/enable');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PLUGIN_MISSING_DEPENDENCY', detail: "Plugin 'reminders' requires plugin 'notes', which is disabled. Run: comptoir plugins enable notes" });
  });

  it('refuses to enable a plugin that is not installed', async () => {
    const res = await tk.admin.post('/api/plugins/repairs/enable');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PLUGIN_UNKNOWN');
    expect(res.body.detail).toBe("Plugin 'repairs' is not installed. Installed: reminders, labels, notes.");
  });

  it('re-enabling brings the routes back with the data, without running the migration again', async () => {
    expect((await tk.admin.post('/api/plugins/notes/enable')).body).toEqual({ changed: true, restartRequired: true });
    expect((await tk.admin.post('/api/plugins/reminders/enable')).body).toEqual({ changed: true, restartRequired: true });
    expect((await tk.admin.post('/api/plugins/labels/enable')).body).toEqual({ changed: true, restartRequired: true });

    tk = await tk.restart();
    await signInAgain();

    expect((await tk.anonymous().get('/api/health')).body.plugins).toEqual(['labels', 'notes', 'reminders']);
    expect((await cashier.get('/api/notes')).body.map((n: any) => n.text)).toEqual(['Commander 10 bacs de Jupiler']);
    expect((await cashier.get('/api/reminders')).body).toEqual({ waiting: 1 });
    expect((await cashier.get('/api/labels/formats')).body).toEqual(['38x25', '58x40']);
    expect(await sqlRows(tk, "select name from kernel_migration where plugin = 'notes'")).toEqual([{ name: '0001-init' }]);
  });

  it('records every plugin change in the technical journal, with who did it', async () => {
    const adminId = (await tk.admin.get('/api/session')).body.user.id;
    const changes = (await journalEntries(tk, 'technical')).filter((e) => e.type.startsWith('plugin.'));
    expect(changes.map((e) => [e.type, e.payload.plugin, e.payload.version, Number(e.user_id)])).toEqual([
      ['plugin.disabled', 'reminders', '0.3.0', adminId],
      ['plugin.disabled', 'notes', '1.2.0', adminId],
      ['plugin.enabled', 'notes', '1.2.0', adminId],
      ['plugin.enabled', 'reminders', '0.3.0', adminId],
      ['plugin.enabled', 'labels', '1.0.0', adminId],
    ]);
    const started = (await journalEntries(tk, 'technical')).filter((e) => e.type === 'kernel.started').at(-1)!;
    expect(started.payload.plugins).toEqual(['labels@1.0.0', 'notes@1.2.0', 'reminders@0.3.0']);
  });
});

describe.each(testDialects())('an installation that cannot start (%s)', (dialect) => {
  const needsNewerKernel = definePlugin({ name: 'fidelite', version: '3.0.0', kernel: '^2.0.0' });

  it('refuses to start with a plugin written for another kernel, naming it', async () => {
    const db = await createTestDatabase(dialect);
    try {
      const boot = createKernel({ plugins: [needsNewerKernel], dataDir: db.dataDir, databaseUrl: db.databaseUrl, logLevel: 'silent', shellDir: null });
      await expect(boot).rejects.toThrow(KernelError);
      await expect(boot).rejects.toThrow("Plugin 'fidelite' 3.0.0 needs kernel ^2.0.0, but this kernel is 0.1.0.");
    } finally {
      await db.drop();
    }
  });

  it('refuses to start with a plugin whose routes would take over the API reference at /api/docs', async () => {
    const docs = definePlugin({
      name: 'docs', version: '1.0.0', kernel: '^0.1.0',
      routes: (r) => { r.get('/json', { permission: 'public', summary: 'Documents', handler: async () => [] }); },
    });
    const db = await createTestDatabase(dialect);
    try {
      const boot = createKernel({ plugins: [docs], dataDir: db.dataDir, databaseUrl: db.databaseUrl, logLevel: 'silent', shellDir: null });
      await expect(boot).rejects.toMatchObject({ code: 'PLUGIN_NAME_RESERVED', message: expect.stringContaining("Plugin 'docs' cannot be named so") });
    } finally {
      await db.drop();
    }
  });
});

describe.each(testDialects())('container names (%s)', (dialect) => {
  /** Boots with these plugins and returns why the start was refused. */
  const refusal = async (...plugins: ReturnType<typeof definePlugin>[]) => {
    const db = await createTestDatabase(dialect);
    try {
      return await createKernel({ plugins, dataDir: db.dataDir, databaseUrl: db.databaseUrl, logLevel: 'silent', shellDir: null }).then(
        async (k) => {
          await k.close();
          return null;
        },
        (e: unknown) => e as KernelError,
      );
    } finally {
      await db.drop();
    }
  };
  const registering = (name: string, names: string[], requires?: Record<string, string>) => definePlugin({
    name, version: '1.0.0', kernel: '^0.1.0', requires,
    register({ container }) {
      for (const n of names) container.register(n, asValue({ owner: name }));
    },
  });

  it('lets a plugin register names that start with its camel-cased name', async () => {
    expect(await refusal(registering('shop-notes', ['shopNotes', 'shopNotesNotes', 'shopNotes2']))).toBeNull();
  });

  it('refuses a name without the plugin’s prefix, and says which prefix', async () => {
    const err = await refusal(registering('pricing', ['priceListService']));
    expect(err).toMatchObject({ code: 'CONTAINER_NAME_PREFIX' });
    expect(err!.message).toBe("Plugin 'pricing' registers 'priceListService' in the container: its names must start with 'pricing' (e.g. 'pricingPriceListService').");
    // A longer word is not the prefix: 'pricingly' is not 'pricing' followed by a new word.
    expect(await refusal(registering('pricing', ['pricingly']))).toMatchObject({ code: 'CONTAINER_NAME_PREFIX' });
  });

  it('refuses a name registered by two plugins, naming both', async () => {
    const err = await refusal(registering('notes', ['notesBook']), registering('notes-book', ['notesBook'], { notes: '^1.0.0' }));
    expect(err).toMatchObject({ code: 'CONTAINER_NAME_TAKEN' });
    expect(err!.message).toBe("Plugins 'notes' and 'notes-book' both register 'notesBook' in the container: a name has one owner. Rename it in 'notes-book'.");
  });

  it('refuses a plugin taking one of the kernel’s names', async () => {
    const err = await refusal(registering('clock', ['clock']));
    expect(err).toMatchObject({ code: 'CONTAINER_NAME_TAKEN' });
    expect(err!.message).toContain("Plugins 'kernel' and 'clock' both register 'clock'");
  });
});
