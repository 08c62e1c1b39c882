import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import catalog, { SEARCH_COUNT_CAP, type ArticleBatchService, type ArticleDraft } from '../src/index.js';

// 3,000 articles: 2,400 "Bière …" (1,200 of them "Ardenne"), 600 "Kriek …". Names differ only after a common
// prefix by a capitalised ASCII word and a zero-padded number, so every collation sorts them the same way.
const ARTICLES = 3000;
const pad = (i: number) => String(i).padStart(5, '0');
const nameOf = (i: number) => `${i % 5 ? 'Bière' : 'Kriek'} ${i % 2 ? 'Ardenne' : 'Brabant'} ${pad(i)}`;
const all = Array.from({ length: ARTICLES }, (_, k) => ({ code: `S-${pad(k + 1)}`, name: nameOf(k + 1) }));
const byName = (xs: typeof all) => [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.code < b.code ? -1 : 1));

describe.each(testDialects())('article search at scale (%s)', (dialect) => {
  let tk: TestKernel;
  let client: TestClient;
  const search = async (q: string, page = 1, pageSize = 50) => {
    const res = await client.get(`/api/catalog/articles?q=${encodeURIComponent(q)}&page=${page}&pageSize=${pageSize}`);
    expect(res.status).toBe(200);
    return res.body as { items: Array<{ code: string; name: string }>; total: number; totalCapped: boolean; hasMore: boolean; page: number; pageSize: number };
  };

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog] });
    client = await tk.userWith(['cashier']);
    const batch = tk.kernel.container.resolve<ArticleBatchService>('catalogArticleBatch');
    for (let start = 0; start < ARTICLES; start += 1000) {
      const create: ArticleDraft[] = all.slice(start, start + 1000).map((a) => ({ ...a, vatCategory: 'BE-21', price: 100 }));
      await tk.kernel.em().fork().transactional((em) => batch.save(em, { create, update: [] }, null));
    }
  }, 120_000);
  afterAll(async () => tk?.close());

  it('counts a few matches exactly, in name order, without a next page', async () => {
    const expected = byName(all.filter((a) => a.name.startsWith('Kriek Ardenne')));
    expect(expected).toHaveLength(300);
    const r = await search('ardenne KRIEK', 1, 200);
    expect(r).toMatchObject({ total: 300, totalCapped: false, hasMore: true, page: 1, pageSize: 200 });
    expect(r.items.map((a) => a.code)).toEqual(expected.slice(0, 200).map((a) => a.code));
    const last = await search('ardenne KRIEK', 2, 200);
    expect(last).toMatchObject({ total: 300, totalCapped: false, hasMore: false });
    expect(last.items.map((a) => a.code)).toEqual(expected.slice(200).map((a) => a.code));
  });

  it('stops counting at the cap and pages through many matches in name order, words in any order, accents ignored', async () => {
    const expected = byName(all.filter((a) => a.name.startsWith('Bière Ardenne')));
    expect(expected.length).toBeGreaterThan(SEARCH_COUNT_CAP);
    for (const q of ['biere ardenne', 'ARDEN bière']) {
      const first = await search(q);
      expect(first, q).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true, hasMore: true, page: 1, pageSize: 50 });
      expect(first.items.map((a) => a.code), q).toEqual(expected.slice(0, 50).map((a) => a.code));
    }
    // Past the cap's pages too: page 7 of 200 holds rows 1,201..1,400 minus the first 1,200: the 1,200 matches end there.
    const six = await search('ière arden', 6, 200);
    expect(six.items.map((a) => a.code)).toEqual(expected.slice(1000, 1200).map((a) => a.code));
    expect(six.hasMore).toBe(false);
    const pages: string[] = [];
    for (let p = 1; p <= 6; p++) pages.push(...(await search('biere ardenne', p, 200)).items.map((a) => a.code));
    expect(pages).toEqual(expected.map((a) => a.code));
    // One word matching most of the catalogue.
    const one = await search('bier', 3, 100);
    expect(one).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true, hasMore: true });
    expect(one.items.map((a) => a.code)).toEqual(byName(all.filter((a) => a.name.startsWith('Bière'))).slice(200, 300).map((a) => a.code));
  });

  it('finds a fragment of the code or of the number, and nothing for a fragment nobody has', async () => {
    expect(await search('02999')).toMatchObject({ total: 1, totalCapped: false, hasMore: false, items: [{ code: 'S-02999', name: 'Bière Ardenne 02999' }] });
    expect((await search('s-0299')).items.map((a) => a.code)).toEqual(byName(all.filter((a) => a.code.startsWith('S-0299'))).map((a) => a.code));
    expect(await search('gueuze')).toMatchObject({ items: [], total: 0, totalCapped: false, hasMore: false });
  });

  it('lists the whole catalogue by name with a capped count', async () => {
    const res = await client.get('/api/catalog/articles?pageSize=20');
    expect(res.body).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true, hasMore: true });
    expect(res.body.items.map((a: { code: string }) => a.code)).toEqual(byName(all).slice(0, 20).map((a) => a.code));
  });
});
