import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineMigration, definePlugin, sql } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import { sqlRows } from './support/db.js';

// The raw-SQL helpers run inside a transaction on the connection it holds (SQLite: prepared statements kept;
// PostgreSQL: the same text MikroORM sends, without knex). What they write must read as MikroORM's way wrote
// it, and go away with the transaction.

const scratch = definePlugin({
  name: 'scratch',
  version: '1.0.0',
  kernel: '^0.1.0',
  migrations: {
    sqlite: [defineMigration('0001-init', [
      'create table `scratch_row` (`id` integer not null primary key autoincrement, `label` text not null, `amount` integer not null, `flag` integer not null, `at` datetime null)',
    ])],
    postgresql: [defineMigration('0001-init', [
      'create table "scratch_row" ("id" serial primary key, "label" varchar(50) not null, "amount" int not null, "flag" boolean not null, "at" timestamptz null)',
    ])],
  },
});

describe.each(testDialects())('sql helpers in a transaction (%s)', (dialect) => {
  let tk: TestKernel;
  const at = new Date('2026-06-15T10:00:00.000Z');

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [scratch], enable: ['scratch'] });
  });
  afterAll(async () => tk?.close());

  const all = () => sqlRows<{ label: string; amount: number; flag: unknown }>(tk, 'select label, amount, flag from scratch_row order by id');
  const clear = () => sqlRows(tk, 'delete from scratch_row');

  it('writes what MikroORM’s way writes: a number into a text column reads "5", booleans and dates as the ORM stores them', async () => {
    await clear();
    await tk.kernel.em().transactional(async (em) => {
      await sql.run(em, 'insert into scratch_row (label, amount, flag, at) values (?, ?, ?, ?)', [5, 1250, true, at]);
      await sql.run(em, 'insert into scratch_row (label, amount, flag, at) values (?, ?, ?, ?)', ['deux', 7, false, null]);
    });
    const outside = await tk.kernel.em().getConnection().execute('select label, amount, flag, at from scratch_row order by id');
    expect(outside.map((r: any) => [r.label, Number(r.amount)])).toEqual([['5', 1250], ['deux', 7]]);
    expect(outside.map((r: any) => Boolean(r.flag))).toEqual([true, false]);
    expect(dialect === 'sqlite' ? Number(outside[0].at) : new Date(outside[0].at).toISOString()).toEqual(dialect === 'sqlite' ? at.getTime() : at.toISOString());
    if (dialect === 'sqlite') {
      expect(await sqlRows(tk, 'select typeof(amount) as a, typeof(label) as l from scratch_row order by id limit 1')).toEqual([{ a: 'integer', l: 'text' }]);
    }
    // Read back inside a transaction, with a date compared and the same statement run again with other values.
    const read = await tk.kernel.em().transactional(async (em) => [
      await sql.query<{ label: string }>(em, 'select label from scratch_row where at = ? and flag = ?', [at, true]),
      await sql.query<{ label: string }>(em, 'select label from scratch_row where at is null and flag = ?', [false]),
      await sql.query<{ label: string }>(em, 'select label from scratch_row where amount = ?', [1250]),
      await sql.query<{ label: string }>(em, 'select label from scratch_row where amount = ?', [7]),
    ]);
    expect(read.map((rows) => rows.map((r) => r.label))).toEqual([['5'], ['deux'], ['5'], ['deux']]);
  });

  it('a statement returning rows answers them from `query`; an array parameter still works (MikroORM’s way)', async () => {
    await clear();
    const out = await tk.kernel.em().transactional(async (em) => {
      const ids: number[] = [];
      for (const label of ['a', 'b', 'c']) ids.push(await sql.insertReturningId(em, 'insert into scratch_row (label, amount, flag) values (?, ?, ?)', [label, 1, false]));
      const picked = await sql.query<{ label: string }>(em, 'select label from scratch_row where id in (?) order by id', [[ids[0], ids[2]]]);
      return { ids, picked: picked.map((r) => r.label) };
    });
    expect(out.ids[1]).toBe(out.ids[0] + 1);
    expect(out.picked).toEqual(['a', 'c']);
  });

  it('goes away with the transaction that throws, and with a savepoint rolled back inside one that commits', async () => {
    await clear();
    await expect(tk.kernel.em().transactional(async (em) => {
      await sql.run(em, 'insert into scratch_row (label, amount, flag) values (?, ?, ?)', ['lost', 1, false]);
      await sql.query(em, 'update scratch_row set amount = amount + ? where label = ? returning id', [1, 'lost']);
      throw new Error('a tap says no');
    })).rejects.toThrow('a tap says no');
    expect(await all()).toEqual([]);
    await tk.kernel.em().transactional(async (em) => {
      await sql.run(em, 'insert into scratch_row (label, amount, flag) values (?, ?, ?)', ['kept', 1, false]);
      await expect(em.transactional(async (inner) => {
        await sql.run(inner, 'insert into scratch_row (label, amount, flag) values (?, ?, ?)', ['inner', 1, false]);
        throw new Error('inner refused');
      })).rejects.toThrow('inner refused');
      await sql.run(em, 'update scratch_row set amount = ? where label = ?', [2, 'kept']);
    });
    expect((await all()).map((r) => [r.label, Number(r.amount)])).toEqual([['kept', 2]]);
  });

  it('a constraint refused inside the transaction is the driver’s error, and the next transaction works', async () => {
    await clear();
    const err = await tk.kernel.em().transactional(async (em) => {
      await sql.run(em, 'insert into scratch_row (label, amount, flag) values (?, ?, ?)', ['x', 1, false]);
      await sql.run(em, 'insert into scratch_row (label, amount, flag) values (?, ?, ?)', [null, 1, false]);
    }).catch((e: Error) => e);
    expect(String((err as Error).message)).toMatch(/not.null/i);
    expect(await all()).toEqual([]);
    await tk.kernel.em().transactional((em) => sql.run(em, 'insert into scratch_row (label, amount, flag) values (?, ?, ?)', ['after', 3, true]));
    expect((await all()).map((r) => r.label)).toEqual(['after']);
  });
});
