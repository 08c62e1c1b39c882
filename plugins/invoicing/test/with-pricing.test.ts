import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import pricing from '@comptoir/pricing';
import { clock, convert, createArticle, createCustomer, draft, issued, openShop, type Shop } from './helpers.js';

describe.each(testDialects())('invoices priced as at the till (%s)', (dialect) => {
  let shop: Shop;
  let orval: any;
  let bottle: any;
  let cafe: any;

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect, [pricing]);
    orval = await createArticle(shop.admin, { name: 'Orval 33 cl', price: 242 });
    bottle = await createArticle(shop.admin, { name: 'Vidange Orval', price: 10, vatCategory: 'BE-0' });
    expect((await shop.admin.post('/api/pricing/associations', { articleId: orval.id, associatedArticleId: bottle.id, ratio: 1000, kind: 'deposit' })).status).toBe(201);
    cafe = await createCustomer(shop.admin, { name: 'Café Le Trappiste' });
    // The café's agreed price on the beer: 1,21 € with VAT (1,00 € without).
    expect((await shop.admin.post('/api/pricing/customer-prices', { customerId: cafe.id, articleId: orval.id, unitPrice: 121, includesVat: true })).status).toBe(201);
  });
  afterAll(async () => shop?.tk.close());

  it('applies the customer’s price and adds the deposit line under its beer, as the till would', async () => {
    const doc = await draft(shop.manager, { type: 'invoice', customerId: cafe.id, lines: [{ articleId: orval.id, quantity: 24000 }] });
    expect(doc.lines.map((l: any) => [l.description, l.quantity, l.vatRate, l.total, l.origin, l.parentLineId === doc.lines[0].id])).toEqual([
      ['Orval 33 cl', 24000, 2100, 2400, 'typed', false],
      ['Vidange Orval', 24000, 0, 240, 'associated', true],
    ]);
    expect(doc.totals).toEqual({ subtotal: 2640, discount: 0, base: 2640, vat: 504, total: 3144, rates: [{ rate: 2100, base: 2400, vat: 504 }, { rate: 0, base: 240, vat: 0 }] });
    // Removing the beer removes its deposit.
    const gone = await shop.manager.delete(`/api/invoicing/documents/${doc.id}/lines/${doc.lines[0].id}?version=${doc.version}`);
    expect(gone.body.lines).toEqual([]);
  });

  it('a credit note takes the beer and its deposit back at the invoiced prices', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: cafe.id, lines: [{ articleId: orval.id, quantity: 12000 }] }));
    const cn = await convert(shop.manager, { from: [inv.id], to: 'credit_note', lines: inv.lines.map((l: any) => ({ lineId: l.id, quantity: 6000 })) });
    expect(cn.lines.map((l: any) => [l.description, l.quantity, l.total, l.parentLineId === cn.lines[0].id])).toEqual([
      ['Orval 33 cl', 6000, 600, false],
      ['Vidange Orval', 6000, 60, true],
    ]);
    expect(cn.totals.total).toBe(786);
  });
});
