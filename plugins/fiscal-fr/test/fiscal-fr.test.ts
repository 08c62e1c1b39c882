import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOFTWARE, verifySignature } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '@comptoir/pos';
import fiscalFr from '../src/index.js';

/** The shop's clock: a Monday in June, 10:00 in Brussels. */
const clock = {
  at: new Date('2026-06-15T08:00:00Z'),
  now() { return this.at; },
};

async function rows<T = Record<string, unknown>>(tk: TestKernel, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await tk.kernel.em().getConnection().execute(sql, params as any[], 'all')) as unknown as T[];
}

describe.each(testDialects())('French fiscal rules at the till (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;
  let manager: TestClient;
  let stationId: number;
  let cashierId: number;
  let article: { id: number };

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos, fiscalFr], enable: ['fiscal-fr'], clock });
    const st = await tk.admin.post('/api/stations', { name: 'Caisse 1' });
    stationId = st.body.id;
    cashier = await tk.userWith(['cashier'], { username: 'lea' });
    cashier.setCookie('cpt_station', tk.admin.cookie('cpt_station')!);
    manager = await tk.userWith(['manager'], { username: 'sophie' });
    manager.setCookie('cpt_station', tk.admin.cookie('cpt_station')!);
    cashierId = (await tk.admin.get('/api/users')).body.find((u: any) => u.username === 'lea').id;
    article = (await tk.admin.post('/api/catalog/articles', { code: 'PAIN', name: 'Pain de campagne', vatCategory: 'BE-6', unit: 'piece', price: 350 })).body;
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('refuses a training ticket while training mode is off, and journals nothing', async () => {
    const res = await cashier.post('/api/fiscal-fr/training/tickets', { lines: [{ articleId: article.id }] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'TRAINING_MODE_OFF', detail: 'Le mode formation n’est activé ni pour ce poste ni pour vous : ce ticket serait une vraie vente.' });
    expect(await rows(tk, "select id from kernel_journal_entry where chain = 'training'")).toEqual([]);
    expect((await cashier.get('/api/fiscal-fr/training')).body).toEqual({ station: false, user: false, active: false });
  });

  it('lets a manager, not a cashier, put the station in training mode; the change is journaled in the training chain', async () => {
    expect((await cashier.put(`/api/fiscal-fr/training/stations/${stationId}`, { enabled: true })).status).toBe(403);
    expect((await manager.put('/api/fiscal-fr/training/stations/999', { enabled: true })).status).toBe(404);
    expect((await manager.put(`/api/fiscal-fr/training/stations/${stationId}`, { enabled: 'yes' })).status).toBe(400);
    const on = await manager.put(`/api/fiscal-fr/training/stations/${stationId}`, { enabled: true });
    expect(on.body).toEqual({ scope: 'station', id: stationId, enabled: true, changed: true });
    expect((await manager.put(`/api/fiscal-fr/training/stations/${stationId}`, { enabled: true })).body.changed).toBe(false);
    expect((await cashier.get('/api/fiscal-fr/training')).body).toEqual({ station: true, user: false, active: true });
    const journal = await rows<{ type: string; payload: string }>(tk, "select type, payload from kernel_journal_entry where chain = 'training' order by seq");
    expect(journal.map((e) => [e.type, JSON.parse(e.payload)])).toEqual([['training.enabled', { scope: 'station', id: stationId }]]);
  });

  it('prints a training ticket “MODE FORMATION — NON VALABLE”, numbered apart, journaled in the training chain', async () => {
    const res = await cashier.post('/api/fiscal-fr/training/tickets', { lines: [{ articleId: article.id, quantity: 2000 }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'F1-2026-000001', total: 700, lines: [{ description: 'Pain de campagne', quantity: 2000, unitPrice: 350, total: 700 }] });
    expect(res.body.receipt[0]).toBe('*** MODE FORMATION — NON VALABLE ***');
    expect(res.body.receipt.at(-2)).toBe('*** MODE FORMATION — NON VALABLE ***');
    expect(res.body.receipt.at(-1)).toBe(SOFTWARE);
    expect(res.body.receipt).toContainEqual(expect.stringMatching(/^TOTAL {2}7,00\s€$/));
    const entry = (await rows<{ type: string; payload: string; station_id: number }>(tk, "select type, payload, station_id from kernel_journal_entry where chain = 'training' order by seq")).at(-1)!;
    expect(entry.type).toBe('training.ticket');
    expect(JSON.parse(entry.payload)).toMatchObject({ number: 'F1-2026-000001', total: 700 });
    expect(await rows(tk, 'select id from pos_ticket')).toEqual([]);
  });

  it('keeps training tickets out of the figures and the Z', async () => {
    const x = await manager.get('/api/pos/reports/x');
    expect(x.body).toMatchObject({ sales: { total: 0, count: 0 }, grandTotals: { sales: 0, net: 0 } });
    const z = await manager.post('/api/pos/closures', { period: 'day', date: '2026-06-15' });
    expect(z.status).toBe(201);
    expect(z.body).toMatchObject({ sales: { total: 0, count: 0 }, net: 0 });
    expect(z.body.journalHeads.training).toMatchObject({ seq: 2 });
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('journals one change when ten switches of the same station arrive at once, and answers none with a 500', async () => {
    const burst = await Promise.all(Array.from({ length: 10 }, () => manager.put(`/api/fiscal-fr/training/stations/${stationId}`, { enabled: false })));
    expect(burst.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(burst.filter((r) => r.body.changed)).toHaveLength(1);
    const on = await Promise.all(Array.from({ length: 10 }, () => manager.put(`/api/fiscal-fr/training/stations/${stationId}`, { enabled: true })));
    expect(on.filter((r) => r.body.changed)).toHaveLength(1);
    const switches = await rows<{ type: string }>(tk, "select type from kernel_journal_entry where chain = 'training' and type like 'training.%abled' order by seq");
    expect(switches.map((e) => e.type)).toEqual(['training.enabled', 'training.disabled', 'training.enabled']);
  });

  it('puts one user in training mode wherever they sell, and takes them out of it', async () => {
    await manager.put(`/api/fiscal-fr/training/stations/${stationId}`, { enabled: false });
    expect((await cashier.get('/api/fiscal-fr/training')).body.active).toBe(false);
    await manager.put(`/api/fiscal-fr/training/users/${cashierId}`, { enabled: true });
    expect((await cashier.get('/api/fiscal-fr/training')).body).toEqual({ station: false, user: true, active: true });
    expect((await manager.get('/api/fiscal-fr/training')).body.active).toBe(false);
    expect((await cashier.post('/api/fiscal-fr/training/tickets', { lines: [{ articleId: article.id }] })).body.number).toBe('F1-2026-000002');
    expect((await manager.post('/api/fiscal-fr/training/tickets', { lines: [{ articleId: article.id }] })).status).toBe(409);
    await manager.put(`/api/fiscal-fr/training/users/${cashierId}`, { enabled: false });
    expect((await cashier.post('/api/fiscal-fr/training/tickets', { lines: [{ articleId: article.id }] })).status).toBe(409);
  });

  it('gives the Z’s Ed25519 signature, and prints the fingerprint of the key on the Z', async () => {
    const [z] = (await manager.get('/api/pos/closures')).body;
    const res = await manager.get(`/api/fiscal-fr/closures/${z.id}/signature`);
    expect(res.status).toBe(200);
    const key = (await tk.admin.get('/api/journal/public-key')).body;
    expect(res.body).toMatchObject({ number: 'Z1-2026-000001', fingerprint: key.fingerprint, printable: key.printable });
    const [entry] = await rows<{ seq: number; hash: string }>(tk, "select seq, hash from kernel_journal_entry where chain = 'closures' and type = 'pos.z'");
    expect(res.body.entryHash).toBe(entry.hash);
    expect(verifySignature(key.publicKey, `comptoir-journal-entry\nclosures\n${Number(entry.seq)}\n${entry.hash}`, res.body.signature)).toBe(true);
    expect((await manager.get('/api/fiscal-fr/closures/999/signature')).status).toBe(404);
    // The printed Z carries the key's fingerprint, which an inspector gives to `journal verify --archive`.
    const printed = await manager.get(`/api/pos/closures/${z.id}/print`);
    expect(printed.status).toBe(200);
    expect(printed.body).toContain(key.printable);
  });

  it('archives the month at its monthly Z, once the month is over', async () => {
    clock.at = new Date('2026-07-01T06:00:00Z');
    await tk.admin.login('admin', tk.adminPassword);
    const z = await tk.admin.post('/api/pos/closures', { scope: 'shop', period: 'month', date: '2026-06-15' });
    expect(z.status).toBe(201);
    const file = join(tk.db.dataDir, 'archives', 'comptoir-journal-2026-06.tar');
    for (let i = 0; i < 300 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(file)).toBe(true);
    // The file is in place a moment before its journal entry commits.
    const archived = async () => (await rows<{ payload: string }>(tk, "select payload from kernel_journal_entry where chain = 'technical' and type = 'journal.archived'")).map((e) => JSON.parse(e.payload).period);
    await expect.poll(archived, { timeout: 30_000 }).toEqual(['2026-06']);
  });
});
