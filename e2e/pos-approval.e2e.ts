import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, e2eDatabases, signIn, useDemo } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

// A cashier without the drawer right opens it anyway: the manager types her PIN on the cashier's screen.
describe.each(e2eDatabases())('a manager approves one action with her PIN on the cashier’s screen (%s)', (dialect) => {
  const demo = useDemo(dialect);
  let station: Array<{ name: string; value: string; domain: string; path: string }> = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await demo.browser.newContext({ locale: 'fr-BE' });
    const p = await context.newPage();
    await signIn(p, demo.server.url, 'gerant', 'demo-gerant');
    await p.getByTestId('nav-toggle').waitFor({ state: 'attached', timeout: 15_000 });
    expect((await api(p, 'POST', '/api/stations', { name: 'Caisse approbation' })).status).toBe(201);
    station = (await context.cookies()).filter((c) => c.name === 'cpt_station');
    await context.close();
  });

  /** The cashier signed in at the station, on the cash screen, in a language and a viewport. */
  async function cashier(lang: 'fr' | 'nl' | 'en', viewport = { width: 1024, height: 768 }): Promise<Page> {
    const context = await demo.browser.newContext({ viewport, locale: 'fr-BE', hasTouch: true });
    const p = await context.newPage();
    await signIn(p, demo.server.url, 'caisse', 'demo-caisse');
    await p.getByTestId('nav-toggle').waitFor({ state: 'attached', timeout: 15_000 });
    await context.addCookies(station);
    const { body } = await api(p, 'GET', '/api/session');
    await p.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [String(body.user.id), lang]);
    await p.goto(`${demo.server.url}/#/pos/cash`);
    await p.reload();
    await expect.poll(() => p.getByTestId('pos-drawer-open').count(), { timeout: 15_000 }).toBe(1);
    return p;
  }

  it('asks for a manager’s PIN, refuses a wrong one in the dialog, and opens the drawer with the right one', async () => {
    const page = await cashier('fr');
    expect(await page.getByTestId('pos-drawer-denied').textContent()).toContain('un responsable pourra autoriser');
    await page.getByTestId('pos-drawer-reason').fill('Échange de monnaie');
    await page.getByTestId('pos-drawer-open').click();
    await expect.poll(() => page.getByTestId('pos-approval-pin').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('pos-approval-reason').textContent()).toContain('pos.drawer');
    await page.getByTestId('pos-approval-user').selectOption({ label: 'Sophie Gérante' });
    await page.getByTestId('pos-approval-pin').fill('0000');
    await page.getByTestId('pos-approval-ok').click();
    await expect.poll(() => page.getByTestId('pos-approval-error').textContent(), { timeout: 10_000 }).toContain('Code PIN incorrect');
    await page.getByTestId('pos-approval-pin').fill('2580');
    await page.screenshot({ path: join(SHOTS, `pos-approval-fr-1024x768-${dialect}.png`) });
    await page.getByTestId('pos-approval-pin').press('Enter');
    await expect.poll(() => page.getByTestId('pos-approval-pin').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('pos-cash-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('pos-cash-row').last().textContent()).toContain('Échange de monnaie');
    await page.context().close();
  });

  it('gives the first refusal back when the dialog is cancelled', async () => {
    const page = await cashier('fr');
    await page.getByTestId('pos-drawer-reason').fill('Rien');
    await page.getByTestId('pos-drawer-open').click();
    await expect.poll(() => page.getByTestId('pos-approval-cancel').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('pos-approval-cancel').click();
    await expect.poll(() => page.getByTestId('pos-cash-error').textContent(), { timeout: 10_000 }).toContain('pos.drawer');
    expect(await page.getByTestId('pos-approval-pin').count()).toBe(0);
    await page.context().close();
  });

  it('looks right on a tablet and a phone in French, Dutch and English', async () => {
    for (const [lang, viewport] of [['fr', { width: 390, height: 844 }], ['nl', { width: 1024, height: 768 }], ['nl', { width: 390, height: 844 }], ['en', { width: 1024, height: 768 }], ['en', { width: 390, height: 844 }]] as const) {
      const page = await cashier(lang, viewport);
      await page.getByTestId('pos-drawer-reason').fill('x');
      await page.getByTestId('pos-drawer-open').click();
      await expect.poll(() => page.getByTestId('pos-approval-pin').isVisible(), { timeout: 10_000 }).toBe(true);
      await page.waitForTimeout(400); // the dialog's opening animation, for the picture
      await page.screenshot({ path: join(SHOTS, `pos-approval-${lang}-${viewport.width}x${viewport.height}-${dialect}.png`) });
      await page.context().close();
    }
  });
});
