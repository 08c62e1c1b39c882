import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sealRows } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import { entryHash } from '../src/journal/journal.js';
import { InstallationKey, printableFingerprint } from '../src/journal/signing.js';
import { packTar, unpackTar } from '../src/journal/tar.js';
import { ARCHIVE_MEMBERS, jsonLines, sha256, type ArchivedEntry, type ArchiveManifest } from '../src/journal/archive-format.js';
import { journalEntries } from './support/db.js';
import { TestClock } from './support/clock.js';
import { runCli } from './support/cli.js';

/** The members of an archive by name. */
function open(bytes: Buffer): Map<string, Buffer> {
  return new Map(unpackTar(bytes).map((m) => [m.name, m.data]));
}

function entriesOf(members: Map<string, Buffer>): ArchivedEntry[] {
  return members.get('journal.jsonl')!.toString().trim().split('\n').map((l) => JSON.parse(l) as ArchivedEntry);
}

/**
 * What a forger with the archive (and not the shop's key) does: edits entries, recomputes every hash after them,
 * the members' SHA-256 and the manifest, and signs it all with a key of their own.
 */
function forge(bytes: Buffer, edit: (entries: ArchivedEntry[]) => void, key: InstallationKey): Buffer {
  const members = open(bytes);
  const manifest = JSON.parse(members.get('manifest.json')!.toString()) as ArchiveManifest;
  const entries = entriesOf(members);
  edit(entries);
  for (const c of manifest.chains) {
    let prev = c.prevHash;
    for (const e of entries.filter((x) => x.chain === c.chain)) {
      e.prevHash = prev;
      e.hash = entryHash(prev, { chain: e.chain, seq: e.seq, at: e.at, type: e.type, user_id: e.userId, station_id: e.stationId, payload: e.payload, software: e.software });
      prev = e.hash;
    }
    c.lastHash = prev;
  }
  members.set('journal.jsonl', jsonLines(entries.map((e) => canonicalJson(e))));
  members.set('public-key.pem', Buffer.from(key.publicKeyPem));
  manifest.keys.push({ fingerprint: key.fingerprint, publicKey: key.publicKeyPem });
  manifest.signedBy = key.fingerprint;
  for (const m of manifest.members) Object.assign(m, { bytes: members.get(m.name)!.length, sha256: sha256(members.get(m.name)!) });
  const manifestBytes = Buffer.from(`${canonicalJson(manifest)}\n`);
  members.set('manifest.json', manifestBytes);
  members.set('manifest.sig', Buffer.from(`${key.sign(manifestBytes)}\n`));
  return packTar(ARCHIVE_MEMBERS.map((name) => ({ name, data: members.get(name)! })), 0);
}

describe.each(testDialects())('journal archives (%s)', (dialect) => {
  let tk: TestKernel;
  const clock = new TestClock();
  clock.at = Date.parse('2026-10-05T08:00:00Z');
  /** Where a tax inspector copies the archives: another folder, no database. */
  const elsewhere = mkdtempSync(join(tmpdir(), 'comptoir-inspector-'));
  const copy = (name: string, bytes: Buffer) => {
    const file = join(elsewhere, `${dialect}-${name}`);
    writeFileSync(file, bytes);
    return file;
  };
  const kept = (period: string) => readFileSync(join(tk.db.dataDir, 'archives', `comptoir-journal-${period}.tar`));

  /** Three tickets (each sealing a row twice) and a signed Z, at the clock's time. */
  async function sellAndClose(day: number) {
    for (let n = 1; n <= 3; n++) {
      await tk.kernel.em().transactional(async (em) => {
        // The same rows sealed twice by one entry (as a ticket paid twice by one card could): each seal is checked.
        const seal = await sealRows(em, { table: 'kernel_user', column: 'id', value: 1, columns: ['id', 'username'] });
        const seals = [seal, seal];
        await tk.kernel.journal.append(em, { chain: 'tickets', type: 'pos.ticket', payload: { day, n, total: 1250 * n, seals }, stationId: 1, userId: 1 });
      });
      clock.at += 60_000;
    }
    await tk.kernel.journal.append(tk.kernel.em(), { chain: 'closures', type: 'pos.z', payload: { day, net: 7500 } });
  }

  /** Moves the clock to a later day; the admin signs in again (a session lasts 12 hours). */
  async function advanceTo(iso: string) {
    clock.at = Date.parse(iso);
    await tk.admin.login('admin', tk.adminPassword);
  }

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [], clock });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('refuses the archive of a period still running, or of something that is not a month or a year', async () => {
    await sellAndClose(5);
    const open = await tk.admin.post('/api/journal/archives', { period: '2026-10' });
    expect(open.status).toBe(409);
    expect(open.body).toMatchObject({ code: 'ARCHIVE_PERIOD_OPEN', detail: 'La période 2026-10 n’est pas terminée : son archive se fait à partir du 2026-10-31 à minuit.' });
    expect((await tk.admin.post('/api/journal/archives', { period: '2026-13' })).status).toBe(400);
    expect(existsSync(join(tk.db.dataDir, 'archives'))).toBe(false);
  });

  it('archives each ended month and year: its entries, the rows they seal, the signed closures — identical when made again', async () => {
    await advanceTo('2026-11-10T09:00:00Z');
    await sellAndClose(10);
    await advanceTo('2026-12-10T09:00:00Z');
    await sellAndClose(10);
    await advanceTo('2027-01-03T09:00:00Z');
    for (const period of ['2026-10', '2026-11', '2026-12', '2026']) {
      const res = await tk.admin.post('/api/journal/archives', { period });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ period, name: `comptoir-journal-${period}.tar`, created: true });
      expect(res.body.sha256).toBe(sha256(kept(period)));
    }
    const members = open(kept('2026-11'));
    expect([...members.keys()]).toEqual([...ARCHIVE_MEMBERS]);
    const manifest = JSON.parse(members.get('manifest.json')!.toString()) as ArchiveManifest;
    expect(manifest.period).toMatchObject({ kind: 'month', from: '2026-11-01', to: '2026-11-30', start: '2026-10-31T23:00:00.000Z', end: '2026-11-30T23:00:00.000Z' });
    expect(manifest.chains.find((c) => c.chain === 'tickets')).toMatchObject({ fromSeq: 4, toSeq: 6, entries: 3 });
    expect(manifest.chains.find((c) => c.chain === 'closures')).toMatchObject({ fromSeq: 2, toSeq: 2, entries: 1 });
    expect(entriesOf(members).filter((e) => e.chain === 'tickets').map((e) => JSON.parse(e.payload).total)).toEqual([1250, 2500, 3750]);
    expect(members.get('sealed.jsonl')!.toString().trim().split('\n')).toHaveLength(6);
    expect(members.get('signatures.jsonl')!.toString().trim().split('\n')).toHaveLength(1);
    expect(members.get('public-key.pem')!.toString()).toBe(tk.kernel.signingKey.publicKeyPem);
    // Made again: the same bytes.
    const again = await tk.admin.post('/api/journal/archives', { period: '2026-11' });
    expect(again.body).toMatchObject({ created: false, sha256: sha256(kept('2026-11')) });
    expect((await tk.admin.get('/api/journal/archives')).body.map((a: any) => a.period)).toEqual(['2026', '2026-10', '2026-11', '2026-12']);
    const archived = (await journalEntries(tk, 'technical')).filter((e) => e.type === 'journal.archived');
    expect(archived.map((e) => e.payload.period)).toEqual(['2026-10', '2026-11', '2026-12', '2026']);
  });

  it('writes an archive once when ten requests for it arrive at once', async () => {
    const burst = await Promise.all(Array.from({ length: 10 }, () => tk.admin.post('/api/journal/archives', { period: '2026-09' })));
    expect(burst.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(burst.filter((r) => r.body.created)).toHaveLength(1);
    expect(new Set(burst.map((r) => r.body.sha256)).size).toBe(1);
    expect((await journalEntries(tk, 'technical')).filter((e) => e.type === 'journal.archived' && e.payload.period === '2026-09')).toHaveLength(1);
  });

  it('lets the archive be downloaded, and journals the export', async () => {
    const res = await fetch(`${tk.baseUrl}/api/journal/archives/2026-11`, { headers: { cookie: `cpt_session=${tk.admin.cookie('cpt_session')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    expect(Buffer.from(await res.arrayBuffer()).equals(kept('2026-11'))).toBe(true);
    expect((await journalEntries(tk, 'technical')).at(-1)).toMatchObject({ type: 'journal.exported', payload: { archive: 'comptoir-journal-2026-11.tar' } });
    expect((await tk.anonymous().get('/api/journal/archives/2026-11')).status).toBe(401);
  });

  it('verifies intact archives on another machine, without the database, against the key printed on the Z', async () => {
    const files = ['2026-10', '2026-11', '2026-12'].map((p) => copy(`${p}.tar`, kept(p)));
    const res = await runCli(['--data', join(elsewhere, 'no-shop-here'), 'journal', 'verify', '--archive', ...files, '--fingerprint', printableFingerprint(tk.kernel.signingKey.fingerprint)]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^ok {3}.*2026-11\.tar: period 2026-11, \d+ entries in \d+ chain\(s\), 6 sealed rows, 1 signed closure\(s\)$/m);
    expect(res.stdout).toContain('Archive(s) intact: 3 verified.');
    expect(existsSync(join(elsewhere, 'no-shop-here'))).toBe(false);
  });

  it('names the entry of a tampered archive', async () => {
    const members = open(kept('2026-11'));
    members.set('journal.jsonl', Buffer.from(members.get('journal.jsonl')!.toString().replace('"total\\":2500', '"total\\":250')));
    const file = copy('tampered.tar', packTar(ARCHIVE_MEMBERS.map((name) => ({ name, data: members.get(name)! })), 0));
    const res = await runCli(['journal', 'verify', '--archive', file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('journal.jsonl does not match its SHA-256 in the manifest: it was altered');
    expect(res.stderr).toMatch(/entry tickets#5 \(pos\.ticket, 2026-11-10T09:01:00\.000Z\) was altered: its content does not match its hash/);
  });

  it('detects an archive re-signed with another key, when given the key printed on the Z', async () => {
    const forged = forge(kept('2026-11'), (entries) => {
      const e = entries.find((x) => x.chain === 'tickets' && x.seq === 5)!;
      e.payload = e.payload.replace('"total":2500', '"total":250');
    }, InstallationKey.generate());
    const file = copy('re-signed.tar', forged);
    const res = await runCli(['journal', 'verify', '--archive', file, '--fingerprint', tk.kernel.signingKey.fingerprint]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/the archive is signed by key [0-9a-f]{64}, not by the expected key [0-9a-f]{64}: it was re-signed by someone else/);
    // Without the shop's key, the verifier says whom to compare with.
    const blind = await runCli(['journal', 'verify', '--archive', file]);
    expect(blind.stdout).toContain('Compare this fingerprint with the one printed on the shop’s Z');
  });

  it('detects a missing month between archives given together', async () => {
    const files = ['2026-10', '2026-12'].map((p) => copy(`gap-${p}.tar`, kept(p)));
    const res = await runCli(['journal', 'verify', '--archive', ...files, '--fingerprint', tk.kernel.signingKey.fingerprint]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('BAD  the archives of 2026-10 and 2026-12 do not follow each other: the archive of 2026-11 is missing');
    expect(res.stderr).toContain("BAD  chain 'tickets': entries #4 to #6 are in none of the archives given (between 2026-10 and 2026-12)");
    expect(res.stderr).toContain("BAD  chain 'closures': entries #2 to #2 are in none of the archives given (between 2026-10 and 2026-12)");
  });

  it('produces the archive of a month that ended while stopped, at the next start', async () => {
    await tk.kernel.close();
    clock.at = Date.parse('2027-02-02T07:00:00Z');
    tk = await tk.restart();
    await tk.kernel.archiving;
    expect((await tk.admin.get('/api/journal/archives')).body.map((a: any) => a.period)).toContain('2027-01');
    const res = await runCli(['journal', 'verify', '--archive', copy('2026-12.tar', kept('2026-12')), copy('2027-01.tar', kept('2027-01')), '--fingerprint', tk.kernel.signingKey.fingerprint]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
  });
});
