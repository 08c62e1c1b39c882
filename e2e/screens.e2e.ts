import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, e2eDatabases, launchBrowser, signIn, startDemo, type DemoServer } from './harness.js';

/**
 * A walk through every screen in French, Dutch and English, on a 1024×768 desktop and a 390×844 phone: a screen
 * fails when it shows words of another language than the one chosen, or when its content is wider than the
 * window (clipped or spilling sideways). Screenshots go to e2e/screenshots/ (not committed) for a person to look at.
 */

/** Words that only one of the three languages uses, matched as whole words in what the screen shows (not “label”: Dutch too). */
const MARKERS: Record<'fr' | 'nl' | 'en', RegExp> = {
  fr: /\b(le|la|les|des|du|une|avec|pour|dans|aucun|aucune|prix|taux|règle|règles|étiquette|étiquettes|fournisseur|fournisseurs|enregistrer|annuler|rechercher|tous|toutes|actif|actifs|essai|essais|normal|réduit|modèle|modèles|mise|format|planche)\b/iu,
  nl: /\b(het|een|niet|voor|met|opslaan|annuleren|zoeken|prijs|prijzen|klant|klanten|leverancier|artikelen|regel|regels|etiket|etiketten|tarief)\b/iu,
  en: /\b(the|with|save|cancel|search|price|prices|customer|customers|supplier|suppliers|items|rule|rules|rate)\b/iu,
};

/** The screens to visit (address after `#/`); `:article` and `:customer` are replaced by a demo article's and customer's ids. */
const SCREENS = [
  '', 'catalog/articles', 'catalog/articles/:article', 'catalog/families', 'catalog/customers', 'catalog/suppliers',
  'pricing/check', 'pricing/lists', 'pricing/articles/:article', 'pricing/customers/:customer', 'pricing/labels', 'pricing/nomenclature',
  'pricing/import', 'settings/shop', 'settings/stations', 'settings/print', 'settings/users', 'settings/plugins',
];

const SHOTS = join(import.meta.dirname, 'screenshots');

/**
 * The interface text of the page, through shadow roots: labels, headings, buttons, options, placeholders, titles —
 * not the shop's own data (table cells, the header's shop and user names, what is typed in fields).
 */
function interfaceText(page: Page, everything = false): Promise<string[]> {
  return page.evaluate((everything) => {
    const out: string[] = [];
    const skip = (el: Element) =>
      (!everything && el.closest('td, [data-user-content], [data-testid="header-shop"], [data-testid="header-user"], [data-testid="header-station"], cpt-toaster, .sub, .strong, pre, code') !== null) ||
      /^(style|script|textarea)$/i.test(el.tagName) ||
      (el.tagName === 'OPTION' && el.closest('select')?.hasAttribute('data-user-content'));
    const visit = (root: Node) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          const text = node.textContent?.trim();
          if (text && parent && !skip(parent) && (parent.tagName === 'OPTION' || parent.checkVisibility?.() !== false)) out.push(text);
        } else if (node instanceof Element) {
          if (skip(node)) continue;
          for (const a of ['placeholder', 'title', 'aria-label', 'label', 'heading']) {
            const v = node.getAttribute(a);
            if (v && !(node instanceof HTMLInputElement && a === 'value')) out.push(v);
          }
          if (node.shadowRoot) visit(node.shadowRoot);
          visit(node);
        }
      }
    };
    visit(document.body);
    return out;
  }, everything);
}

/** Texts a screen must show in each language: names the software gives, translated even where they sit among data. */
const EXPECTED: Record<string, Record<'fr' | 'nl' | 'en', string>> = {
  'pricing/nomenclature': { fr: 'Carte caissier', nl: 'Kassierskaart', en: 'Cashier card' },
  'catalog/articles/:article': { fr: 'Taux normal (21 %)', nl: 'Normaal tarief (21 %)', en: 'Standard rate (21%)' },
  'pricing/labels': { fr: 'A4, 3 × 8 étiquettes de 70 × 37 mm', nl: 'A4, 3 × 8 etiketten van 70 × 37 mm', en: 'A4, 3 × 8 labels of 70 × 37 mm' },
  'settings/plugins': { fr: 'Articles, codes-barres, familles', nl: 'Artikelen, streepjescodes, families', en: 'Articles, barcodes, families' },
};

/** Elements whose content is wider than themselves (clipped or spilling), inputs excepted: their text scrolls. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`page ${document.documentElement.scrollWidth}px > ${width}px`);
    const visit = (root: ParentNode) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!(el instanceof HTMLElement) || /^(INPUT|SELECT|TEXTAREA|OPTION|svg)$/i.test(el.tagName)) continue;
        if (el.closest('[data-scrolls]') || el.offsetParent === null) continue;
        const style = getComputedStyle(el);
        // A long text cut with an ellipsis is a choice, except the header's shop and user names on a desktop.
        if (style.textOverflow === 'ellipsis' && (width < 768 || !el.closest('header'))) continue;
        if (style.overflowX === 'visible' && el.tagName !== 'TABLE') {
          const r = el.getBoundingClientRect();
          if (r.right > width + 1 && r.width > 0) out.push(`${el.tagName.toLowerCase()}.${el.className || el.getAttribute('data-testid') || ''} ends at ${Math.round(r.right)}px`);
        } else if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 2) {
          out.push(`${el.tagName.toLowerCase()}.${el.className || el.getAttribute('data-testid') || ''} ${el.scrollWidth}px in ${el.clientWidth}px`);
        }
      }
    };
    visit(document);
    return [...new Set(out)].slice(0, 8);
  });
}

describe.each(e2eDatabases())('every screen in three languages, desktop and phone (%s)', (dialect) => {
  let server: DemoServer;
  let browser: Browser;
  let articleId = 0;
  let customerId = 0;

  beforeAll(async () => {
    server = await startDemo(dialect);
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [device, viewport] of [['desktop', { width: 1024, height: 768 }], ['phone', { width: 390, height: 844 }]] as const) {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      it(`${device} ${viewport.width}×${viewport.height} in ${lang}: only ${lang} words, nothing wider than the window`, async () => {
        const ctx = await browser.newContext({ viewport, locale: lang === 'en' ? 'en-US' : 'de-DE', hasTouch: device === 'phone' });
        const page = await ctx.newPage();
        await signIn(page, server.url, 'admin', 'demo-admin');
        await expect.poll(() => page.getByTestId('header-user').count(), { timeout: 15_000 }).toBe(1);
        if (!articleId) articleId = (await api(page, 'GET', '/api/catalog/articles?q=triple')).body.items[0].id;
        if (!customerId) customerId = (await api(page, 'GET', '/api/catalog/customers?active=true')).body.items[0].id;
        await page.evaluate((l) => localStorage.setItem('comptoir.language', l), lang);
        const userId = (await api(page, 'GET', '/api/session')).body.user.id;
        await page.evaluate(([l, id]) => localStorage.setItem(`comptoir.language.${id}`, String(l)), [lang, userId] as const);
        await page.reload();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe(lang);

        const problems: string[] = [];
        for (const path of SCREENS) {
          const address = path.replace(/:article/g, String(articleId)).replace(/:customer/g, String(customerId));
          await page.goto(`${server.url}/#/${address}`);
          await page.waitForLoadState('networkidle');
          await expect.poll(() => page.locator('cpt-app').evaluate((el) => !el.shadowRoot?.querySelector('[data-testid="app-loading"]')), { timeout: 15_000 }).toBe(true);
          await page.waitForTimeout(400);
          const name = `${device}-${lang}-${(path || 'home').replace(/[/?=:]+/g, '_')}`;
          // A screen that opens a record shows it: wait for its content, not only for the frame.
          await page.waitForTimeout(path.includes(':') ? 800 : 0);
          await page.screenshot({ path: join(SHOTS, `${dialect}-${name}.png`), fullPage: false });
          for (const other of (['fr', 'nl', 'en'] as const).filter((l) => l !== lang)) {
            for (const text of await interfaceText(page)) {
              const m = MARKERS[other].exec(text);
              if (m) problems.push(`#/${address}: “${text}” reads as ${other} (“${m[0]}”)`);
            }
          }
          for (const o of await overflowing(page)) problems.push(`#/${address}: too wide — ${o}`);
          const expected = EXPECTED[path]?.[lang];
          if (expected) {
            const all = (await interfaceText(page, true)).join(' | ');
            if (!all.includes(expected)) problems.push(`#/${address}: “${expected}” is not shown`);
            for (const [other, text] of Object.entries(EXPECTED[path]!)) {
              if (other !== lang && text !== expected && all.includes(text)) problems.push(`#/${address}: the ${other} “${text}” is shown`);
            }
          }
        }
        if (problems.length) console.log(`${device} ${lang}:\n${[...new Set(problems)].join('\n')}`);
        expect([...new Set(problems)]).toEqual([]);
        await ctx.close();
      });
    }
  }
});
