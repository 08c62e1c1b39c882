import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog, { SEARCH_COUNT_CAP, SEARCH_WALK_ROWS, type ArticleBatchService, type ArticleDraft } from '../src/index.js';

// Matches clustered at the end of the alphabet: more than the walk's worth of "Amandes …" first, then 1,100
// "Tonic …" (more than the cap), plus one "Gin "Tonic"" whose name holds double quotes.
const pad = (i: number) => String(i).padStart(5, '0');
const all = [
  ...Array.from({ length: SEARCH_WALK_ROWS + 100 }, (_, k) => ({ code: `A-${pad(k)}`, name: `Amandes Meuse ${pad(k)}` })),
  ...Array.from({ length: 1100 }, (_, k) => ({ code: `T-${pad(k)}`, name: `Tonic ${k % 2 ? 'Ardenne' : 'Brabant'} ${pad(k)}` })),
  { code: 'G-1', name: 'Gin "Tonic" Spécial' },
];
const byName = (xs: typeof all) => [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.code < b.code ? -1 : 1));

describe.each(testDialects())('article search with matches clustered past the name walk (%s)', (dialect) => {
  let tk: TestKernel;
  let client: TestClient;
  const search = async (q: string, page = 1, pageSize = 50) => {
    const res = await client.get(`/api/catalog/articles?q=${encodeURIComponent(q)}&page=${page}&pageSize=${pageSize}`);
    expect(res.status).toBe(200);
    return res.body as { items: Array<{ code: string; name: string; barcodes: unknown[] }>; total: number; totalCapped: boolean; hasMore: boolean };
  };

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog] });
    client = await tk.userWith(['cashier']);
    const batch = tk.kernel.container.resolve<ArticleBatchService>('catalogArticleBatch');
    for (let start = 0; start < all.length; start += 1000) {
      const create: ArticleDraft[] = all.slice(start, start + 1000).map((a) => ({ ...a, vatCategory: 'BE-21', price: 100 }));
      await tk.kernel.em().fork().transactional((em) => batch.save(em, { create, update: [] }, null));
    }
  }, 120_000);
  afterAll(async () => tk?.close());

  it('pages a common fragment found only far down the alphabet in name order, counted up to the cap', async () => {
    const expected = byName(all.filter((a) => a.name.toLowerCase().includes('tonic')));
    expect(expected.length).toBeGreaterThan(SEARCH_COUNT_CAP);
    const first = await search('tonic');
    expect(first).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true, hasMore: true });
    expect(first.items.map((a) => a.code)).toEqual(expected.slice(0, 50).map((a) => a.code));
    const third = await search('TONI', 3, 100);
    expect(third.items.map((a) => a.code)).toEqual(expected.slice(200, 300).map((a) => a.code));
    // A word of one or two letters beside a longer one: "ardenne" narrows to 550, "0" keeps them all.
    const two = await search('0 ardenne tonic', 1, 200);
    expect(two).toMatchObject({ total: 550, totalCapped: false, hasMore: true });
    expect(two.items.map((a) => a.code)).toEqual(byName(all.filter((a) => a.name.startsWith('Tonic Ardenne'))).slice(0, 200).map((a) => a.code));
  });

  it('finds a name with double quotes by a fragment holding them', async () => {
    expect(await search('"tonic" spec')).toMatchObject({ total: 1, items: [{ code: 'G-1', name: 'Gin "Tonic" Spécial' }] });
    expect(await search('"tonic""')).toMatchObject({ total: 0, items: [] });
  });
});
