import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineMigration, definePlugin, isUniqueViolation, uniqueConflict } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { sqlRows } from './support/db.js';

// `tags` stores tags whose code is unique and whose weight is a 32-bit integer column, with one route that
// lets the database's refusal escape and one that names the field itself: neither may ever answer 500.

const tags = definePlugin({
  name: 'tags',
  version: '1.0.0',
  kernel: '^0.1.0',
  migrations: {
    sqlite: [defineMigration('0001-init', ['create table `tags_tag` (`id` integer not null primary key autoincrement, `code` text not null check (length(`code`) <= 20), `weight` integer not null check (`weight` between -2147483648 and 2147483647), `label` text null, constraint `tags_tag_code_unique` unique (`code`))'])],
    postgresql: [defineMigration('0001-init', ['create table "tags_tag" ("id" serial primary key, "code" varchar(20) not null, "weight" int not null, "label" text null, constraint "tags_tag_code_unique" unique ("code"))'])],
  },
  permissions: { 'tags.write': { label: 'Étiqueter', roles: ['cashier'] } },
  routes(r) {
    // Deliberately loose schema: the database is the last line, and what it refuses must still be a 4xx.
    const body = { type: 'object', additionalProperties: false, properties: { code: { type: 'string' }, weight: { type: 'number' }, label: { type: 'string' }, byHand: { type: 'boolean' } } } as const;
    r.post<{ Body: { code: string; weight: number; label?: string; byHand?: boolean } }>('/', {
      permission: 'tags.write', summary: 'Store a tag', status: 201, schema: { body },
      handler: async (req, ctx) => ctx.transactional(async (em) => {
        try {
          await em.getConnection().execute('insert into tags_tag (code, weight, label) values (?, ?, ?)', [req.body.code, req.body.weight, req.body.label ?? null], 'run', em.getTransactionContext());
        } catch (e) {
          if (req.body.byHand && isUniqueViolation(e)) throw uniqueConflict(e, { fr: `Le code ${req.body.code} existe déjà.`, en: `Code ${req.body.code} exists.` });
          throw e;
        }
        return { code: req.body.code };
      }),
    });
  },
});

describe.each(testDialects())('database refusals answered as conflicts, never 500 (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [tags], enable: ['tags'] });
    cashier = await tk.userWith(['cashier']);
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('a code already taken is a 409 naming the field', async () => {
    expect((await cashier.post('/api/tags', { code: 'RED', weight: 1 })).status).toBe(201);
    const again = await cashier.post('/api/tags', { code: 'RED', weight: 2 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_EXISTS', detail: 'La valeur de « code » est déjà utilisée.', errors: [{ field: 'code', code: 'ALREADY_EXISTS' }] });
  });

  it('a plugin that knows the field says it in its own words', async () => {
    const again = await cashier.post('/api/tags', { code: 'RED', weight: 2, byHand: true });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Le code RED existe déjà.');
  });

  it('thirty identical creations at once: one is stored, the others are told it exists', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => cashier.post('/api/tags', { code: 'BLUE', weight: 3 })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
  });

  it('a number above the column’s range or an over-long text is a 422, and nothing is stored', async () => {
    // PostgreSQL refuses by its column types (int, varchar(20)); SQLite by the CHECK constraints that mirror them.
    const refused = dialect === 'postgresql' ? 'VALUE_OUT_OF_RANGE' : 'VALUE_REFUSED';
    const big = await cashier.post('/api/tags', { code: 'BIG', weight: 2 ** 40 });
    expect(big.status).toBe(422);
    expect(big.body.code).toBe(refused);
    const long = await cashier.post('/api/tags', { code: 'X'.repeat(30), weight: 1 });
    expect(long.status).toBe(422);
    expect(long.body.code).toBe(refused);
    expect(long.body.detail).toMatch(/./);
    expect(await sqlRows(tk, "select code from tags_tag where code = 'BIG' or code like 'XXX%'")).toEqual([]);
  });
});
