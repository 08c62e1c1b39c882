import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOFTWARE } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import { packTar, unpackTar, verifyArchives } from '@comptoir/kernel/host';
import catalog from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '@comptoir/pos';
import fiscalFr from '../src/index.js';

const clock = {
  at: new Date('2026-07-01T07:00:00Z'),
  now() { return this.at; },
};

const MONTHS = ['2026-07', '2026-08', '2026-09'];
const DAYS = ['03', '15', '28'];

async function rows<T = Record<string, any>>(tk: TestKernel, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await tk.kernel.em().getConnection().execute(sql, params as any[], 'all')) as unknown as T[];
}

/**
 * A quarter at a French till: sales, refunds, duplicates, training tickets, a Z every day and every month. The
 * archives of the three months verify offline together; the grand totals are the sum of the tickets.
 */
describe.each(testDialects())('a quarter at a French till (%s)', (dialect) => {
  let tk: TestKernel;
  const archive = (period: string) => join(tk.db.dataDir, 'archives', `comptoir-journal-${period}.tar`);
  const files = () => MONTHS.map((p) => ({ file: p, bytes: readFileSync(archive(p)) }));

  async function at(iso: string) {
    clock.at = new Date(iso);
    await tk.admin.login('admin', tk.adminPassword);
  }
  async function sell(lines: Array<Record<string, unknown>>, method: string, amount: number) {
    const t = await tk.admin.post('/api/pos/tickets', {});
    for (const l of lines) await tk.admin.post(`/api/pos/tickets/${t.body.id}/lines`, l);
    const paid = await tk.admin.request('POST', `/api/pos/tickets/${t.body.id}/checkout`, { tenders: [{ method, amount }] }, { 'idempotency-key': randomUUID() });
    expect(paid.status).toBe(201);
    return paid.body.ticket;
  }
  async function waitFor(file: string) {
    for (let i = 0; i < 300 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(file)).toBe(true);
  }

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos, fiscalFr], enable: ['fiscal-fr'], clock });
    const station = await tk.admin.post('/api/stations', { name: 'Caisse 1' });
    const bread = (await tk.admin.post('/api/catalog/articles', { code: 'PAIN', name: 'Pain', vatCategory: 'BE-6', unit: 'piece', price: 350 })).body;
    const wine = (await tk.admin.post('/api/catalog/articles', { code: 'VIN', name: 'Vin rouge', vatCategory: 'BE-21', unit: 'piece', price: 1250 })).body;
    await tk.admin.put(`/api/fiscal-fr/training/stations/${station.body.id}`, { enabled: true });
    for (const [m, month] of MONTHS.entries()) {
      for (const day of DAYS) {
        await at(`${month}-${day}T08:00:00Z`);
        const first = await sell([{ articleId: bread.id, quantity: 2000 }, { articleId: wine.id }], 'card', 1950);
        const second = await sell([{ articleId: wine.id, quantity: 3000 }], 'cash', 3750);
        const wineLine = first.lines.find((l: any) => l.articleId === wine.id);
        const back = await tk.admin.request('POST', '/api/pos/refunds', { number: first.number, lines: [{ lineId: wineLine.id, quantity: 1000 }], tenders: [{ method: 'cash', amount: 1250 }] }, { 'idempotency-key': randomUUID() });
        expect(back.status).toBe(201);
        expect((await tk.admin.post(`/api/pos/tickets/${second.id}/reprint`)).status).toBe(200);
        expect((await tk.admin.post('/api/fiscal-fr/training/tickets', { lines: [{ articleId: wine.id, quantity: 10_000 }] })).status).toBe(201);
        clock.at = new Date(`${month}-${day}T18:00:00Z`);
        expect((await tk.admin.post('/api/pos/closures', { period: 'day', date: `${month}-${day}` })).status).toBe(201);
      }
      // The month's Z, the next morning: the month is over, so its archive is made at once.
      await at(`${MONTHS[m + 1] ?? '2026-10'}-01T06:00:00Z`);
      const z = await tk.admin.post('/api/pos/closures', { scope: 'shop', period: 'month', date: `${month}-01` });
      expect(z.status).toBe(201);
      await waitFor(archive(month));
    }
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('counts every sale and refund, and no training ticket, in the grand totals', async () => {
    const [last] = (await tk.admin.get('/api/pos/closures')).body;
    const z = (await tk.admin.get(`/api/pos/closures/${last.id}`)).body;
    const sums = await rows<{ kind: string; total: number }>(tk, "select kind, sum(total) as total from pos_ticket where status = 'paid' group by kind order by kind");
    const sold = Number(sums.find((s) => s.kind === 'sale')!.total);
    const refunded = Number(sums.find((s) => s.kind === 'refund')!.total);
    expect(sold).toBe(9 * (1950 + 3750));
    expect(refunded).toBe(9 * -1250);
    expect(z).toMatchObject({ period: { kind: 'month', from: '2026-09-01' }, sales: { count: 6, total: 3 * (1950 + 3750) }, grandTotals: { sales: sold, refunds: refunded, net: sold + refunded } });
    expect((await rows(tk, "select id from kernel_journal_entry where chain = 'training' and type = 'training.ticket'"))).toHaveLength(9);
    // Every receipt prints the software's name and version.
    const [ticket] = await rows<{ id: number }>(tk, "select id from pos_ticket where status = 'paid' order by id limit 1");
    expect((await tk.admin.get(`/api/pos/tickets/${Number(ticket.id)}/receipt/print`)).body).toContain(SOFTWARE);
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('verifies the quarter’s archives together, offline: tickets, refunds, duplicates, Zs and training, sealed and signed', async () => {
    const key = tk.kernel.signingKey.fingerprint;
    const report = verifyArchives(files(), key);
    expect(report.between).toEqual([]);
    expect(report.archives.flatMap((a) => a.problems)).toEqual([]);
    expect(report.ok).toBe(true);
    for (const a of report.archives) {
      expect(a.chains.map((c) => c.chain)).toEqual(expect.arrayContaining(['closures', 'technical', 'tickets', 'training']));
      // Three daily Zs and the previous month's Z (taken on the 1st), each signed.
      expect(a.signatures).toBe(a.period === '2026-07' ? 3 : 4);
      expect(a.sealedRows).toBeGreaterThan(3 * 10);
    }
  });

  it('fails on any change to an archived ticket row, or against another key', async () => {
    const [jul, aug, sep] = files();
    const members = new Map(unpackTar(aug.bytes).map((m) => [m.name, m.data]));
    const sealed = members.get('sealed.jsonl')!.toString();
    const changed = sealed.replace(/\["(\d+)","1","paid","sale"/, '["$1","1","paid","refund"');
    expect(changed).not.toBe(sealed);
    members.set('sealed.jsonl', Buffer.from(changed));
    const tampered = packTar([...members].map(([name, data]) => ({ name, data })), 0);
    const report = verifyArchives([jul, { file: aug.file, bytes: tampered }, sep], tk.kernel.signingKey.fingerprint);
    expect(report.ok).toBe(false);
    expect(report.archives[1].problems).toEqual(expect.arrayContaining([
      'sealed.jsonl does not match its SHA-256 in the manifest: it was altered',
      expect.stringMatching(/^the rows of pos_ticket \(id = \d+\) sealed by entry tickets#\d+ were altered$/),
    ]));
    expect(verifyArchives(files(), 'ab'.repeat(32)).archives.every((a) => a.problems.some((p) => p.includes('re-signed by someone else')))).toBe(true);
  });

  it('refuses to make an archive again with another signing key, and keeps the one it has', async () => {
    const before = readFileSync(archive('2026-08'));
    await tk.kernel.close();
    rmSync(join(tk.db.dataDir, 'keys', 'comptoir-signing-key.pem'));
    tk = await tk.restart();
    expect((await rows(tk, "select id from kernel_journal_entry where chain = 'technical' and type = 'signing-key.registered'"))).toHaveLength(2);
    await tk.admin.login('admin', tk.adminPassword);
    const again = await tk.admin.post('/api/journal/archives', { period: '2026-08' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ARCHIVE_DIFFERS');
    expect(readFileSync(archive('2026-08')).equals(before)).toBe(true);
    // The Zs signed by the former key still verify: it stays registered in the journal.
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });
});
