import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, e2eDatabases, signIn, useDemo } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

// Stock › Niveaux in the demo shop: a receipt typed in the form shows in the levels and the article's movements;
// the screen on a tablet and a phone in the three languages.
describe.each(e2eDatabases())('the stock levels screen (%s)', (dialect) => {
  const demo = useDemo(dialect);
  let page: Page;
  let userId = '';
  let article: any;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await demo.browser.newContext({ viewport: TABLET, locale: 'fr-BE' });
    page = await context.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await page.getByTestId('nav-toggle').waitFor({ state: 'attached', timeout: 15_000 });
    userId = String((await api(page, 'GET', '/api/session')).body.user.id);
    article = (await api(page, 'GET', '/api/catalog/articles?pageSize=5')).body.items[0];
    const other = (await api(page, 'GET', '/api/catalog/articles?pageSize=5')).body.items[1];
    const r = await api(page, 'POST', '/api/stock/movements', { kind: 'receipt', articleId: other.id, quantity: 12000, unitCost: 150 });
    if (r.status !== 201) throw new Error(`receipt: ${r.status} ${JSON.stringify(r.body)}`);
    await api(page, 'PUT', `/api/stock/thresholds/${other.id}/1`, { minimum: 20000, maximum: 48000 });
  });

  async function open(lang: 'fr' | 'nl' | 'en', viewport = TABLET): Promise<void> {
    await page.setViewportSize(viewport);
    await page.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [userId, lang]);
    await page.goto(`${demo.server.url}/#/stock/levels`);
    await page.reload();
    await page.getByTestId('stock-search').waitFor({ timeout: 15_000 });
  }

  it('records a receipt from the form, then shows the level and the article’s movements', async () => {
    const before = (await api(page, 'GET', `/api/stock/levels?articleId=${article.id}&locationId=1`)).body.items[0]?.quantity ?? 0;
    await open('fr');
    await page.getByTestId('stock-form-article').fill(String(article.id));
    await page.getByTestId('stock-form-quantity').fill('24');
    await page.getByTestId('stock-form-cost').fill('1,20');
    await page.getByTestId('stock-form-reason').fill('Livraison');
    await page.getByTestId('stock-form-save').click();
    await page.getByTestId('stock-search').fill(article.code);
    const level = () => api(page, 'GET', `/api/stock/levels?articleId=${article.id}&locationId=1`).then((r) => r.body.items[0]?.quantity);
    await expect.poll(level, { timeout: 10_000 }).toBe(before + 24000);
    const shown = new Intl.NumberFormat('fr-BE', { maximumFractionDigits: 3 }).format((before + 24000) / 1000);
    await expect.poll(() => page.getByTestId('stock-row').first().textContent(), { timeout: 10_000 }).toContain(shown);
    await page.getByTestId('stock-row').first().click();
    await expect.poll(() => page.getByTestId('stock-movement').first().textContent()).toMatch(/Réception\s*Livraison\s*\+24/);
  });

  it('fits a tablet and a phone in French, Dutch and English', async () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      for (const viewport of [TABLET, PHONE]) {
        await open(lang, viewport);
        const title = { fr: 'Niveaux', nl: 'Niveaus', en: 'Levels' }[lang];
        await expect.poll(() => page.locator('h1').allTextContents()).toContain(title);
        await expect.poll(() => page.getByTestId('stock-row').count()).toBeGreaterThan(0);
        await page.getByTestId('stock-row').first().click();
        await expect.poll(() => page.getByTestId('stock-movement').count()).toBeGreaterThan(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${lang} ${viewport.width}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SHOTS, `stock-levels-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`), fullPage: true });
      }
    }
  });
});
