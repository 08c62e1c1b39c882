import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import { entryHash } from '../src/journal/journal.js';
import { SOFTWARE } from '../src/kernel.js';
import { openAdmin } from '../src/admin.js';
import { journalEntries, sqlRows, sqlRun } from './support/db.js';
import { databaseArgs, runCli } from './support/cli.js';

/** What an attacker with database access runs first: the triggers that keep the journal append-only go. */
const DROP_TRIGGERS = {
  sqlite: ['drop trigger kernel_journal_entry_no_update', 'drop trigger kernel_journal_entry_no_delete',
    'drop trigger kernel_journal_head_no_delete', 'drop trigger kernel_journal_head_new', 'drop trigger kernel_journal_head_moves'],
  postgresql: ['drop trigger kernel_journal_entry_no_update on kernel_journal_entry', 'drop trigger kernel_journal_entry_no_truncate on kernel_journal_entry',
    'drop trigger kernel_journal_head_guard on kernel_journal_head', 'drop trigger kernel_journal_head_no_truncate on kernel_journal_head'],
};

describe.each(testDialects())('fiscal journal (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
  });
  afterAll(async () => {
    await tk?.close();
  });

  /** Five closures appended to a chain of their own, so that each tampering test spoils only its chain. */
  async function closures(chain: string) {
    for (let n = 1; n <= 5; n++) {
      await tk.kernel.journal.append(tk.kernel.em(), { chain, type: 'z-closure', payload: { number: n, grandTotalCents: 125_000 * n }, userId: 1, stationId: 1 });
    }
    return journalEntries(tk, chain);
  }

  /** Removes a test chain entirely (triggers are gone by then), so that the next test starts from an intact journal. */
  async function forget(chain: string) {
    await sqlRun(tk, 'delete from kernel_journal_entry where chain = ?', [chain]);
    await sqlRun(tk, 'delete from kernel_journal_head where chain = ?', [chain]);
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  }

  it('chains each entry to the previous one: its previous-hash is the hash before it', async () => {
    const entries = await closures('closures');
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0].prev_hash).toBe('');
    for (let i = 1; i < entries.length; i++) expect(entries[i].prev_hash).toBe(entries[i - 1].hash);
    expect(new Set(entries.map((e) => e.hash)).size).toBe(5);
    for (const e of entries) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows a chain newest first to someone allowed to read it', async () => {
    const res = await tk.admin.get('/api/journal/closures?limit=2');
    expect(res.status).toBe(200);
    expect(res.body.map((e: any) => [e.seq, e.type, e.payload.number])).toEqual([[5, 'z-closure', 5], [4, 'z-closure', 4]]);
    expect((await tk.admin.get('/api/journal/closures?before=3')).body.map((e: any) => e.seq)).toEqual([2, 1]);
  });

  it('declares an intact journal intact, chain by chain', async () => {
    const res = await tk.admin.get('/api/journal/verify');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.firstBad).toBeUndefined();
    expect(res.body.chains.map((c: any) => c.chain)).toEqual(['closures', 'events', 'technical']);
    expect(res.body.chains[0]).toMatchObject({ entries: 5, lastHash: (await journalEntries(tk, 'closures'))[4].hash });
  });

  it('records sign-in and failed sign-in in the events chain, the start in the technical chain', async () => {
    const types = (await journalEntries(tk, 'events')).map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['shop.created', 'user.created', 'auth.signed-in']);
    expect((await journalEntries(tk, 'technical')).map((e) => e.type)).toEqual(['signing-key.registered', 'kernel.started']);
    expect((await tk.anonymous().post('/api/auth/login', { username: 'admin', password: 'wrong-password' })).status).toBe(401);
    const failed = (await journalEntries(tk, 'events')).at(-1)!;
    expect(failed).toMatchObject({ type: 'auth.failed', payload: { username: 'admin', method: 'password', ip: '127.0.0.1' } });
  });

  it('records who changed a user’s roles and a role’s permissions, before and after', async () => {
    await tk.userWith(['cashier'], { username: 'lucas' });
    const users = (await tk.admin.get('/api/users')).body;
    const lucas = users.find((u: any) => u.username === 'lucas');
    const adminId = users.find((u: any) => u.username === 'admin').id;
    expect((await tk.admin.patch(`/api/users/${lucas.id}`, { roles: ['manager'] })).status).toBe(200);
    expect((await tk.admin.put('/api/roles/cashier', { permissions: ['kernel.journal'] })).status).toBe(200);

    const events = await journalEntries(tk, 'events');
    expect(events.find((e) => e.type === 'user.rights-changed')).toMatchObject({
      user_id: adminId, payload: { userId: lucas.id, username: 'lucas', rolesBefore: ['cashier'], roles: ['manager'], active: true },
    });
    expect(events.find((e) => e.type === 'role.rights-changed')).toMatchObject({
      user_id: adminId, payload: { role: 'cashier', before: [], after: ['kernel.journal'] },
    });
    expect(events.map((e) => Number(e.user_id))).toContain(adminId);
  });

  it('records the stop and the next start', async () => {
    tk = await tk.restart();
    const types = (await journalEntries(tk, 'technical')).map((e) => e.type);
    const stop = types.lastIndexOf('kernel.stopped');
    expect(stop).toBeGreaterThan(0);
    expect(types.slice(stop)).toEqual(['kernel.stopped', 'kernel.started']);
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('lets the database itself refuse to change or remove an entry', async () => {
    const before = await journalEntries(tk, 'closures');
    const first = before[0];
    await expect(sqlRun(tk, "update kernel_journal_entry set payload = '{\"number\":1,\"grandTotalCents\":1}' where id = ?", [first.id]))
      .rejects.toThrow(/kernel_journal_entry is append-only/);
    await expect(sqlRun(tk, 'delete from kernel_journal_entry where id = ?', [first.id])).rejects.toThrow(/kernel_journal_entry is append-only/);
    await expect(sqlRun(tk, "delete from kernel_journal_entry where chain = 'closures'")).rejects.toThrow(/append-only/);
    if (dialect === 'postgresql') await expect(sqlRun(tk, 'truncate kernel_journal_entry')).rejects.toThrow(/append-only/);
    expect(await journalEntries(tk, 'closures')).toEqual(before);
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('refuses the journal to someone whose role lost the right, from their next request on', async () => {
    const cashier = await tk.userWith(['cashier']);
    expect((await cashier.get('/api/journal/verify')).status).toBe(200);
    await tk.admin.put('/api/roles/cashier', { permissions: [] });
    const res = await cashier.get('/api/journal/verify');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'PERMISSION_DENIED', detail: 'Vous n’avez pas le droit « kernel.journal ».' });
  });

  describe('once an attacker has dropped the triggers', () => {
    beforeAll(async () => {
      for (const sql of DROP_TRIGGERS[dialect]) await sqlRun(tk, sql);
    });

    it('detects an altered amount and names the entry', async () => {
      const entries = await closures('t-altered');
      await sqlRun(tk, 'update kernel_journal_entry set payload = ? where id = ?', [JSON.stringify({ grandTotalCents: 1, number: 3 }), entries[2].id]);
      const res = await tk.admin.get('/api/journal/verify');
      expect(res.body.ok).toBe(false);
      expect(res.body.firstBad).toEqual({ chain: 't-altered', seq: 3, id: entries[2].id, reason: 'entry t-altered#3 was altered: its content does not match its hash' });
      await forget('t-altered');
    });

    it('detects an altered date even when the payload is untouched', async () => {
      const entries = await closures('t-backdated');
      await sqlRun(tk, 'update kernel_journal_entry set at = ? where id = ?', ['2020-01-01T00:00:00.000Z', entries[1].id]);
      expect((await tk.admin.get('/api/journal/verify')).body.firstBad).toEqual({
        chain: 't-backdated', seq: 2, id: entries[1].id, reason: 'entry t-backdated#2 was altered: its content does not match its hash',
      });
      await forget('t-backdated');
    });

    it('detects an entry removed from the middle of a chain', async () => {
      const entries = await closures('t-middle');
      await sqlRun(tk, 'delete from kernel_journal_entry where id = ?', [entries[2].id]);
      const res = await tk.admin.get('/api/journal/verify');
      expect(res.body.firstBad).toEqual({ chain: 't-middle', seq: 3, id: null, reason: 'entry t-middle#3 is missing (next entry found is #4)' });
      await forget('t-middle');
    });

    it('detects the last entry of a chain removed', async () => {
      const entries = await closures('t-last');
      await sqlRun(tk, 'delete from kernel_journal_entry where id = ?', [entries[4].id]);
      const res = await tk.admin.get('/api/journal/verify');
      expect(res.body.firstBad).toEqual({ chain: 't-last', seq: 5, id: null, reason: "chain 't-last' ends at #4 but its head records #5: entries after #4 were removed" });
      await forget('t-last');
    });

    it('detects an entry rewritten with a recomputed hash, by the entry after it', async () => {
      const entries = await closures('t-rehashed');
      const e = entries[1];
      const at = new Date().toISOString();
      const payload = JSON.stringify({ grandTotalCents: 1, number: 2 });
      const hash = entryHash(e.prev_hash, { chain: 't-rehashed', seq: 2, at, type: e.type, user_id: 1, station_id: 1, payload, software: SOFTWARE });
      await sqlRun(tk, 'update kernel_journal_entry set payload = ?, at = ?, hash = ? where id = ?', [payload, at, hash, e.id]);
      const res = await tk.admin.get('/api/journal/verify');
      expect(res.body.firstBad).toEqual({ chain: 't-rehashed', seq: 3, id: entries[2].id, reason: 'entry t-rehashed#3 does not follow #2: its previous-hash does not match' });
      await forget('t-rehashed');
    });

    it('detects the last entry rewritten with a recomputed hash, by the chain’s head', async () => {
      const entries = await closures('t-rewritten');
      const e = entries[4];
      // A consistent forgery: new amount, new time, and the hash recomputed over both; only the head still
      // holds the hash of the entry as it was written.
      const at = new Date().toISOString();
      const payload = JSON.stringify({ grandTotalCents: 1, number: 5 });
      const hash = entryHash(e.prev_hash, { chain: 't-rewritten', seq: 5, at, type: e.type, user_id: 1, station_id: 1, payload, software: SOFTWARE });
      await sqlRun(tk, 'update kernel_journal_entry set payload = ?, at = ?, hash = ? where id = ?', [payload, at, hash, e.id]);
      const res = await tk.admin.get('/api/journal/verify');
      expect(res.body.ok).toBe(false);
      expect(res.body.firstBad).toEqual({
        chain: 't-rewritten', seq: 5, id: e.id, reason: "entry t-rewritten#5 does not match the hash in the chain's head: it was rewritten",
      });
      await forget('t-rewritten');
    });

    it('detects a forged entry slipped in after the last one, even with a correct hash', async () => {
      const entries = await closures('t-forged');
      const last = entries[4];
      const row = { chain: 't-forged', seq: 6, at: new Date().toISOString(), type: 'z-closure', user_id: 1, station_id: 1, payload: JSON.stringify({ grandTotalCents: 0, number: 6 }) };
      await sqlRun(tk, `insert into kernel_journal_entry (chain, seq, at, type, user_id, station_id, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [row.chain, row.seq, row.at, row.type, row.user_id, row.station_id, row.payload, last.hash, entryHash(last.hash, row)]);
      const forged = (await journalEntries(tk, 't-forged')).at(-1)!;
      const res = await tk.admin.get('/api/journal/verify');
      expect(res.body.ok).toBe(false);
      expect(res.body.firstBad).toEqual({ chain: 't-forged', seq: 6, id: forged.id, reason: "entry t-forged#6 is not in the chain's head, which ends at #5: it was added outside the journal" });
      await forget('t-forged');
    });

    it('detects a forged entry numbered before the first one', async () => {
      await closures('t-zero');
      await sqlRun(tk, `insert into kernel_journal_entry (chain, seq, at, type, user_id, station_id, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ['t-zero', 0, new Date().toISOString(), 'z-closure', null, null, '{}', '', 'e'.repeat(64)]);
      const forged = (await journalEntries(tk, 't-zero'))[0];
      expect((await tk.admin.get('/api/journal/verify')).body.firstBad).toEqual({ chain: 't-zero', seq: 0, id: forged.id, reason: 'entry t-zero#0 appears out of order' });
      await forget('t-zero');
    });

    it('detects a forged entry with a made-up hash, even numbered far after the last one', async () => {
      const entries = await closures('t-madeup');
      await sqlRun(tk, `insert into kernel_journal_entry (chain, seq, at, type, user_id, station_id, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ['t-madeup', 9, new Date().toISOString(), 'z-closure', null, null, '{}', entries[4].hash, 'f'.repeat(64)]);
      const forged = (await journalEntries(tk, 't-madeup')).at(-1)!;
      expect((await tk.admin.get('/api/journal/verify')).body.firstBad).toEqual({
        chain: 't-madeup', seq: 9, id: forged.id, reason: "entry t-madeup#9 is not in the chain's head, which ends at #5: it was added outside the journal" });
      await forget('t-madeup');
    });

    it('detects a whole chain forged without a head', async () => {
      await sqlRun(tk, `insert into kernel_journal_entry (chain, seq, at, type, user_id, station_id, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ['t-headless', 1, new Date().toISOString(), 'z-closure', null, null, '{}', '', 'd'.repeat(64)]);
      const forged = (await journalEntries(tk, 't-headless'))[0];
      expect((await tk.admin.get('/api/journal/verify')).body.firstBad).toEqual({ chain: 't-headless', seq: 1, id: forged.id, reason: "entry t-headless#1 is not in the chain's head, which ends at #0: it was added outside the journal" });
      await forget('t-headless');
    });

    it('keeps appending after the last intact entry, and a later verify still sees the hole', async () => {
      const entries = await closures('t-hole');
      await sqlRun(tk, 'delete from kernel_journal_entry where id = ?', [entries[4].id]);
      await tk.kernel.journal.append(tk.kernel.em(), { chain: 't-hole', type: 'z-closure', payload: { number: 6 } });
      expect((await tk.admin.get('/api/journal/verify')).body.firstBad).toEqual({ chain: 't-hole', seq: 5, id: null, reason: 'entry t-hole#5 is missing (next entry found is #6)' });
      await forget('t-hole');
    });
  });

  describe('comptoir journal verify, on the data of a stopped server', () => {
    beforeAll(async () => {
      await tk.kernel.close();
    });

    it('exits 0 and lists every chain when the journal is intact', async () => {
      const res = await runCli([...databaseArgs(tk.db), 'journal', 'verify']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/^ok {3}closures {5}5 entries, last hash [0-9a-f]{16}…$/m);
      expect(res.stdout).toMatch(/^ok {3}events {7}\d+ entries/m);
      expect(res.stdout).toContain('Journal intact: 3 chain(s) verified.');
    });

    it('exits 1 and names the altered entry', async () => {
      const admin = await openAdmin({ dataDir: tk.db.dataDir, databaseUrl: tk.db.databaseUrl });
      let id: number;
      try {
        const em = admin.em();
        const rows = await em.getConnection().execute("select id from kernel_journal_entry where chain = 'events' and seq = 4", [], 'all');
        id = Number(rows[0].id);
        await em.getConnection().execute("update kernel_journal_entry set type = 'auth.signed-out' where id = ?", [id], 'run');
      } finally {
        await admin.close();
      }
      const res = await runCli([...databaseArgs(tk.db), 'journal', 'verify']);
      expect(res.code).toBe(1);
      expect(res.stderr.trim()).toBe(`BAD  events: entry events#4 was altered: its content does not match its hash (row id ${id})`);
      expect(res.stdout).toContain('ok   closures');
      expect(res.stdout).not.toContain('Journal intact');
    });
  });
});

describe.each(testDialects())('the journal without an attacker (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('keeps one unbroken chain when many entries are appended at the same time', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) =>
      tk.kernel.journal.append(tk.kernel.em(), { chain: 'tickets', type: 'ticket', payload: { number: i + 1, totalCents: 1_250 + i } })));
    const entries = await journalEntries(tk, 'tickets');
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    for (let i = 1; i < entries.length; i++) expect(entries[i].prev_hash).toBe(entries[i - 1].hash);
    expect((await tk.admin.get('/api/journal/verify')).body).toMatchObject({ ok: true });
    const head = await sqlRows<{ last_seq: number; last_hash: string }>(tk, "select last_seq, last_hash from kernel_journal_head where chain = 'tickets'");
    expect(head.map((h) => [Number(h.last_seq), h.last_hash])).toEqual([[30, entries[29].hash]]);
  });

  it('rolls an entry back with the transaction that wrote it', async () => {
    await expect(tk.kernel.em().transactional(async (em) => {
      await tk.kernel.journal.append(em, { chain: 'tickets', type: 'ticket', payload: { number: 31 } });
      throw new Error('payment refused');
    })).rejects.toThrow('payment refused');
    const next = await tk.kernel.journal.append(tk.kernel.em(), { chain: 'tickets', type: 'ticket', payload: { number: 31 } });
    expect(next.seq).toBe(31);
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('refuses a chain name that could not be printed or queried safely', async () => {
    await expect(tk.kernel.journal.append(tk.kernel.em(), { chain: "x'; drop table", type: 't', payload: {} })).rejects.toMatchObject({ code: 'JOURNAL_CHAIN_INVALID' });
    expect((await tk.admin.get('/api/journal/Tickets')).status).toBe(400);
  });

  it('raises no false alarm when verified while the shop keeps journaling', async () => {
    let selling = true;
    let sold = 0;
    const tills = Array.from({ length: 3 }, async () => {
      // Bounded, so that a verify that waited for the tills to stop could not keep them selling for ever.
      while (selling && sold < 400) await tk.kernel.journal.append(tk.kernel.em(), { chain: 'tickets', type: 'ticket', payload: { number: ++sold } });
    });
    const verdicts = [];
    try {
      for (let i = 0; i < 15; i++) verdicts.push(await tk.kernel.journal.verify(tk.kernel.em()));
    } finally {
      selling = false;
      await Promise.all(tills);
    }
    expect(verdicts.filter((v) => !v.ok).map((v) => v.firstBad)).toEqual([]);
    expect(sold).toBeGreaterThan(0);
    const final = await tk.kernel.journal.verify(tk.kernel.em());
    expect(final.chains.find((c) => c.chain === 'tickets')!.entries).toBe(31 + sold);
  });
});
