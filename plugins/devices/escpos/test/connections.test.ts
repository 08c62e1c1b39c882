import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { PrinterSimulator, decodeEscPos } from '../src/index.js';
import { openDeviceShop, type DeviceShop } from './shop.js';

/** A pair of connected pseudo-terminals made by socat, as a null-modem cable between two serial ports. */
async function ptyPair(dir: string): Promise<{ a: string; b: string; socat: ChildProcess }> {
  const a = join(dir, 'till');
  const b = join(dir, 'printer');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(existsSync(a) && existsSync(b)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(a) || !existsSync(b)) throw new Error('socat did not make the pseudo-terminals');
  return { a, b, socat };
}

describe.each(testDialects())('printers on a serial line and a USB printer file (%s)', (dialect) => {
  let shop: DeviceShop;
  let dir: string;
  let socat: ChildProcess | undefined;

  beforeAll(async () => {
    shop = await openDeviceShop(dialect);
    dir = mkdtempSync(join(tmpdir(), 'comptoir-devices-'));
  });
  afterAll(async () => {
    socat?.kill();
    await shop?.tk.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the test page through a serial port (socat pseudo-terminals, 9600 8N1) and reads the paper state back', async () => {
    const pair = await ptyPair(dir);
    socat = pair.socat;
    const printer = new PrinterSimulator();
    const detach = printer.attachSerial(pair.b);
    try {
      const device = await shop.manager.post('/api/devices', {
        stationId: shop.stationId, kind: 'receipt-printer', name: 'Imprimante série', driver: 'escpos',
        connection: { type: 'serial', path: pair.a, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      });
      expect(device.status).toBe(201);
      printer.condition.paperLow = true;
      const test = await shop.cashier.post(`/api/devices/${device.body.id}/test`, {});
      expect(test.status).toBe(200);
      expect(test.body.status.state).toBe('paper-low');
      const d = await printer.waitFor((x) => x.receipts.some((r) => r.cut));
      expect(d.receipts[0].lines.join('\n')).toContain('Test d\'impression');
      expect(d.receipts[0].lines.join('\n')).toContain('€ 12,50');
    } finally {
      detach();
    }
  });

  it('prints through a USB printer device file, which cannot answer status queries', async () => {
    const file = join(dir, 'lp0');
    writeFileSync(file, '');
    const device = await shop.manager.post('/api/devices', {
      stationId: shop.stationId, kind: 'receipt-printer', name: 'Imprimante USB', driver: 'escpos', connection: { type: 'usb', path: file },
    });
    expect(device.status).toBe(201);
    const test = await shop.cashier.post(`/api/devices/${device.body.id}/test`, {});
    expect(test.status).toBe(200);
    const d = decodeEscPos(readFileSync(file));
    expect(d.receipts).toHaveLength(1);
    expect(d.statusQueries).toEqual([]);
    expect(d.receipts[0].barcodes).toEqual([{ symbology: 'code128', data: 'TEST-1234' }]);
  });

  it('says the printer is offline when nothing listens', async () => {
    const gone = await new PrinterSimulator().start();
    await gone.stop();
    const device = await shop.manager.post('/api/devices', {
      stationId: shop.stationId, kind: 'receipt-printer', name: 'Imprimante éteinte', driver: 'escpos', connection: { type: 'tcp', host: '127.0.0.1', port: gone.port },
    });
    const test = await shop.cashier.post(`/api/devices/${device.body.id}/test`, {});
    expect(test.status).toBe(502);
    expect(test.body.code).toBe('DEVICES_DEVICE_FAILED');
    expect(test.body.detail).toMatch(/ne répond pas/);
    expect((await shop.cashier.get(`/api/devices/${device.body.id}`)).body.status.state).toBe('offline');
  });
});
