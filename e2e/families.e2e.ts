import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eDatabases, useDemo, signIn, tablet } from './harness.js';

interface FamilyView {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  path: string;
  articles: number;
  version: number;
}

// The manager sorts the demo shop's families in Chromium, through the real server started by `comptoir demo`.
describe.each(e2eDatabases())('families of articles in the browser (%s)', (dialect) => {
  const demo = useDemo(dialect);

  async function familiesPage(page: Page) {
    await page.getByTestId('nav-catalog/families').click();
    await expect.poll(() => page.getByTestId('families-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  }

  /** The families as the API serves them, read with the page's session. */
  async function families(page: Page): Promise<FamilyView[]> {
    return page.evaluate(async () => (await fetch('/api/catalog/families')).json());
  }
  async function family(page: Page, code: string): Promise<FamilyView> {
    const f = (await families(page)).find((x) => x.code === code);
    if (!f) throw new Error(`no family ${code}`);
    return f;
  }

  const row = (page: Page, code: string) => page.locator(`[data-testid="families-row"][data-code="${code}"]`);

  it('creates a sub-family under a demo family and shows it in the tree with its path', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await familiesPage(page);
    expect(await page.getByTestId('nav-catalog/families').textContent()).toContain('Familles');
    const beers = await family(page, 'BIE');
    expect(beers.path).toBe('Boissons > Bières belges');

    await page.getByTestId('families-new').click();
    await page.getByTestId('family-code').fill('E2E-TRAP');
    await page.getByTestId('family-name').fill('Trappistes');
    await page.getByTestId('family-parent').selectOption(String(beers.id));
    await page.getByTestId('family-save').click();
    await expect.poll(() => page.locator('[data-testid="toast"][data-level="success"]').textContent(), { timeout: 10_000 })
      .toContain('Famille « Trappistes » enregistrée.');

    // Back on the tree: the new family sits under its parent, one level deeper, with its path.
    await expect.poll(() => row(page, 'E2E-TRAP').count(), { timeout: 10_000 }).toBe(1);
    expect(await row(page, 'E2E-TRAP').textContent()).toContain('Boissons > Bières belges > Trappistes');
    const codes = await page.getByTestId('families-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code));
    expect(codes.indexOf('E2E-TRAP')).toBe(codes.indexOf('BIE') + 1);
    expect(await family(page, 'E2E-TRAP')).toMatchObject({ name: 'Trappistes', parentId: beers.id, path: 'Boissons > Bières belges > Trappistes', articles: 0 });
    await ctx.close();
  });

  it('refuses to move a family under its own sub-family, with the message under the parent field', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await familiesPage(page);
    const before = await family(page, 'BIE');
    const trappistes = await family(page, 'E2E-TRAP');

    // "Bières belges" is the parent of "Trappistes": it cannot become its child.
    await row(page, 'BIE').click();
    await expect.poll(() => page.getByTestId('family-name').inputValue(), { timeout: 10_000 }).toBe('Bières belges');
    await page.getByTestId('family-parent').selectOption(String(trappistes.id));
    await page.getByTestId('family-save').click();
    await expect.poll(() => page.getByTestId('error-parentId').textContent(), { timeout: 10_000 })
      .toContain('Une famille ne peut pas être rangée sous elle-même ni sous l’une de ses sous-familles.');
    expect(await page.getByTestId('error-code').count()).toBe(0);
    expect(await family(page, 'BIE')).toMatchObject({ parentId: before.parentId, version: before.version });

    // Renaming it instead (back under "Boissons") saves.
    await page.getByTestId('family-parent').selectOption(String(before.parentId));
    await expect.poll(() => page.getByTestId('error-parentId').count()).toBe(0);
    await page.getByTestId('family-name').fill('Bières de Belgique');
    await page.getByTestId('family-save').click();
    await expect.poll(() => row(page, 'E2E-TRAP').textContent(), { timeout: 10_000 }).toContain('Boissons > Bières de Belgique > Trappistes');
    expect(await family(page, 'BIE')).toMatchObject({ name: 'Bières de Belgique', parentId: before.parentId, version: before.version + 1 });
    await ctx.close();
  });

  it('shows the message of a code already used under the code field', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await familiesPage(page);
    const count = (await families(page)).length;
    await page.getByTestId('families-new').click();
    await page.getByTestId('family-code').fill('VIN');
    await page.getByTestId('family-name').fill('Vins doublon');
    await page.getByTestId('family-save').click();
    await expect.poll(() => page.getByTestId('error-code').textContent(), { timeout: 10_000 }).toContain('Le code « VIN » est déjà utilisé.');
    expect((await families(page)).length).toBe(count);

    // Typing a new code clears the message; the family then saves.
    await page.getByTestId('family-code').fill('E2E-VIN2');
    await expect.poll(() => page.getByTestId('error-code').count()).toBe(0);
    await page.getByTestId('family-save').click();
    await expect.poll(() => row(page, 'E2E-VIN2').count(), { timeout: 10_000 }).toBe(1);
    await ctx.close();
  });

  it('opens the articles of a family from its count, sub-families included', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await familiesPage(page);
    const all = await families(page);
    const drinks = all.find((f) => f.code === 'BOI')!;
    const total = all.filter((f) => f.path.startsWith(`${drinks.path} >`) || f.id === drinks.id).reduce((n, f) => n + f.articles, 0);
    expect(total).toBeGreaterThan(0);
    const count = row(page, 'BOI').getByTestId('families-articles');
    expect((await count.textContent())?.replace(/\D/g, '')).toBe(String(total));

    await count.click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain(`#/catalog/articles?family=${drinks.id}`);
    await expect.poll(() => page.getByTestId('articles-family').inputValue(), { timeout: 10_000 }).toBe(String(drinks.id));
    // The pager reads "1–50 sur <total>".
    await expect.poll(async () => (await page.getByTestId('articles-page').textContent())?.split('sur')[1]?.replace(/\D/g, ''), { timeout: 10_000 })
      .toBe(String(total));
    await ctx.close();
  });

  it('is read-only for a cashier', async () => {
    const ctx = await tablet(demo.browser);
    const page = await ctx.newPage();
    await signIn(page, demo.server.url, 'caisse', 'demo-caisse');
    await familiesPage(page);
    expect(await page.getByTestId('families-new').count()).toBe(0);
    expect(await page.getByText('Touchez le nombre d’articles d’une famille pour afficher ceux-ci (sous-familles comprises).').count()).toBe(1);
    expect(await row(page, 'BIE').getAttribute('class')).not.toContain('clickable');
    // A row click opens the editor by changing the address inside the click handler itself: right after the
    // click, the address shows whether it did.
    const before = await page.evaluate(() => location.hash);
    await row(page, 'BIE').click();
    expect(await page.evaluate(() => location.hash)).toBe(before);
    expect(await page.getByTestId('family-editor').count()).toBe(0);
    expect(await row(page, 'BIE').count()).toBe(1);
    await ctx.close();
  });
});
