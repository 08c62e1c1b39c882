import type { EntityManager } from '@comptoir/kernel';
import { query } from '../sql.js';

/** A paid ticket (sale or refund) as the day's history lists it. */
export interface HistoryRow {
  id: number;
  number: string;
  kind: 'sale' | 'refund';
  stationId: number;
  cashierId: number | null;
  customerId: number | null;
  refundOfId: number | null;
  closedAt: string;
  total: number;
  duplicates: number;
  /** The payments in force (corrected ones left out), summed per method. */
  payments: Array<{ method: string; amount: number }>;
  /** Whether a payment of the ticket was corrected. */
  corrected: boolean;
}

/** The paid tickets of a business day, of one station or the whole shop, newest first (at most 500). */
export async function paidTicketsOfDay(em: EntityManager, day: string, stationId: number | null): Promise<HistoryRow[]> {
  const tickets = await query<Record<string, unknown>>(em,
    `select id, number, kind, station_id, cashier_id, customer_id, refund_of_id, closed_at, total, duplicates from pos_ticket
     where business_day = ? and status = 'paid' ${stationId === null ? '' : 'and station_id = ?'} order by closed_at desc, id desc limit 500`,
    stationId === null ? [day] : [day, stationId]);
  if (!tickets.length) return [];
  const ids = tickets.map((t) => Number(t.id));
  const payments = await query<{ ticket_id: number; method: string; amount: number; status: string }>(em,
    `select ticket_id, method, amount, status from pos_payment where ticket_id in (${ids.map(() => '?').join(', ')}) order by id`, ids);
  const byTicket = new Map<number, { payments: Map<string, number>; corrected: boolean }>();
  for (const p of payments) {
    const entry = byTicket.get(Number(p.ticket_id)) ?? { payments: new Map<string, number>(), corrected: false };
    if (p.status === 'corrected') entry.corrected = true;
    else entry.payments.set(p.method, (entry.payments.get(p.method) ?? 0) + Number(p.amount));
    byTicket.set(Number(p.ticket_id), entry);
  }
  return tickets.map((t) => {
    const pay = byTicket.get(Number(t.id));
    return {
      id: Number(t.id), number: String(t.number), kind: t.kind as HistoryRow['kind'], stationId: Number(t.station_id),
      cashierId: t.cashier_id == null ? null : Number(t.cashier_id), customerId: t.customer_id == null ? null : Number(t.customer_id),
      refundOfId: t.refund_of_id == null ? null : Number(t.refund_of_id), closedAt: String(t.closed_at), total: Number(t.total),
      duplicates: Number(t.duplicates), payments: [...(pay?.payments ?? new Map<string, number>())].map(([method, amount]) => ({ method, amount })),
      corrected: pay?.corrected ?? false,
    };
  });
}
