import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, e2eDatabases, launchBrowser, signIn, startDemo, type DemoServer } from './harness.js';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const OVERRIDE = '/api/print/templates/kernel.receipt/overrides';

// Settings › Printing as a manager uses it: the receipt's texts and parts per language, the preview following
// each change before anything is saved, a save that a colleague's older page cannot overwrite.
describe.each(e2eDatabases())('print templates in the shell (%s)', (dialect) => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemo(dialect);
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The manager's Settings › Printing in a language, in a window of this size. */
  async function printScreen(lang: 'fr' | 'nl' | 'en', viewport = { width: 1024, height: 768 }): Promise<Page> {
    const page = await (await browser.newContext({ viewport, locale: 'fr-BE', hasTouch: true })).newPage();
    await signIn(page, server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('nav-settings/print').count(), { timeout: 15_000 }).toBe(1);
    const { body } = await api(page, 'GET', '/api/session');
    await page.evaluate(([id, l]) => localStorage.setItem(`comptoir.language.${id}`, l), [String(body.user.id), lang]);
    await page.goto(`${server.url}/#/settings/print`);
    await page.reload();
    await expect.poll(() => page.getByTestId('print-state').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId(`print-lang-${lang}`).click();
    return page;
  }

  // The preview's text; when it is empty, what the screen says instead (so that a failure shows why).
  const preview = async (page: Page) => {
    const text = await page.frameLocator('[data-testid="print-preview"]').locator('body').textContent({ timeout: 5_000 }).catch((e: Error) => `(no preview: ${e.message.split('\n')[0]})`);
    if (text?.trim()) return text;
    return `(empty preview; alerts: ${(await page.locator('[role="alert"]').allTextContents()).join(' | ') || 'none'})`;
  };

  it('changes the receipt’s footer and parts in French, with the preview following before saving', async () => {
    const page = await printScreen('fr');
    await expect.poll(() => preview(page), { timeout: 30_000 }).toContain('Merci de votre visite !');
    expect(await preview(page)).toContain('TOTAL');
    expect(await page.getByTestId('print-state').textContent()).toBe('D’origine');

    await page.getByTestId('print-text-footer').fill('Merci et à bientôt chez nous !');
    await page.getByTestId('print-block-vat').uncheck();
    await expect.poll(() => preview(page)).toContain('Merci et à bientôt chez nous !');
    await expect.poll(() => preview(page)).not.toContain('Base');
    // Nothing is stored yet.
    expect((await api(page, 'GET', `${OVERRIDE}/fr`)).body.version).toBe(0);

    await page.screenshot({ path: join(SHOTS, `print-fr-1024x768-${dialect}.png`) });
    await page.getByTestId('print-save').click();
    await expect.poll(() => page.getByTestId('print-state').textContent(), { timeout: 10_000 }).toBe('Adapté (version 1)');
    const stored = (await api(page, 'GET', `${OVERRIDE}/fr`)).body;
    expect(stored).toMatchObject({ texts: { footer: 'Merci et à bientôt chez nous !' }, hiddenBlocks: ['vat'], version: 1 });
  });

  it('keeps each language’s texts apart, in Dutch and English', async () => {
    for (const [lang, footer, original, adapted] of [
      ['nl', 'Tot ziens in onze winkel!', 'Oorspronkelijk', 'Aangepast (versie 1)'],
      ['en', 'See you soon!', 'Original', 'Adapted (version 1)'],
    ] as const) {
      const page = await printScreen(lang);
      await expect.poll(() => page.getByTestId('print-state').textContent(), { timeout: 10_000 }).toBe(original);
      // The template is described in the screen's language, not in the account's (French).
      await expect.poll(() => page.getByTestId('print-template').locator('option').first().textContent()).toBe(lang === 'nl' ? 'Kassaticket — Ticket' : 'Till receipt — Receipt');
      await expect.poll(() => preview(page), { timeout: 30_000 }).toContain(lang === 'nl' ? 'Bedankt voor uw bezoek!' : 'Thank you for your visit!');
      await page.getByTestId('print-text-footer').fill(footer);
      await page.getByTestId('print-text-total').fill(lang === 'nl' ? 'TE BETALEN' : 'TO PAY');
      await expect.poll(() => preview(page)).toContain(footer);
      await page.getByTestId('print-save').click();
      await expect.poll(() => page.getByTestId('print-state').textContent(), { timeout: 10_000 }).toBe(adapted);
      await page.screenshot({ path: join(SHOTS, `print-${lang}-1024x768-${dialect}.png`) });
      await page.context().close();
    }
    const page = await printScreen('fr');
    await expect.poll(() => preview(page), { timeout: 30_000 }).toContain('Merci et à bientôt chez nous !');
  });

  it('tells a manager whose page is out of date that a colleague saved first, and saves nothing', async () => {
    const mine = await printScreen('fr');
    const colleague = await printScreen('fr');
    await colleague.getByTestId('print-text-footer').fill('Version de la collègue');
    await colleague.getByTestId('print-save').click();
    await expect.poll(() => colleague.getByTestId('print-state').textContent(), { timeout: 10_000 }).toBe('Adapté (version 2)');

    await mine.getByTestId('print-text-footer').fill('Ma version');
    await mine.getByTestId('print-save').click();
    await expect.poll(() => mine.getByTestId('print-conflict').textContent(), { timeout: 10_000 })
      .toContain('Quelqu’un d’autre a modifié le modèle « Ticket de caisse » (fr) entre-temps.');
    expect((await api(mine, 'GET', `${OVERRIDE}/fr`)).body.texts.footer).toBe('Version de la collègue');
    await mine.getByTestId('print-reload').click();
    await expect.poll(() => mine.getByTestId('print-text-footer').inputValue(), { timeout: 10_000 }).toBe('Version de la collègue');

    // Back to the original: the preview shows the template's own footer again.
    await mine.getByTestId('print-reset').click();
    await expect.poll(() => mine.getByTestId('print-state').textContent(), { timeout: 10_000 }).toBe('D’origine');
    await expect.poll(() => preview(mine), { timeout: 30_000 }).toContain('Merci de votre visite !');
  });

  it('fits a phone in the three languages', async () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      const page = await printScreen(lang, { width: 390, height: 844 });
      await expect.poll(() => preview(page), { timeout: 30_000 }).toContain(lang === 'fr' ? 'TOTAL' : lang === 'nl' ? 'TE BETALEN' : 'TO PAY');
      // Nothing sticks out sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(SHOTS, `print-${lang}-390x844-${dialect}.png`), fullPage: true });
      await page.context().close();
    }
  });
});
