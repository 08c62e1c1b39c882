import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeScan } from '@comptoir/pricing';
import { api, e2eDatabases, signIn, useDemo } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
// Drinks carry a deposit line (composeLines): kept out of the sales whose totals are one article's price.
const DRINKS = /^(BIE|VIN|SPI|SOF|EAU)-/;

interface DemoArticle { id: number; code: string; name: string; price: number; unit: string; active: boolean; familyId: number | null }

// The sale screen's tools as a cashier meets them: discounts on a line and on the ticket, notes, a weight typed or
// read from a scale label, a customer created at the counter, quick keys arranged by the manager, the shortcuts —
// by keyboard alone, by touch alone on a 1024×768 tablet, and by a scanner's burst.
describe.each(e2eDatabases())('the sale screen’s tools (%s)', (dialect) => {
  const demo = useDemo(dialect);
  let articles: DemoArticle[] = [];
  let almonds: DemoArticle;
  let stations = 0;

  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  /** A fresh browser signed in as `user`, registered as a new station by the manager; the sale screen open. */
  async function till(opts: { viewport?: { width: number; height: number }; lang?: 'fr' | 'nl' | 'en'; touch?: boolean; user?: 'gerant' | 'caisse' } = {}): Promise<Page> {
    const context = await demo.browser.newContext({ viewport: opts.viewport ?? TABLET, locale: 'fr-BE', hasTouch: opts.touch ?? true });
    const page = await context.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('nav-toggle').count(), { timeout: 15_000 }).toBe(1);
    expect((await api(page, 'POST', '/api/stations', { name: `Caisse ${++stations}` })).status).toBe(201);
    if (!articles.length) {
      const all = (await api(page, 'GET', '/api/catalog/articles?pageSize=100')).body.items as DemoArticle[];
      articles = all.filter((a) => a.active !== false && a.unit === 'piece' && a.price > 0 && !DRINKS.test(a.code));
      const id = (await api(page, 'GET', '/api/catalog/barcodes/PLU-1003')).body.id;
      almonds = (await api(page, 'GET', `/api/catalog/articles/${id}`)).body;
    }
    if (opts.user === 'caisse') {
      // The browser stays the station; the cashier signs in on it.
      await api(page, 'POST', '/api/auth/logout');
      expect((await api(page, 'POST', '/api/auth/login', { username: 'caisse', password: 'demo-caisse' })).status).toBe(200);
    }
    const { body } = await api(page, 'GET', '/api/session');
    if (opts.lang) await page.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [String(body.user.id), opts.lang]);
    await page.goto(`${demo.server.url}/#/pos/sale`);
    await page.reload();
    await expect.poll(() => page.getByTestId('pos-scan').count(), { timeout: 15_000 }).toBe(1);
    return page;
  }

  const total = (page: Page) => page.getByTestId('pos-total').textContent();
  const lineCount = (page: Page) => page.getByTestId('pos-line').count();
  const euro = (cents: number) => new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
  const openTicket = async (page: Page) => {
    const { body } = await api(page, 'GET', '/api/pos/tickets');
    return (Array.isArray(body) ? body : body.items)[0];
  };

  it('offers a manager to register this browser at the first visit, then sells at once', async () => {
    const context = await demo.browser.newContext({ viewport: TABLET, locale: 'fr-BE' });
    const page = await context.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('nav-toggle').count(), { timeout: 15_000 }).toBe(1);
    await page.goto(`${demo.server.url}/#/pos/sale`);
    await expect.poll(() => page.getByTestId('pos-no-station').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('pos-register-name').fill('Comptoir fromages');
    await page.getByTestId('pos-register-station').click();
    await expect.poll(() => page.getByTestId('pos-scan').count(), { timeout: 15_000 }).toBe(1);
    expect((await api(page, 'GET', '/api/session')).body.station.name).toBe('Comptoir fromages');
    await context.close();
  });

  it('sells by keyboard alone: "*" for the quantity, F3 a line discount, Alt+N a note, "?" the shortcuts, F12 and a banknote', async () => {
    const page = await till();
    const [a, b] = [articles[10]!, articles[11]!];
    await page.keyboard.type(a.code, { delay: 40 });
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    // "*" in the empty scan field: the selected line's quantity.
    await page.keyboard.press('*');
    await expect.poll(() => page.getByTestId('pos-ask').isVisible()).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4', { delay: 60 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pos-line-qty').first().textContent()).toBe('4');
    // F3: 10 % off the line (the dialog opens on the line, in percent).
    await page.keyboard.press('F3');
    await expect.poll(() => page.getByTestId('pos-ask-value').isVisible()).toBe(true);
    await page.keyboard.type('10', { delay: 60 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pos-line-discount').textContent()).toContain('10 %');
    const lineTotal = 4 * a.price - Math.round((4 * a.price) / 10);
    await expect.poll(() => total(page)).toBe(euro(lineTotal));
    await page.keyboard.type(b.code, { delay: 40 });
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(2);
    // Alt+N: a note on the selected (last) line, shown under it and printed on the receipt.
    await page.keyboard.press('Alt+N');
    await expect.poll(() => page.getByTestId('pos-ask-value').isVisible()).toBe(true);
    await page.keyboard.type('Emballage cadeau', { delay: 60 }); // at a person's pace: a fast burst is a scan
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pos-line-note').textContent()).toBe('Emballage cadeau');
    // "?" in the empty field lists every shortcut of the till.
    await page.getByTestId('pos-scan').focus();
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('dl.shortcut-list').textContent()).toContain('Remise (ligne ou ticket)');
    expect(await page.locator('dl.shortcut-list').textContent()).toContain('Alt');
    await page.keyboard.press('Escape');
    const due = lineTotal + b.price;
    await page.getByTestId('pos-scan').focus();
    await page.keyboard.press('F12');
    await expect.poll(() => page.getByTestId('pos-pay-dialog').isVisible()).toBe(true);
    const note = due <= 5000 ? 5000 : 10000;
    await page.getByTestId(`pos-pay-note-${note}`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pos-pay-change').isVisible()).toBe(true);
    await page.getByTestId('pos-pay-confirm').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pos-receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.frameLocator('[data-testid="pos-receipt-frame"]').locator('body').textContent({ timeout: 10_000 }), { timeout: 10_000 }).toContain('Emballage cadeau');
  });

  it('takes a ticket discount in euros from the discount dialog, spread over the lines, and a ticket note', async () => {
    const page = await till();
    for (const a of articles.slice(12, 14)) {
      await page.getByTestId('pos-scan').fill(a.code);
      await page.getByTestId('pos-scan').press('Enter');
    }
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(2);
    const sum = articles[12]!.price + articles[13]!.price;
    await page.getByTestId('pos-discount').click();
    await page.getByTestId('pos-ask-target-ticket').click();
    await page.getByTestId('pos-ask-amount').click();
    await page.getByTestId('pos-ask-value').fill('0,50');
    await page.getByTestId('pos-ask-ok').click();
    await expect.poll(() => page.getByTestId('pos-ticket-discount').textContent()).toContain(euro(50));
    await expect.poll(() => total(page)).toBe(euro(sum - 50));
    const t = await openTicket(page);
    expect(t.lines.reduce((s: number, l: any) => s + l.ticketDiscount, 0)).toBe(50);
    // A note on the ticket shows under the lines (and prints under them on the receipt).
    await api(page, 'PATCH', `/api/pos/tickets/${t.id}`, { note: 'Livraison jeudi' });
    await page.reload();
    await expect.poll(() => page.getByTestId('pos-ticket-note').textContent(), { timeout: 15_000 }).toContain('Livraison jeudi');
    await page.getByTestId('pos-discount').click();
    await page.getByTestId('pos-ask-ok').waitFor();
    await page.screenshot({ path: join(SHOTS, `pos-discount-fr-1024x768-${dialect}.png`), animations: 'disabled' });
  });

  it('asks the weight of an article sold by weight, and reads it from a scale label', async () => {
    const page = await till();
    await page.getByTestId('pos-scan').fill(almonds.code);
    await page.getByTestId('pos-scan').press('Enter');
    await expect.poll(() => page.getByTestId('pos-ask-value').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: join(SHOTS, `pos-weight-fr-1024x768-${dialect}.png`), animations: 'disabled' });
    await page.getByTestId('pos-ask-value').fill('0,347');
    await page.getByTestId('pos-ask-value').press('Enter');
    await expect.poll(() => page.getByTestId('pos-line-qty').first().textContent()).toBe('0,347');
    await expect.poll(() => total(page)).toBe(euro(Math.round((almonds.price * 347) / 1000)));
    // A scale label (21 + PLU + grams) carries the weight: no question.
    const label = encodeScan({ name: 'Article pesé', type: 'weight', pattern: '21AAAAAWWWWWC' }, { articleRef: '01003', weight: 250 });
    if (!label.ok) throw new Error(label.message);
    await page.getByTestId('pos-scan').fill(label.barcode);
    await page.getByTestId('pos-scan').press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('pos-ask').isVisible()).toBe(false);
    expect(await page.getByTestId('pos-line-qty').nth(1).textContent()).toBe('0,25');
  });

  it('creates a customer at the counter and shows the name on the ticket', async () => {
    const page = await till();
    await page.getByTestId('pos-customer').click();
    await page.getByTestId('pos-customer-new').click();
    await page.getByTestId('pos-customer-name').fill('Léa Janssens');
    await page.getByTestId('pos-customer-email').fill('lea@example.be');
    await page.getByTestId('pos-customer-postal').fill('1050');
    await page.screenshot({ path: join(SHOTS, `pos-customer-new-fr-1024x768-${dialect}.png`), animations: 'disabled' });
    await page.getByTestId('pos-customer-create').click();
    await expect.poll(() => page.getByTestId('pos-customer').textContent(), { timeout: 10_000 }).toContain('Léa Janssens');
    const t = await openTicket(page);
    expect(t.customerName).toBe('Léa Janssens');
    const found = (await api(page, 'GET', `/api/catalog/customers?q=${encodeURIComponent('Janssens')}`)).body.items;
    expect(found.find((c: any) => c.id === t.customerId)).toMatchObject({ email: 'lea@example.be', postalCode: '1050' });
  });

  it('sells by touch alone on a 1024×768 tablet from a quick-key page the manager arranged', async () => {
    const page = await till({ touch: true });
    const [a, b] = [articles[14]!, articles[15]!];
    const family = articles.find((x) => x.familyId !== null)!;
    // The manager arranges the shop's quick keys in Settings › Quick keys.
    await page.goto(`${demo.server.url}/#/pos/quick-keys`);
    await expect.poll(() => page.getByTestId('qk-station').count(), { timeout: 15_000 }).toBe(1);
    const shopLayout = page.waitForResponse((r) => r.url().includes('/api/pos/quick-keys?station=0'));
    await page.getByTestId('qk-station').selectOption('0');
    await shopLayout;
    await page.getByTestId('qk-add-page').tap();
    await page.getByTestId('qk-page-name').fill('Favoris');
    await page.getByTestId('qk-page-colour-1').tap();
    for (const x of [a, b]) {
      await page.getByTestId('qk-search').fill(x.code);
      await expect.poll(() => page.getByTestId('qk-hit').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.getByTestId('qk-hit').first().tap();
    }
    await page.getByTestId('qk-family').selectOption(String(family.familyId));
    await page.getByTestId('qk-button-note').uncheck();
    await expect.poll(() => page.getByTestId('qk-key').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, `pos-quick-keys-settings-fr-1024x768-${dialect}.png`), fullPage: true });
    await page.getByTestId('qk-save').tap();
    await expect.poll(async () => (await api(page, 'GET', '/api/pos/quick-keys?station=0')).body.pages[0]?.keys.length ?? 0, { timeout: 10_000 }).toBe(3);
    await page.goto(`${demo.server.url}/#/pos/sale`);
    await expect.poll(() => page.getByTestId('pos-qk-key').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.getByTestId('pos-note').count()).toBe(0);
    await page.getByTestId('pos-qk-key').nth(0).tap();
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('pos-qk-key').nth(1).tap();
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(2);
    await page.getByTestId('pos-line-more').first().tap();
    await expect.poll(() => total(page)).toBe(euro(2 * a.price + b.price));
    // The family key shows the family's articles.
    await page.getByTestId('pos-qk-key').nth(2).tap();
    await expect.poll(() => page.getByTestId('pos-qk-back').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('pos-qk-back').tap();
    await page.getByTestId('pos-pay').tap();
    await page.getByTestId('pos-pay-method-card').tap();
    await page.getByTestId('pos-pay-confirm').tap();
    await expect.poll(() => page.getByTestId('pos-receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('pos-receipt-new').tap();
    await expect.poll(() => total(page)).toBe(euro(0));
  });

  it('adds what a scanner types in a burst ending with Enter', async () => {
    const page = await till();
    const a = articles[16]!;
    await page.getByTestId('pos-total').click();
    await page.keyboard.type(a.code, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => total(page)).toBe(euro(a.price));
  });

  it('asks a manager\'s PIN when a cashier voids a line after the total was shown, and says so when no one approves', async () => {
    const page = await till({ user: 'caisse' });
    for (const a of articles.slice(16, 18)) {
      await page.getByTestId('pos-scan').fill(a.code);
      await page.getByTestId('pos-scan').press('Enter');
    }
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(2);
    await page.getByTestId('pos-pay').click();
    await expect.poll(async () => (await openTicket(page)).displayed, { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Escape');

    // No one approves: the line stays, and the cashier reads why.
    await page.getByTestId('pos-line-void').last().click();
    await expect.poll(() => page.getByTestId('pos-approval-pin').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('pos-approval-cancel').click();
    await expect.poll(() => page.getByTestId('pos-void-refused').textContent()).toContain('seul un responsable peut supprimer');
    expect(await lineCount(page)).toBe(2);
    await page.keyboard.press('Escape');

    // The manager types their PIN on the cashier's screen: the line goes (the kernel journals who approved it).
    await page.getByTestId('pos-line-void').last().click();
    await expect.poll(() => page.getByTestId('pos-approval-pin').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('pos-approval-user').selectOption({ label: 'Sophie Gérante' });
    await page.getByTestId('pos-approval-pin').fill('2580');
    await page.getByTestId('pos-approval-pin').press('Enter');
    await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('pos-approval-pin').count()).toBe(0);
  });

  it('looks right on a tablet and a phone in French, Dutch and English, with quick keys, a discount and a note', async () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      for (const viewport of [TABLET, PHONE]) {
        const page = await till({ viewport, lang });
        for (const a of articles.slice(18, 21)) {
          await page.getByTestId('pos-scan').fill(a.code);
          await page.getByTestId('pos-scan').press('Enter');
        }
        await expect.poll(() => lineCount(page), { timeout: 10_000 }).toBe(3);
        const t = await openTicket(page);
        await api(page, 'PATCH', `/api/pos/tickets/${t.id}/lines/${t.lines[0].id}`, { discountRate: 1000, note: { fr: 'Date courte', nl: 'Korte datum', en: 'Short date' }[lang] });
        await api(page, 'PUT', `/api/pos/tickets/${t.id}/discount`, { discountRate: 500 });
        await page.reload();
        await expect.poll(() => page.getByTestId('pos-ticket-discount').count(), { timeout: 15_000 }).toBe(1);
        await page.screenshot({ path: join(SHOTS, `pos-sale-tools-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`), fullPage: true });
        await page.getByTestId('pos-discount').click();
        await page.getByTestId('pos-ask-ok').waitFor();
        await page.screenshot({ path: join(SHOTS, `pos-discount-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`), animations: 'disabled' });
        await page.context().close();
      }
    }
  });
});
