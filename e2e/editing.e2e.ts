import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eDatabases, useDemo, signIn, tablet } from './harness.js';

// The shop's editors as a manager uses them: barcodes, prices typed wrong, leaving with unsaved changes, pickers by keyboard.
describe.each(e2eDatabases())('editing in the shell (%s)', (dialect) => {
  const demo = useDemo(dialect);

  // Each test's browser is closed after it: pages left open keep their event streams to the server.
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function manager(): Promise<Page> {
    const context = await tablet(demo.browser);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, demo.server.url, 'gerant', 'demo-gerant');
    await expect.poll(() => page.getByTestId('nav-catalog/articles').count(), { timeout: 30_000 }).toBe(1);
    return page;
  }

  /** A keyboard-wedge scanner: the whole code within a few milliseconds, then Enter, into whatever has the focus. */
  const scan = (page: Page, code: string) => page.evaluate((c) => {
    const target = document.activeElement ?? window;
    for (const key of [...c, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  }, code);

  const api = <T = any>(page: Page, path: string) => page.evaluate(async (p) => {
    const r = await fetch(`/api${p}`);
    return { status: r.status, body: await r.json() };
  }, path) as Promise<{ status: number; body: T }>;

  it('puts a scan after “Ajouter un code-barres” into the new empty row, and refuses a barcode of another article naming it', async () => {
    const page = await manager();
    const other = (await api(page, '/catalog/articles?pageSize=1')).body.items[0];
    await page.goto(`${demo.server.url}/#/catalog/articles/new`);
    await page.getByTestId('article-code').fill('E2E-SCAN');
    await page.getByTestId('article-name').fill('Sirop de Liège 450 g');
    await page.getByTestId('article-price').fill('3,95');
    await page.getByTestId('article-barcode-add').click();
    await scan(page, '5412345000013');
    await expect.poll(() => page.getByTestId('article-barcode-0').inputValue(), { timeout: 10_000 }).toBe('5412345000013');
    expect(await page.locator('[data-testid^="article-barcode-kind-"]').count()).toBe(1);

    // A second barcode, typed: the other article's. The editor asks the demo.server and names that article.
    await page.getByTestId('article-barcode-add').click();
    await page.getByTestId('article-barcode-1').fill(other.barcodes[0].code);
    await page.getByTestId('article-barcode-1').blur();
    await expect.poll(() => page.getByTestId('error-barcodes.1').textContent(), { timeout: 10_000 })
      .toBe(`Le code-barres ${other.barcodes[0].code} est déjà celui de l’article ${other.code} – ${other.name}.`);
    await page.getByTestId('article-save').click();
    await expect.poll(() => page.getByTestId('article-error').textContent()).toContain('Corrigez les champs signalés.');
    expect((await api(page, '/catalog/articles?q=E2E-SCAN')).body.total).toBe(0);

    await page.getByTestId('article-barcode-remove-1').click();
    await page.getByTestId('article-save').click();
    await expect.poll(async () => (await api(page, '/catalog/barcodes/5412345000013')).body.code, { timeout: 10_000 }).toBe('E2E-SCAN');
  });

  it('says in words why a price is refused, and saves nothing until it is fixed', async () => {
    const page = await manager();
    const article = (await api(page, '/catalog/articles?pageSize=1&page=2')).body.items[0];
    await page.goto(`${demo.server.url}/#/catalog/articles/${article.id}`);
    await expect.poll(() => page.getByTestId('article-name').inputValue(), { timeout: 10_000 }).toBe(article.name);
    await page.getByTestId('article-price').fill('4,9x');
    await expect.poll(() => page.getByTestId('error-price').textContent())
      .toBe('« 4,9x » n’est pas un montant : tapez des chiffres, avec une virgule avant les centimes (par exemple 4,95).');
    await page.getByTestId('article-save').click();
    await expect.poll(() => page.getByTestId('article-error').textContent()).toContain('Corrigez les champs signalés.');
    expect((await api(page, `/catalog/articles/${article.id}`)).body.price).toBe(article.price);

    await page.getByTestId('article-price').fill('4,95');
    await expect.poll(() => page.getByTestId('error-price').count()).toBe(0);
    await page.getByTestId('article-save').click();
    await expect.poll(async () => (await api(page, `/catalog/articles/${article.id}`)).body.price, { timeout: 10_000 }).toBe(495);
  });

  it('asks before leaving an article with unsaved changes: staying keeps them, leaving drops them', async () => {
    const page = await manager();
    const article = (await api(page, '/catalog/articles?pageSize=1&page=3')).body.items[0];
    await page.goto(`${demo.server.url}/#/catalog/articles/${article.id}`);
    await expect.poll(() => page.getByTestId('article-name').inputValue(), { timeout: 10_000 }).toBe(article.name);

    // Nothing changed: leaving asks nothing.
    await page.getByTestId('nav-catalog/families').click();
    await expect.poll(() => page.getByTestId('families-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('unsaved').count()).toBe(0);

    await page.goBack();
    await expect.poll(() => page.getByTestId('article-name').inputValue(), { timeout: 10_000 }).toBe(article.name);
    await page.getByTestId('article-name').fill(`${article.name} (promo)`);
    await page.getByTestId('nav-catalog/families').click();
    await expect.poll(() => page.getByTestId('unsaved').textContent(), { timeout: 5_000 }).toContain('Modifications non enregistrées');
    expect(await page.getByText('Vous avez modifié').textContent())
      .toBe(`Vous avez modifié « ${article.name} (promo) » sans enregistrer. Si vous quittez, ces modifications seront perdues.`);
    await page.getByTestId('unsaved-cancel').click();
    // The address is put back once the dialog has closed (a task later than the click).
    await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toBe(`#/catalog/articles/${article.id}`);
    expect(await page.getByTestId('article-name').inputValue()).toBe(`${article.name} (promo)`);

    // The demo.browser asks too before the tab reloads or closes.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
    await page.evaluate(() => location.reload());
    expect(await asked).toBe('beforeunload');
    expect(await page.getByTestId('article-name').inputValue()).toBe(`${article.name} (promo)`);

    await page.getByTestId('article-back').click();
    await page.getByTestId('unsaved-confirm').click();
    await expect.poll(() => page.getByTestId('articles-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await api(page, `/catalog/articles/${article.id}`)).body.name).toBe(article.name);
  });

  it('drives the customer and article pickers with the keyboard, and empties them once something is picked', async () => {
    const page = await manager();
    await page.getByTestId('nav-pricing/customers').click();
    const field = page.getByTestId('customer-prices-pick-search');
    await field.fill('a');
    const results = page.getByTestId('customer-prices-pick-result');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(2);
    const names = await results.evaluateAll((els) => els.map((e) => e.querySelector('.name')?.textContent ?? ''));
    await field.press('ArrowDown');
    await field.press('ArrowDown');
    await field.press('ArrowDown');
    await field.press('ArrowUp');
    expect(await results.evaluateAll((els) => els.map((e) => e.getAttribute('aria-selected')))).toEqual(names.map((_, i) => (i === 1 ? 'true' : 'false')));
    await field.press('Enter');
    await expect.poll(() => page.getByTestId('customer-prices-name').textContent(), { timeout: 10_000 }).toBe(names[1]);

    // The article picker of the customer's price form: Escape closes the list, a second Escape empties the field.
    const articleField = page.getByTestId('customer-price-article-search');
    await articleField.fill('bière');
    const articles = page.getByTestId('customer-price-article-result');
    await expect.poll(() => articles.count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await articleField.press('Escape');
    expect(await articles.count()).toBe(0);
    expect(await articleField.inputValue()).toBe('bière');
    await articleField.press('Escape');
    expect(await articleField.inputValue()).toBe('');
    await articleField.fill('bière');
    await expect.poll(() => articles.count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const first = await articles.first().getAttribute('data-code');
    await articleField.press('ArrowDown');
    await articleField.press('Enter');
    await expect.poll(() => page.getByTestId('customer-price-picked').textContent(), { timeout: 10_000 }).toContain(first!);

    // Picked from the article prices screen: the article opens; coming back, nothing typed is left.
    await page.getByTestId('nav-pricing/articles').click();
    await page.getByTestId('unsaved-confirm').click();
    const pick = page.getByTestId('article-prices-pick-search');
    await pick.fill('triple');
    await expect.poll(() => page.getByTestId('article-prices-pick-result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await pick.press('ArrowDown');
    await pick.press('Enter');
    await expect.poll(() => page.getByTestId('article-prices-code').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('article-prices-back').click();
    await expect.poll(() => page.getByTestId('article-prices-pick-search').inputValue(), { timeout: 10_000 }).toBe('');
  });
});
