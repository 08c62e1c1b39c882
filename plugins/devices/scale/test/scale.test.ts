import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '@comptoir/pos';
import devices from '@comptoir/devices';
import scale, { ScaleSimulator, parseAnswer, statusAnswer, weightAnswer } from '../src/index.js';

const strip = (a: Uint8Array) => a.subarray(0, a.length - 1);

describe('the Mettler Toledo 8217 answers', () => {
  it('read a stable weight in thousandths of kg, and the status flags', () => {
    expect(Buffer.from(weightAnswer(1234)).toString('latin1')).toBe('\x0201.234\r');
    expect(parseAnswer(strip(weightAnswer(1234)))).toEqual({ kind: 'weight', weight: 1234 });
    expect(parseAnswer(strip(weightAnswer(15_005)))).toEqual({ kind: 'weight', weight: 15_005 });
    expect(parseAnswer(strip(statusAnswer({ motion: true })))).toEqual({ kind: 'status', motion: true, atZero: false, underZero: false, overload: false });
    expect(Buffer.from(statusAnswer({ overload: true })).toString('latin1')).toBe('\x02?`\r');
    expect(parseAnswer(Buffer.from('\x0212,34'))).toBeNull();
  });
});

describe.each(testDialects())('a scale on a serial line at the till (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;
  let socat: ChildProcess;
  let dir: string;
  const sim = new ScaleSimulator();
  let deviceId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'comptoir-scale-'));
    const [till, pan] = [join(dir, 'till'), join(dir, 'scale')];
    socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${till}`, `pty,raw,echo=0,link=${pan}`], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(existsSync(till) && existsSync(pan)); i++) await new Promise((r) => setTimeout(r, 50));
    sim.attachSerial(pan);
    tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos, devices, scale], enable: ['devices', 'device-scale'] });
    const st = await tk.admin.post('/api/stations', { name: 'Caisse 1' });
    cashier = await tk.userWith(['cashier']);
    cashier.setCookie('cpt_station', tk.admin.cookie('cpt_station')!);
    // A real 8217 scale talks 9600 7E1; a pseudo-terminal refuses 7 data bits and parity (stty), so the test uses 8N1.
    const d = await tk.admin.post('/api/devices', {
      stationId: st.body.id, kind: 'scale', name: 'Balance', driver: 'toledo-8217',
      connection: { type: 'serial', path: till, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
    });
    expect(d.status).toBe(201);
    deviceId = d.body.id;
  });
  afterAll(async () => {
    sim.detach();
    await tk?.close();
    socat?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the stable weight on the pan, in thousandths of kg', async () => {
    sim.set(1234);
    const res = await cashier.post(`/api/devices/${deviceId}/weigh`, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ weight: 1234, stable: true });
  });

  it('waits while the weight moves, then answers it once stable', async () => {
    sim.set(800, 'motion');
    const asked = sim.requests;
    const pending = cashier.post(`/api/devices/${deviceId}/weigh`, { timeoutMs: 10_000 });
    for (let i = 0; i < 200 && sim.requests < asked + 2; i++) await new Promise((r) => setTimeout(r, 20));
    sim.set(756);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ weight: 756, stable: true });
  });

  it('says the weight does not settle when it keeps moving', async () => {
    sim.set(800, 'motion');
    const res = await cashier.post(`/api/devices/${deviceId}/weigh`, { timeoutMs: 600 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SCALE_MOTION');
    expect(res.body.detail).toContain('ne se stabilise pas');
  });

  it('refuses an overload and a weight under zero, in French for a French cashier', async () => {
    sim.set(40_000, 'overload');
    const over = await cashier.post(`/api/devices/${deviceId}/weigh`, {});
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('SCALE_OVERLOAD');
    expect(over.body.detail).toContain('en surcharge');
    sim.set(0, 'under-zero');
    const under = await cashier.post(`/api/devices/${deviceId}/weigh`, {});
    expect(under.status).toBe(422);
    expect(under.body.code).toBe('SCALE_UNDER_ZERO');
    expect(under.body.detail).toContain('poids négatif');
  });

  it('says the scale does not answer when it stays silent', async () => {
    sim.set(1234, 'silent');
    const res = await cashier.post(`/api/devices/${deviceId}/weigh`, { timeoutMs: 500 });
    expect(res.status).toBe(504);
    expect(res.body.code).toBe('SCALE_NO_ANSWER');
    expect(res.body.detail).toContain('ne répond pas');
    sim.set(1234);
    expect((await cashier.post(`/api/devices/${deviceId}/weigh`, {})).body).toEqual({ weight: 1234, stable: true });
  });

  it('refuses a timeout given as text', async () => {
    const bad = await cashier.post(`/api/devices/${deviceId}/weigh`, { timeoutMs: '500' });
    expect(bad.status).toBe(400);
  });
});
