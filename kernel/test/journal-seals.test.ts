import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import { defineMigration, definePlugin, sealRows } from '../src/index.js';
import { sqlRows, sqlRun } from './support/db.js';

/** A plugin with a table of documents whose journal entries seal their rows. */
const docs = definePlugin({
  name: 'papers', version: '1.0.0', kernel: '^0.1.0',
  migrations: {
    sqlite: [defineMigration('0001-init', ['create table papers_line (id integer primary key autoincrement, doc integer not null, amount integer not null, label text not null, at text null)'])],
    postgresql: [defineMigration('0001-init', ['create table papers_line (id serial primary key, doc integer not null, amount integer not null, label text not null, at timestamptz null)'])],
  },
});

describe.each(testDialects())('journal entries that seal rows (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [docs] });
  });
  afterAll(async () => tk?.close());

  async function issue(doc: number, lines: Array<[number, string]>) {
    await tk.kernel.em().transactional(async (em) => {
      for (const [amount, label] of lines) {
        await em.getConnection().execute('insert into papers_line (doc, amount, label, at) values (?, ?, ?, ?)', [doc, amount, label, new Date('2026-06-15T10:00:00Z').toISOString()], 'run', em.getTransactionContext());
      }
      const seal = await sealRows(em, { table: 'papers_line', column: 'doc', value: doc, columns: ['id', 'doc', 'amount', 'label', 'at'] });
      await tk.kernel.journal.append(em, { chain: 'papers', type: 'doc', payload: { doc, seals: [seal] } });
    });
  }

  it('verifies while the sealed rows are as journaled, and names them once one is altered, added or removed', async () => {
    await issue(1, [[100, 'a'], [250, 'b']]);
    await issue(2, [[999, 'c']]);
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
    await sqlRun(tk, "update papers_line set amount = 101 where doc = 1 and label = 'a'");
    const bad = await tk.admin.get('/api/journal/verify');
    expect(bad.body).toMatchObject({ ok: false, firstBad: { chain: 'papers', seq: 1, reason: 'rows of papers_line (doc = 1) sealed by entry papers#1 were altered' } });
    await sqlRun(tk, "update papers_line set amount = 100 where doc = 1 and label = 'a'");
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
    await sqlRun(tk, "insert into papers_line (doc, amount, label) values (2, 1, 'slipped in')");
    expect((await tk.admin.get('/api/journal/verify')).body.firstBad).toMatchObject({ seq: 2, reason: 'rows of papers_line (doc = 2) sealed by entry papers#2 were altered' });
    await sqlRun(tk, "delete from papers_line where label = 'slipped in'");
    await sqlRun(tk, "delete from papers_line where label = 'c'");
    expect((await tk.admin.get('/api/journal/verify')).body.firstBad).toMatchObject({ seq: 2 });
    expect(await sqlRows(tk, "select count(*) as n from papers_line")).toHaveLength(1);
  });

  it('refuses names that are not plain table or column names', async () => {
    await expect(tk.kernel.em().transactional((em) => sealRows(em, { table: 'papers_line; drop table x', column: 'doc', value: 1, columns: ['id'] }))).rejects.toThrow(/not a table or column name/);
  });
});
