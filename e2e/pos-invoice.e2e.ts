import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, e2eDatabases, signIn, useDemo } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const SIZES = { '1024x768': { width: 1024, height: 768 }, '390x844': { width: 390, height: 844 } } as const;
const LABEL = { fr: 'Faire une facture', nl: 'Factuur maken', en: 'Make an invoice' } as const;

/** An API call with the page's session and extra headers (an Idempotency-Key). */
function call(page: Page, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return page.evaluate(async ({ method, path, body, headers }) => {
    const session = await (await fetch('/api/session')).json();
    const res = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  }, { method, path, body, headers });
}

// From the day's tickets, a manager turns a paid ticket into an invoice for a customer (invoicing's from-ticket route).
describe.each(e2eDatabases())('invoice of a till ticket from the ticket history (%s)', (dialect) => {
  const demo = useDemo(dialect);
  let page: Page;
  let sale: any;

  async function till(lang: 'fr' | 'nl' | 'en', viewport: { width: number; height: number }, station: boolean): Promise<Page> {
    const context = await demo.browser.newContext({ viewport, locale: 'fr-BE', hasTouch: true });
    const p = await context.newPage();
    await signIn(p, demo.server.url, 'gerant', 'demo-gerant');
    await p.getByTestId('nav-toggle').waitFor({ state: 'attached', timeout: 15_000 });
    if (station) {
      if ((await api(p, 'POST', '/api/stations', { name: 'Caisse factures' })).status !== 201) throw new Error('station not registered');
    } else {
      await context.addCookies((await page.context().cookies()).filter((c) => c.name === 'cpt_station'));
    }
    const { body } = await api(p, 'GET', '/api/session');
    await p.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [String(body.user.id), lang]);
    await p.goto(`${demo.server.url}/#/pos/history`);
    await p.reload();
    return p;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    page = await till('fr', SIZES['1024x768'], true);
    const list = (await api(page, 'GET', '/api/catalog/articles?pageSize=100')).body;
    const [a, b] = (list.items as any[]).filter((x) => x.active !== false && x.unit === 'piece' && x.price > 0);
    const t = await call(page, 'POST', '/api/pos/tickets', {});
    await call(page, 'POST', `/api/pos/tickets/${t.body.id}/lines`, { articleId: a.id, quantity: 2000 });
    const full = await call(page, 'POST', `/api/pos/tickets/${t.body.id}/lines`, { articleId: b.id });
    sale = (await call(page, 'POST', `/api/pos/tickets/${t.body.id}/checkout`, { tenders: [{ method: 'card', amount: full.body.total }] }, { 'Idempotency-Key': crypto.randomUUID() })).body.ticket;
  }, 60_000);

  it('shows « Faire une facture » on a paid ticket; the customer picked gets the invoice, paid at the till', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('pos-history-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId('pos-history-row').filter({ hasText: sale.number }).first().click();
    await expect.poll(() => page.getByTestId('pos-ticket-invoice').isVisible()).toBe(true);
    expect(await page.getByTestId('pos-ticket-invoice').textContent()).toContain(LABEL.fr);
    await page.getByTestId('pos-ticket-invoice').click();
    await expect.poll(() => page.getByTestId('pos-customer-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, `pos-invoice-customer-fr-1024x768-${dialect}.png`) });
    const name = (await page.getByTestId('pos-customer-row').first().textContent())!.trim();
    const newest = async () => (await api(page, 'GET', '/api/invoicing/documents?type=invoice&pageSize=5')).body.items[0]?.id ?? 0;
    const before = await newest();
    await page.getByTestId('pos-customer-row').first().click();
    await expect.poll(newest, { timeout: 10_000 }).toBeGreaterThan(before);
    const docs = (await api(page, 'GET', '/api/invoicing/documents?type=invoice&pageSize=5')).body.items;
    const doc = (await api(page, 'GET', `/api/invoicing/documents/${docs[0].id}`)).body;
    expect(doc.notes).toContain(`Ticket de caisse ${sale.number}`);
    expect(doc.totals.total).toBe(sale.total);
    expect(name).toContain(doc.customer.name);
    // Twice: the ticket already has its invoice, said in the dialog.
    await page.getByTestId('pos-ticket-invoice').click();
    await expect.poll(() => page.getByTestId('pos-customer-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByTestId('pos-customer-row').first().click();
    await expect.poll(() => page.getByTestId('pos-correct-error').textContent(), { timeout: 10_000 }).toContain('a déjà sa facture');
    await page.screenshot({ path: join(SHOTS, `pos-invoice-twice-fr-1024x768-${dialect}.png`) });
  });

  it('says it in fr, nl and en, on a tablet and a phone', async () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const p = await till(lang, viewport, false);
        await expect.poll(() => p.getByTestId('pos-history-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await p.getByTestId('pos-history-row').filter({ hasText: sale.number }).first().click();
        await expect.poll(() => p.getByTestId('pos-ticket-invoice').textContent()).toContain(LABEL[lang]);
        await p.waitForTimeout(300);
        await p.screenshot({ path: join(SHOTS, `pos-invoice-${lang}-${size}-${dialect}.png`) });
        await p.context().close();
      }
    }
  });
});
