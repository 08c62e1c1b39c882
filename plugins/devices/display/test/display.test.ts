import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '@comptoir/pos';
import devices from '@comptoir/devices';
import display, { DisplaySimulator, displayBytes } from '../src/index.js';

describe('the Epson display commands', () => {
  it('clear the screen and write each line at its place, the euro sign in CP858', () => {
    const d = new DisplaySimulator();
    d.feed(displayBytes(['TOTAL        12,50 €', 'Crème brûlée, très très longue']));
    expect(d.lines).toEqual(['TOTAL        12,50 €', 'Crème brûlée, très t']);
    d.feed(displayBytes(['Bonjour !', '']));
    expect(d.lines).toEqual(['Bonjour !           ', ' '.repeat(20)]);
  });
});

describe.each(testDialects())('a pole display on a serial line at the till (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;
  let socat: ChildProcess;
  let dir: string;
  const screen = new DisplaySimulator();
  let deviceId: number;
  let articleId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'comptoir-display-'));
    const [till, pole] = [join(dir, 'till'), join(dir, 'pole')];
    socat = spawn('socat', [`pty,raw,echo=0,link=${till}`, `pty,raw,echo=0,link=${pole}`], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(existsSync(till) && existsSync(pole)); i++) await new Promise((r) => setTimeout(r, 50));
    screen.attachSerial(pole);
    tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos, devices, display], enable: ['devices', 'device-display'] });
    const st = await tk.admin.post('/api/stations', { name: 'Caisse 1' });
    cashier = await tk.userWith(['cashier']);
    cashier.setCookie('cpt_station', tk.admin.cookie('cpt_station')!);
    const d = await tk.admin.post('/api/devices', {
      stationId: st.body.id, kind: 'customer-display', name: 'Afficheur', driver: 'epson-display',
      connection: { type: 'serial', path: till, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
    });
    expect(d.status).toBe(201);
    deviceId = d.body.id;
    articleId = (await tk.admin.post('/api/catalog/articles', { code: 'CR-1', name: 'Crème fraîche', vatCategory: 'BE-21', unit: 'piece', price: 1939, barcodes: [] })).body.id;
  });
  afterAll(async () => {
    screen.detach();
    await tk?.close();
    socat?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a greeting and the display’s name when tested', async () => {
    const res = await cashier.post(`/api/devices/${deviceId}/test`, {});
    expect(res.status).toBe(200);
    expect(res.body.status.state).toBe('online');
    await screen.waitFor((l) => l[0].startsWith('Bonjour !') && l[1].startsWith('Afficheur'));
  });

  it('shows the total and the change once a cash sale is paid', async () => {
    const t = await cashier.post('/api/pos/tickets', {});
    await cashier.post(`/api/pos/tickets/${t.body.id}/lines`, { articleId });
    const paid = await cashier.request('POST', `/api/pos/tickets/${t.body.id}/checkout`, { tenders: [{ method: 'cash', amount: 2000 }] }, { 'idempotency-key': randomUUID() });
    expect(paid.status).toBe(201);
    const lines = await screen.waitFor((l) => l[0].startsWith('TOTAL'));
    expect(lines).toEqual(['TOTAL        19,39 €', 'Rendu         0,60 €']);
  });
});
