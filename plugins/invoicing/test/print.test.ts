import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfTexts, testDialects, type TestClient } from '@comptoir/kernel/testing';
import { clock, convert, createArticle, createCustomer, draft, issued, openShop, type Shop } from './helpers.js';

/** The PDF's texts, one string, spaces made plain. */
async function pdfOf(c: TestClient, path: string): Promise<string> {
  const res = await fetch(`${c.baseUrl}${path}`, { headers: { cookie: `cpt_session=${c.cookie('cpt_session')}`, 'accept-language': c.language } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pages = await pdfTexts(new Uint8Array(await res.arrayBuffer()));
  return pages.flat().join(' | ').replace(/\s/g, ' ');
}

describe.each(testDialects())('printed documents (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let bread: any;
  let customer: any;

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 121, vatCategory: 'BE-21' });
    bread = await createArticle(shop.admin, { name: 'Pain gris', price: 318, vatCategory: 'BE-6' });
    customer = await createCustomer(shop.admin, { name: 'Café du Coin SRL', vatNumber: 'BE0123456749', language: 'fr' });
  });
  afterAll(async () => shop?.tk.close());

  it('prints an invoice with its number, customer, lines, VAT per rate and structured communication', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, {
      type: 'invoice', customerId: customer.id, customerReference: 'BC-778',
      lines: [{ articleId: beer.id, quantity: 24000 }, { articleId: bread.id, quantity: 10000, discountRate: 1000 }],
    }));
    const text = await pdfOf(shop.manager, `/api/invoicing/documents/${inv.id}/print`);
    for (const expected of [
      'FACTURE', 'Numéro : FAC-2026-000001', 'Date : 15/06/2026', 'Échéance : 15/07/2026', 'Votre référence : BC-778',
      'Café du Coin SRL', 'Rue Haute 12', '1000 Bruxelles', 'TVA BE0123456749', 'Prix hors TVA',
      'Triple 33 cl', '24', '1,00 €', '24,00 €', 'Pain gris (Remise 10 %)', '27,00 €',
      // VAT per rate: base and VAT of each rate
      '21 %', '5,04 €', '6 %', '1,62 €',
      'Total HTVA', '51,00 €', 'Total TVA', '6,66 €', 'TOTAL TVAC', '57,66 €',
      'Communication structurée :', '+++260/0000/00170+++',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('PROJET');
  });

  it('prints a draft as a draft, and a credit note with its mandatory mentions, in Dutch when asked', async () => {
    const d = await draft(shop.manager, { type: 'quote', customerId: customer.id, lines: [{ articleId: beer.id }] });
    expect(await pdfOf(shop.manager, `/api/invoicing/documents/${d.id}/print`)).toContain('PROJET — sans valeur');
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id, quantity: 2000 }] }));
    const cn = await issued(shop.manager, await convert(shop.manager, { from: [inv.id], to: 'credit_note' }));
    const fr = await pdfOf(shop.manager, `/api/invoicing/documents/${cn.id}/print`);
    expect(fr).toContain('NOTE DE CRÉDIT');
    expect(fr).toContain(`Note de crédit relative à la facture ${inv.number} du 15/06/2026.`);
    expect(fr).toContain('TVA à reverser à l’État dans la mesure où elle a été initialement déduite.');
    const nl = await pdfOf(shop.manager, `/api/invoicing/documents/${cn.id}/print?lang=nl`);
    expect(nl).toContain('CREDITNOTA');
    expect(nl).toContain('TOTAAL INCL. BTW');
  });
});
