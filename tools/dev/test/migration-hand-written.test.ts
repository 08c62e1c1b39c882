import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitySchema, defineMigration, definePlugin, type Dialect, type Migration, type PluginDefinition } from '@comptoir/kernel';
import { testPgAdminUrl } from '@comptoir/kernel/testing';
import { kernelPluginDefinition, openOrm, runMigrations } from '@comptoir/kernel/host';
import { generateMigration, handWrittenObjects } from '../src/migration.js';

/** A counter per code; at most one open (count > 0) counter per code, and a count never below zero. */
interface Variant { countIndex: boolean; labelLength: number; labelNullable?: boolean }

class Tally {
  id!: number;
  code!: string;
  label!: string;
  count = 0;
}
const tallyPlugin = (variant: Variant, migrations: Record<Dialect, Migration[]>): PluginDefinition => definePlugin({
  name: 'tally', version: '1.0.0', kernel: '^0.1.0', migrations,
  entities: [new EntitySchema<Tally>({
    class: Tally, tableName: 'tally_counter',
    properties: {
      id: { type: 'integer', primary: true },
      code: { type: 'string', length: 20 },
      label: { type: 'string', length: variant.labelLength, nullable: variant.labelNullable ?? false },
      count: { type: 'integer', index: variant.countIndex },
    },
  })],
});

// What no entity can say, written by hand in the plugin's 0002 (a file without the generator's header).
const RULES: Record<Dialect, string[]> = {
  sqlite: [
    'create unique index `tally_counter_one_open` on `tally_counter` (`code`) where `count` > 0',
    "create trigger `tally_counter_not_negative` before update of `count` on `tally_counter` when new.`count` < 0 begin select raise(abort, 'negative'); end",
  ],
  postgresql: [
    'create unique index "tally_counter_one_open" on "tally_counter" ("code") where "count" > 0',
    "create function tally_not_negative() returns trigger language plpgsql as $$ begin if new.count < 0 then raise exception 'negative'; end if; return new; end $$",
    'create trigger "tally_counter_not_negative" before update of "count" on "tally_counter" for each row execute function tally_not_negative()',
  ],
};

describe('the migration generator and a plugin’s hand-written indexes and triggers', () => {
  let dir: string;
  let committed: Record<Dialect, Migration[]>;
  const lines: string[] = [];
  const generate = (variant: Variant, name: string) =>
    generateMigration({ dir, name, target: tallyPlugin(variant, committed), requires: [], pgAdminUrl: testPgAdminUrl(), log: (l) => lines.push(l) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'comptoir-migration-'));
    writeFileSync(join(dir, 'package.json'), '{ "name": "tally", "type": "module" }');
    // 0001 generated from the entity, 0002 written by hand.
    committed = { sqlite: [], postgresql: [] };
    const init = await generate({ countIndex: true, labelLength: 40 }, 'init');
    for (const d of ['sqlite', 'postgresql'] as const) {
      committed[d].push(defineMigration('0001-init', init.statements[d]));
      mkdirSync(join(dir, 'src', 'migrations', d), { recursive: true });
      writeFileSync(join(dir, 'src', 'migrations', d, '0002-rules.ts'), `// Written by hand: one open counter per code, never below zero.\nexport default ${JSON.stringify(RULES[d])};\n`);
      committed[d].push(defineMigration('0002-rules', RULES[d]));
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds what the hand-written migration created, and nothing in the generated one', () => {
    expect(handWrittenObjects(dir, 'sqlite', tallyPlugin({ countIndex: true, labelLength: 40 }, committed)).map((o) => [o.kind, o.name, o.table]))
      .toEqual([['index', 'tally_counter_one_open', 'tally_counter'], ['trigger', 'tally_counter_not_negative', 'tally_counter']]);
    expect(handWrittenObjects(dir, 'postgresql', tallyPlugin({ countIndex: true, labelLength: 40 }, committed)).map((o) => o.name))
      .toEqual(['tally_counter_one_open', 'tally_counter_not_negative']);
  });

  it('proposes nothing while the entities are unchanged: the hand-written index is not dropped', async () => {
    const r = await generate({ countIndex: true, labelLength: 40 }, 'nothing');
    expect(r.statements).toEqual({ sqlite: [], postgresql: [] });
    expect(r.name).toBeNull();
    expect(lines).toContain('postgresql: kept the hand-written index tally_counter_one_open (the entities do not describe it)');
  });

  it('drops an index the entity no longer declares, and only that one', async () => {
    const r = await generate({ countIndex: false, labelLength: 40 }, 'no-count-index');
    expect(r.statements.sqlite).toEqual(['drop index `tally_counter_count_index`']);
    expect(r.statements.postgresql).toEqual(['drop index "tally_counter_count_index"']);
    for (const d of ['sqlite', 'postgresql'] as const) rmSync(join(dir, 'src', 'migrations', d, '0003-no-count-index.ts'));
  });

  it('creates the hand-written index and trigger again after rebuilding a table on SQLite, and the migration runs', async () => {
    const r = await generate({ countIndex: true, labelLength: 40, labelNullable: true }, 'label-optional');
    const sqlite = r.statements.sqlite;
    const rebuild = sqlite.indexOf('drop table `tally_counter`');
    expect(rebuild).toBeGreaterThan(0);
    expect(sqlite[0]).toMatch(/^create table `tally_counter__temp_alter`/);
    expect(sqlite.slice(rebuild)).toEqual(expect.arrayContaining(RULES.sqlite));
    expect(lines).toContain('sqlite: tally_counter is rebuilt: its hand-written trigger tally_counter_not_negative is created again');
    expect(readFileSync(join(dir, 'src', 'migrations', 'sqlite', '0003-label-optional.ts'), 'utf8')).toContain('// Generated by comptoir-dev migration from the entities');
    // PostgreSQL changes the column in place: its index and trigger stay, nothing to add.
    expect(r.statements.postgresql).toEqual(['alter table "tally_counter" alter column "label" type varchar(40) using ("label"::varchar(40))', 'alter table "tally_counter" alter column "label" drop not null']);

    // The migrations run, and the rules still hold on the rebuilt table.
    const migrations = { sqlite: [...committed.sqlite, defineMigration('0003-label-optional', sqlite)], postgresql: [] };
    const plugin = tallyPlugin({ countIndex: true, labelLength: 40, labelNullable: true }, migrations);
    const orm = await openOrm({ dialect: 'sqlite', file: ':memory:' }, plugin.entities ?? []);
    try {
      await runMigrations(orm, 'sqlite', [kernelPluginDefinition, plugin]);
      const conn = orm.em.getConnection();
      await conn.execute("insert into tally_counter (code, label, count) values ('A', null, 1), ('A', 'closed', 0)");
      await expect(conn.execute("insert into tally_counter (code, label, count) values ('A', 'again', 2)")).rejects.toThrow(/UNIQUE/);
      await expect(conn.execute("update tally_counter set count = -1 where code = 'A'")).rejects.toThrow(/negative/);
      expect(await conn.execute('select code, label, count from tally_counter order by id')).toEqual([{ code: 'A', label: null, count: 1 }, { code: 'A', label: 'closed', count: 0 }]);
    } finally {
      await orm.close(true);
    }
  });
});
