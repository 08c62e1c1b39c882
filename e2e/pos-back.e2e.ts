import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, e2eDatabases, signIn, useDemo } from './harness.js';
// The kernel's reader of the PDFs its painter writes (pdf-lib resolves beside it).
import { pdfPages } from '../kernel/test/support/pdf-text.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
const DRINKS = /^(BIE|VIN|SPI|SOF|EAU)-/;
const DENOMINATIONS = [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1];

interface DemoArticle { id: number; code: string; name: string; price: number; unit: string; active: boolean }

const euro = (cents: number) => new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** An API call with the page's session and extra headers (an Idempotency-Key). */
function call(page: Page, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return page.evaluate(async ({ method, path, body, headers }) => {
    const session = await (await fetch('/api/session')).json();
    const res = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  }, { method, path, body, headers });
}

/**
 * What a barcode scanner sends: the code's keys then Enter, a millisecond apart. Sent from inside the page, so that a
 * loaded test machine cannot stretch the burst into what the shell takes for typing (keys more than 35 ms apart).
 */
function scan(page: Page, code: string): Promise<void> {
  return page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...text, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  }, code);
}

// The till's back of the counter as a manager uses it: a partial refund found by scanning the receipt, a payment
// corrected from the day's tickets, a float and a withdrawal, the X report, the cash counted and the Z, whose
// PDF is read back for its grand totals.
describe.each(e2eDatabases())('the till’s back-of-counter screens (%s)', (dialect) => {
  const demo = useDemo(dialect);
  let page: Page;
  let articles: DemoArticle[] = [];
  let stations = 0;
  let sale: any;

  /** A fresh browser registered as a new station, signed in as the manager, in a language, on a screen. */
  async function till(screen: string, opts: { viewport?: { width: number; height: number }; lang?: 'fr' | 'nl' | 'en'; sameStation?: boolean } = {}): Promise<Page> {
    const context = await demo.browser.newContext({ viewport: opts.viewport ?? TABLET, locale: 'fr-BE', hasTouch: true });
    const p = await context.newPage();
    await signIn(p, demo.server.url, 'gerant', 'demo-gerant');
    // Also called from beforeAll, where expect.poll is not allowed: wait with the page's own means.
    await p.getByTestId('nav-toggle').waitFor({ state: 'attached', timeout: 15_000 });
    // Another browser of the same till (signed in first: a station's sign-in asks for a PIN), so the screens show that till's day.
    if (opts.sameStation) await context.addCookies((await page.context().cookies()).filter((c) => c.name === 'cpt_station'));
    if (!opts.sameStation && (await api(p, 'POST', '/api/stations', { name: `Caisse ${++stations}` })).status !== 201) throw new Error('station not registered');
    const { body } = await api(p, 'GET', '/api/session');
    if (opts.lang) await p.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [String(body.user.id), opts.lang]);
    await p.goto(`${demo.server.url}/#/${screen}`);
    await p.reload();
    return p;
  }

  /** A fresh screen (not the one left by the previous test). */
  async function go(screen: string, testid: string): Promise<void> {
    await page.goto(`${demo.server.url}/#/${screen}`);
    await page.reload();
    await expect.poll(() => page.getByTestId(testid).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    page = await till('pos/sale');
    const list = (await api(page, 'GET', '/api/catalog/articles?pageSize=100')).body;
    articles = (list.items as DemoArticle[]).filter((a) => a.active !== false && a.unit === 'piece' && a.price > 0 && !DRINKS.test(a.code));
    // The sale to refund and correct: two articles, two of each, paid in cash.
    const [a, b] = [articles[0]!, articles[1]!];
    const t = await call(page, 'POST', '/api/pos/tickets', {});
    await call(page, 'POST', `/api/pos/tickets/${t.body.id}/lines`, { articleId: a.id, quantity: 2000 });
    const full = await call(page, 'POST', `/api/pos/tickets/${t.body.id}/lines`, { articleId: b.id, quantity: 2000 });
    const paid = await call(page, 'POST', `/api/pos/tickets/${t.body.id}/checkout`, { tenders: [{ method: 'cash', amount: full.body.total + 10000 }] }, { 'Idempotency-Key': crypto.randomUUID() });
    expect(paid.status).toBe(201);
    sale = paid.body.ticket;
  });

  it('refunds one of two pieces of a line, the ticket found by scanning its receipt number', async () => {
    await go('pos/refund', 'pos-refund-number');
    // A scanner types fast and ends with Enter, wherever the focus is.
    await page.locator('h1').click();
    await scan(page, sale.number);
    await expect.poll(() => page.getByTestId('pos-refund-line').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('pos-refund-already').allTextContents()).toEqual(['0', '0']);
    const first = sale.lines[0];
    await page.getByTestId('pos-refund-qty').first().fill('5');
    await page.getByTestId('pos-refund-qty').first().press('Tab');
    // Never more than remains: 5 becomes the 2 sold.
    await expect.poll(() => page.getByTestId('pos-refund-qty').first().inputValue()).toBe('2');
    await page.getByTestId('pos-refund-qty').first().fill('1');
    await page.getByTestId('pos-refund-qty').first().press('Tab');
    const due = Math.round(first.total / 2);
    await expect.poll(() => page.getByTestId('pos-refund-total').textContent()).toBe(euro(due));
    // All in cash by default, rounded to 5 cents as the Belgian shop's cash is.
    expect(await page.getByTestId('pos-refund-cash').textContent()).toBe(euro(Math.floor((due + 2.5) / 5) * 5));
    await page.screenshot({ path: join(SHOTS, `pos-refund-partial-fr-1024x768-${dialect}.png`) });
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/pos/refunds'));
    await page.getByTestId('pos-refund-confirm').click();
    const response = await answer;
    expect(response.status()).toBe(201);
    expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('pos-refund-receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.frameLocator('[data-testid="pos-refund-frame"]').locator('body').textContent({ timeout: 10_000 }), { timeout: 10_000 }).toContain('TOTAL');
    await page.screenshot({ path: join(SHOTS, `pos-refund-receipt-fr-1024x768-${dialect}.png`) });
    await page.getByTestId('pos-refund-new').click();
    // What the server holds, and what the screen shows when the ticket is found again by its typed number.
    const after = (await api(page, 'GET', `/api/pos/tickets/${sale.id}`)).body;
    expect(after.lines.map((l: any) => l.refundedQuantity)).toEqual([1000, 0]);
    await page.getByTestId('pos-refund-number').fill(sale.number);
    await page.getByTestId('pos-refund-number').press('Enter');
    await expect.poll(() => page.getByTestId('pos-refund-already').allTextContents(), { timeout: 10_000 }).toEqual(['1', '0']);
  });

  it('gives a bottle’s deposit back with the bottle', async () => {
    const beers = (await api(page, 'GET', '/api/catalog/articles?q=BIE-&pageSize=50')).body.items as DemoArticle[];
    let bottle: any = null;
    for (const beer of beers.filter((a) => a.code.startsWith('BIE-') && a.unit === 'piece')) {
      const t = await call(page, 'POST', '/api/pos/tickets', {});
      const full = await call(page, 'POST', `/api/pos/tickets/${t.body.id}/lines`, { articleId: beer.id, quantity: 4000 });
      if (full.body.lines.length === 2) {
        bottle = (await call(page, 'POST', `/api/pos/tickets/${t.body.id}/checkout`, { tenders: [{ method: 'card', amount: full.body.total }] }, { 'Idempotency-Key': crypto.randomUUID() })).body.ticket;
        break;
      }
      await call(page, 'POST', `/api/pos/tickets/${t.body.id}/cancel`, {});
    }
    expect(bottle, 'a demo beer with its deposit').not.toBeNull();
    await go('pos/refund', 'pos-refund-number');
    await page.getByTestId('pos-refund-number').fill(bottle.number);
    await page.getByTestId('pos-refund-number').press('Enter');
    await expect.poll(() => page.getByTestId('pos-refund-ticket').textContent(), { timeout: 10_000 }).toContain(bottle.number);
    await page.getByTestId('pos-refund-qty').first().fill('1');
    await page.getByTestId('pos-refund-qty').first().press('Enter');
    // One bottle of four: its deposit follows (the deposit line's quantity over the bottle's).
    const deposit = bottle.lines[1];
    await expect.poll(() => page.getByTestId('pos-refund-qty').last().inputValue()).toBe(String(deposit.quantity / 4000));
    await expect.poll(() => page.getByTestId('pos-refund-total').textContent()).toBe(euro(Math.round(bottle.lines[0].total / 4) + Math.round(deposit.total / 4)));
    // Card paid, card refunded.
    await page.getByTestId('pos-refund-tender-card').fill(((Math.round(bottle.lines[0].total / 4) + Math.round(deposit.total / 4)) / 100).toFixed(2).replace('.', ','));
    await expect.poll(() => page.getByTestId('pos-refund-cash').textContent()).toBe(euro(0));
    await page.getByTestId('pos-refund-confirm').click();
    await expect.poll(() => page.getByTestId('pos-refund-receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('pos-refund-new').click();
    const after = (await api(page, 'GET', `/api/pos/tickets/${bottle.id}`)).body;
    expect(after.lines.map((l: any) => l.refundedQuantity)).toEqual([1000, deposit.quantity / 4]);
  });

  it('corrects the payment of a paid ticket from the day’s tickets: card instead of cash', async () => {
    await go('pos/history', 'pos-history-row');
    await expect.poll(() => page.getByTestId('pos-history-row').count()).toBe(4); // two sales, their refunds
    await page.getByTestId('pos-history-row').filter({ hasText: sale.number }).first().click();
    await expect.poll(() => page.getByTestId('pos-ticket-dialog').isVisible()).toBe(true);
    await expect.poll(() => page.frameLocator('[data-testid="pos-ticket-frame"]').locator('body').textContent({ timeout: 10_000 }), { timeout: 10_000 }).toContain(sale.number);
    await page.getByTestId('pos-ticket-correct').click();
    const paid = sale.payments.reduce((s: number, p: any) => s + p.amount, 0);
    expect(await page.getByTestId('pos-correct-left').textContent()).toBe(euro(paid));
    await page.getByTestId('pos-correct-card').fill((paid / 100).toFixed(2).replace('.', ','));
    await expect.poll(() => page.getByTestId('pos-correct-left').textContent()).toBe(euro(0));
    await page.getByTestId('pos-correct-reason').fill('Payé par carte, encodé en espèces');
    await page.screenshot({ path: join(SHOTS, `pos-correct-fr-1024x768-${dialect}.png`) });
    await page.getByTestId('pos-correct-confirm').click();
    await expect.poll(() => page.getByTestId('pos-ticket-payment').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('pos-ticket-payment').first().textContent()).toContain('Corrigé');
    const after = (await api(page, 'GET', `/api/pos/tickets/${sale.id}`)).body;
    expect(after.payments.map((p: any) => [p.method, p.amount, p.status])).toEqual([['cash', paid, 'corrected'], ['card', paid, 'active']]);
  });

  it('records an opening float and a cash withdrawal with its reason', async () => {
    await go('pos/cash', 'pos-cash-save');
    await page.getByTestId('pos-cash-amount').fill('150');
    await page.getByTestId('pos-cash-save').click();
    await expect.poll(() => page.getByTestId('pos-cash-row').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('pos-cash-kind-withdrawal').click();
    await page.getByTestId('pos-cash-amount').fill('40');
    // No reason, no withdrawal.
    expect(await page.getByTestId('pos-cash-save').getAttribute('disabled')).not.toBeNull();
    await page.getByTestId('pos-cash-reason').fill('Dépôt en banque');
    await page.getByTestId('pos-cash-save').click();
    await expect.poll(() => page.getByTestId('pos-cash-row').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('pos-cash-row').last().textContent()).toContain('Dépôt en banque');
    expect(await page.getByTestId('pos-cash-row').last().textContent()).toContain(euro(-4000));
    await page.screenshot({ path: join(SHOTS, `pos-cash-fr-1024x768-${dialect}.png`) });
    const { body } = await api(page, 'GET', '/api/pos/cash/movements');
    expect(body.map((m: any) => [m.kind, m.amount, m.reason])).toEqual([['float', 15000, ''], ['withdrawal', -4000, 'Dépôt en banque']]);
  });

  it('reads the X, counts the cash, takes the Z, and its PDF gives the grand totals', async () => {
    await go('pos/closing', 'pos-x');
    const x = (await api(page, 'GET', '/api/pos/reports/x?scope=station&period=day')).body;
    await expect.poll(() => page.getByTestId('pos-x-expected').textContent(), { timeout: 10_000 }).toBe(euro(x.cash.expected));
    expect(await page.getByTestId('pos-x-net').textContent()).toBe(euro(x.net));
    expect(await page.getByTestId('pos-x-grand-net').textContent()).toBe(euro(x.grandTotals.net));
    // The drawer holds exactly what is expected: counted note by note, coin by coin.
    let left = x.cash.expected;
    for (const d of DENOMINATIONS) {
      const n = Math.floor(left / d);
      if (n) await page.getByTestId(`pos-count-${d}`).fill(String(n));
      left -= n * d;
    }
    await expect.poll(() => page.getByTestId('pos-counted').textContent()).toBe(euro(x.cash.expected));
    expect(await page.getByTestId('pos-difference').textContent()).toBe(euro(0));
    await page.screenshot({ path: join(SHOTS, `pos-closing-count-fr-1024x768-${dialect}.png`), fullPage: true });
    await page.getByTestId('pos-close').click();
    await expect.poll(() => page.getByTestId('pos-z-number').textContent(), { timeout: 10_000 }).toMatch(/^Z\d+-\d{4}-\d+/);
    const number = await page.getByTestId('pos-z-number').textContent();
    await page.screenshot({ path: join(SHOTS, `pos-z-fr-1024x768-${dialect}.png`), fullPage: true });
    // The PDF as the link downloads it, read back.
    const href = await page.getByTestId('pos-z-pdf').getAttribute('href');
    const base64 = await page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url!)).arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    }, href);
    const pdf = Buffer.from(base64, 'base64');
    writeFileSync(join(SHOTS, `pos-z-${dialect}.pdf`), pdf);
    const text = (await pdfPages(pdf)).flatMap((p) => p.texts).join('\n');
    expect(text).toContain(`Clôture ${number}`);
    expect(text).toContain('Totaux perpétuels');
    for (const amount of [x.grandTotals.sales, x.grandTotals.refunds, x.grandTotals.net]) expect(text).toContain(euro(amount));
    expect(text).toContain(euro(x.cash.expected));
    // The past Zs list it, with its journal heads.
    await expect.poll(() => page.getByTestId('pos-zlist-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByTestId('pos-zlist-row').filter({ hasText: number! }).click();
    await expect.poll(() => page.getByTestId('pos-zd').isVisible()).toBe(true);
    await page.waitForTimeout(400); // the dialog's opening fade, for the screenshot
    expect(await page.locator('cpt-pos-closure-list').getByTestId('pos-zd-difference').textContent()).toBe(euro(0));
    expect(await page.locator('cpt-pos-closure-list').getByTestId('pos-zd-heads').textContent()).toMatch(/tickets #\d+[0-9a-f]{64}/);
    await page.screenshot({ path: join(SHOTS, `pos-z-detail-fr-1024x768-${dialect}.png`) });
    await page.keyboard.press('Escape');
    // The shop's month, read without closing it.
    await page.getByTestId('pos-z-again').click();
    await page.getByTestId('pos-scope-shop').click();
    await page.getByTestId('pos-period-month').click();
    const month = (await api(page, 'GET', '/api/pos/reports/x?scope=shop&period=month')).body;
    await expect.poll(() => page.getByTestId('pos-x-sales').textContent(), { timeout: 10_000 }).toBe(euro(month.sales.total));
  });

  it('looks right on a tablet and a phone in French, Dutch and English', async () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      for (const viewport of [TABLET, PHONE]) {
        const size = `${viewport.width}x${viewport.height}`;
        const p = await till(`pos/refund?number=${encodeURIComponent(sale.number)}`, { viewport, lang, sameStation: true });
        await expect.poll(() => p.getByTestId('pos-refund-line').count(), { timeout: 15_000 }).toBe(2);
        await p.screenshot({ path: join(SHOTS, `pos-refund-${lang}-${size}-${dialect}.png`), fullPage: true });
        for (const [screen, testid] of [['pos/history', 'pos-history-row'], ['pos/cash', 'pos-cash-save'], ['pos/closing', 'pos-x']] as const) {
          await p.goto(`${demo.server.url}/#/${screen}`);
          await expect.poll(() => p.getByTestId(testid).count(), { timeout: 15_000 }).toBeGreaterThan(0);
          await p.waitForTimeout(300);
          await p.screenshot({ path: join(SHOTS, `${screen === 'pos/closing' ? 'pos-x' : screen.replace('/', '-')}-${lang}-${size}-${dialect}.png`), fullPage: true });
        }
        await p.context().close();
      }
    }
  });
});
