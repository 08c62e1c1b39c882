import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eDatabases, launchBrowser, signIn, startDemo, tablet, type DemoServer } from './harness.js';

// pdf-lib is the pricing plugin's dependency: read the previewed PDF with the library that wrote it.
const { PDFDocument } = createRequire(join(import.meta.dirname, '../plugins/pricing/package.json'))('pdf-lib') as typeof import('pdf-lib');

/** Text as a person reads it: every kind of space (the no-break one before "€" too) as one plain space. */
const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** Cents as the shop shows them in Belgium: 165 → "1,65 €". */
const euros = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')} €`;

interface Beer {
  id: number;
  code: string;
  name: string;
  barcode: string;
  base: number;
}

// The manager sets a quantity break on a demo beer, checks it in the price checker, and prints labels, in Chromium
// against the real server started by `comptoir demo`.
describe.each(e2eDatabases())('prices in the browser (%s)', (dialect) => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let beer: Beer;

  beforeAll(async () => {
    server = await startDemo(dialect);
    browser = await launchBrowser();
    page = await (await tablet(browser)).newPage();
    await signIn(page, server.url, 'gerant', 'demo-gerant');
    await page.getByTestId('header-user').waitFor({ timeout: 15_000 });
    // A demo beer of 33 cl whose retail list holds only its base price, read through the API the shell uses.
    beer = await page.evaluate(async () => {
      const get = async (url: string) => (await fetch(url)).json();
      const { items } = await get('/api/catalog/articles?q=33%20cl&pageSize=100');
      for (const a of items) {
        if (!a.code.startsWith('BIE-') || a.name.includes('×') || !a.barcodes.length) continue;
        const retail = (await get(`/api/pricing/prices?article=${a.id}`)).items.filter((p: any) => p.priceListCode === 'retail');
        if (retail.length === 1 && retail[0].minQuantity === 0 && !retail[0].validFrom && !retail[0].validTo) {
          return { id: a.id, code: a.code, name: a.name, barcode: a.barcodes[0].code, base: retail[0].unitPrice };
        }
      }
      throw new Error('no demo beer with a single retail price');
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets a break from 24 in the retail list, and refuses a second one with the message under the field', async () => {
    await page.getByTestId('nav-pricing/articles').click();
    await page.getByTestId('article-prices-pick-search').fill(beer.code);
    await page.getByTestId('article-prices-pick-search').press('Enter');
    await expect.poll(() => page.getByTestId('article-prices-name').textContent(), { timeout: 10_000 }).toBe(beer.name);
    expect(await page.getByTestId('price-retail-row').count()).toBe(1);
    expect(await page.getByTestId('price-retail-0-price').inputValue()).toBe(euros(beer.base).replace(' €', ''));

    await page.getByTestId('price-retail-add').click();
    await page.getByTestId('price-retail-1-min').fill('24');
    await page.getByTestId('price-retail-1-price').fill(euros(beer.base - 20).replace(' €', ''));
    await page.getByTestId('price-retail-save').click();
    await expect.poll(() => page.getByTestId('toast-message').allTextContents(), { timeout: 10_000 })
      .toContain(`Prix de « ${beer.name} » enregistrés dans la liste détail.`);
    expect(read(await page.getByTestId('price-retail-1-tier').textContent())).toBe('à partir de 24');
    expect(await page.getByTestId('price-retail-error').count()).toBe(0);
    const saved = await page.evaluate(async (id) => (await (await fetch(`/api/pricing/prices?article=${id}`)).json()).items, beer.id);
    expect(saved.filter((p: any) => p.priceListCode === 'retail').map((p: any) => [p.minQuantity, p.unitPrice])).toEqual([[0, beer.base], [24000, beer.base - 20]]);

    // The same threshold again: the server's message shows under that row's quantity.
    await page.getByTestId('price-retail-add').click();
    await page.getByTestId('price-retail-2-min').fill('24');
    await page.getByTestId('price-retail-2-price').fill('1,00');
    await page.getByTestId('price-retail-save').click();
    await expect.poll(() => page.getByTestId('error-retail.2.minQuantity').textContent(), { timeout: 10_000 })
      .toContain('Ce prix existe déjà pour cette liste, cet article, cette quantité et cette date de début.');
    await page.getByTestId('price-retail-2-remove').click();
  });

  it('gives 24 units the break price, naming the break, and one unit the base price', async () => {
    await page.getByTestId('nav-pricing/check').click();
    await page.getByTestId('checker-code').fill(beer.barcode);
    await page.getByTestId('checker-code').press('Enter');
    await expect.poll(() => page.getByTestId('checker-article').textContent(), { timeout: 10_000 }).toBe(beer.name);
    expect(read(await page.getByTestId('checker-unit-price').textContent())).toBe(euros(beer.base));
    expect(read(await page.getByTestId('checker-rule').textContent())).toBe('détail, prix de base');

    await page.getByTestId('checker-quantity').fill('24');
    await expect.poll(async () => read(await page.getByTestId('checker-unit-price').textContent()), { timeout: 10_000 }).toBe(euros(beer.base - 20));
    expect(read(await page.getByTestId('checker-rule').textContent())).toBe('détail, palier à partir de 24');
    expect(read(await page.getByTestId('checker-total').textContent())).toBe(euros(24 * (beer.base - 20)));

    await page.getByTestId('checker-quantity').fill('1');
    await expect.poll(async () => read(await page.getByTestId('checker-unit-price').textContent()), { timeout: 10_000 }).toBe(euros(beer.base));
    expect(read(await page.getByTestId('checker-rule').textContent())).toBe('détail, prix de base');
    expect(read(await page.getByTestId('checker-total').textContent())).toBe(euros(beer.base));
  });

  it('previews an A4 sheet of 3 × 8 labels for two ticked articles as a one-page PDF', async () => {
    await page.getByTestId('nav-pricing/labels').click();
    await page.getByTestId('labels-search').fill('triple 33 cl');
    await expect.poll(async () => {
      const rows = await page.getByTestId('labels-row').allTextContents();
      return rows.length >= 2 && rows.every((r) => /triple/i.test(r));
    }, { timeout: 10_000 }).toBe(true);
    await page.getByTestId('labels-row').nth(0).click();
    await page.getByTestId('labels-row').nth(1).click();
    expect(await page.getByTestId('labels-selected-row').count()).toBe(2);
    await page.getByTestId('labels-layout').selectOption('a4-3x8');
    expect(read(await page.getByTestId('labels-count').textContent())).toBe('2 étiquettes sur 1 page.');

    await page.getByTestId('labels-preview').click();
    await expect.poll(() => page.getByTestId('labels-pdf').getAttribute('src'), { timeout: 15_000 }).toMatch(/^blob:/);
    const src = await page.getByTestId('labels-pdf').getAttribute('src');
    const base64 = await page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url!)).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    }, src);
    const pdf = Buffer.from(base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    expect(await page.getByTestId('labels-download').getAttribute('href')).toBe(src);
  });
});
