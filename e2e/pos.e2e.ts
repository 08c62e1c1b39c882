import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, e2eDatabases, launchBrowser, signIn, startDemo, type DemoServer } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

interface DemoArticle {
  id: number;
  code: string;
  name: string;
  price: number;
  unit: string;
  active: boolean;
}

// Drinks carry a deposit line (composeLines): kept out of the simple sales, whose totals are one article's price.
const DRINKS = /^(BIE|VIN|SPI|SOF|EAU)-/;
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

// The till as a cashier uses it all day: a sale by keyboard alone, by touch alone, by scanner; a mixed cash and
// card payment with change and Belgian cash rounding; a ticket parked then resumed. The ticket lives on the server.
describe.each(e2eDatabases())('the till’s sale screen (%s)', (dialect) => {
  let server: DemoServer;
  let browser: Browser;
  let articles: DemoArticle[] = [];
  let stations = 0;

  beforeAll(async () => {
    server = await startDemo(dialect);
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The sale screen in a fresh browser registered as a new station, signed in as the manager, in a language. */
  async function till(opts: { viewport?: { width: number; height: number }; lang?: 'fr' | 'nl' | 'en'; touch?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: opts.viewport ?? TABLET, locale: 'fr-BE', hasTouch: opts.touch ?? true });
    const page = await context.newPage();
    await signIn(page, server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('nav-toggle').count(), { timeout: 15_000 }).toBe(1);
    expect((await api(page, 'POST', '/api/stations', { name: `Caisse ${++stations}` })).status).toBe(201);
    const { body } = await api(page, 'GET', '/api/session');
    if (opts.lang) await page.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [String(body.user.id), opts.lang]);
    if (!articles.length) {
      const page1 = (await api(page, 'GET', '/api/catalog/articles?pageSize=100')).body;
      articles = (page1.items as DemoArticle[]).filter((a) => a.active !== false && a.unit === 'piece' && a.price > 0 && !DRINKS.test(a.code));
    }
    await page.goto(`${server.url}/#/pos/sale`);
    await page.reload();
    await expect.poll(() => page.getByTestId('pos-scan').count(), { timeout: 15_000 }).toBe(1);
    return page;
  }

  const total = (page: Page) => page.getByTestId('pos-total').textContent();
  const lineCount = (page: Page) => page.getByTestId('pos-line').count();
  const euro = (cents: number) => new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
  /** An article whose price ends in neither 0 nor 5 cents, so cash rounding shows. */
  const oddPriced = () => articles.find((a) => a.price % 5 !== 0) ?? articles[0]!;

  it('sells by keyboard alone: the scan field has the focus, "3*" then a code, F12 pays, Enter takes the exact cash', async () => {
    const page = await till();
    const [a, b] = [articles[0]!, articles[1]!];
    // The scan field has the focus from the start: no click anywhere.
    await page.keyboard.type('3*', { delay: 120 }); // typed by hand, slower than a scanner
    await expect.poll(() => page.getByTestId('pos-pending-qty').textContent()).toContain('3');
    await page.keyboard.type(a.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('pos-line-qty').first().textContent()).toBe('3');
    await page.keyboard.type(b.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => total(page)).toBe(euro(3 * a.price + b.price));
    // F6 voids the selected (last) line, F7 adds one to it.
    await page.keyboard.press('F6');
    await expect.poll(() => lineCount(page)).toBe(1);
    await page.keyboard.press('F7');
    await expect.poll(() => page.getByTestId('pos-line-qty').first().textContent()).toBe('4');
    // The shortcuts are listed on "?" (focus out of the field first, as "?" is text in a field).
    await page.keyboard.press('Escape');
    await page.keyboard.press('F12');
    await expect.poll(() => page.getByTestId('pos-pay-dialog').isVisible()).toBe(true);
    await page.keyboard.press('Enter'); // empty amount: the exact cash …
    await page.getByTestId('pos-pay-exact').waitFor({ state: 'attached' });
    await expect.poll(() => page.getByTestId('pos-pay-tender').count()).toBe(0);
    await page.getByTestId('pos-pay-amount').focus();
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pos-pay-tender').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pos-receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.frameLocator('[data-testid="pos-receipt-frame"]').locator('body').textContent({ timeout: 10_000 }), { timeout: 10_000 }).toContain('TOTAL');
    await page.keyboard.press('Enter'); // "New sale" has the focus
    await expect.poll(() => page.getByTestId('pos-receipt').isVisible()).toBe(false);
    expect(await lineCount(page)).toBe(0);
    const { body: open } = await api(page, 'GET', '/api/pos/tickets');
    expect(Array.isArray(open) ? open : open.items).toHaveLength(0);
  });

  it('sells by touch alone on a tablet: tap + and the card, with the shortcut list shown on "?"', async () => {
    const page = await till({ touch: true });
    const a = articles[2]!;
    await page.getByTestId('pos-scan').tap();
    await page.getByTestId('pos-scan').fill(a.code);
    await page.getByTestId('pos-scan').press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('pos-line-more').first().tap();
    await expect.poll(() => page.getByTestId('pos-line-qty').first().textContent()).toBe('2');
    await expect.poll(() => total(page)).toBe(euro(2 * a.price));
    await page.getByTestId('pos-pay').tap();
    await page.getByTestId('pos-pay-method-card').tap();
    await expect.poll(() => page.getByTestId('pos-pay-change').textContent()).toBe(euro(0));
    await page.getByTestId('pos-pay-confirm').tap();
    await expect.poll(() => page.getByTestId('pos-receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('pos-receipt-new').tap();
    await expect.poll(() => total(page)).toBe(euro(0));
    // The shortcuts of the till are listed in the shell's help ("?", or its button).
    await page.getByTestId('help-button').tap();
    await expect.poll(() => page.locator('dl.shortcut-list').textContent()).toContain('Mettre en attente');
    expect(await page.locator('dl.shortcut-list').textContent()).toContain('F12');
  });

  it('adds what a scanner types fast and ends with Enter, even with the focus elsewhere', async () => {
    const page = await till();
    const a = articles[3]!;
    await page.getByTestId('pos-total').click();
    await page.keyboard.type(a.code, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('pos-scan').focus();
    await page.keyboard.type(a.code, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => total(page), { timeout: 10_000 }).toBe(euro(2 * a.price));
  });

  it('takes a mixed cash and card payment: the cash part rounded to 5 cents, the change shown large', async () => {
    const page = await till();
    const a = oddPriced();
    await page.keyboard.type(a.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    const due = a.price;
    await page.getByTestId('pos-pay').click();
    // 1,00 € by card, the rest in cash with a 20 € note (or a 100 € one for a dear article).
    await page.getByTestId('pos-pay-amount').fill('1');
    await page.getByTestId('pos-pay-method-card').click();
    const cashPart = due - 100;
    const rounded = Math.floor((cashPart + 2.5) / 5) * 5;
    if (rounded !== cashPart) expect(await page.getByTestId('pos-pay-cash-due').textContent()).toContain(euro(rounded));
    const note = rounded <= 2000 ? 2000 : 10000;
    await page.getByTestId(`pos-pay-note-${note}`).click();
    await expect.poll(() => page.getByTestId('pos-pay-change').textContent()).toBe(euro(note - rounded));
    await page.screenshot({ path: join(SHOTS, `pos-pay-mixed-fr-1024x768-${dialect}.png`) });
    const answer = page.waitForResponse((r) => r.url().endsWith('/checkout'));
    await page.getByTestId('pos-pay-confirm').click();
    const response = await answer;
    // The checkout carries an Idempotency-Key (a UUID for this attempt).
    expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.status()).toBe(201);
    await expect.poll(() => page.getByTestId('pos-receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('pos-receipt-change').textContent()).toContain(euro(note - rounded));
    await expect.poll(() => page.frameLocator('[data-testid="pos-receipt-frame"]').locator('body').textContent({ timeout: 10_000 }), { timeout: 10_000 }).toContain('TOTAL');
    await page.screenshot({ path: join(SHOTS, `pos-receipt-fr-1024x768-${dialect}.png`) });
    // What the server recorded: the card's euro, the rounded cash part, the rounding and the change.
    const { ticket } = (await response.json()) as { ticket: { rounding: number; change: number; payments: Array<{ method: string; amount: number; tendered: number }> } };
    expect(ticket.rounding).toBe(rounded - cashPart);
    expect(ticket.change).toBe(note - rounded);
    expect(ticket.payments.map((p) => [p.method, p.amount, p.tendered])).toEqual([['card', 100, 100], ['cash', rounded, note]]);
  });

  it('parks a ticket and resumes it from the parked list', async () => {
    const page = await till();
    const a = articles[4]!;
    await page.keyboard.type(a.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('pos-park').click();
    await expect.poll(() => lineCount(page)).toBe(0);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('pos-parked-row').count()).toBeGreaterThan(0);
    await page.getByTestId('pos-parked-row').last().click();
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => total(page)).toBe(euro(a.price));
  });

  it('reads the X report, counts the cash by denomination and takes the Z closure', async () => {
    const page = await till();
    const a = oddPriced();
    await page.keyboard.type(a.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('pos-pay').click();
    await page.getByTestId('pos-pay-exact').click();
    await page.getByTestId('pos-pay-confirm').click();
    await expect.poll(() => page.getByTestId('pos-receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    const rounded = Math.floor((a.price + 2.5) / 5) * 5;

    await page.goto(`${server.url}/#/pos/closing`);
    await expect.poll(() => page.getByTestId('pos-x-sales').textContent(), { timeout: 15_000 }).toBe(euro(a.price));
    expect(await page.getByTestId('pos-x-expected').textContent()).toBe(euro(rounded));
    // Count the drawer: what was paid in 1 € coins and the rest in 5-cent coins, one coin short.
    const ones = Math.floor(rounded / 100);
    const fives = (rounded - ones * 100) / 5;
    await page.getByTestId('pos-count-100').fill(String(ones));
    await page.getByTestId('pos-count-5').fill(String(fives + 1));
    await expect.poll(() => page.getByTestId('pos-difference').textContent()).toBe(euro(5));
    await page.getByTestId('pos-explanation').fill('Pièce trouvée sous le tiroir');
    await page.screenshot({ path: join(SHOTS, `pos-closing-fr-1024x768-${dialect}.png`) });
    await page.getByTestId('pos-close').click();
    await expect.poll(() => page.getByTestId('pos-z-number').textContent(), { timeout: 10_000 }).toMatch(/^Z\d+-\d{4}-\d+/);
    const { body: closures } = await api(page, 'GET', '/api/pos/closures');
    const z = (Array.isArray(closures) ? closures : closures.items)[0];
    const { body: full } = await api(page, 'GET', `/api/pos/closures/${z.id}`);
    expect(full.cashCount).toMatchObject({ counted: rounded + 5, expected: rounded, difference: 5, explanation: 'Pièce trouvée sous le tiroir' });
  });

  it('looks right on a tablet and a phone in French, Dutch and English', async () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      for (const viewport of [TABLET, PHONE]) {
        const page = await till({ viewport, lang });
        for (const a of articles.slice(5, 8)) {
          await page.getByTestId('pos-scan').fill(a.code);
          await page.getByTestId('pos-scan').press('Enter');
        }
        await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(3);
        await page.screenshot({ path: join(SHOTS, `pos-sale-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`), fullPage: true });
        await page.getByTestId('pos-pay').click();
        await page.getByTestId('pos-pay-note-5000').click();
        await page.screenshot({ path: join(SHOTS, `pos-pay-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`) });
        await page.context().close();
      }
    }
  });
});
