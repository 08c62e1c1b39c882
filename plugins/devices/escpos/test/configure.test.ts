import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { openDeviceShop, sell, type DeviceShop } from './shop.js';

const tcp = { type: 'tcp', host: '127.0.0.1', port: 9100 };

describe.each(testDialects())('configuring a station’s devices (%s)', (dialect) => {
  let shop: DeviceShop;
  const body = (over: Record<string, unknown> = {}) => ({ stationId: shop.stationId, kind: 'receipt-printer', name: 'Ticket', driver: 'escpos', connection: tcp, ...over });

  beforeAll(async () => { shop = await openDeviceShop(dialect); });
  afterAll(async () => shop?.tk.close());

  it('lists the drivers and the kinds they handle to a manager', async () => {
    const res = await shop.manager.get('/api/devices/drivers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ name: 'escpos', kinds: ['receipt-printer'], connections: ['tcp', 'serial', 'usb'] })]);
  });

  it('lets a manager add a printer and a drawer plugged into it; a cashier may only look', async () => {
    expect((await shop.cashier.post('/api/devices', body({ name: 'Par la caissière' }))).status).toBe(403);
    const printer = await shop.manager.post('/api/devices', body({ name: 'Imprimante' }));
    expect(printer.status).toBe(201);
    expect(printer.body).toMatchObject({ name: 'Imprimante', stationId: shop.stationId, connection: tcp, active: true, version: 1, status: { state: 'unknown' } });
    const list = await shop.cashier.get('/api/devices');
    expect(list.status).toBe(200);
    expect(list.body.map((d: any) => d.name)).toContain('Imprimante');
  });

  it('refuses bad settings with a reason in the user’s language, and stores nothing', async () => {
    const before = (await shop.manager.get('/api/devices?scope=shop')).body.length;
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [body({ name: 'Port', connection: { ...tcp, port: 70000 } }), 400, 'VALIDATION_FAILED'],
      [body({ name: 'Port texte', connection: { ...tcp, port: '9100' } }), 400, 'VALIDATION_FAILED'],
      [body({ name: 'Série', connection: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 } }), 400, 'VALIDATION_FAILED'],
      [body({ name: 'Chemin', connection: { type: 'usb', path: '/dev/../etc/passwd' } }), 400, 'VALIDATION_FAILED'],
      [body({ name: 'Sorte', kind: 'toaster' }), 400, 'VALIDATION_FAILED'],
      [body({ name: 'Pilote', driver: 'zebra' }), 422, 'DEVICES_DRIVER_UNKNOWN'],
      [body({ name: 'Balance', kind: 'scale' }), 422, 'DEVICES_DRIVER_KIND'],
      [body({ name: 'Poste', stationId: 9999 }), 422, 'DEVICES_STATION_NOT_FOUND'],
    ];
    for (const [b, status, code] of cases) {
      const res = await shop.manager.post('/api/devices', b);
      expect([res.status, res.body.code], JSON.stringify(b)).toEqual([status, code]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const fr = await shop.manager.post('/api/devices', body({ name: 'Pilote', driver: 'zebra' }));
    expect(fr.body.detail).toBe('Aucun pilote « zebra » n’est activé : activez son extension (comptoir plugins enable device-zebra).');
    expect((await shop.manager.get('/api/devices?scope=shop')).body.length).toBe(before);
  });

  it('changes a device only from the version read (409 VERSION_CONFLICT otherwise)', async () => {
    const d = (await shop.manager.post('/api/devices', body({ name: 'À renommer' }))).body;
    const ok = await shop.manager.put(`/api/devices/${d.id}`, { ...body({ name: 'Renommée' }), version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Renommée', version: 2 });
    const stale = await shop.manager.put(`/api/devices/${d.id}`, { ...body({ name: 'Trop tard' }), version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
  });

  it('gives one name to one device of a station, even when ten managers add it at once (409, never 500)', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => shop.manager.post('/api/devices', body({ name: 'Course' }))));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
  });

  it('refuses to delete a device that printed (deactivate it instead), deletes one that never did', async () => {
    const unused = (await shop.manager.post('/api/devices', body({ name: 'Jamais servi' }))).body;
    expect((await shop.manager.delete(`/api/devices/${unused.id}`)).status).toBe(204);
    const ticket = await sell(shop, 'card');
    const printer = (await shop.cashier.get('/api/devices')).body.find((d: any) => d.name === 'Imprimante');
    for (let i = 0; i < 100; i++) {
      if ((await shop.cashier.get('/api/devices/jobs')).body.some((j: any) => j.reference === ticket.number)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const refused = await shop.manager.delete(`/api/devices/${printer.id}`);
    expect([refused.status, refused.body.code]).toEqual([409, 'DEVICES_DEVICE_IN_USE']);
  });
});
