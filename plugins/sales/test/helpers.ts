import { makeEan13 } from '@comptoir/catalog';
import type { TestClient } from '@comptoir/kernel/testing';

let next = 1;

/** Creates a catalogue article through the catalogue's API; returns its view. */
export async function createArticle(admin: TestClient, over: Record<string, unknown> = {}): Promise<any> {
  const n = next++;
  const res = await admin.post('/api/catalog/articles', {
    code: `SAL-${n}`, name: `Article ${n}`, vatCategory: 'BE-21', unit: 'piece', price: 100,
    barcodes: [makeEan13(`5419999${String(10000 + n).padStart(5, '0')}`)], ...over,
  });
  if (res.status !== 201) throw new Error(`article: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a customer through the catalogue's API. */
export async function createCustomer(admin: TestClient, over: Record<string, unknown> = {}): Promise<any> {
  const res = await admin.post('/api/catalog/customers', { name: `Client ${next++}`, kind: 'company', country: 'BE', language: 'fr', ...over });
  if (res.status !== 201) throw new Error(`customer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A fixed clock: the kernel's days and the tests agree. */
export const fixedClock = { now: () => new Date('2026-06-15T10:00:00Z') };
