import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import stock from '../src/index.js';
import { clock, convert, createArticle, createCustomer, draft, issued, openShop, type Shop } from '../../invoicing/test/helpers.js';
import { level, move } from './helpers.js';

// Goods leave the shop once, whichever documents carry them: with the delivery note, or with an invoice made
// without one; an invoice of delivered goods and a credit note move nothing.
describe.each(testDialects())('stock with invoicing (%s)', (dialect) => {
  let shop: Shop;
  let customer: any;

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect, [stock]);
    customer = await createCustomer(shop.admin, { name: 'Café du Coin SPRL' });
  });
  afterAll(async () => shop?.tk.close());

  async function stocked(quantity: number): Promise<any> {
    const article = await createArticle(shop.admin, { name: `Limonade ${quantity}` });
    await move(shop.admin, { kind: 'receipt', articleId: article.id, locationId: 1, quantity, unitCost: 50 });
    return article;
  }

  it('an order delivered then invoiced takes the goods out once, at the delivery note', async () => {
    const a = await stocked(20_000);
    const order = await issued(shop.manager, await draft(shop.manager, { type: 'order', customerId: customer.id, lines: [{ articleId: a.id, quantity: 6000 }] }));
    expect(await level(shop.admin, a.id)).toBe(20_000);
    const delivery = await issued(shop.manager, await convert(shop.manager, { from: [order.id], to: 'delivery' }));
    expect(await level(shop.admin, a.id)).toBe(14_000);
    await issued(shop.manager, await convert(shop.manager, { from: [delivery.id], to: 'invoice' }));
    expect(await level(shop.admin, a.id)).toBe(14_000);
  });

  it('an invoice made without a delivery note takes the goods out; its credit note gives money back, not goods', async () => {
    const a = await stocked(10_000);
    const invoice = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: a.id, quantity: 3000 }] }));
    expect(await level(shop.admin, a.id)).toBe(7000);
    await issued(shop.manager, await convert(shop.manager, { from: [invoice.id], to: 'credit_note' }));
    expect(await level(shop.admin, a.id)).toBe(7000);
  });
});
