import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, e2eDatabases, signIn, tablet, useDemo } from './harness.js';

const SHOTS = join(import.meta.dirname, 'screenshots');

/** The editor's element (inside the documents screen's shadow root). */
const editor = (page: Page) => page.locator('cpt-invoicing-document-editor');

// The manager invoices a customer of the demo shop in Chromium, through the real server started by `comptoir demo`.
describe.each(e2eDatabases())('invoicing in the browser (%s)', (dialect) => {
  const demo = useDemo(dialect);

  it('makes an invoice line by line from codes, issues it, takes a payment, and shows the links of its credit note', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('nav-invoicing/documents').count(), { timeout: 15_000 }).toBe(1);
    const article = (await api(page, 'GET', '/api/catalog/articles?q=triple')).body.items.find((a: any) => a.barcodes?.length && a.price);
    const customer = (await api(page, 'GET', '/api/catalog/customers?active=true')).body.items[0];
    const created = await api(page, 'POST', '/api/invoicing/documents', { type: 'invoice', customerId: customer.id });
    expect(created.status).toBe(201);

    await page.goto(`${demo.server.url}/#/invoicing/documents/${created.body.id}`);
    await expect.poll(() => editor(page).getByTestId('invoicing-title').textContent(), { timeout: 15_000 }).toContain(`Facture Brouillon n° ${created.body.id}`);
    // Code, quantity, Enter: the line is priced by the sale contract.
    await editor(page).getByTestId('invoicing-add-code').fill(article.barcodes[0].code);
    await editor(page).getByTestId('invoicing-add-quantity').fill('6');
    await editor(page).getByTestId('invoicing-add-quantity').press('Enter');
    await expect.poll(() => editor(page).getByTestId('invoicing-line').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const draft = (await api(page, 'GET', `/api/invoicing/documents/${created.body.id}`)).body;
    expect(draft.lines[0]).toMatchObject({ articleId: article.id, quantity: 6000 });
    expect(await editor(page).getByTestId('invoicing-total').textContent()).toContain((draft.totals.total / 100).toFixed(2).replace('.', ','));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${dialect}-invoicing-draft-fr.png`), fullPage: true });

    await editor(page).getByTestId('invoicing-issue').click();
    await expect.poll(() => editor(page).getByTestId('invoicing-title').textContent(), { timeout: 10_000 }).toMatch(/Facture FAC-\d{4}-\d{6}/);
    const issued = (await api(page, 'GET', `/api/invoicing/documents/${created.body.id}`)).body;
    expect(await editor(page).getByTestId('invoicing-communication').textContent()).toContain(issued.structuredCommunication);
    await editor(page).getByTestId('invoicing-pay-amount').fill('1,00');
    await editor(page).getByTestId('invoicing-pay-method').selectOption('transfer');
    await editor(page).getByTestId('invoicing-pay').click();
    await expect.poll(() => editor(page).getByTestId('invoicing-payment').count(), { timeout: 10_000 }).toBe(1);
    expect(await editor(page).getByTestId('invoicing-status').textContent()).toBe('Partiellement payée');
    await page.screenshot({ path: join(SHOTS, `${dialect}-invoicing-issued-fr.png`), fullPage: true });

    await editor(page).getByTestId('invoicing-convert-credit_note').click();
    await expect.poll(() => editor(page).getByTestId('invoicing-title').textContent(), { timeout: 10_000 }).toContain('Note de crédit Brouillon');
    expect(await editor(page).getByTestId('invoicing-link').first().textContent()).toContain(issued.number);
    await ctx.close();
  });

  it('shows the list and the editor in fr, nl and en, on a desktop and a phone, nothing wider than the window', async () => {
    const problems: string[] = [];
    for (const [device, viewport] of [['desktop', { width: 1024, height: 768 }], ['phone', { width: 390, height: 844 }]] as const) {
      for (const lang of ['fr', 'nl', 'en'] as const) {
        const ctx = await demo.browser.newContext({ viewport, hasTouch: device === 'phone' });
        const page = await ctx.newPage();
        await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
        await expect.poll(() => page.getByTestId('nav-invoicing/documents').count(), { timeout: 15_000 }).toBe(1);
        const userId = (await api(page, 'GET', '/api/session')).body.user.id;
        await page.evaluate(([l, id]) => { localStorage.setItem('comptoir.language', String(l)); localStorage.setItem(`comptoir.language.${id}`, String(l)); }, [lang, userId] as const);
        const [first] = (await api(page, 'GET', '/api/invoicing/documents?type=invoice&status=issued')).body.items;
        for (const address of ['invoicing/documents', `invoicing/documents/${first.id}`]) {
          await page.goto(`${demo.server.url}/#/${address}`);
          await page.reload();
          await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe(lang);
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(500);
          await page.screenshot({ path: join(SHOTS, `${dialect}-invoicing-${device}-${lang}-${address.includes('/documents/') ? 'editor' : 'list'}.png`), fullPage: false });
          const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (wide > 0) problems.push(`${device} ${lang} #/${address}: ${wide}px wider than the window`);
        }
        const heading = await page.locator('cpt-invoicing-document-editor').getByTestId('invoicing-title').textContent();
        expect(heading).toContain({ fr: 'Facture', nl: 'Factuur', en: 'Invoice' }[lang]);
        await ctx.close();
      }
    }
    expect(problems).toEqual([]);
  });
});
