import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, e2eDatabases, signIn, useDemo } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

/** Sells one article through the till's API, as the sale screen does (one Idempotency-Key per payment). */
async function sell(page: Page, articleId: number, quantity: number, method: string): Promise<any> {
  return page.evaluate(async ({ articleId, quantity, method, key }) => {
    const session = await (await fetch('/api/session')).json();
    const headers = { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken };
    const post = async (path: string, body: unknown, extra: Record<string, string> = {}) =>
      (await fetch(path, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) })).json();
    const ticket = await post('/api/pos/tickets', {});
    const withLine = await post(`/api/pos/tickets/${ticket.id}/lines`, { articleId, quantity });
    // Cash is rounded to 5 cents: hand over a round amount and get the change.
    const amount = method === 'cash' ? Math.ceil(withLine.total / 500) * 500 : withLine.total;
    return post(`/api/pos/tickets/${ticket.id}/checkout`, { tenders: [{ method, amount }] }, { 'idempotency-key': key });
  }, { articleId, quantity, method, key: randomUUID() });
}

// Caisse › Statistiques after a few sales of the demo shop: the chart is drawn, the table shows the X's figures,
// the CSV downloads as Belgian Excel reads it; the screen on a tablet and a phone in the three languages.
describe.each(e2eDatabases())('the till’s statistics screen (%s)', (dialect) => {
  const demo = useDemo(dialect);
  let page: Page;
  let net = 0;
  /** What the tenders add up to: the net plus the cash rounding. */
  let paid = 0;
  let userId = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await demo.browser.newContext({ viewport: TABLET, locale: 'fr-BE', acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await page.getByTestId('nav-toggle').waitFor({ state: 'attached', timeout: 15_000 });
    const station = await api(page, 'POST', '/api/stations', { name: 'Caisse stats' });
    if (station.status !== 201) throw new Error(`station: ${station.status}`);
    userId = String((await api(page, 'GET', '/api/session')).body.user.id);
    const articles = (await api(page, 'GET', '/api/catalog/articles?pageSize=60')).body.items
      .filter((a: any) => a.active !== false && a.unit === 'piece' && a.price > 0 && !/^(BIE|VIN|SPI|SOF|EAU)-/.test(a.code));
    for (const [i, method] of ['cash', 'card', 'cash', 'card', 'cash'].entries()) {
      const sale = await sell(page, articles[i].id, 1000 * (i + 1), method);
      if (sale.ticket?.status !== 'paid') throw new Error(`sale: ${JSON.stringify(sale)}`);
    }
    const x = (await api(page, 'GET', '/api/pos/reports/x?scope=shop&period=day')).body;
    net = x.net;
    paid = x.payments.reduce((sum: number, p: { amount: number }) => sum + p.amount, 0);
  });

  const euro = (cents: number, locale = 'fr-BE') => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);

  /** True once Chart.js has painted bars on the canvas (some pixel is not transparent). */
  const painted = () => page.getByTestId('pos-stats-chart').evaluate((canvas: HTMLCanvasElement) => {
    if (!canvas.width || !canvas.height) return false;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
    return false;
  });


  async function open(lang: 'fr' | 'nl' | 'en', viewport = TABLET): Promise<void> {
    await page.setViewportSize(viewport);
    await page.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [userId, lang]);
    await page.goto(`${demo.server.url}/#/pos/stats`);
    await page.reload();
    await expect.poll(() => page.getByTestId('pos-stats-chart').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(painted, { timeout: 10_000 }).toBe(true);
  }

  it('draws the chart of today’s sales by hour, with the X report’s net in the table’s total, and downloads the CSV', async () => {
    await open('fr');
    const total = page.getByTestId('pos-stats-total');
    await expect.poll(() => total.textContent()).toContain(euro(net));
    // By payment method: cash and card, adding up to the X's payments (cash rounding included).
    await page.getByTestId('pos-stats-axis-payment').click();
    await expect.poll(() => page.getByTestId('pos-stats-row').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Espèces'), expect.stringContaining('Carte')]));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pos-stats-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^stats-payment-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n').map((l) => l.split(';'));
    expect(lines[0][0]).toBe('Moyen de paiement');
    expect(lines.at(-1)![0]).toBe('Total');
    expect(lines.at(-1)).toContain((paid / 100).toFixed(2).replace('.', ','));
    // The journals: the receipts journal's chart, the sales journal's tickets.
    await page.getByTestId('pos-stats-report-sales-journal').click();
    await expect.poll(() => page.getByTestId('pos-stats-row').count()).toBe(5);
    await page.getByTestId('pos-stats-report-receipts').click();
    await expect.poll(() => page.getByTestId('pos-stats-total').textContent()).toContain(euro(paid));
    await expect.poll(painted).toBe(true);
  });

  it('fits a tablet and a phone in French, Dutch and English', async () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      for (const viewport of [TABLET, PHONE]) {
        await open(lang, viewport);
        const title = { fr: 'Statistiques', nl: 'Statistieken', en: 'Statistics' }[lang];
        await expect.poll(() => page.locator('h1').allTextContents()).toContain(title);
        // Nothing spills sideways out of the window (the table scrolls inside its card).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${lang} ${viewport.width}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SHOTS, `pos-stats-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`) });
        // By article: a bar per article, and the table under the chart.
        await page.getByTestId('pos-stats-axis-article').click();
        await expect.poll(() => page.getByTestId('pos-stats-row').count()).toBe(5);
        await page.getByTestId('pos-stats-total').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `pos-stats-article-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`) });
      }
    }
  });
});
