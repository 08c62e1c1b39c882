import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import { SOFTWARE } from '../src/kernel.js';
import { fingerprintOf, InstallationKey, entrySigningText } from '../src/journal/signing.js';
import { journalEntries, sqlRows, sqlRun } from './support/db.js';
import { TestClock } from './support/clock.js';

const labels = (version: string) => definePlugin({ name: 'labels', version, kernel: '*' });

/** The triggers an attacker drops before rewriting signatures. */
const DROP_SIGNATURE_TRIGGERS = {
  sqlite: ['drop trigger kernel_journal_signature_no_update', 'drop trigger kernel_journal_signature_no_delete'],
  postgresql: ['drop trigger kernel_journal_signature_no_update on kernel_journal_signature'],
};

describe.each(testDialects())('technical events and signatures (%s)', (dialect) => {
  let tk: TestKernel;
  const clock = new TestClock();

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [labels('1.0.0')], clock });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('creates the installation’s key at the first start, readable by its owner only, and registers it in the technical chain', async () => {
    const file = join(tk.db.dataDir, 'keys', 'comptoir-signing-key.pem');
    expect(existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = InstallationKey.load(file);
    const res = await tk.admin.get('/api/journal/public-key');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ algorithm: 'Ed25519', fingerprint: key.fingerprint, publicKey: key.publicKeyPem });
    expect(res.body.printable).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(fingerprintOf(res.body.publicKey)).toBe(key.fingerprint);
    const technical = await journalEntries(tk, 'technical');
    expect(technical.map((e) => e.type)).toEqual(['signing-key.registered', 'kernel.started']);
    expect(technical[0].payload).toEqual({ fingerprint: key.fingerprint, publicKey: key.publicKeyPem });
    expect(technical[1].payload).toMatchObject({ software: SOFTWARE, plugins: ['labels@1.0.0'] });
    // The private key is nowhere in the database.
    const pem = readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    expect(Number((await sqlRows<{ n: number }>(tk, 'select count(*) as n from kernel_journal_entry where payload like ?', [`%${pem.slice(0, 24)}%`]))[0].n)).toBe(0);
  });

  it('stores the software’s name and version with every entry, under the entry’s hash, and prints them on receipts', async () => {
    const rows = await sqlRows<{ software: string }>(tk, 'select distinct software from kernel_journal_entry');
    expect(rows.map((r) => r.software)).toEqual([SOFTWARE]);
    expect(SOFTWARE).toMatch(/^Comptoir \d+\.\d+\.\d+/);
    // And printed on every receipt.
    expect((await tk.admin.get('/api/print/templates/kernel.receipt/preview?lang=fr')).body).toContain(SOFTWARE);
  });

  it('signs every closure with the installation’s key', async () => {
    const entry = await tk.kernel.journal.append(tk.kernel.em(), { chain: 'closures', type: 'pos.z', payload: { number: 'Z1-2026-000001' } });
    const [sig] = await sqlRows<{ seq: number; hash: string; fingerprint: string; signature: string }>(tk, "select seq, hash, fingerprint, signature from kernel_journal_signature where chain = 'closures'");
    expect(sig).toMatchObject({ hash: entry.hash, fingerprint: tk.kernel.signingKey.fingerprint, signature: entry.signature });
    const { verifySignature } = await import('../src/journal/signing.js');
    expect(verifySignature(tk.kernel.signingKey.publicKeyPem, entrySigningText('closures', 1, entry.hash), sig.signature)).toBe(true);
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
    await expect(sqlRun(tk, 'delete from kernel_journal_signature')).rejects.toThrow(/append-only/);
  });

  it('journals a plugin upgraded and the software upgraded since the previous start', async () => {
    // The previous start as an older version recorded it.
    await tk.kernel.journal.technical(tk.kernel.em(), 'kernel.started', { software: 'Comptoir 0.0.9', version: '0.0.9', plugins: ['labels@1.0.0'] });
    tk = await tk.restart({ plugins: [labels('1.1.0')] });
    const types = (await journalEntries(tk, 'technical')).map((e) => [e.type, e.payload]);
    expect(types.slice(-4)).toEqual([
      ['kernel.stopped', { software: SOFTWARE }],
      ['software.upgraded', { from: 'Comptoir 0.0.9', to: SOFTWARE }],
      ['plugin.upgraded', { plugin: 'labels', from: '1.0.0', to: '1.1.0' }],
      ['kernel.started', expect.objectContaining({ plugins: ['labels@1.1.0'] })],
    ]);
    tk = await tk.restart();
    const after = (await journalEntries(tk, 'technical')).map((e) => e.type);
    expect(after.slice(-2)).toEqual(['kernel.stopped', 'kernel.started']);
    expect(after.filter((t) => t === 'signing-key.registered')).toHaveLength(1);
  });

  it('journals the clock found behind the last entry, at start and while running', async () => {
    // Set back an hour while the server was stopped.
    await tk.kernel.close();
    clock.at -= 3600_000;
    tk = await tk.restart();
    const atStart = (await journalEntries(tk, 'technical')).filter((e) => e.type === 'clock.backwards');
    expect(atStart).toHaveLength(1);
    expect(atStart[0].payload).toMatchObject({ detected: 'start' });
    expect(atStart[0].payload.behindMs).toBeGreaterThanOrEqual(3600_000);
    clock.at -= 600_000;
    await tk.kernel.journal.append(tk.kernel.em(), { chain: 'closures', type: 'pos.z', payload: { number: 'Z1-2026-000002' } });
    const running = (await journalEntries(tk, 'technical')).filter((e) => e.type === 'clock.backwards');
    expect(running).toHaveLength(2);
    expect(running[1].payload).toMatchObject({ detected: 'append', chain: 'closures', behindMs: 600_000 });
    clock.at += 1000;
    await tk.kernel.journal.append(tk.kernel.em(), { chain: 'closures', type: 'pos.z', payload: { number: 'Z1-2026-000003' } });
    expect((await journalEntries(tk, 'technical')).filter((e) => e.type === 'clock.backwards')).toHaveLength(2);
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('journals a database found shorter than the data folder remembers: restored from a backup', async () => {
    const stateFile = join(tk.db.dataDir, 'journal-state.json');
    if (dialect === 'sqlite') {
      // A real restore: the database file copied while stopped, put back after more was journaled.
      const dbFile = join(tk.db.dataDir, 'comptoir.sqlite');
      expect(existsSync(dbFile)).toBe(true);
      await tk.kernel.close();
      copyFileSync(dbFile, `${dbFile}.bak`);
      tk = await tk.restart();
      await tk.kernel.close();
      copyFileSync(`${dbFile}.bak`, dbFile);
      tk = await tk.restart();
    } else {
      // The data folder remembers a technical chain longer than the database holds.
      await tk.kernel.close();
      const remembered = JSON.parse(readFileSync(stateFile, 'utf8'));
      const { writeFileSync } = await import('node:fs');
      writeFileSync(stateFile, JSON.stringify({ ...remembered, seq: remembered.seq + 3, hash: 'f'.repeat(64) }));
      tk = await tk.restart();
    }
    const restored = (await journalEntries(tk, 'technical')).filter((e) => e.type === 'database.restored');
    expect(restored).toHaveLength(1);
    expect(restored[0].payload.found.seq).toBeLessThan(restored[0].payload.remembered.seq);
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('journals a plugin disabled or enabled in the technical chain', async () => {
    expect((await tk.admin.post('/api/plugins/labels/disable')).status).toBe(200);
    const last = (await journalEntries(tk, 'technical')).at(-1)!;
    expect(last).toMatchObject({ type: 'plugin.disabled', payload: { plugin: 'labels', version: '1.1.0' } });
  });

  describe('once an attacker has dropped the triggers', () => {
    beforeAll(async () => {
      for (const sql of DROP_SIGNATURE_TRIGGERS[dialect]) await sqlRun(tk, sql);
      await sqlRun(tk, dialect === 'sqlite' ? 'drop trigger kernel_journal_entry_no_update' : 'drop trigger kernel_journal_entry_no_update on kernel_journal_entry');
    });

    it('detects the software’s name altered in an entry', async () => {
      await sqlRun(tk, "update kernel_journal_entry set software = 'Comptoir 9.9.9' where chain = 'technical' and seq = 1");
      expect((await tk.admin.get('/api/journal/verify')).body.firstBad).toMatchObject({
        chain: 'technical', seq: 1, reason: 'entry technical#1 was altered: its content does not match its hash',
      });
    });
    it('detects a closure whose signature was replaced by one made with another key', async () => {
      const [sig] = await sqlRows<{ seq: number; hash: string }>(tk, "select seq, hash from kernel_journal_signature where chain = 'closures' order by seq limit 1");
      const other = InstallationKey.generate();
      const original = await sqlRows<{ fingerprint: string; signature: string }>(tk, "select fingerprint, signature from kernel_journal_signature where chain = 'closures' and seq = 1");
      await sqlRun(tk, "update kernel_journal_signature set fingerprint = ?, signature = ? where chain = 'closures' and seq = 1",
        [other.fingerprint, other.sign(entrySigningText('closures', Number(sig.seq), sig.hash))]);
      expect((await tk.admin.get('/api/journal/verify')).body.firstBad).toMatchObject({
        chain: 'closures', seq: 1, reason: expect.stringMatching(/^entry closures#1 is signed by key [0-9a-f]{16}…, which is not registered in the technical chain$/),
      });
      // Signed by the right fingerprint but not the right bytes.
      await sqlRun(tk, "update kernel_journal_signature set fingerprint = ?, signature = ? where chain = 'closures' and seq = 1", [original[0].fingerprint, other.sign('x')]);
      expect((await tk.admin.get('/api/journal/verify')).body.firstBad.reason).toBe('entry closures#1: its signature does not match (the entry or its signature was altered)');
      await sqlRun(tk, "delete from kernel_journal_signature where chain = 'closures' and seq = 1");
      expect((await tk.admin.get('/api/journal/verify')).body.firstBad.reason).toBe('entry closures#1 is not signed: its signature was removed');
    });

  });
});
