import type { TestClient } from '@comptoir/kernel/testing';
import type { Dialect } from '@comptoir/kernel';
import pricing from '@comptoir/pricing';
import stock from '../src/index.js';
import { openShop as openTill, type Shop } from '../../pos/test/helpers.js';

export { createArticle, pay, refund, rows, ticketWith, clock, type Shop } from '../../pos/test/helpers.js';

/** A shop with the catalogue, pricing, the till and stock, two stations signed in. */
export function openShop(dialect: Dialect): Promise<Shop> {
  return openTill(dialect, [pricing, stock]);
}

/** Records a movement through the API and checks it was accepted. */
export async function move(c: TestClient, body: Record<string, unknown>): Promise<any> {
  const res = await c.post('/api/stock/movements', body);
  if (res.status !== 201) throw new Error(`movement: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An article's level at a location (the shop by default), as the levels route answers it. */
export async function level(c: TestClient, articleId: number, locationId = 1): Promise<number> {
  const res = await c.get(`/api/stock/levels?articleId=${articleId}&locationId=${locationId}`);
  if (res.status !== 200) throw new Error(`levels: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items[0]?.quantity ?? 0;
}

/** Refuses negative stock in the whole shop (or allows it again). */
export async function refuseNegative(c: TestClient, refuse = true, families: Record<string, boolean> = {}): Promise<void> {
  const res = await c.put('/api/stock/settings/negative', { allowed: !refuse, families });
  if (res.status !== 200) throw new Error(`policy: ${res.status} ${JSON.stringify(res.body)}`);
}
