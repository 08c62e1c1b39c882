import { randomUUID } from 'node:crypto';
import { startTestKernel, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import type { Dialect } from '@comptoir/kernel';
import catalog, { makeEan13 } from '@comptoir/catalog';
import sales from '@comptoir/sales';
import invoicing from '../src/index.js';

let next = 1;

/** The shop's clock: Monday 15 June 2026, 10:00 in Brussels; tests move it with `clock.set`. */
export const clock = {
  at: new Date('2026-06-15T08:00:00Z'),
  now() { return this.at; },
  set(iso: string) { this.at = new Date(iso); },
};

/** A shop with the catalogue, the sale contract and invoicing; a manager (who invoices) and a cashier (who may not). */
export interface Shop {
  tk: TestKernel;
  admin: TestClient;
  manager: TestClient;
  cashier: TestClient;
}

export async function openShop(dialect: Dialect, extra: Parameters<typeof startTestKernel>[1]['plugins'] = []): Promise<Shop> {
  const tk = await startTestKernel(dialect, { plugins: [catalog, sales, invoicing, ...extra], clock });
  return { tk, admin: tk.admin, manager: await tk.userWith(['manager']), cashier: await tk.userWith(['cashier']) };
}

/** Creates a catalogue article (price VAT included, as the catalogue keeps it). */
export async function createArticle(admin: TestClient, over: Record<string, unknown> = {}): Promise<any> {
  const n = next++;
  const res = await admin.post('/api/catalog/articles', {
    code: `INV-${n}`, name: `Article ${n}`, vatCategory: 'BE-21', unit: 'piece', price: 121,
    barcodes: [makeEan13(`5418888${String(10000 + n).padStart(5, '0')}`)], ...over,
  });
  if (res.status !== 201) throw new Error(`article: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a customer (a Belgian company unless told otherwise). */
export async function createCustomer(admin: TestClient, over: Record<string, unknown> = {}): Promise<any> {
  const res = await admin.post('/api/catalog/customers', {
    name: `Client ${next++}`, kind: 'company', country: 'BE', language: 'fr', street: 'Rue Haute 12', postalCode: '1000', city: 'Bruxelles', ...over,
  });
  if (res.status !== 201) throw new Error(`customer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a draft; throws unless 201. */
export async function draft(c: TestClient, body: Record<string, unknown>): Promise<any> {
  const res = await c.post('/api/invoicing/documents', body);
  if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Issues a draft at its current version (a fresh Idempotency-Key unless given). */
export function issue(c: TestClient, doc: { id: number; version: number }, key = randomUUID()) {
  return c.request('POST', `/api/invoicing/documents/${doc.id}/issue`, { version: doc.version }, { 'idempotency-key': key });
}

/** Issues a draft; throws unless 200. */
export async function issued(c: TestClient, doc: { id: number; version: number }): Promise<any> {
  const res = await issue(c, doc);
  if (res.status !== 200) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Makes a draft from issued documents; throws unless 201. */
export async function convert(c: TestClient, body: Record<string, unknown>): Promise<any> {
  const res = await c.post('/api/invoicing/conversions', body);
  if (res.status !== 201) throw new Error(`convert: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Raw rows, for asserting what the database holds. */
export async function rows<T = any>(tk: TestKernel, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await tk.kernel.em().getConnection().execute(sql, params as any[], 'all')) as T[];
}

/** Runs a statement the way someone with database access would, outside the application; returns the error or null. */
export async function tamper(tk: TestKernel, sql: string, params: unknown[] = []): Promise<Error | null> {
  try {
    await tk.kernel.em().getConnection().execute(sql, params as any[], 'run');
    return null;
  } catch (e) {
    return e as Error;
  }
}
