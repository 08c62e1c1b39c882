import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { clock, convert, createArticle, createCustomer, draft, issue, issued, openShop, rows, type Shop } from './helpers.js';

describe.each(testDialects())('from quote to invoice (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let bread: any;
  let customer: any;

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 121, vatCategory: 'BE-21' });
    bread = await createArticle(shop.admin, { name: 'Pain gris', price: 318, vatCategory: 'BE-6' });
    customer = await createCustomer(shop.admin, { name: 'Brasserie Nord SA' });
  });
  afterAll(async () => shop?.tk.close());

  it('quote → order → two delivery notes → one invoice, each link shown both ways with what remains', async () => {
    const quote = await issued(shop.manager, await draft(shop.manager, {
      type: 'quote', customerId: customer.id, customerReference: 'PO-55', deliveryAddress: 'Entrepôt, Rue du Port 3\n1000 Bruxelles',
      lines: [{ kind: 'section', description: 'Fournitures' }, { articleId: beer.id, quantity: 10000 }, { articleId: bread.id, quantity: 4000, discountRate: 500 }],
    }));
    expect(quote).toMatchObject({ number: 'DEV-2026-000001', validUntil: '2026-07-15' });

    const order = await issued(shop.manager, await convert(shop.manager, { from: [quote.id], to: 'order' }));
    expect(order).toMatchObject({ number: 'CDE-2026-000001', customerReference: 'PO-55', deliveryAddress: 'Entrepôt, Rue du Port 3\n1000 Bruxelles', totals: quote.totals });
    expect(order.links.from).toEqual([expect.objectContaining({ id: quote.id, number: 'DEV-2026-000001', type: 'quote' })]);
    const [, beerLine, breadLine] = order.lines;
    expect(beerLine).toMatchObject({ description: 'Triple 33 cl', remaining: { deliver: 10000, invoice: 10000 } });

    // First delivery: 6 beers and all the bread; second: the 4 beers left.
    const d1 = await issued(shop.manager, await convert(shop.manager, { from: [order.id], to: 'delivery', lines: [{ lineId: beerLine.id, quantity: 6000 }, { lineId: breadLine.id, quantity: 4000 }] }));
    expect(d1.number).toBe('BL-2026-000001');
    let o = (await shop.manager.get(`/api/invoicing/documents/${order.id}`)).body;
    expect(o.lines.slice(1).map((l: any) => l.remaining)).toEqual([{ deliver: 4000, invoice: 10000 }, { deliver: 0, invoice: 4000 }]);
    const d2draft = await convert(shop.manager, { from: [order.id], to: 'delivery' });
    expect(d2draft.lines.map((l: any) => [l.description, l.quantity])).toEqual([['Triple 33 cl', 4000]]);
    // Nothing more can be delivered while that draft holds the rest.
    const tooMuch = await shop.manager.post('/api/invoicing/conversions', { from: [order.id], to: 'delivery', lines: [{ lineId: beerLine.id, quantity: 1000 }] });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'INVOICING_QUANTITY_EXCEEDS_REMAINING', detail: '« Triple 33 cl » : 1 demandé, il en reste 0.' });
    const d2 = await issued(shop.manager, d2draft);
    o = (await shop.manager.get(`/api/invoicing/documents/${order.id}`)).body;
    expect(o.links.to.map((l: any) => l.number)).toEqual(['BL-2026-000001', 'BL-2026-000002']);
    expect(o.lines.slice(1).map((l: any) => l.remaining.deliver)).toEqual([0, 0]);

    // Both delivery notes grouped into one invoice, each under a section naming it.
    const invDraft = await convert(shop.manager, { from: [d1.id, d2.id], to: 'invoice' });
    expect(invDraft.lines.map((l: any) => [l.kind, l.description, l.quantity])).toEqual([
      ['section', 'Bon de livraison BL-2026-000001 du 15/06/2026', 0],
      ['article', 'Triple 33 cl', 6000],
      ['article', 'Pain gris', 4000],
      ['section', 'Bon de livraison BL-2026-000002 du 15/06/2026', 0],
      ['article', 'Triple 33 cl', 4000],
    ]);
    // Same lines, same prices: the invoice totals what was quoted.
    expect(invDraft.totals).toEqual(quote.totals);
    const inv = await issued(shop.manager, invDraft);
    expect(inv.links.from.map((l: any) => l.number)).toEqual(['BL-2026-000001', 'BL-2026-000002']);
    const d1after = (await shop.manager.get(`/api/invoicing/documents/${d1.id}`)).body;
    expect(d1after.links).toMatchObject({ from: [{ number: 'CDE-2026-000001' }], to: [{ number: inv.number }] });
    expect(d1after.lines.map((l: any) => l.remaining)).toEqual([{ invoice: 0 }, { invoice: 0 }]);
    o = (await shop.manager.get(`/api/invoicing/documents/${order.id}`)).body;
    expect(o.lines.slice(1).map((l: any) => l.remaining)).toEqual([{ deliver: 0, invoice: 0 }, { deliver: 0, invoice: 0 }]);
    const nothing = await shop.manager.post('/api/invoicing/conversions', { from: [order.id], to: 'invoice' });
    expect(nothing.status).toBe(422);
    expect(nothing.body.code).toBe('INVOICING_NOTHING_LEFT');
  });

  it('refuses conversions that make no sense: from a draft, to a wrong type, mixing customers', async () => {
    const q = await draft(shop.manager, { type: 'quote', customerId: customer.id, lines: [{ articleId: beer.id }] });
    const fromDraft = await shop.manager.post('/api/invoicing/conversions', { from: [q.id], to: 'order' });
    expect(fromDraft.status).toBe(422);
    expect(fromDraft.body).toMatchObject({ code: 'INVOICING_SOURCE_NOT_ISSUED', detail: `Le document ${q.id} est un brouillon : émettez-le d’abord.` });
    const quote = await issued(shop.manager, q);
    const wrong = await shop.manager.post('/api/invoicing/conversions', { from: [quote.id], to: 'credit_note' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'INVOICING_CONVERSION_INVALID', detail: 'On ne passe pas de « devis » à « note de crédit ».' });
    const other = await createCustomer(shop.admin, { name: 'Autre SRL' });
    const q2 = await issued(shop.manager, await draft(shop.manager, { type: 'quote', customerId: other.id, lines: [{ articleId: beer.id }] }));
    const mixed = await shop.manager.post('/api/invoicing/conversions', { from: [quote.id, q2.id], to: 'invoice' });
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe('INVOICING_SOURCES_MIXED');
  });

  it('two delivery notes racing for the same order lines: the database keeps the order whole (one issues, the other is refused)', async () => {
    const order = await issued(shop.manager, await draft(shop.manager, { type: 'order', customerId: customer.id, lines: [{ articleId: beer.id, quantity: 5000 }] }));
    // Two drafts made before either reserved (as two people would): the second one is written by hand to bypass the reservation.
    const a = await convert(shop.manager, { from: [order.id], to: 'delivery' });
    const b = await draft(shop.manager, { type: 'delivery', customerId: customer.id });
    await rows(shop.tk, 'insert into invoicing_line (document_id, position, kind, article_id, code, description, quantity, unit_price, includes_vat, vat_rate, price_fixed, origin, source_line_id, ext, total, delivered_quantity, invoiced_quantity, credited_quantity) select ?, 1, kind, article_id, code, description, quantity, unit_price, includes_vat, vat_rate, price_fixed, origin, id, ext, total, 0, 0, 0 from invoicing_line where document_id = ?', [b.id, order.id]);
    const answers = await Promise.all([issue(shop.manager, a), issue(shop.manager, b)]);
    expect(answers.map((x) => x.status).sort()).toEqual([200, 422]);
    expect(answers.find((x) => x.status === 422)!.body.code).toBe('INVOICING_QUANTITY_EXCEEDS_REMAINING');
    const o = (await shop.manager.get(`/api/invoicing/documents/${order.id}`)).body;
    expect(o.lines[0]).toMatchObject({ delivered: 5000, remaining: { deliver: 0 } });
  });
});
