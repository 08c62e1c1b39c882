import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { definePlugin } from '@comptoir/kernel';
import { getSalesHooks, type CommittingEvent } from '@comptoir/sales';
import { createArticle, openShop, pay, refund, rows, ticketWith, type Shop } from './helpers.js';

/** What a stock plugin would see through `committing`. */
const seen: Array<Omit<CommittingEvent, 'em'>> = [];
const stockLike = definePlugin({
  name: 'stocklike', version: '1.0.0', kernel: '^0.1.0', requires: { sales: '^0.1.0' },
  register({ kernel }) {
    getSalesHooks(kernel).committing.tapPromise('stocklike', async ({ em: _em, ...event }) => { seen.push(event); });
  },
});

describe.each(testDialects())('refunds (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let soap: any;
  let sale: any;

  beforeAll(async () => {
    shop = await openShop(dialect, [stockLike]);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 149 });
    soap = await createArticle(shop.admin, { name: 'Savon', price: 333, vatCategory: 'BE-21' });
    const t = await ticketWith(shop.manager, [{ articleId: beer.id, quantity: 6000 }, { articleId: soap.id, quantity: 3000, discountAmount: 100 }]);
    // 8,94 + (9,99 − 1,00 = 8,99) = 17,93
    sale = (await pay(shop.manager, t.id, [{ method: 'card', amount: 1793 }])).body.ticket;
  });
  afterAll(async () => shop?.tk.close());

  it('needs the refund permission', async () => {
    const res = await refund(shop.cashier, { number: sale.number, tenders: [{ method: 'cash', amount: 149 }] });
    expect(res.status).toBe(403);
  });

  it('refunds some lines found by the receipt number, in cash with BE rounding, and announces the returned items', async () => {
    const soapLine = sale.lines.find((l: any) => l.articleId === soap.id);
    // One soap of three: a third of 8,99 = 3,00 (prorated with the discount).
    const res = await refund(shop.manager, { number: sale.number, lines: [{ lineId: soapLine.id, quantity: 1000 }], tenders: [{ method: 'cash', amount: 300 }] });
    expect(res.status).toBe(201);
    expect(res.body.ticket).toMatchObject({ kind: 'refund', number: 'T1-2026-000002', total: -300, refundOfId: sale.id });
    expect(res.body.ticket.lines).toMatchObject([{ code: soap.code, quantity: -1000, total: -300, refundOfLineId: soapLine.id }]);
    expect(res.body.ticket.payments).toMatchObject([{ method: 'cash', amount: -300 }]);
    expect(res.body.receipt).toMatchObject({ kind: 'refund', refundOf: sale.number, total: -300 });
    expect(seen.at(-1)).toMatchObject({ record: { kind: 'refund', number: 'T1-2026-000002' }, totals: { total: -300 }, document: { lines: [{ articleId: soap.id, quantity: -1000, fixedAmount: -300 }] } });
  });

  it('never refunds more than was sold, across several refunds, and gives back exactly what was paid', async () => {
    const soapLine = sale.lines.find((l: any) => l.articleId === soap.id);
    const tooMuch = await refund(shop.manager, { ticketId: sale.id, lines: [{ lineId: soapLine.id, quantity: 3000 }], tenders: [{ method: 'card', amount: 899 }] });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'POS_REFUND_EXCEEDS_SALE', detail: `On ne peut plus rembourser que 2 de « ${soap.code} » : le reste l’a déjà été.` });
    // The rest of the ticket: two soaps (8,99 − 3,00 = 5,99) and six beers (8,94).
    const rest = await refund(shop.manager, { ticketId: sale.id, tenders: [{ method: 'card', amount: 1493 }] });
    expect(rest.status).toBe(201);
    expect(rest.body.ticket.total).toBe(-1493);
    const refunded = await rows(shop.tk, "select sum(total) as s from pos_ticket where refund_of_id = ?", [sale.id]);
    expect(Number(refunded[0].s)).toBe(-sale.total);
    const again = await refund(shop.manager, { ticketId: sale.id, tenders: [{ method: 'card', amount: 1 }] });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('POS_REFUND_EMPTY');
  });

  it('lets the database refuse a refund beyond the sale even if the code were bypassed', async () => {
    const soapLine = sale.lines.find((l: any) => l.articleId === soap.id);
    await expect(rows(shop.tk, 'update pos_ticket_line set refunded_quantity = 4000 where id = ?', [soapLine.id])).rejects.toThrow(/refund/);
  });

  it('refuses a voucher as refund tender, and a refund of a refund', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id }]);
    const s = (await pay(shop.cashier, t.id, [{ method: 'meal-voucher', amount: 149 }])).body.ticket;
    const res = await refund(shop.manager, { ticketId: s.id, tenders: [{ method: 'meal-voucher', amount: 149 }] });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('POS_TENDER_NOT_REFUNDABLE');
    const ok = await refund(shop.manager, { ticketId: s.id, tenders: [{ method: 'cash', amount: 150 }] });
    expect(ok.body.ticket).toMatchObject({ total: -149, rounding: -1 });
    const back = await refund(shop.manager, { ticketId: ok.body.ticket.id, tenders: [{ method: 'cash', amount: 150 }] });
    expect(back.status).toBe(422);
    expect(back.body.code).toBe('POS_TICKET_NOT_PAID');
  });

  it('refunds a ticket once when ten refunds of it arrive together: the others get a clear 409, never a 500', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: soap.id, quantity: 2000 }]);
    const s = (await pay(shop.cashier, t.id, [{ method: 'card', amount: 666 }])).body.ticket;
    const answers = await Promise.all(Array.from({ length: 10 }, () => refund(shop.manager, { ticketId: s.id, lines: [{ lineId: s.lines[0].id, quantity: 2000 }], tenders: [{ method: 'card', amount: 666 }] })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body.code])).toEqual(Array(9).fill([409, 'POS_REFUND_EXCEEDS_SALE']));
    const refunded = await rows(shop.tk, 'select refunded_quantity as q from pos_ticket_line where id = ?', [s.lines[0].id]);
    expect(Number(refunded[0].q)).toBe(2000);
  });

  it('journals every refund in the tickets chain', async () => {
    const entries = await rows(shop.tk, "select type from kernel_journal_entry where chain = 'tickets' and type = 'pos.refund'");
    expect(entries.length).toBe(4);
    expect((await shop.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });
});
