import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfTexts, testDialects, type TestClient } from '@comptoir/kernel/testing';
import { createArticle, openShop, pay, refund, ticketWith, type Shop } from './helpers.js';

/** The printed receipt, as HTML and as the texts of its PDF. */
async function printed(shop: Shop, c: TestClient, ticketId: number): Promise<{ html: string; pdf: string }> {
  const html = await c.get(`/api/pos/tickets/${ticketId}/receipt/print`);
  expect(html.status).toBe(200);
  const res = await fetch(`${shop.tk.baseUrl}/api/pos/tickets/${ticketId}/receipt/print?format=pdf`, { headers: { cookie: `cpt_session=${c.cookie('cpt_session')}; cpt_station=${c.cookie('cpt_station')}` } });
  expect(res.status).toBe(200);
  const [texts] = await pdfTexts(new Uint8Array(await res.arrayBuffer()));
  return { html: html.body, pdf: texts.map((t) => t.trim()).join('\n') };
}

describe.each(testDialects())('the printed receipt of the till (%s)', (dialect) => {
  let shop: Shop;
  let soap: any;
  let sale: any;

  beforeAll(async () => {
    shop = await openShop(dialect);
    soap = await createArticle(shop.admin, { name: 'Savon de Marseille', price: 333 });
    const t = await ticketWith(shop.cashier, [{ articleId: soap.id, quantity: 3000 }]);
    // 9,99 € in cash: rounded to 10,00 €, 20,00 € given, 10,00 € back.
    sale = (await pay(shop.cashier, t.id, [{ method: 'cash', amount: 2000 }])).body;
  });
  afterAll(async () => shop?.tk.close());

  it('prints the cash rounding, the amount due, the journal signature and a Code 128 of the ticket number', async () => {
    const { ticket, receipt } = sale;
    expect(receipt).toMatchObject({ total: 999, rounding: 1, change: 1000 });
    const { html, pdf } = await printed(shop, shop.cashier, ticket.id);
    for (const text of ['TOTAL', '9,99', 'Arrondi', '0,01', 'À payer', '10,00', 'Espèces', '20,00', 'Rendu', `Signature : ${receipt.signature}`]) {
      expect(html).toContain(text);
      expect(pdf).toContain(text);
    }
    expect(html).toContain(`data-symbology="code128" data-code="${ticket.number}"`);
    expect(html).not.toContain('DUPLICATA');
  });

  it('marks a reprint DUPLICATA with its counter, and the barcode still finds the sale', async () => {
    expect((await shop.manager.post(`/api/pos/tickets/${sale.ticket.id}/reprint`)).status).toBe(200);
    expect((await shop.manager.post(`/api/pos/tickets/${sale.ticket.id}/reprint`)).status).toBe(200);
    const { html, pdf } = await printed(shop, shop.cashier, sale.ticket.id);
    expect(html).toContain(`${sale.ticket.number} DUPLICATA 2`);
    expect(pdf).toContain('DUPLICATA 2');
    expect(html).toContain(`data-code="${sale.ticket.number}"`);
  });

  it('prints a refund under its title with the ticket it refunds', async () => {
    const soapLine = sale.ticket.lines[0];
    const res = await refund(shop.manager, { number: sale.ticket.number, lines: [{ lineId: soapLine.id, quantity: 1000 }], tenders: [{ method: 'cash', amount: 335 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { html, pdf } = await printed(shop, shop.manager, res.body.ticket.id);
    for (const text of ['REMBOURSEMENT', `Ticket d’origine : ${sale.ticket.number}`, '-3,33']) {
      expect(html).toContain(text);
      expect(pdf).toContain(text);
    }
    expect(html).toContain(`data-code="${res.body.ticket.number}"`);
  });
});
