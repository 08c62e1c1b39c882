import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startTestKernel, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import type { Dialect } from '@comptoir/kernel';
import catalog, { makeEan13 } from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '../src/index.js';

let next = 1;

/** A shop with the catalogue and the till, a registered station, a cashier and a manager signed in on it. */
export interface Shop {
  tk: TestKernel;
  admin: TestClient;
  cashier: TestClient;
  manager: TestClient;
  /** Another station of the shop, signed in as a second cashier. */
  station2: TestClient;
}

/** The shop's clock: a Monday in June, 10:00 in Brussels; tests move it with `clock.set`. */
export const clock = {
  at: new Date('2026-06-15T08:00:00Z'),
  now() { return this.at; },
  set(iso: string) { this.at = new Date(iso); },
};

/** A client signed in at a new station of the shop. */
export async function atNewStation(tk: TestKernel, roles: string[], name: string): Promise<TestClient> {
  const admin = tk.admin.fork();
  await admin.login('admin', tk.adminPassword);
  const st = await admin.post('/api/stations', { name });
  if (st.status !== 201) throw new Error(`station: ${st.status} ${JSON.stringify(st.body)}`);
  const client = await tk.userWith(roles);
  client.setCookie('cpt_station', admin.cookie('cpt_station')!);
  return client;
}

/** Boots a shop on a fresh database of the dialect. */
export async function openShop(dialect: Dialect, extra: Parameters<typeof startTestKernel>[1]['plugins'] = []): Promise<Shop> {
  const tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos, ...extra], clock });
  const st = await tk.admin.post('/api/stations', { name: 'Caisse 1' });
  if (st.status !== 201) throw new Error(`station: ${st.status} ${JSON.stringify(st.body)}`);
  const station = tk.admin.cookie('cpt_station')!;
  const cashier = await tk.userWith(['cashier']);
  cashier.setCookie('cpt_station', station);
  const manager = await tk.userWith(['manager']);
  manager.setCookie('cpt_station', station);
  const station2 = await atNewStation(tk, ['cashier'], 'Caisse 2');
  return { tk, admin: tk.admin, cashier, manager, station2 };
}

/** Creates a catalogue article through the catalogue's API. */
export async function createArticle(admin: TestClient, over: Record<string, unknown> = {}): Promise<any> {
  const n = next++;
  const res = await admin.post('/api/catalog/articles', {
    code: `ART-${n}`, name: `Article ${n}`, vatCategory: 'BE-21', unit: 'piece', price: 100,
    barcodes: [makeEan13(`5412345${String(60000 + n).padStart(5, '0')}`)], ...over,
  });
  if (res.status !== 201) throw new Error(`article: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Opens a ticket and adds the lines; returns the ticket as the server has it. */
export async function ticketWith(c: TestClient, lines: Array<Record<string, unknown>>): Promise<any> {
  const t = await c.post('/api/pos/tickets', {});
  if (t.status !== 201) throw new Error(`ticket: ${t.status} ${JSON.stringify(t.body)}`);
  let body = t.body;
  for (const l of lines) {
    const res = await c.post(`/api/pos/tickets/${t.body.id}/lines`, l);
    if (res.status !== 201) throw new Error(`line: ${res.status} ${JSON.stringify(res.body)}`);
    body = res.body;
  }
  return body;
}

/** Pays a ticket with an Idempotency-Key (a fresh one unless given). */
export function pay(c: TestClient, ticketId: number, tenders: Array<{ method: string; amount: number }>, key = randomUUID()) {
  return c.request('POST', `/api/pos/tickets/${ticketId}/checkout`, { tenders }, { 'idempotency-key': key });
}

/** Refunds with an Idempotency-Key. */
export function refund(c: TestClient, body: Record<string, unknown>, key = randomUUID()) {
  return c.request('POST', '/api/pos/refunds', body, { 'idempotency-key': key });
}

/** Raw rows, for asserting what the database holds. */
export async function rows<T = any>(tk: TestKernel, sql: string, params: unknown[] = []): Promise<T[]> {
  const em = tk.kernel.em();
  return (await em.getConnection().execute(sql, params as any[], 'all')) as T[];
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `comptoir <args>` from the sources against the shop's database, the way an operator runs it. */
export function runCli(tk: TestKernel, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('COMPTOIR_')) delete env[k];
  const db = tk.db.databaseUrl ? ['--data', tk.db.dataDir, '--database', tk.db.databaseUrl] : ['--data', tk.db.dataDir];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'kernel/src/cli.ts', ...db, ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
