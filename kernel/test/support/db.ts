import type { TestKernel } from '@comptoir/kernel/testing';

/** Rows of a raw SQL query on the kernel's database, as someone with a database client would see them. */
export async function sqlRows<T = Record<string, unknown>>(tk: TestKernel, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await tk.kernel.em().getConnection().execute(sql, params as any[], 'all')) as unknown as T[];
}

/** Runs a raw SQL statement on the kernel's database (what an attacker with database access could do). */
export async function sqlRun(tk: TestKernel, sql: string, params: unknown[] = []): Promise<void> {
  await tk.kernel.em().getConnection().execute(sql, params as any[], 'run');
}

/** Journal entries of a chain, oldest first, as stored. */
export async function journalEntries(tk: TestKernel, chain: string) {
  const rows = await sqlRows<{ id: number; seq: number; type: string; payload: string; prev_hash: string; hash: string; user_id: number | null; station_id: number | null }>(
    tk, 'select id, seq, type, payload, prev_hash, hash, user_id, station_id from kernel_journal_entry where chain = ? order by seq', [chain]);
  return rows.map((r) => ({ ...r, id: Number(r.id), seq: Number(r.seq), payload: JSON.parse(r.payload) as Record<string, any> }));
}
