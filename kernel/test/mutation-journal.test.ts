import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import { Journal } from '../src/journal/journal.js';
import { journalEntries, sqlRun } from './support/db.js';

// What `pnpm mutation journal` showed unpinned: the hash as an auditor recomputes it from the documentation,
// the bounds of a chain's name and the error a programmer gets, a chain longer than one page of the verifier,
// the size of a page of entries, an entry numbered twice once the unique index is gone, and the refusal of a
// document number outside a transaction.

const AT = '2026-06-15T10:00:00.000Z';

describe.each(testDialects())('the journal, as an auditor and a programmer see it (%s)', (dialect) => {
  let tk: TestKernel;
  /** A journal whose clock stands still, so that its hashes can be written down in advance. */
  const fixed = new Journal({ clock: { now: () => new Date(AT) } });

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('hashes each entry as documented: SHA-256 of the previous hash, a line break, the canonical JSON', async () => {
    // Computed apart (Python hashlib) from the text
    // '\n{"at":"2026-06-15T10:00:00.000Z","chain":"audit","payload":{"grandTotalCents":125000,"number":1},"seq":1,"stationId":2,"type":"z-closure","userId":1}'
    // and then from the first hash, a line break and the second entry's canonical JSON.
    const first = await fixed.append(tk.kernel.em(), { chain: 'audit', type: 'z-closure', payload: { number: 1, grandTotalCents: 125_000 }, userId: 1, stationId: 2 });
    const second = await fixed.append(tk.kernel.em(), { chain: 'audit', type: 'note', payload: {} });
    expect(first).toEqual({ chain: 'audit', seq: 1, hash: '05650a89132f7458fac0019544da984ebdf1a8c968580d13b00572111fc215a3' });
    expect(second).toEqual({ chain: 'audit', seq: 2, hash: '66da0986e4dc67fd94565152aa676fac6cde8b3455057f8dc937e5608c52620e' });
    const stored = await journalEntries(tk, 'audit');
    expect(stored.map((e) => [e.seq, e.type, e.user_id === null ? null : Number(e.user_id), e.station_id === null ? null : Number(e.station_id), e.prev_hash, e.hash]))
      .toEqual([[1, 'z-closure', 1, 2, '', first.hash], [2, 'note', null, null, first.hash, second.hash]]);
    expect((await tk.kernel.journal.verify(tk.kernel.em())).chains.find((c) => c.chain === 'audit')).toEqual({ chain: 'audit', entries: 2, lastHash: second.hash });
  });

  it('takes chain names of 1 to 32 lower-case letters, digits, ".", "_" and "-", starting with a letter', async () => {
    for (const chain of ['x', 'z.closures-2_b', 'a'.repeat(32)]) {
      expect(await fixed.append(tk.kernel.em(), { chain, type: 't', payload: {} })).toMatchObject({ chain, seq: 1 });
    }
  });

  it.each(['a'.repeat(33), '1tickets', 'Tickets', '', 'tickets!', '.tickets'])('refuses the chain name %j as a programming error (500), saying which', async (chain) => {
    const error = await fixed.append(tk.kernel.em(), { chain, type: 't', payload: {} }).then(() => null, (e) => e);
    expect(error).toMatchObject({ code: 'JOURNAL_CHAIN_INVALID', status: 500, message: `Journal chain '${chain}' is not a valid name` });
    expect(await journalEntries(tk, chain)).toEqual([]);
  });

  it('verifies a chain longer than one page of the verifier (1,000 entries), and pages its entries', async () => {
    await tk.kernel.em().transactional(async (em) => {
      for (let n = 1; n <= 1001; n++) await fixed.append(em, { chain: 'long', type: 'ticket', payload: { number: n } });
    });
    const verdict = await tk.kernel.journal.verify(tk.kernel.em());
    expect(verdict.ok).toBe(true);
    expect(verdict.chains.find((c) => c.chain === 'long')).toMatchObject({ entries: 1001 });
    const list = (limit?: number, before?: number) => tk.kernel.journal.list(tk.kernel.em(), 'long', limit, before).then((rows) => rows.map((r) => Number(r.seq)));
    expect(await list()).toHaveLength(100);
    expect((await list())[0]).toBe(1001);
    expect(await list(5000)).toHaveLength(1000);
    expect(await list(0)).toEqual([1001]);
    expect(await list(2.7, 10)).toEqual([9, 8]);
  });

  it('refuses a document number outside a transaction as a programming error (500), saying why', async () => {
    const error = await tk.kernel.sequences.next(tk.kernel.em(), 'F', 2026).then(() => null, (e) => e);
    expect(error).toMatchObject({
      code: 'SEQUENCE_OUTSIDE_TRANSACTION', status: 500,
      message: 'Document numbers are allocated inside the transaction that creates the document',
    });
    const badSeries = await tk.kernel.em().transactional((em) => tk.kernel.sequences.next(em, 'F 1', 2026)).then(() => null, (e) => e);
    expect(badSeries).toMatchObject({ code: 'SEQUENCE_SERIES_INVALID', status: 400 });
  });

  // Last: it leaves the journal without its unique index.
  it('names an entry numbered twice once an attacker has dropped the unique index', async () => {
    await sqlRun(tk, dialect === 'sqlite'
      ? 'drop index kernel_journal_entry_chain_seq_unique'
      : 'alter table kernel_journal_entry drop constraint kernel_journal_entry_chain_seq_unique');
    for (let n = 1; n <= 3; n++) await fixed.append(tk.kernel.em(), { chain: 't-twice', type: 'ticket', payload: { number: n } });
    const [, second] = await journalEntries(tk, 't-twice');
    await sqlRun(tk, `insert into kernel_journal_entry (chain, seq, at, type, user_id, station_id, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['t-twice', 2, AT, 'ticket', null, null, '{"number":2}', second.prev_hash, second.hash]);
    const verdict = await tk.kernel.journal.verify(tk.kernel.em());
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad).toMatchObject({ chain: 't-twice', reason: 'entry t-twice#2 appears twice' });
  });
});
