import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, type JournalAnchor } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import { sqlRows, sqlRun } from './support/db.js';

// `closing` stands for a plugin whose Z closures record (and print) the heads of the chains: it declares them
// as anchors, which `journal verify` then requires the chains to reach.
const recorded: JournalAnchor[] = [];
const closing = definePlugin({
  name: 'closing',
  version: '1.0.0',
  kernel: '^0.1.0',
  journalAnchors: async () => recorded,
});

const DROP_ALL = {
  sqlite: ['drop trigger kernel_journal_entry_no_update', 'drop trigger kernel_journal_entry_no_delete',
    'drop trigger kernel_journal_head_no_delete', 'drop trigger kernel_journal_head_new', 'drop trigger kernel_journal_head_moves'],
  postgresql: ['drop trigger kernel_journal_entry_no_update on kernel_journal_entry', 'drop trigger kernel_journal_entry_no_truncate on kernel_journal_entry',
    'drop trigger kernel_journal_head_guard on kernel_journal_head', 'drop trigger kernel_journal_head_no_truncate on kernel_journal_head'],
};

describe.each(testDialects())('guards and anchors of the fiscal journal (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    recorded.length = 0;
    tk = await startTestKernel(dialect, { plugins: [closing], enable: ['closing'] });
    for (let n = 1; n <= 4; n++) {
      const e = await tk.kernel.journal.append(tk.kernel.em(), { chain: 'closures', type: 'z-closure', payload: { number: n } });
      if (n === 3) recorded.push({ chain: 'closures', seq: e.seq, hash: e.hash, source: 'closing Z 3' });
    }
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('refuses to remove a chain’s head, to move it back, or to point it at an entry that is not there', async () => {
    await expect(sqlRun(tk, "delete from kernel_journal_head where chain = 'closures'")).rejects.toThrow(/kernel_journal_head is append-only/);
    await expect(sqlRun(tk, "update kernel_journal_head set last_seq = 2 where chain = 'closures'")).rejects.toThrow(/moves only with an appended entry/);
    await expect(sqlRun(tk, "update kernel_journal_head set last_hash = 'abc' where chain = 'closures'")).rejects.toThrow(/moves only with an appended entry/);
    await expect(sqlRun(tk, "insert into kernel_journal_head (chain, last_seq, last_hash) values ('fake', 7, 'abc')")).rejects.toThrow(/starts empty/);
    if (dialect === 'postgresql') await expect(sqlRun(tk, 'truncate kernel_journal_head')).rejects.toThrow(/append-only/);
    await expect(sqlRun(tk, 'delete from kernel_journal_anchor')).rejects.toThrow(/append-only/);
    // Appending still moves the head.
    await tk.kernel.journal.append(tk.kernel.em(), { chain: 'closures', type: 'z-closure', payload: { number: 5 } });
    expect((await tk.admin.get('/api/journal/verify')).body).toMatchObject({ ok: true, anchors: 3 });
  });

  it('is not silenced by a session setting (session_replication_role = replica on PostgreSQL, loosened checks on SQLite)', async () => {
    const em = tk.kernel.em();
    const loosen = dialect === 'postgresql' ? ['set local session_replication_role = replica'] : ['pragma ignore_check_constraints = on', 'pragma recursive_triggers = off'];
    const attempt = (sql: string) => em.transactional(async (tem) => {
      for (const l of loosen) await tem.getConnection().execute(l, [], 'run', tem.getTransactionContext());
      await tem.getConnection().execute(sql, [], 'run', tem.getTransactionContext());
    });
    await expect(attempt("delete from kernel_journal_entry where chain = 'closures'")).rejects.toThrow(/append-only/);
    await expect(attempt("update kernel_journal_entry set payload = '{}' where chain = 'closures'")).rejects.toThrow(/append-only/);
    await expect(attempt("delete from kernel_journal_head where chain = 'closures'")).rejects.toThrow(/append-only/);
  });

  describe('once an attacker has dropped every trigger', () => {
    beforeAll(async () => {
      for (const sql of DROP_ALL[dialect]) await sqlRun(tk, sql);
    });

    it('does not call a journal intact whose closures were cut back before a recorded head', async () => {
      await sqlRun(tk, "delete from kernel_journal_entry where chain = 'closures' and seq >= 3");
      await sqlRun(tk, "update kernel_journal_head set last_seq = 2, last_hash = (select hash from kernel_journal_entry where chain = 'closures' and seq = 2) where chain = 'closures'");
      const res = (await tk.admin.get('/api/journal/verify')).body;
      expect(res.ok).toBe(false);
      expect(res.firstBad).toMatchObject({ chain: 'closures', seq: 3, reason: "chain 'closures' ends at #2 but closing Z 3 recorded it at #3 at least: entries were removed" });
    });

    it('does not call an emptied journal intact: the shop’s creation entry is anchored outside it', async () => {
      await sqlRun(tk, 'delete from kernel_journal_entry');
      await sqlRun(tk, 'delete from kernel_journal_head');
      const res = (await tk.admin.get('/api/journal/verify')).body;
      expect(res.ok).toBe(false);
      expect(res.firstBad.reason).toMatch(/^chain '(closures|events)' ends at #0 but (closing Z 3|shop\.created) recorded it at #\d+ at least/);
      const anchors = await sqlRows<{ chain: string; seq: number; source: string }>(tk, 'select chain, seq, source from kernel_journal_anchor');
      expect(anchors.map((a) => [a.chain, Number(a.seq), a.source])).toEqual([['events', 1, 'shop.created'], ['technical', 2, 'kernel.started']]);
    });
  });
});
