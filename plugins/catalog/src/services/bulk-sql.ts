/**
 * Batched writes through the entities' metadata (table and column names come from the entity definitions,
 * never typed by hand), without the unit of work: a batch of thousands of rows tracked as managed entities
 * would cost more than writing them.
 */
import type { EntityManager } from '@comptoir/kernel';

type EntityClass = abstract new (...args: any[]) => object;

/** Splits a list into chunks of at most `size` (SQL parameter limits). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Multi-row inserts, 500 rows per statement. */
export async function insertRows(em: EntityManager, entity: EntityClass, rows: Array<Record<string, unknown>>): Promise<void> {
  for (const part of chunks(rows, 500)) await em.insertMany(entity as any, part as any);
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
  const postgres = platform.constructor.name.toLowerCase().includes('postgre');
  const table = q(meta.tableName);
  const run = (sql: string, params: unknown[]) => em.getConnection().execute(sql, params as any[], 'run', em.getTransactionContext());
  const props = [...new Set(rows.flatMap((r) => Object.keys(r.set)))];
  for (const prop of props) {
    const p = meta.properties[prop as keyof typeof meta.properties] as { fieldNames: string[]; columnTypes: string[] };
    const column = q(p.fieldNames[0]);
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
      await run(`update ${table} set ${column} = case ${q('id')} ${branches.join(' ')} end where ${q('id')} in (${part.map(() => '?').join(', ')})`, params);
    }
  }
  const version = meta.versionProperty ? meta.properties[meta.versionProperty as keyof typeof meta.properties] as { fieldNames: string[] } : null;
  if (version) {
    const v = q(version.fieldNames[0]);
    for (const part of chunks(rows, 500)) await run(`update ${table} set ${v} = ${v} + 1 where ${q('id')} in (${part.map(() => '?').join(', ')})`, part.map((r) => r.id));
  }
}
