/**
 * Helpers for the tests of plugins that run with the catalogue enabled: articles and customers created the way a
 * user creates them, through the catalogue's HTTP API (no import of the catalogue's code: the kernel knows its
 * routes only as a client does).
 */
import { gs1CheckDigit } from '../print/barcode.js';
import type { TestClient } from './index.js';

let next = 1;

/** An EAN-13 of the test range 541 99 98 (check digit computed), unique in this test process. */
function testEan13(n: number): string {
  const digits = `5419998${String(n).padStart(5, '0')}`;
  return `${digits}${gs1CheckDigit(digits)}`;
}

/** Creates a catalogue article (`ART-<n>`, "Article <n>", BE-21, 1,00 €, one EAN-13) with `over` on top; returns its view or throws with the answer. */
export async function createTestArticle(admin: TestClient, over: Record<string, unknown> = {}): Promise<any> {
  const n = next++;
  const res = await admin.post('/api/catalog/articles', {
    code: `ART-${n}`, name: `Article ${n}`, vatCategory: 'BE-21', unit: 'piece', price: 100, barcodes: [testEan13(n)], ...over,
  });
  if (res.status !== 201) throw new Error(`article: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a catalogue customer (a Belgian company speaking French) with `over` on top; returns it or throws with the answer. */
export async function createTestCustomer(admin: TestClient, over: Record<string, unknown> = {}): Promise<any> {
  const res = await admin.post('/api/catalog/customers', { name: `Client ${next++}`, kind: 'company', country: 'BE', language: 'fr', ...over });
  if (res.status !== 201) throw new Error(`customer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A fixed clock (Monday 15 June 2026, 12:00 in Brussels), so that the kernel's days and the tests agree. */
export const fixedClock = { now: (): Date => new Date('2026-06-15T10:00:00Z') };
