import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@comptoir/kernel/testing';
import { PrinterSimulator } from '@comptoir/device-escpos';
import { api, e2eDatabases, launchBrowser, runComptoir, signIn, startComptoir, type RunningServer } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'kernel', 'dist', 'cli.js');

// Settings › Devices as a manager uses it: the demo shop with the device manager and the ESC/POS driver enabled the way
// an administrator does (`comptoir plugins enable`), the simulated printer added to the station, tested, a receipt
// that waits while the paper is out and prints when the manager presses "Réessayer".
describe.each(e2eDatabases())('devices in the shell (%s)', (dialect) => {
  let db: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let printer: PrinterSimulator;
  let stations = 0;
  const env = () => ({ COMPTOIR_DATABASE_URL: db.databaseUrl ?? '' });

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const args = ['--data', db.dataDir];
    await runComptoir({ cli: CLI, cwd: ROOT, args: [...args, 'demo', '--no-listen'], env: env() });
    await runComptoir({ cli: CLI, cwd: ROOT, args: [...args, 'plugins', 'enable', 'devices'], env: env() });
    await runComptoir({ cli: CLI, cwd: ROOT, args: [...args, 'plugins', 'enable', 'device-escpos'], env: env() });
    server = await startComptoir({ cli: CLI, cwd: ROOT, args: [...args, 'start'], env: env() });
    printer = await new PrinterSimulator().start();
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await printer?.stop();
    await db?.drop();
  });

  /** The devices screen in a fresh browser registered as a new station with the simulated printer, signed in as the manager. */
  async function devicesScreen(lang: 'fr' | 'nl' | 'en', viewport = { width: 1024, height: 768 }): Promise<{ page: Page; deviceId: number }> {
    const page = await (await browser.newContext({ viewport, locale: 'fr-BE', hasTouch: true })).newPage();
    await signIn(page, server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('nav-toggle').count(), { timeout: 15_000 }).toBe(1);
    const station = await api(page, 'POST', '/api/stations', { name: `Caisse ${++stations}` });
    expect(station.status).toBe(201);
    const device = await api(page, 'POST', '/api/devices', {
      stationId: station.body.id, kind: 'receipt-printer', name: 'Imprimante caisse', driver: 'escpos', connection: { type: 'tcp', host: printer.host, port: printer.port },
    });
    expect(device.status).toBe(201);
    const { body } = await api(page, 'GET', '/api/session');
    await page.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [String(body.user.id), lang]);
    await page.goto(`${server.url}/#/settings/devices`);
    await page.reload();
    await expect.poll(() => page.getByTestId('devices-row').count(), { timeout: 15_000 }).toBe(1);
    return { page, deviceId: device.body.id };
  }

  /** Sells the first piece article of the demo, paid by card, through the API (as the sale screen does). */
  async function sale(page: Page): Promise<string> {
    return page.evaluate(async () => {
      const session = await (await fetch('/api/session')).json();
      const headers = { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken };
      const post = async (path: string, body: unknown, extra: Record<string, string> = {}) => (await fetch(path, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) })).json();
      const articles = await (await fetch('/api/catalog/articles?pageSize=50')).json();
      const article = articles.items.find((a: any) => a.unit === 'piece' && a.price > 0 && a.active !== false);
      const ticket = await post('/api/pos/tickets', {});
      const withLine = await post(`/api/pos/tickets/${ticket.id}/lines`, { articleId: article.id });
      const paid = await post(`/api/pos/tickets/${ticket.id}/checkout`, { tenders: [{ method: 'card', amount: withLine.total }] }, { 'idempotency-key': crypto.randomUUID() });
      return paid.ticket.number as string;
    });
  }

  it('tests the printer from the screen and shows its state live; a receipt waits while the paper is out and prints on "Réessayer"', async () => {
    const { page, deviceId } = await devicesScreen('fr');
    await page.getByTestId(`devices-test-${deviceId}`).click();
    await expect.poll(() => page.getByTestId(`devices-state-${deviceId}`).textContent(), { timeout: 15_000 }).toBe('en ligne');
    await printer.waitFor((d) => d.receipts.some((r) => r.lines.some((l) => l.includes('Imprimante caisse'))));

    printer.condition.paperOut = true;
    const number = await sale(page);
    // The state arrives over server-sent events: nobody reloads the page.
    await expect.poll(() => page.getByTestId(`devices-state-${deviceId}`).textContent(), { timeout: 15_000 }).toBe('plus de papier');
    const row = page.getByTestId('job-row').filter({ hasText: number });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const jobId = await row.getAttribute('data-key');
    expect(await page.getByTestId(`job-status-${jobId}`).textContent()).toBe('en attente');
    expect(await row.textContent()).toContain('plus de papier');
    await page.screenshot({ path: join(SHOTS, `devices-${dialect}-fr-1024.png`), fullPage: true });

    printer.condition.paperOut = false;
    await page.getByTestId(`job-retry-${jobId}`).click();
    await expect.poll(() => page.getByTestId(`job-status-${jobId}`).textContent(), { timeout: 15_000 }).toBe('imprimé');
    await printer.waitFor((d) => d.receipts.some((r) => r.barcodes.some((b) => b.data === number)));
    await expect.poll(() => page.getByTestId(`devices-state-${deviceId}`).textContent(), { timeout: 15_000 }).toBe('en ligne');
  });

  it('reads in Dutch and English, on a tablet and on a phone', async () => {
    for (const [lang, state] of [['nl', 'Testen'], ['en', 'Test']] as const) {
      for (const viewport of [{ width: 1024, height: 768 }, { width: 390, height: 844 }]) {
        const { page, deviceId } = await devicesScreen(lang, viewport);
        expect((await page.getByTestId(`devices-test-${deviceId}`).textContent())?.trim()).toBe(state);
        await page.screenshot({ path: join(SHOTS, `devices-${dialect}-${lang}-${viewport.width}.png`), fullPage: true });
        await page.context().close();
      }
    }
    const { page } = await devicesScreen('fr', { width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, `devices-${dialect}-fr-390.png`), fullPage: true });
  });
});
