import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, e2eDatabases, launchBrowser, signIn, startDemo, tablet, type DemoServer } from './harness.js';

/** What a keyboard-wedge scanner does: the whole code within a few milliseconds, then Enter, into the focused element. */
function scan(page: Page, code: string): Promise<void> {
  return page.evaluate((c) => {
    let target: Element | null = document.activeElement;
    while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
    for (const key of [...c, 'Enter']) {
      (target ?? window).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    }
  }, code);
}

/** The data-testid of the element that has the focus, looking through shadow roots. */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('data-testid') ?? null;
  });
}

// The shell as a new user meets it: scans, searches, focus — issue 7, "the shell, tried as a new user would".
describe.each(e2eDatabases())('the shell as a new user meets it (%s)', (dialect) => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemo(dialect);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(): Promise<Page> {
    const ctx = await tablet(browser);
    const page = await ctx.newPage();
    await signIn(page, server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('header-user').count(), { timeout: 15_000 }).toBe(1);
    return page;
  }

  async function articlesPage(page: Page) {
    await page.getByTestId('nav-catalog/articles').click();
    await expect.poll(() => page.getByTestId('articles-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  }

  it('puts the cursor in the username, the articles search and the price checker’s code', async () => {
    const ctx = await tablet(browser);
    const page = await ctx.newPage();
    await page.goto(server.url);
    await expect.poll(() => focusedTestId(page), { timeout: 15_000 }).toBe('login-username');
    await page.waitForLoadState('networkidle');
    await expect.poll(() => focusedTestId(page), { timeout: 15_000 }).toBe('login-username');
    // Typed at a person's pace: keys less than 35 ms apart are a scanner's burst, which the shell takes as a scan.
    await page.keyboard.type('gerant', { delay: 60 });
    expect(await page.getByTestId('login-username').inputValue()).toBe('gerant');
    await page.getByTestId('login-password').fill('demo-gerant');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('header-user').count(), { timeout: 60_000 }).toBe(1);
    await articlesPage(page);
    await expect.poll(() => focusedTestId(page), { timeout: 10_000 }).toBe('articles-search');
    await page.getByTestId('nav-pricing/check').click();
    await expect.poll(() => focusedTestId(page), { timeout: 10_000 }).toBe('checker-code');
    await ctx.close();
  });

  it('a scan while the “unknown barcode” question is open closes it and opens the scanned article', async () => {
    const page = await signedIn();
    await articlesPage(page);
    const created = await api(page, 'POST', '/api/catalog/articles', {
      code: 'E2E-SCAN-1', name: 'Pain d’épices de Dinant 300 g', vatCategory: 'BE-6', price: 450, barcodes: ['5412345000044'],
    });
    expect(created.status).toBe(201);
    await scan(page, '4006381333931');
    await expect.poll(() => page.getByTestId('barcode-unknown').count(), { timeout: 10_000 }).toBe(1);
    // The scanner fires again while the question is on top: the question goes, the scanned article opens.
    await scan(page, '5412345000044');
    await expect.poll(() => page.getByTestId('article-name').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('article-name').inputValue(), { timeout: 10_000 }).toBe('Pain d’épices de Dinant 300 g');
    expect(await page.getByTestId('barcode-unknown').count()).toBe(0);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await page.context().close();
  });

  it('Enter on a search with a single hit opens it; a typed barcode does', async () => {
    const page = await signedIn();
    await articlesPage(page);
    const created = await api(page, 'POST', '/api/catalog/articles', {
      code: 'E2E-ENTER-1', name: 'Sirop de Liège artisanal 450 g', vatCategory: 'BE-6', price: 495, barcodes: ['5412345000051'],
    });
    expect(created.status).toBe(201);
    await page.getByTestId('articles-search').click();
    // Typed by a person: slowly enough not to be taken for a scanner.
    await page.getByTestId('articles-search').pressSequentially('5412345000051', { delay: 80 });
    await page.getByTestId('articles-search').press('Enter');
    await expect.poll(() => page.getByTestId('article-name').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('article-name').inputValue(), { timeout: 10_000 }).toBe('Sirop de Liège artisanal 450 g');
    await page.context().close();
  });

  it('a customer card scanned on the customers list opens that customer', async () => {
    const page = await signedIn();
    await page.getByTestId('nav-catalog/customers').click();
    await expect.poll(() => page.getByTestId('customers-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const second = page.getByTestId('customers-row').nth(1);
    const code = (await second.getAttribute('data-code'))!;
    const name = (await second.locator('.strong').textContent())!.trim();
    await scan(page, code);
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/catalog\/customers\/\d+/);
    await expect.poll(() => page.getByTestId('customer-name').inputValue(), { timeout: 10_000 }).toBe(name);
    await page.context().close();
  });

  it('a picker keeps no text: not after a choice by keyboard, nor after Escape, nor when the focus leaves', async () => {
    const page = await signedIn();
    await page.getByTestId('nav-pricing/check').click();
    const search = page.getByTestId('checker-customer-search');
    await search.click();
    await search.pressSequentially('a', { delay: 60 });
    await expect.poll(() => page.getByTestId('checker-customer-result').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const first = (await page.getByTestId('checker-customer-result').first().getAttribute('data-code'))!;
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('checker-customer-name').count(), { timeout: 10_000 }).toBe(1);
    expect(await search.count() ? await search.inputValue() : '').toBe('');
    expect(first).toBeTruthy();
    await page.getByTestId('checker-customer-clear').click();

    await search.click();
    await search.pressSequentially('zz', { delay: 60 });
    await expect.poll(() => page.getByTestId('checker-customer-none').count(), { timeout: 10_000 }).toBe(1);
    await search.press('Escape');
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');

    await search.pressSequentially('ma', { delay: 60 });
    await page.getByTestId('checker-code').click();
    await expect.poll(() => search.inputValue(), { timeout: 10_000 }).toBe('');
    expect(await page.getByTestId('checker-customer-result').count()).toBe(0);
    await page.context().close();
  });

  it('shows and reads days in the shop’s locale, whatever the browser’s', async () => {
    // An American browser: a native date field would write 12/31/2026 here.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await ctx.newPage();
    await signIn(page, server.url, 'gerant', 'demo-gerant');
    await page.getByTestId('nav-pricing/check').click();
    const day = page.getByTestId('checker-date');
    await expect.poll(() => day.inputValue(), { timeout: 10_000 }).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await day.fill('31/12/2026');
    await day.press('Tab');
    await expect.poll(() => day.inputValue()).toBe('31/12/2026');
    expect(await page.locator('cpt-date-field').first().evaluate((el) => (el as HTMLInputElement).value)).toBe('2026-12-31');
    await day.fill('31/02/2026');
    await day.press('Tab');
    await expect.poll(() => page.getByTestId('checker-date-unreadable').textContent()).toContain('écrivez-la comme 31/12/2026');
    await ctx.close();
  });
});
