import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@comptoir/kernel/testing';
import { api, e2eDatabases, launchBrowser, runComptoir, signIn, startComptoir, type RunningServer } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'kernel', 'dist', 'cli.js');
const VIEWPORTS = [{ width: 1024, height: 768 }, { width: 390, height: 844 }];

// A French shop: the demo, then `comptoir plugins enable fiscal-fr` and a restart, the way an installer does it.
// Training mode switched on for a station and a training ticket made in Chromium; a month's Z, its archive
// downloaded from the fiscal journal screen and verified by the CLI with the fingerprint the screen shows.
describe.each(e2eDatabases())('a French till: training mode and signed archives (%s)', (dialect) => {
  let db: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  const env = () => ({ COMPTOIR_DATABASE_URL: db.databaseUrl ?? '' });

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const demo = await startComptoir({ cli: CLI, cwd: ROOT, args: ['--data', db.dataDir, 'demo'], env: env() });
    await demo.stop();
    await runComptoir({ cli: CLI, cwd: ROOT, args: ['--data', db.dataDir, 'plugins', 'enable', 'fiscal-fr'], env: env() });
    server = await startComptoir({ cli: CLI, cwd: ROOT, args: ['--data', db.dataDir, 'start'], env: env() });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  /** A fresh browser registered as a station, signed in as the manager, on a screen, in a language. */
  async function at(path: string, opts: { lang?: 'fr' | 'nl' | 'en'; viewport?: { width: number; height: number }; register?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: opts.viewport ?? VIEWPORTS[0], locale: 'fr-BE', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('nav-toggle').count(), { timeout: 15_000 }).toBe(1);
    if (opts.register !== false) expect((await api(page, 'POST', '/api/stations', { name: `Formation ${Math.random().toString(36).slice(2, 6)}` })).status).toBe(201);
    const { body } = await api(page, 'GET', '/api/session');
    if (opts.lang) await page.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [String(body.user.id), opts.lang]);
    await page.goto(`${server.url}/#/${path}`);
    await page.reload();
    return page;
  }

  it('switches training mode on for the station and prints a training ticket “MODE FORMATION — NON VALABLE”', async () => {
    const page = await at('fiscal-fr/training');
    await expect.poll(() => page.getByTestId('training-switch').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('training-banner').count()).toBe(0);
    await page.getByTestId('training-switch').click();
    await expect.poll(() => page.getByTestId('training-banner').textContent()).toBe('MODE FORMATION — NON VALABLE');
    const article = (await api(page, 'GET', '/api/catalog/articles?pageSize=50')).body.items.find((a: any) => a.unit === 'piece' && a.price > 0 && !/^(BIE|VIN|SPI|SOF|EAU)-/.test(a.code));
    await page.getByTestId('training-code').fill(article.code);
    await page.getByTestId('training-quantity').fill('2');
    await page.getByTestId('training-add').click();
    await expect.poll(() => page.getByTestId('training-line').count()).toBe(1);
    const before = (await api(page, 'GET', '/api/pos/reports/x')).body.sales;
    await page.getByTestId('training-validate').click();
    await expect.poll(async () => (await page.getByTestId('training-error').count()) ? await page.getByTestId('training-error').textContent() : page.getByTestId('training-receipt').count(), { timeout: 10_000 }).toBe(1);
    const receipt = await page.getByTestId('training-receipt').textContent();
    expect(receipt!.split('\n')[0]).toBe('*** MODE FORMATION — NON VALABLE ***');
    expect(receipt).toContain(article.name);
    expect(receipt).toMatch(/ticket de formation F\d+-\d{4}-000001/);
    await page.screenshot({ path: join(SHOTS, `fiscal-fr-training-receipt-fr-1024x768-${dialect}.png`), fullPage: true });
    // Not a sale: the station's figures did not move.
    expect((await api(page, 'GET', '/api/pos/reports/x')).body.sales).toEqual(before);
  });

  it('closes a month, then downloads its signed archive, which the CLI verifies offline with the fingerprint on screen', async () => {
    const page = await at('fiscal-fr/archives');
    const lastMonth = new Date(Date.now() - 32 * 86_400_000).toISOString().slice(0, 7);
    const z = await api(page, 'POST', '/api/pos/closures', { scope: 'shop', period: 'month', date: `${lastMonth}-15` });
    expect(z.status).toBe(201);
    await expect.poll(async () => {
      await page.reload();
      await expect.poll(() => page.getByTestId('archives-fingerprint').textContent(), { timeout: 10_000 }).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
      return page.getByTestId('archives-download').count();
    }, { timeout: 20_000 }).toBeGreaterThan(0);
    const fingerprint = (await page.getByTestId('archives-fingerprint').textContent())!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('archives-download').first().click()]);
    const file = join(db.dataDir, `downloaded-${download.suggestedFilename()}`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe(`comptoir-journal-${lastMonth}.tar`);
    const out = await runComptoir({ cli: CLI, cwd: ROOT, args: ['journal', 'verify', '--archive', file, '--fingerprint', fingerprint] });
    expect(out).toContain('Archive(s) intact: 1 verified.');
    await page.screenshot({ path: join(SHOTS, `fiscal-fr-archives-downloaded-fr-1024x768-${dialect}.png`), fullPage: true });
  });

  it('shows both screens in French, Dutch and English, on a tablet and a phone, within the window', async () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      for (const viewport of VIEWPORTS) {
        for (const screen of ['training', 'archives']) {
          const page = await at(`fiscal-fr/${screen}`, { lang, viewport });
          await expect.poll(() => page.getByTestId(screen === 'training' ? 'training-status' : 'archives-fingerprint').count(), { timeout: 15_000 }).toBe(1);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
          await page.screenshot({ path: join(SHOTS, `fiscal-fr-${screen}-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`), fullPage: true });
          await page.context().close();
        }
      }
    }
  });
});
