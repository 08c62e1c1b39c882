import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiptData } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestKernel, pdfPages } from '@comptoir/kernel/testing';

/** A paid sale of 19,91 € settled in cash: rounded to 19,90 €, 20,00 € given, 0,10 € back. */
const sale: ReceiptData = {
  number: 'T1-2026-000042',
  date: '2026-03-14T10:42:00Z',
  cashier: 'Julie',
  station: 'Caisse 1',
  lines: [{ name: 'Savon de Marseille', quantity: 1000, unitPrice: 1991, total: 1991, vatCode: 'A' }],
  vat: [{ code: 'A', rate: 2100, base: 1645, vat: 346 }],
  total: 1991,
  payments: [{ method: 'Espèces', amount: 2000 }],
  change: 10,
  qr: null,
  rounding: -1,
  signature: '9c1e5a77b04d3f28',
  barcode: 'T1-2026-000042',
};

describe.each(testDialects())('the till receipt’s rounding, signature, barcode, duplicate and refund (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
    expect((await tk.admin.put('/api/shop', { name: 'Épicerie Dupont', street: 'Rue Haute 12', postalCode: '1000', city: 'Bruxelles', country: 'BE', language: 'fr', vatNumber: 'BE0123456749' })).status).toBe(200);
  });
  afterAll(async () => {
    await tk?.close();
  });

  async function printed(data: ReceiptData, lang: 'fr' | 'nl' | 'en' = 'fr'): Promise<{ html: string; pdf: string[] }> {
    const doc = await tk.kernel.print.render(tk.kernel.orm.em.fork(), 'kernel.receipt', { lang, data });
    const pages = await pdfPages(await tk.kernel.print.pdf(doc));
    expect(pages).toHaveLength(1);
    return { html: tk.kernel.print.html(doc), pdf: pages[0].texts.map((t) => t.trim()) };
  }

  it('prints the cash rounding and the amount due, the journal signature and a Code 128 of the ticket number', async () => {
    const { html, pdf } = await printed(sale);
    for (const text of ['TOTAL', '19,91', 'Arrondi', '-0,01', 'À payer', '19,90', 'Espèces', '20,00', 'Rendu', '0,10', 'Signature : 9c1e5a77b04d3f28']) {
      expect(html).toContain(text);
      expect(pdf.join('\n')).toContain(text);
    }
    expect(html).toContain('data-symbology="code128" data-code="T1-2026-000042"');
    // The PDF draws the number under its bars.
    expect(pdf.filter((t) => t === 'T1-2026-000042').length).toBeGreaterThanOrEqual(2);
    // An original is no duplicate and no refund.
    expect(html).not.toContain('DUPLICATA');
    expect(html).not.toContain('REMBOURSEMENT');
  });

  it('prints nothing about rounding when the total needed none, and no barcode when the till gives none', async () => {
    const { html, pdf } = await printed({ ...sale, total: 1990, rounding: 0, change: 10, barcode: null, signature: null });
    expect(html).not.toContain('Arrondi');
    expect(html).not.toContain('À payer');
    expect(html).not.toContain('Signature');
    expect(html).not.toContain('class="barcode"');
    expect(pdf).not.toContain('Arrondi');
  });

  it('marks a reprint DUPLICATA with its counter above the receipt and beside the number, in every language', async () => {
    const { html, pdf } = await printed({ ...sale, duplicate: 2 });
    expect(html).toContain('>DUPLICATA 2<');
    expect(html).toContain('T1-2026-000042 DUPLICATA 2');
    expect(pdf).toContain('DUPLICATA 2');
    // The barcode still holds the bare number, so scanning a duplicate finds the sale.
    expect(html).toContain('data-code="T1-2026-000042"');
    expect((await printed({ ...sale, duplicate: 1 }, 'nl')).pdf).toContain('DUPLICAAT 1');
    expect((await printed({ ...sale, duplicate: 3 }, 'en')).html).toContain('T1-2026-000042 DUPLICATE 3');
  });

  it('titles a refund and names the ticket it refunds', async () => {
    const refund: ReceiptData = { ...sale, number: 'T1-2026-000043', barcode: 'T1-2026-000043', refundOf: 'T1-2026-000042', total: -300, rounding: 0, payments: [{ method: 'Espèces', amount: -300 }], change: 0, lines: [{ name: 'Savon de Marseille', quantity: -1000, unitPrice: 300, total: -300, vatCode: 'A' }], vat: [{ code: 'A', rate: 2100, base: -248, vat: -52 }] };
    const { html, pdf } = await printed(refund);
    for (const text of ['REMBOURSEMENT', 'Ticket d’origine : T1-2026-000042', '-3,00']) {
      expect(html).toContain(text);
      expect(pdf.join('\n')).toContain(text);
    }
    expect((await printed(refund, 'nl')).pdf).toEqual(expect.arrayContaining(['TERUGBETALING', 'Oorspronkelijk ticket: T1-2026-000043'.replace('43', '42')]));
    expect((await printed(refund, 'en')).html).toContain('Original receipt: T1-2026-000042');
  });

  it('lets a shop rewrite the new texts like the others', async () => {
    const manager = await tk.userWith(['manager']);
    const res = await manager.post('/api/print/templates/kernel.receipt/preview', { lang: 'fr', override: { texts: { rounding: 'Arrondi espèces', signature: 'Empreinte {signature}' }, hiddenBlocks: [] } });
    expect(res.status).toBe(200);
    // The sample sale: 19,39 € rounded to 19,40 €.
    for (const text of ['Arrondi espèces', '0,01', 'À payer', '19,40', 'Empreinte 3f9a0c51d2e847b6']) expect(res.body).toContain(text);
  });
});
