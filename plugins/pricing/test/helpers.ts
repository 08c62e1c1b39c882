import type { TestClient } from '@comptoir/kernel/testing';

// Articles and customers through the catalogue's API, and the fixed clock: shared with the other plugins' tests.
export { createTestArticle as createArticle, createTestCustomer as createCustomer, fixedClock } from '@comptoir/kernel/testing';

/** Adds a list price; throws with the answer when refused. */
export async function addPrice(admin: TestClient, body: Record<string, unknown>): Promise<any> {
  const res = await admin.post('/api/pricing/prices', body);
  if (res.status !== 201) throw new Error(`price: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
