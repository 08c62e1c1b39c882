/**
 * Raw SQL and batched writes for the few places where MikroORM's unit of work would cost more than the work
 * itself (a scan's price book, an import's batches, the till's checkout and reports). Plugins reach them as
 * `sql` from `@comptoir/kernel`. Table and column names come from the entities' metadata, never typed by hand.
 */
import type { EntityManager } from '@mikro-orm/core';

type EntityClass = abstract new (...args: any[]) => object;

/** Runs raw SQL on the entity manager's connection, inside its transaction when it has one; returns the rows. */
export async function query<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const trx = em.getTransactionContext<Trx>();
  const native = trx && await connectionOf(trx);
  if (native) {
    const done = native.sqlite ? runSqlite(native.sqlite, sql, params) : await runPostgres(em, native.postgres!, sql, params, true);
    if (done !== UNSUPPORTED) return done as T[];
  }
  return (await em.getConnection().execute(sql, params as any[], 'all', trx)) as unknown as T[];
}

/** Runs a raw SQL statement that returns no rows. */
export async function run(em: EntityManager, sql: string, params: unknown[] = []): Promise<void> {
  const trx = em.getTransactionContext<Trx>();
  const native = trx && await connectionOf(trx);
  if (native) {
    const done = native.sqlite ? runSqlite(native.sqlite, sql, params) : await runPostgres(em, native.postgres!, sql, params, false);
    if (done !== UNSUPPORTED) return;
  }
  await em.getConnection().execute(sql, params as any[], 'run', trx);
}

/*
 * Inside a transaction, a statement goes straight to the connection the transaction holds, without knex.
 * MikroORM's `execute` inlines every parameter into the SQL text and hands it to a new knex query: on the
 * till's checkout that cost more than the statements themselves.
 * - SQLite (its only connection is the transaction's): the statement is prepared once and kept, the
 *   parameters bound as the inlined text would have read them: integers as integers (better-sqlite3 binds a
 *   JavaScript number as a float), booleans as 1/0, dates as epoch milliseconds. Anything else (arrays,
 *   objects, `??` identifiers, a `?` inside a quoted string) takes MikroORM's way.
 * - PostgreSQL: the very text MikroORM would send (its `formatQuery`), on the transaction's client.
 * Outside a transaction, MikroORM's way: the pool hands out the connection.
 */

/** A knex transaction as MikroORM hands it out (its client always acquires the transaction's connection). */
interface Trx {
  isCompleted?(): boolean;
  client?: { transacting?: boolean; acquireConnection?(): Promise<unknown> };
}

interface NativeStatement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}

interface NativeSqlite {
  prepare(sql: string): NativeStatement;
  inTransaction: boolean;
}

/** node-postgres's client, as far as used here. */
interface NativePostgres {
  query(text: string): Promise<{ rows: unknown[]; rowCount: number | null }>;
  processID: number | null;
}

interface Native {
  sqlite?: NativeSqlite;
  postgres?: NativePostgres;
}

const UNSUPPORTED = Symbol('unsupported');
const connections = new WeakMap<object, Native | null>();
const prepared = new WeakMap<NativeSqlite, Map<string, NativeStatement | null>>();
/** Distinct statements kept per connection; the till and the reports use a few dozen. */
const MAX_PREPARED = 500;

/** The connection a transaction holds (better-sqlite3's database or node-postgres's client), or null. */
async function connectionOf(trx: Trx): Promise<Native | null> {
  const known = connections.get(trx);
  if (known !== undefined) return known && !trx.isCompleted?.() ? known : null;
  let native: Native | null = null;
  const client = trx.client;
  if (client?.transacting && typeof client.acquireConnection === 'function' && !trx.isCompleted?.()) {
    const conn = await client.acquireConnection() as Partial<NativeSqlite & NativePostgres> | null;
    if (conn && typeof conn.prepare === 'function' && conn.inTransaction === true) native = { sqlite: conn as NativeSqlite };
    else if (conn && typeof conn.query === 'function' && typeof conn.processID === 'number') native = { postgres: conn as NativePostgres };
  }
  connections.set(trx, native);
  return native;
}

/** Runs a statement on the transaction's PostgreSQL client: the rows, or (run) the affected count as MikroORM says it. */
async function runPostgres(em: EntityManager, client: NativePostgres, sql: string, params: readonly unknown[], rows: boolean): Promise<unknown> {
  const res = await client.query(em.getPlatform().formatQuery(sql, params as unknown[]));
  return rows ? res.rows : { affectedRows: res.rowCount, rows: res.rows };
}

/** Runs a statement on better-sqlite3: rows for a statement that returns some, else its run result (as knex). */
function runSqlite(db: NativeSqlite, sql: string, params: readonly unknown[]): unknown {
  const args: unknown[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const v = params[i];
    if (typeof v === 'number') args[i] = Number.isSafeInteger(v) ? BigInt(v) : v;
    else if (typeof v === 'string' || v === null) args[i] = v;
    else if (typeof v === 'boolean') args[i] = v ? 1n : 0n;
    else if (typeof v === 'bigint') args[i] = v;
    else if (v instanceof Date) args[i] = BigInt(v.getTime());
    else return UNSUPPORTED;
  }
  const stmt = statementOf(db, sql, params.length);
  if (!stmt) return UNSUPPORTED;
  return stmt.reader ? stmt.all(...args) : stmt.run(...args);
}

/** The prepared statement for this text, or null when its `?` are not all plain parameters. */
function statementOf(db: NativeSqlite, sql: string, count: number): NativeStatement | null {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, cache = new Map());
  let stmt = cache.get(sql);
  if (stmt === undefined) {
    stmt = plainParameters(sql) === count ? db.prepare(sql) : null;
    if (cache.size >= MAX_PREPARED) cache.clear();
    cache.set(sql, stmt);
  }
  return stmt;
}

/** How many `?` parameters the text has, or -1 when one is inside quotes, doubled (`??`) or escaped with a backslash. */
function plainParameters(sql: string): number {
  let n = 0;
  let quote = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '?') return -1;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '?') {
      if (sql[i + 1] === '?' || sql[i - 1] === '\\') return -1;
      n++;
    }
  }
  return n;
}

/** `?, ?, ?` for n parameters. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Splits a list into chunks of at most `size` (SQL parameter limits, one statement or transaction per batch). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The database a connection talks to, for the few statements that differ. */
export function dialectOf(em: EntityManager): 'sqlite' | 'postgresql' {
  return em.getPlatform().constructor.name.toLowerCase().includes('postgre') ? 'postgresql' : 'sqlite';
}

/** Booleans as each database wants them in raw SQL parameters. */
export function sqlBool(em: EntityManager, value: boolean): boolean | number {
  return dialectOf(em) === 'postgresql' ? value : value ? 1 : 0;
}

/** The id of the row an insert just made (`returning id` works on both databases). */
export async function insertReturningId(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows = await query<{ id: number }>(em, `${sql} returning id`, params);
  return Number(rows[0]!.id);
}

/** Rows as plain objects keyed by property name (m:1 properties give the id). */
export async function selectRows<T>(em: EntityManager, entity: EntityClass, fields: string[], where: Record<string, unknown>): Promise<T[]> {
  // Both drivers are SQL drivers, whose entity manager builds queries.
  const sql = em as unknown as { createQueryBuilder(entity: EntityClass): { select(f: string[]): { where(w: object): { execute(mode: 'all', map: boolean): Promise<unknown> } } } };
  return (await sql.createQueryBuilder(entity).select(fields).where(where).execute('all', true)) as T[];
}

/** Parameters per statement, under SQLite's limit (32,766) and PostgreSQL's (65,535). */
const MAX_PARAMS = 30_000;

/** A property's value as raw SQL parameters carry it: dates as milliseconds and booleans as 0/1 on SQLite (as MikroORM stores them), JSON as text. */
function toParam(value: unknown, postgres: boolean, json: boolean): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return postgres ? value : +value;
  if (typeof value === 'boolean') return postgres ? value : Number(value);
  if (json) return JSON.stringify(value);
  return value;
}

/**
 * Multi-row inserts with parameters (`insert into t (…) values (?, …), (?, …)`), up to 500 rows per statement:
 * the same statement text for each full chunk, and no value formatted into SQL. Properties are mapped to their
 * columns through the metadata; a property missing from a row is inserted as null.
 */
export async function insertRows(em: EntityManager, entity: EntityClass, rows: Array<Record<string, unknown>>): Promise<void> {
  if (!rows.length) return;
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const q = (name: string) => platform.quoteIdentifier(name);
  const postgres = dialectOf(em) === 'postgresql';
  const props = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns = props.map((name) => {
    const p = meta.properties[name as keyof typeof meta.properties] as { fieldNames?: string[]; type?: string } | undefined;
    if (!p?.fieldNames?.[0]) throw new Error(`insertRows: ${entity.name} has no column for '${name}'`);
    return { name, column: q(p.fieldNames[0]), json: String(p.type).toLowerCase().includes('json') };
  });
  const list = columns.map((c) => c.column).join(', ');
  const row = `(${placeholders(columns.length)})`;
  for (const part of chunks(rows, Math.max(1, Math.min(500, Math.floor(MAX_PARAMS / columns.length))))) {
    const params: unknown[] = [];
    for (const r of part) for (const c of columns) params.push(toParam(r[c.name], postgres, c.json));
    await run(em, `insert into ${q(meta.tableName)} (${list}) values ${Array.from({ length: part.length }, () => row).join(', ')}`, params);
  }
}

/**
 * Sets columns of many rows by id, one statement per column and per 500 rows:
 * `update t set c = case id when ? then ? … end where id in (…)`. Bumps `version` when the entity has one,
 * so that an editor holding an older version is told that someone else changed the row.
 */
export async function updateRows(em: EntityManager, entity: EntityClass, rows: Array<{ id: number; set: Record<string, unknown> }>): Promise<void> {
  if (!rows.length) return;
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const q = (name: string) => platform.quoteIdentifier(name);
  const postgres = dialectOf(em) === 'postgresql';
  const table = q(meta.tableName);
  const props = [...new Set(rows.flatMap((r) => Object.keys(r.set)))];
  for (const prop of props) {
    const p = meta.properties[prop as keyof typeof meta.properties] as { fieldNames: string[]; columnTypes: string[] };
    const column = q(p.fieldNames[0]!);
    // PostgreSQL types a CASE from its branches: untyped parameters would be text.
    const cast = (sqlParam: string) => (postgres ? `cast(${sqlParam} as ${p.columnTypes[0]})` : sqlParam);
    for (const part of chunks(rows.filter((r) => prop in r.set), 500)) {
      const params: unknown[] = [];
      const branches = part.map((r) => {
        const v = r.set[prop];
        params.push(r.id, v instanceof Date && !postgres ? +v : typeof v === 'boolean' && !postgres ? Number(v) : v);
        return `when ? then ${cast('?')}`;
      });
      params.push(...part.map((r) => r.id));
      await run(em, `update ${table} set ${column} = case ${q('id')} ${branches.join(' ')} end where ${q('id')} in (${placeholders(part.length)})`, params);
    }
  }
  const version = meta.versionProperty ? meta.properties[meta.versionProperty as keyof typeof meta.properties] as { fieldNames: string[] } : null;
  if (version) {
    const v = q(version.fieldNames[0]!);
    for (const part of chunks(rows, 500)) await run(em, `update ${table} set ${v} = ${v} + 1 where ${q('id')} in (${placeholders(part.length)})`, part.map((r) => r.id));
  }
}
