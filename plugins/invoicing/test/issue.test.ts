import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { clock, convert, createArticle, createCustomer, draft, issue, issued, openShop, rows, tamper, type Shop } from './helpers.js';

/** Money is formatted with non-breaking spaces; compare words. */
const spaces = (s: string) => s.replace(/\s/g, ' ');

describe.each(testDialects())('issuing (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let bread: any;
  let customer: any;

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 121, vatCategory: 'BE-21' });
    bread = await createArticle(shop.admin, { name: 'Pain gris', price: 318, vatCategory: 'BE-6' });
    customer = await createCustomer(shop.admin, { name: 'Café du Coin SRL', vatNumber: 'BE0123456749' });
  });
  afterAll(async () => shop?.tk.close());

  it('numbers an invoice in its series and year, dates it, gives its due date and structured communication, and seals it in the journal', async () => {
    const doc = await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id, quantity: 10000 }, { articleId: bread.id, quantity: 2000 }] });
    const inv = await issued(shop.manager, doc);
    expect(inv).toMatchObject({
      status: 'issued', number: 'FAC-2026-000001', date: '2026-06-15', dueDate: '2026-07-15', structuredCommunication: '+++260/0000/00170+++',
      totals: { base: 1600, vat: 246, total: 1846 }, balance: 1846, paymentStatus: 'unpaid', version: doc.version + 2,
    });
    expect(inv.signature).toMatch(/^[0-9a-f]{64}$/);
    const [entry] = await rows(shop.tk, "select type, payload from kernel_journal_entry where chain = 'invoices' order by seq");
    expect(entry.type).toBe('invoicing.invoice');
    expect(JSON.parse(entry.payload)).toMatchObject({ number: 'FAC-2026-000001', total: 1846, customer: 'Café du Coin SRL', vatNumber: 'BE0123456749' });
    expect((await shop.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('an issued invoice never changes: the API says to make a credit note, and the database refuses it too', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id }] }));
    const patch = await shop.manager.patch(`/api/invoicing/documents/${inv.id}`, { version: inv.version, customerReference: 'X' });
    expect(patch.status).toBe(409);
    expect(patch.body).toMatchObject({ code: 'INVOICING_NOT_DRAFT', detail: `Le document ${inv.number} est émis : il ne peut plus être modifié. Corrigez une facture par une note de crédit.` });
    const inDutch = await shop.manager.request('PATCH', `/api/invoicing/documents/${inv.id}/lines/${inv.lines[0].id}`, { version: inv.version, quantity: 2000 }, { 'x-comptoir-language': 'nl' });
    expect(inDutch.body.detail).toBe(`Document ${inv.number} is uitgegeven: het kan niet meer gewijzigd worden. Corrigeer een factuur met een creditnota.`);
    expect((await shop.manager.delete(`/api/invoicing/documents/${inv.id}?version=${inv.version}`)).status).toBe(409);
    expect(await tamper(shop.tk, 'update invoicing_document set total = total - 1 where id = ?', [inv.id])).toBeInstanceOf(Error);
    expect(await tamper(shop.tk, 'update invoicing_line set quantity = 2000 where document_id = ?', [inv.id])).toBeInstanceOf(Error);
    expect(await tamper(shop.tk, 'delete from invoicing_line where document_id = ?', [inv.id])).toBeInstanceOf(Error);
    expect(await tamper(shop.tk, 'delete from invoicing_document where id = ?', [inv.id])).toBeInstanceOf(Error);
    expect(await tamper(shop.tk, "insert into invoicing_line (document_id, position, kind, code, description, quantity, unit_price, includes_vat, vat_rate, price_fixed, origin, ext, total, delivered_quantity, invoiced_quantity, credited_quantity) values (?, 9, 'text', '', 'ajout', 0, 0, ?, 0, ?, 'typed', '{}', 0, 0, 0, 0)",
      [inv.id, dialect === 'sqlite' ? 1 : true, dialect === 'sqlite' ? 0 : false])).toBeInstanceOf(Error);
    expect(await tamper(shop.tk, "update invoicing_document set status = 'draft', number = null where id = ?", [inv.id])).toBeInstanceOf(Error);
    const [row] = await rows(shop.tk, 'select total, number from invoicing_document where id = ?', [inv.id]);
    expect(row).toMatchObject({ number: inv.number });
    expect(Number(row.total)).toBe(inv.totals.total);
  });

  it('refuses to issue without a customer or without articles, and leaves no number used', async () => {
    const noCustomer = await draft(shop.manager, { type: 'invoice', lines: [{ articleId: beer.id }] });
    const a = await issue(shop.manager, noCustomer);
    expect(a.status).toBe(422);
    expect(a.body).toMatchObject({ code: 'INVOICING_CUSTOMER_REQUIRED', detail: 'Choisissez le client avant d’émettre ce document.' });
    const empty = await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ kind: 'text', description: 'rien' }] });
    const b = await issue(shop.manager, empty);
    expect(b.status).toBe(422);
    expect(b.body.code).toBe('INVOICING_DOCUMENT_EMPTY');
    const next = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id }] }));
    expect(next.number).toBe('FAC-2026-000003');
  });

  it('corrects an invoice only through a credit note that names it, with the Belgian mention, never crediting more than invoiced', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id, quantity: 10000 }, { articleId: bread.id, quantity: 5000 }] }));
    expect(inv.totals.total).toBe(2800); // 10,00 + 2,10 + 15,00 + 0,90
    // Credit 4 beers: a draft from the invoice, with the line it credits.
    const cn = await convert(shop.manager, { from: [inv.id], to: 'credit_note', lines: [{ lineId: inv.lines[0].id, quantity: 4000 }], reason: 'Casse' });
    expect(cn).toMatchObject({ type: 'credit_note', status: 'draft', creditOf: { id: inv.id, number: inv.number }, creditReason: 'Casse', totals: { total: 484 } });
    const done = await issued(shop.manager, cn);
    expect(done).toMatchObject({ number: 'NC-2026-000001', structuredCommunication: null });
    expect(done.mentions).toEqual([
      `Note de crédit relative à la facture ${inv.number} du 15/06/2026.`,
      'TVA à reverser à l’État dans la mesure où elle a été initialement déduite.',
    ]);
    const after = (await shop.manager.get(`/api/invoicing/documents/${inv.id}`)).body;
    expect(after).toMatchObject({ credited: 484, balance: 2316 });
    expect(after.lines[0]).toMatchObject({ credited: 4000, remaining: { credit: 6000 } });
    expect(after.links.to).toEqual([expect.objectContaining({ id: cn.id, type: 'credit_note', number: 'NC-2026-000001' })]);

    // Two drafts each crediting the rest: the first issues, the second is refused, the invoice is never over-credited.
    const rest1 = await convert(shop.manager, { from: [inv.id], to: 'credit_note' });
    expect(rest1.totals.total).toBe(2316);
    const over = await shop.manager.post('/api/invoicing/conversions', { from: [inv.id], to: 'credit_note', lines: [{ lineId: inv.lines[0].id, quantity: 7000 }] });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'INVOICING_QUANTITY_EXCEEDS_REMAINING' });
    await issued(shop.manager, rest1);
    const again = await shop.manager.post('/api/invoicing/conversions', { from: [inv.id], to: 'credit_note' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('INVOICING_NOTHING_LEFT');
    const [row] = await rows(shop.tk, 'select credited_total, total from invoicing_document where id = ?', [inv.id]);
    expect(Number(row.credited_total)).toBe(Number(row.total));
    // The database holds the line too: no more than invoiced, whatever the code does.
    expect(await tamper(shop.tk, 'update invoicing_line set credited_quantity = 11000 where id = ?', [inv.lines[0].id])).toBeInstanceOf(Error);
    expect(await tamper(shop.tk, 'update invoicing_document set credited_total = total + 1 where id = ?', [inv.id])).toBeInstanceOf(Error);
  });

  it('refuses at issue a credit note that its invoice no longer covers (another one credited it first)', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id, quantity: 2000 }] }));
    const a = await convert(shop.manager, { from: [inv.id], to: 'credit_note', lines: [{ lineId: inv.lines[0].id, quantity: 1000 }] });
    const b = await convert(shop.manager, { from: [inv.id], to: 'credit_note', lines: [{ lineId: inv.lines[0].id, quantity: 1000 }] });
    // A typed price on a credit draft cannot take more money back than the invoice holds.
    const c = await convert(shop.manager, { from: [inv.id], to: 'credit_note', lines: [{ lineId: inv.lines[0].id, quantity: 1000 }] }).catch((e: Error) => e);
    expect(c).toBeInstanceOf(Error);
    const raised = await shop.manager.patch(`/api/invoicing/documents/${b.id}/lines/${b.lines[0].id}`, { version: b.version, unitPrice: 200 });
    expect(raised.status).toBe(200);
    await issued(shop.manager, a);
    const refused = await issue(shop.manager, raised.body);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INVOICING_CREDIT_EXCEEDS_INVOICE');
    expect(spaces(refused.body.detail)).toBe(`La facture ${inv.number} ne peut plus être créditée que de 1,21 €.`);
    expect((await shop.manager.get(`/api/invoicing/documents/${b.id}`)).body).toMatchObject({ status: 'draft', number: null });
  });

  it('a burst issuing drafts gives gapless numbers; issuing the same draft twice answers 409, never 500', async () => {
    const [{ n: before }] = await rows(shop.tk, "select count(*) as n from invoicing_document where type = 'invoice' and status = 'issued'");
    const drafts = await Promise.all(Array.from({ length: 12 }, () => draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id }] })));
    const managers = await Promise.all(Array.from({ length: 3 }, () => shop.tk.userWith(['manager'])));
    const answers = await Promise.all(drafts.flatMap((d, i) => [issue(managers[i % 3], d), issue(managers[(i + 1) % 3], d)]));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.filter((s) => s === 409)).toHaveLength(12);
    const numbers = (await rows(shop.tk, "select seq from invoicing_document where type = 'invoice' and status = 'issued' order by seq")).map((r) => Number(r.seq));
    expect(numbers).toEqual(Array.from({ length: Number(before) + 12 }, (_, i) => i + 1));
    expect((await shop.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });

  it('the journal names an invoice whose rows were altered behind the application', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: bread.id }] }));
    expect((await shop.admin.get('/api/journal/verify')).body.ok).toBe(true);
    // The database refuses it; someone with the file can still drop the guard, and the journal then sees it.
    if (dialect === 'sqlite') await rows(shop.tk, 'drop trigger invoicing_line_issued_frozen');
    else await rows(shop.tk, 'alter table invoicing_line disable trigger invoicing_line_issued_frozen');
    await rows(shop.tk, 'update invoicing_line set unit_price = 1 where document_id = ?', [inv.id]);
    const bad = await shop.admin.get('/api/journal/verify');
    expect(bad.body.ok).toBe(false);
    expect(bad.body.firstBad.reason).toBe(`rows of invoicing_line (document_id = ${inv.id}) sealed by entry invoices#${bad.body.firstBad.seq} were altered`);
  });
});
