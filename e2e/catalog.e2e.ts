import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, e2eDatabases, useDemo, signIn, tablet } from './harness.js';

// A manager and a cashier use the demo shop in Chromium, through the real server started by `comptoir demo`.
describe.each(e2eDatabases())('the demo shop in the browser (%s)', (dialect) => {
  const demo = useDemo(dialect);

  async function articlesPage(page: Page) {
    await page.getByTestId('nav-catalog/articles').click();
    await expect.poll(() => page.getByTestId('articles-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  }

  it('refuses a wrong password with a message, then signs in in French', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'pas-le-bon');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Identifiant ou mot de passe incorrect');
    await page.getByTestId('login-password').fill('demo-gerant');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('header-user').textContent()).toContain('Sophie');
    expect(await page.getByTestId('nav-catalog/articles').textContent()).toContain('Articles');
    await ctx.close();
  });

  it('searches the catalogue by name fragment and by barcode', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await articlesPage(page);
    await page.getByTestId('articles-search').fill('triple');
    await expect.poll(async () => {
      const names = await page.getByTestId('articles-row').allTextContents();
      return names.length > 0 && names.every((n) => /triple/i.test(n));
    }, { timeout: 10_000 }).toBe(true);

    // The first triple's barcode, read through the API the shell uses, finds exactly that article.
    const first = await page.getByTestId('articles-row').first().getAttribute('data-code');
    const article = await page.evaluate(async (code) => {
      const r = await fetch(`/api/catalog/articles?q=${encodeURIComponent(code!)}`);
      return (await r.json()).items[0];
    }, first);
    await page.getByTestId('articles-search').fill(article.barcodes[0].code);
    await expect.poll(() => page.getByTestId('articles-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('articles-row').first().getAttribute('data-code')).toBe(first);
    await ctx.close();
  });

  it('creates an article: a wrong check digit shows its message under the field, the fixed one saves', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await articlesPage(page);
    await page.getByTestId('articles-new').click();
    await page.getByTestId('article-code').fill('E2E-0001');
    await page.getByTestId('article-name').fill('Confiture de rhubarbe artisanale 370 g');
    await page.getByTestId('article-vat').selectOption('BE-6');
    await page.getByTestId('article-price').fill('4,95');
    await page.getByTestId('article-barcode-add').click();
    await page.getByTestId('article-barcode-0').fill('5412345000019');
    await page.getByTestId('article-save').click();
    await expect.poll(() => page.getByTestId('error-barcodes.0').textContent(), { timeout: 10_000 })
      .toContain('le chiffre de contrôle devrait être 3, pas 9');

    await page.getByTestId('article-barcode-0').fill('5412345000013');
    await page.getByTestId('article-save').click();
    await expect.poll(() => page.getByTestId('error-barcodes.0').count(), { timeout: 10_000 }).toBe(0);

    // The error goes as soon as the save starts; the article is there once it has committed.
    await expect.poll(async () => (await api(page, 'GET', '/api/catalog/barcodes/5412345000013')).body, { timeout: 10_000 })
      .toMatchObject({ code: 'E2E-0001', name: 'Confiture de rhubarbe artisanale 370 g', price: 495, vatCategory: 'BE-6' });
    await ctx.close();
  });

  it('edits an article and the list shows the new name', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await articlesPage(page);
    // Its own article, so that this test does not depend on another one having run.
    const created = await api(page, 'POST', '/api/catalog/articles', {
      code: 'E2E-0002', name: 'Miel de bruyère artisanal 250 g', vatCategory: 'BE-6', price: 750, barcodes: ['5412345000020'],
    });
    expect(created.status).toBe(201);
    await page.getByTestId('articles-search').fill('E2E-0002');
    await expect.poll(() => page.getByTestId('articles-row').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('articles-row').first().click();
    await expect.poll(() => page.getByTestId('article-name').inputValue(), { timeout: 10_000 }).toBe('Miel de bruyère artisanal 250 g');
    await page.getByTestId('article-name').fill('Miel de bruyère bio 250 g');
    await page.getByTestId('article-save').click();
    await expect.poll(async () => (await api(page, 'GET', '/api/catalog/barcodes/5412345000020')).body.name, { timeout: 10_000 })
      .toBe('Miel de bruyère bio 250 g');
    await articlesPage(page);
    await page.getByTestId('articles-search').fill('bruyère');
    await expect.poll(() => page.getByTestId('articles-row').allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining('Miel de bruyère bio 250 g')]);
    await ctx.close();
  });

  it('registers the till, then the cashier signs in there with a PIN and only reads the catalogue', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await page.getByTestId('nav-settings/stations').click();
    await page.getByTestId('station-name').fill('Caisse 1');
    await page.getByTestId('station-register').click();
    await expect.poll(() => page.getByTestId('header-station').textContent(), { timeout: 10_000 }).toContain('Caisse 1');
    await page.getByTestId('logout').click();

    // At a registered station with PIN users, the sign-in opens on the PIN tab.
    await expect.poll(() => page.getByTestId('signin-tab-pin').getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
    const caisse = page.locator('[data-testid^="pin-user-"]', { hasText: 'Lucas' });
    await caisse.click();
    for (const d of '1235') await page.getByTestId(`pin-${d}`).click();
    await page.getByTestId('pin-ok').click();
    await expect.poll(() => page.getByTestId('pin-error').textContent(), { timeout: 10_000 }).toContain('Code PIN incorrect');
    await page.getByTestId('pin-clear').click();
    await expect.poll(() => page.getByTestId('pin-display').getAttribute('aria-label'), { timeout: 10_000 }).toBe('aucun chiffre saisi');
    for (const d of '1234') await page.getByTestId(`pin-${d}`).click();
    await page.getByTestId('pin-ok').click();
    await expect.poll(() => page.getByTestId('header-user').textContent(), { timeout: 10_000 }).toContain('Lucas');
    expect(await page.getByTestId('header-station').textContent()).toContain('Caisse 1');
    expect(await page.getByTestId('nav-settings/users').count()).toBe(0);
    await articlesPage(page);
    expect(await page.getByTestId('articles-new').count()).toBe(0);
    await ctx.close();
  });

  it('opens the article a scanner reads, told apart from typing by the speed of its keystrokes', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await articlesPage(page);
    await page.getByTestId('articles-search').click();
    // A keyboard-wedge scanner types the whole code within a few milliseconds, then Enter.
    const scan = (code: string) => page.evaluate((c) => {
      const target = document.activeElement ?? window;
      for (const key of [...c, 'Enter']) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      }
    }, code);
    const created = await api(page, 'POST', '/api/catalog/articles', {
      code: 'E2E-0003', name: 'Sirop de Liège 450 g', vatCategory: 'BE-6', price: 495, barcodes: ['5412345000037'],
    });
    expect(created.status).toBe(201);
    await scan('5412345000037');
    await expect.poll(() => page.getByTestId('article-name').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('article-name').inputValue(), { timeout: 10_000 }).toBe('Sirop de Liège 450 g');

    // An unknown code offers to create the article with it.
    await articlesPage(page);
    await page.getByTestId('articles-search').click();
    await scan('4006381333931');
    await expect.poll(() => page.getByTestId('barcode-unknown').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText(/4006381333931/).count()).toBeGreaterThan(0);
    // The scanned digits were not typed into the search field.
    await page.getByTestId('barcode-unknown-cancel').click();
    expect(await page.getByTestId('articles-search').inputValue()).not.toContain('4006381333931');
    await ctx.close();
  });

  it('switches the interface to Dutch', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('nav-catalog/articles').textContent(), { timeout: 10_000 }).toContain('Articles');
    await page.getByTestId('lang-nl').click();
    await expect.poll(() => page.getByTestId('nav-catalog/articles').textContent(), { timeout: 10_000 }).toContain('Artikelen');
    await ctx.close();
  });
});
