import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import pricing from '../src/index.js';

describe.each(testDialects())('one default price list (%s)', (dialect) => {
  let tk: TestKernel;
  let admin: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing] });
    admin = tk.admin;
  });
  afterAll(async () => tk?.close());

  it('leaves exactly one default list when 20 lists are made the default at once', async () => {
    const lists = [];
    for (let i = 0; i < 20; i++) lists.push((await admin.post('/api/pricing/lists', { code: `L${i}`, name: { fr: `Liste ${i}` } })).body);
    const res = await Promise.all(lists.map((l) => admin.patch(`/api/pricing/lists/${l.id}`, { isDefault: true })));
    expect(res.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(res.filter((r) => r.status === 409).every((r) => ['PRICE_LIST_DEFAULT_TAKEN', 'VERSION_CONFLICT'].includes(r.body.code))).toBe(true);
    expect(res.some((r) => r.status === 200)).toBe(true);
    const defaults = (await admin.get('/api/pricing/lists')).body.filter((l: { isDefault: boolean }) => l.isDefault);
    expect(defaults).toHaveLength(1);
  });

  it('is guarded by the database too: a second default row is refused', async () => {
    const other = (await admin.get('/api/pricing/lists')).body.find((l: { isDefault: boolean }) => !l.isDefault);
    const write = tk.kernel.em().getConnection().execute(`update pricing_price_list set is_default = ${dialect === 'postgresql' ? 'true' : '1'} where id = ?`, [other.id]);
    await expect(write).rejects.toThrow(/unique|duplicate/i);
  });
});
