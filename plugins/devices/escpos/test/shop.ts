import { randomUUID } from 'node:crypto';
import { startTestKernel, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import type { Dialect } from '@comptoir/kernel';
import catalog, { makeEan13 } from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '@comptoir/pos';
import devices from '@comptoir/devices';
import escpos, { PrinterSimulator } from '../src/index.js';

/** A shop with the till, the device manager and the ESC/POS driver; a manager and a cashier at station "Caisse 1". */
export interface DeviceShop {
  tk: TestKernel;
  manager: TestClient;
  cashier: TestClient;
  stationId: number;
  article: { id: number; barcode: string };
}

let n = 0;

export async function openDeviceShop(dialect: Dialect): Promise<DeviceShop> {
  const tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos, devices, escpos], enable: ['devices', 'device-escpos'] });
  return shopOn(tk);
}

/** The shop's clients again on a (restarted) kernel. */
export async function shopOn(tk: TestKernel): Promise<DeviceShop> {
  const st = await tk.admin.post('/api/stations', { name: `Caisse ${++n}` });
  if (st.status !== 201) throw new Error(`station: ${st.status} ${JSON.stringify(st.body)}`);
  const station = tk.admin.cookie('cpt_station')!;
  const manager = await tk.userWith(['manager']);
  manager.setCookie('cpt_station', station);
  const cashier = await tk.userWith(['cashier']);
  cashier.setCookie('cpt_station', station);
  const barcode = makeEan13(`54123456${String(1000 + n).padStart(4, '0')}`);
  const a = await tk.admin.post('/api/catalog/articles', { code: `ART-${n}`, name: `Café moulu ${n}`, vatCategory: 'BE-21', unit: 'piece', price: 450, barcodes: [barcode] });
  if (a.status !== 201) throw new Error(`article: ${a.status} ${JSON.stringify(a.body)}`);
  return { tk, manager, cashier, stationId: st.body.id, article: { id: a.body.id, barcode } };
}

/** Adds the simulator as the station's receipt printer (through the API, as a manager does). */
export async function addPrinter(shop: DeviceShop, printer: PrinterSimulator, name = 'Imprimante caisse'): Promise<any> {
  const res = await shop.manager.post('/api/devices', {
    stationId: shop.stationId, kind: 'receipt-printer', name, driver: 'escpos', connection: { type: 'tcp', host: printer.host, port: printer.port },
  });
  if (res.status !== 201) throw new Error(`device: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Sells one article, paid by `method`; answers the paid ticket. */
export async function sell(shop: DeviceShop, method: 'cash' | 'card' = 'cash'): Promise<any> {
  const c = shop.cashier;
  const t = await c.post('/api/pos/tickets', {});
  const line = await c.post(`/api/pos/tickets/${t.body.id}/lines`, { code: shop.article.barcode });
  if (line.status !== 201) throw new Error(`line: ${line.status} ${JSON.stringify(line.body)}`);
  const paid = await c.request('POST', `/api/pos/tickets/${t.body.id}/checkout`, { tenders: [{ method, amount: method === 'cash' ? 500 : 450 }] }, { 'idempotency-key': randomUUID() });
  if (paid.status !== 201) throw new Error(`checkout: ${paid.status} ${JSON.stringify(paid.body)}`);
  return paid.body.ticket;
}

/** Waits until the job answers `test` (the queue works in the background). */
export async function waitForJob(c: TestClient, id: number, test: (job: any) => boolean, timeoutMs = 20_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await c.get(`/api/devices/jobs/${id}`);
    if (res.status === 200 && test(res.body)) return res.body;
    if (Date.now() > deadline) throw new Error(`job ${id}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The job printing `reference` (written after the sale's commit, so perhaps just after the answer). */
export async function jobFor(c: TestClient, reference: string, source = 'receipt', timeoutMs = 10_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await jobs(c)).find((j) => j.reference === reference && j.source === source);
    if (job) return job;
    if (Date.now() > deadline) throw new Error(`no ${source} job for ${reference}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The station's jobs, newest first. */
export async function jobs(c: TestClient): Promise<any[]> {
  const res = await c.get('/api/devices/jobs');
  if (res.status !== 200) throw new Error(`jobs: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
