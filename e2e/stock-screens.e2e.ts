import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, e2eDatabases, signIn, useDemo } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

// Stock › Réglages and Stock › Valorisation in the demo shop: a minimum raised on the screen puts the article in the
// below-minimum list; the valuation's total is the one the API computes; both screens on a tablet and a phone in
// the three languages.
describe.each(e2eDatabases())('the stock settings and valuation screens (%s)', (dialect) => {
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
    article = (await api(page, 'GET', '/api/catalog/articles?pageSize=5')).body.items[2];
    const r = await api(page, 'POST', '/api/stock/movements', { kind: 'receipt', articleId: article.id, quantity: 5000, unitCost: 250 });
    if (r.status !== 201) throw new Error(`receipt: ${r.status} ${JSON.stringify(r.body)}`);
  });

  async function open(screen: 'settings' | 'valuation', lang: 'fr' | 'nl' | 'en', viewport = TABLET): Promise<void> {
    await page.setViewportSize(viewport);
    await page.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [userId, lang]);
    await page.goto(`${demo.server.url}/#/stock/${screen}`);
    await page.reload();
    await page.getByTestId(screen === 'settings' ? 'threshold-search' : 'valuation-date').waitFor({ timeout: 15_000 });
  }

  it('raises a minimum on the screen and sees the article in the below-minimum list, with what to order', async () => {
    await open('settings', 'fr');
    await page.getByTestId('threshold-search').fill(article.code);
    const row = page.getByTestId('threshold-row').filter({ hasText: 'Magasin' }).first();
    await row.click();
    const stock = (await api(page, 'GET', `/api/stock/levels?articleId=${article.id}&locationId=1`)).body.items[0].quantity;
    const min = Math.ceil(stock / 1000) + 10;
    await page.getByTestId('threshold-min').fill(String(min));
    await page.getByTestId('threshold-max').fill(String(min + 10));
    await page.getByTestId('threshold-save').click();
    const below = page.getByTestId('below-row').filter({ hasText: article.name });
    await expect.poll(() => below.count(), { timeout: 10_000 }).toBe(1);
    const toOrder = new Intl.NumberFormat('fr-BE', { maximumFractionDigits: 3 }).format((min + 10) - stock / 1000);
    await expect.poll(() => below.first().textContent()).toContain(toOrder);
    const saved = (await api(page, 'GET', `/api/stock/levels?articleId=${article.id}&locationId=1`)).body.items[0];
    expect([saved.minimum, saved.maximum]).toEqual([min * 1000, (min + 10) * 1000]);
  });

  it('reads the valuation total the API computes, in the shop’s money format', async () => {
    await open('valuation', 'fr');
    const total = (await api(page, 'GET', '/api/stock/valuation')).body.total as number;
    const shown = new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' }).format(total / 100);
    await expect.poll(() => page.getByTestId('valuation-total').textContent(), { timeout: 10_000 }).toBe(shown);
    await expect.poll(() => page.getByTestId('valuation-location').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('valuation-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^stock-valuation-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('fits a tablet and a phone in French, Dutch and English', async () => {
    for (const screen of ['settings', 'valuation'] as const) {
      for (const lang of ['fr', 'nl', 'en'] as const) {
        for (const viewport of [TABLET, PHONE]) {
          await open(screen, lang, viewport);
          if (screen === 'settings') {
            await page.getByTestId('threshold-search').fill(article.code);
            await expect.poll(() => page.getByTestId('threshold-row').count()).toBeGreaterThan(0);
            await page.getByTestId('threshold-row').first().click();
          } else {
            await expect.poll(() => page.getByTestId('valuation-line').count()).toBeGreaterThan(0);
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${screen} ${lang} ${viewport.width}`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: join(SHOTS, `stock-${screen}-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`), fullPage: true });
        }
      }
    }
  });
});
