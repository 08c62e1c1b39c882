import type { EntityManager } from '@comptoir/kernel';
import { query, run } from '../sql.js';

/** One figure to add to a station's day: its key, cents (or units), and how many events it counts. */
export interface TotalDelta {
  key: string;
  amount: number;
  count: number;
}

/** Adds to the running totals of a station's day, inside the caller's transaction (keys in one order, so no deadlock). */
export async function addDayTotals(em: EntityManager, stationId: number, day: string, deltas: readonly TotalDelta[]): Promise<void> {
  const merged = new Map<string, TotalDelta>();
  for (const d of deltas) {
    const m = merged.get(d.key);
    if (m) { m.amount += d.amount; m.count += d.count; } else merged.set(d.key, { ...d });
  }
  const rows = [...merged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (!rows.length) return;
  const params: unknown[] = [];
  for (const r of rows) params.push(stationId, day, r.key, r.amount, r.count);
  await run(em,
    `insert into pos_day_total (station_id, day, key, amount, count) values ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}
     on conflict (station_id, day, key) do update set amount = pos_day_total.amount + excluded.amount, count = pos_day_total.count + excluded.count`,
    params);
}

/** The running totals over days `from`..`to` (inclusive), for one station or (stationId null) the whole shop. */
export async function sumDayTotals(em: EntityManager, stationId: number | null, from: string, to: string): Promise<Map<string, { amount: number; count: number }>> {
  const rows = await query<{ key: string; amount: number | string; count: number | string }>(em,
    `select key, sum(amount) as amount, sum(count) as count from pos_day_total
     where day >= ? and day <= ? ${stationId === null ? '' : 'and station_id = ?'} group by key`,
    stationId === null ? [from, to] : [from, to, stationId]);
  return new Map(rows.map((r) => [r.key, { amount: Number(r.amount), count: Number(r.count) }]));
}

/** Perpetual grand totals up to day `to` (inclusive): every sale and refund since the till was installed. */
export async function grandTotals(em: EntityManager, stationId: number | null, to: string): Promise<{ sales: number; refunds: number; net: number }> {
  const rows = await query<{ key: string; amount: number | string }>(em,
    `select key, sum(amount) as amount from pos_day_total
     where key in ('sales.total', 'refunds.total') and day <= ? ${stationId === null ? '' : 'and station_id = ?'} group by key`,
    stationId === null ? [to] : [to, stationId]);
  const get = (k: string) => Number(rows.find((r) => r.key === k)?.amount ?? 0);
  return { sales: get('sales.total'), refunds: get('refunds.total'), net: get('sales.total') + get('refunds.total') };
}
