import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog, { makeEan13 } from '../src/index.js';

const statuses = (rs: Array<{ status: number }>) => rs.map((r) => r.status).sort();

describe.each(testDialects())('catalogue under concurrent requests (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog] });
    admin = tk.admin;
  });
  afterAll(async () => tk?.close());

  it('gives 60 customers created at once 60 different codes, and 30 suppliers too', async () => {
    await admin.post('/api/catalog/customers', { code: 'C00003', name: 'Typed by hand', country: 'BE' });
    const customers = await Promise.all(Array.from({ length: 60 }, (_, i) => admin.post('/api/catalog/customers', { name: `Client ${i}`, country: 'BE' })));
    expect(statuses(customers)).toEqual(Array(60).fill(201));
    const codes = new Set(customers.map((r) => r.body.code));
    expect(codes.size).toBe(60);
    expect(codes.has('C00003')).toBe(false);
    const suppliers = await Promise.all(Array.from({ length: 30 }, (_, i) => admin.post('/api/catalog/suppliers', { name: `Fournisseur ${i}`, country: 'BE' })));
    expect(statuses(suppliers)).toEqual(Array(30).fill(201));
    expect(new Set(suppliers.map((r) => r.body.code)).size).toBe(30);
  });

  it('creates one article when the same code and barcode arrive 30 times at once; the others get a 409 naming the field', async () => {
    const body = { code: 'RACE-1', name: 'Kriek 37,5 cl', vatCategory: 'BE-21', price: 299, barcodes: [makeEan13('541999900001')] };
    const res = await Promise.all(Array.from({ length: 30 }, () => admin.post('/api/catalog/articles', body)));
    expect(statuses(res)).toEqual([201, ...Array(29).fill(409)]);
    for (const r of res.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('ALREADY_EXISTS');
      expect(r.body.errors.map((e: { field: string }) => e.field).some((f: string) => f === 'code' || f.startsWith('barcodes'))).toBe(true);
    }
    // Another code with the same barcode: the barcode is named.
    const other = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.post('/api/catalog/articles', { ...body, code: `RACE-B${i}` })));
    expect(statuses(other)).toEqual(Array(10).fill(409));
    expect(other[0].body.errors[0]).toMatchObject({ field: 'barcodes.0', code: 'BARCODE_TAKEN' });
  });

  it('accepts one of 20 edits made from the same version and answers 409 to the others', async () => {
    const a = (await admin.post('/api/catalog/articles', { code: 'RACE-2', name: 'Saison', vatCategory: 'BE-21', price: 250 })).body;
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => admin.patch(`/api/catalog/articles/${a.id}`, { version: a.version, price: 300 + i })));
    expect(statuses(res)).toEqual([200, ...Array(19).fill(409)]);
    expect(res.filter((r) => r.status === 409).every((r) => r.body.code === 'VERSION_CONFLICT')).toBe(true);
    const winner = res.find((r) => r.status === 200)!.body;
    expect((await admin.get(`/api/catalog/articles/${a.id}`)).body).toMatchObject({ price: winner.price, version: a.version + 1 });
  });
});
