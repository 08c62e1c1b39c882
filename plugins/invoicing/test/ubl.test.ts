import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { clock, convert, createArticle, createCustomer, draft, issued, openShop, type Shop } from './helpers.js';

const SCHEMAS = '/work/shared/einvoicing/ubl-2.1/maindoc';
const dir = mkdtempSync(join(tmpdir(), 'comptoir-ubl-'));

/** Validates with xmllint against the UBL 2.1 schema; returns xmllint's verdict. */
function xmllint(xml: string, root: 'Invoice' | 'CreditNote'): string {
  const file = join(dir, `${root}-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    return execFileSync('xmllint', ['--noout', '--schema', join(SCHEMAS, `UBL-${root}-2.1.xsd`), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) || 'validates';
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
}

/** Every value of an element, in order. */
const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe.each(testDialects())('Peppol BIS 3.0 UBL (%s)', (dialect) => {
  let shop: Shop;
  let beer: any;
  let bread: any;
  let bottle: any;
  let customer: any;

  beforeAll(async () => {
    clock.set('2026-06-15T08:00:00Z');
    shop = await openShop(dialect);
    expect((await shop.admin.put('/api/shop', { name: 'Épicerie du Marché', street: 'Place du Marché 1', postalCode: '5000', city: 'Namur', country: 'BE', language: 'fr', vatNumber: 'BE0123456749' })).status).toBe(200);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 121, vatCategory: 'BE-21' });
    bread = await createArticle(shop.admin, { name: 'Pain gris & co <bio>', price: 318, vatCategory: 'BE-6' });
    bottle = await createArticle(shop.admin, { name: 'Vidange', price: 10, vatCategory: 'BE-0' });
    customer = await createCustomer(shop.admin, { name: 'Café du Coin SRL', vatNumber: 'BE0403170701', street: 'Rue Haute 12', postalCode: '1000', city: 'Bruxelles' });
  });
  afterAll(async () => shop?.tk.close());

  it('exports an invoice with three VAT categories, line and document discounts; it validates against UBL 2.1 and its totals reconcile', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, {
      type: 'invoice', customerId: customer.id, customerReference: 'PO-778', discount: { rate: 500 },
      lines: [{ articleId: beer.id, quantity: 24000 }, { articleId: bread.id, quantity: 2500, discountRate: 1000 }, { articleId: bottle.id, quantity: 24000 }],
    }));
    const res = await shop.manager.get(`/api/invoicing/documents/${inv.id}/ubl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const xml: string = res.body;
    expect(xmllint(xml, 'Invoice')).toMatch(/validates/);
    expect(all(xml, 'cbc:ID').slice(0, 1)).toEqual([inv.number]);
    expect(all(xml, 'cbc:CustomizationID')).toEqual(['urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0']);
    expect(all(xml, 'cbc:EndpointID')).toEqual(['0123456749', '0403170701']);
    expect(all(xml, 'cbc:PaymentID')).toEqual([inv.structuredCommunication]);
    expect(all(xml, 'cbc:BuyerReference')).toEqual(['PO-778']);
    expect(xml).toContain('<cbc:Name>Pain gris &amp; co &lt;bio&gt;</cbc:Name>');
    // 24,00 + 7,50 − 0,75 = 6,75 + 2,40 = 33,15; 5 % off: 1,66 spread over 21 % (1,20), 6 % (0,34), 0 % (0,12)
    expect(all(xml, 'cbc:LineExtensionAmount')).toEqual(['33.15', '24.00', '6.75', '2.40']);
    expect(all(xml, 'cbc:AllowanceTotalAmount')).toEqual(['1.66']);
    expect(all(xml, 'cbc:TaxableAmount')).toEqual(inv.totals.rates.map((r: any) => (r.base / 100).toFixed(2)));
    expect(all(xml, 'cbc:Percent').slice(-3)).toEqual(['21', '6', '0']);
    expect(xml).toMatch(/<cac:TaxCategory><cbc:ID>Z<\/cbc:ID><cbc:Percent>0<\/cbc:Percent>/);
    expect(all(xml, 'cbc:PayableAmount')).toEqual([(inv.totals.total / 100).toFixed(2)]);
  });

  it('exports a credit note that names its invoice; it validates against UBL 2.1', async () => {
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id, quantity: 10000 }] }));
    const cn = await issued(shop.manager, await convert(shop.manager, { from: [inv.id], to: 'credit_note', lines: [{ lineId: inv.lines[0].id, quantity: 3000 }], reason: 'Casse' }));
    const xml: string = (await shop.manager.get(`/api/invoicing/documents/${cn.id}/ubl`)).body;
    expect(xmllint(xml, 'CreditNote')).toMatch(/validates/);
    expect(xml).toContain(`<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>${inv.number}</cbc:ID><cbc:IssueDate>2026-06-15</cbc:IssueDate>`);
    expect(all(xml, 'cbc:CreditedQuantity')).toEqual(['3']);
    expect(all(xml, 'cbc:Note')).toContain('TVA à reverser à l’État dans la mesure où elle a été initialement déduite.');
    expect(all(xml, 'cbc:PayableAmount')).toEqual(['3.63']);
  });

  it('refuses a draft, and an invoice whose customer has no electronic address, naming the rule', async () => {
    const d = await draft(shop.manager, { type: 'invoice', customerId: customer.id, lines: [{ articleId: beer.id }] });
    const a = await shop.manager.get(`/api/invoicing/documents/${d.id}/ubl`);
    expect(a.status).toBe(422);
    expect(a.body).toMatchObject({ code: 'INVOICING_UBL_NOT_AVAILABLE', detail: 'Seules les factures et notes de crédit émises s’exportent en UBL.' });
    const person = await createCustomer(shop.admin, { name: 'Marie Dupont', kind: 'person' });
    const inv = await issued(shop.manager, await draft(shop.manager, { type: 'invoice', customerId: person.id, pricesIncludeVat: false, lines: [{ articleId: beer.id }] }));
    const b = await shop.manager.get(`/api/invoicing/documents/${inv.id}/ubl`);
    expect(b.status).toBe(422);
    expect(b.body.code).toBe('INVOICING_UBL_RULES');
    expect(b.body.rules).toEqual(['PEPPOL-EN16931-R010: the buyer has no electronic address']);
  });
});
