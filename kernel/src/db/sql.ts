/**
 * Raw SQL and batched writes for the few places where MikroORM's unit of work would cost more than the work
 * itself (a scan's price book, an import's batches, the till's checkout and reports). Plugins reach them as
 * `sql` from `@comptoir/kernel`. Table and column names come from the entities' metadata, never typed by hand.
 */
import type { EntityManager } from '@mikro-orm/core';

type EntityClass = abstract new (...args: any[]) => object;

/** Runs raw SQL on the entity manager's connection, inside its transaction when it has one; returns the rows. */
export async function query<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await em.getConnection().execute(sql, params as any[], 'all', em.getTransactionContext())) as unknown as T[];
}

/** Runs a raw SQL statement that returns no rows. */
export async function run(em: EntityManager, sql: string, params: unknown[] = []): Promise<void> {
  await em.getConnection().execute(sql, params as any[], 'run', em.getTransactionContext());
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
