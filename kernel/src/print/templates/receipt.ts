/** The kernel's receipt: what the till prints for a sale (the POS plugin passes its ticket as this data). */
import { formatQuantity, formatRate } from '../../money/index.js';
import { defineTemplate, type PrintBlock } from '../model.js';

/** What the receipt prints. Amounts in cents, quantities in thousandths, rates in hundredths of a percent. */
export interface ReceiptData {
  number: string;
  date: string;
  cashier: string;
  station: string;
  /** `note`: what the cashier wrote on the line, printed under it. */
  lines: Array<{ name: string; quantity: number; unitPrice: number; total: number; vatCode: string; note?: string }>;
  /** The ticket's note, printed under the lines. */
  note?: string;
  vat: Array<{ code: string; rate: number; base: number; vat: number }>;
  total: number;
  payments: Array<{ method: string; amount: number }>;
  change: number;
  /** What the QR code holds (a link to the e-receipt, a verification address), or null. */
  qr: string | null;
  /** Cash rounding in cents (`total + rounding` is what the customer paid); printed with the amount due when not 0. */
  rounding?: number;
  /** The journal signature fragment (the ticket's entry hash, shortened), printed so the chain can be checked from paper. */
  signature?: string | null;
  /** What the Code 128 under the receipt encodes to find the sale again for a return; the number when absent, none when null. */
  barcode?: string | null;
  /** Null or absent on the original; 1, 2… on each reprint, printed "DUPLICATA n" above and beside the number. */
  duplicate?: number | null;
  /** On a refund: the number of the ticket it refunds (printed under a "REMBOURSEMENT" title). */
  refundOf?: string | null;
}

export const receiptTemplate = defineTemplate<ReceiptData>({
  name: 'receipt',
  kind: 'receipt',
  title: { fr: 'Ticket de caisse', nl: 'Kassaticket', en: 'Till receipt' },
  description: { fr: 'Imprimé à chaque vente (80 mm, 48 caractères)', nl: 'Afgedrukt bij elke verkoop (80 mm, 48 tekens)', en: 'Printed at each sale (80 mm, 48 characters)' },
  logo: true,
  texts: {
    header: {
      label: { fr: 'En-tête', nl: 'Koptekst', en: 'Header' }, multiline: true,
      default: { fr: '{street}\n{postalCode} {city}\nTVA {vatNumber}', nl: '{street}\n{postalCode} {city}\nBTW {vatNumber}', en: '{street}\n{postalCode} {city}\nVAT {vatNumber}' },
    },
    total: { label: { fr: 'Libellé du total', nl: 'Label van het totaal', en: 'Total label' }, default: { fr: 'TOTAL', nl: 'TOTAAL', en: 'TOTAL' } },
    vatTitle: { label: { fr: 'Titre du détail TVA', nl: 'Titel van de btw-details', en: 'VAT details title' }, default: { fr: 'TVA', nl: 'BTW', en: 'VAT' } },
    rounding: { label: { fr: 'Libellé de l’arrondi', nl: 'Label van de afronding', en: 'Rounding label' }, default: { fr: 'Arrondi', nl: 'Afronding', en: 'Rounding' } },
    due: { label: { fr: 'Libellé du montant arrondi', nl: 'Label van het afgeronde bedrag', en: 'Rounded amount label' }, default: { fr: 'À payer', nl: 'Te betalen', en: 'To pay' } },
    duplicate: { label: { fr: 'Mention de duplicata', nl: 'Vermelding duplicaat', en: 'Duplicate mark' }, default: { fr: 'DUPLICATA {n}', nl: 'DUPLICAAT {n}', en: 'DUPLICATE {n}' } },
    refund: { label: { fr: 'Titre d’un remboursement', nl: 'Titel van een terugbetaling', en: 'Refund title' }, default: { fr: 'REMBOURSEMENT', nl: 'TERUGBETALING', en: 'REFUND' } },
    refundOf: { label: { fr: 'Ticket remboursé', nl: 'Terugbetaald ticket', en: 'Refunded receipt' }, default: { fr: 'Ticket d’origine : {number}', nl: 'Oorspronkelijk ticket: {number}', en: 'Original receipt: {number}' } },
    signature: { label: { fr: 'Signature du journal', nl: 'Handtekening van het journaal', en: 'Journal signature' }, default: { fr: 'Signature : {signature}', nl: 'Handtekening: {signature}', en: 'Signature: {signature}' } },
    change: { label: { fr: 'Libellé du rendu', nl: 'Label van het wisselgeld', en: 'Change label' }, default: { fr: 'Rendu', nl: 'Wisselgeld', en: 'Change' } },
    footer: {
      label: { fr: 'Pied de ticket', nl: 'Voettekst', en: 'Footer' }, multiline: true,
      default: { fr: 'Merci de votre visite !\nÉchange sous 30 jours avec ce ticket.', nl: 'Bedankt voor uw bezoek!\nRuilen binnen 30 dagen met dit ticket.', en: 'Thank you for your visit!\nExchanges within 30 days with this receipt.' },
    },
  },
  blocks: {
    logo: { label: { fr: 'Logo', nl: 'Logo', en: 'Logo' } },
    header: { label: { fr: 'En-tête (adresse, TVA)', nl: 'Koptekst (adres, btw)', en: 'Header (address, VAT)' } },
    vat: { label: { fr: 'Détail de la TVA', nl: 'Btw-details', en: 'VAT details' } },
    footer: { label: { fr: 'Pied de ticket', nl: 'Voettekst', en: 'Footer' } },
    barcode: { label: { fr: 'Code-barres du ticket', nl: 'Streepjescode van het ticket', en: 'Receipt barcode' } },
    qr: { label: { fr: 'Code QR', nl: 'QR-code', en: 'QR code' } },
  },
  sample: (ctx) => ({
    number: 'T2026-000123',
    date: '2026-03-14T10:42:00Z',
    cashier: 'Julie',
    station: { fr: 'Caisse 1', nl: 'Kassa 1', en: 'Till 1' }[ctx.lang],
    lines: [
      { name: 'Pain de campagne 800 g', quantity: 2000, unitPrice: 345, total: 690, vatCode: 'A' },
      { name: 'Tomates grappe', quantity: 1250, unitPrice: 399, total: 499, vatCode: 'A' },
      { name: 'Bière blonde 33 cl', quantity: 6000, unitPrice: 125, total: 750, vatCode: 'B' },
    ],
    vat: [{ code: 'A', rate: 600, base: 1121, vat: 68 }, { code: 'B', rate: 2100, base: 620, vat: 130 }],
    total: 1939,
    payments: [{ method: { fr: 'Espèces', nl: 'Contant', en: 'Cash' }[ctx.lang], amount: 2000 }],
    change: 60,
    qr: 'https://comptoir.example/r/T2026-000123',
    rounding: 1,
    signature: '3f9a0c51d2e847b6',
    barcode: 'T2026-000123',
    duplicate: null,
    refundOf: null,
  }),
  render(d, ctx) {
    const { shop } = ctx;
    const blocks: PrintBlock[] = [];
    if (ctx.logo) blocks.push({ type: 'image', block: 'logo', src: ctx.logo, width: 40 });
    blocks.push({ type: 'text', block: 'header', align: 'center', runs: [{ text: shop.name, size: 'large', bold: true }] });
    const header = ctx.text('header', { name: shop.name, street: shop.street, postalCode: shop.postalCode, city: shop.city, vatNumber: shop.vatNumber, phone: shop.phone });
    for (const line of header.split('\n').filter((l) => l.trim())) blocks.push({ type: 'text', block: 'header', align: 'center', runs: [{ text: line }] });
    blocks.push({ type: 'rule', style: 'dashed' });
    // A reprint says so above everything a customer reads and beside the number (a copy is never a second sale).
    const duplicate = d.duplicate ? ctx.text('duplicate', { n: d.duplicate }) : null;
    if (duplicate) blocks.push({ type: 'text', align: 'center', runs: [{ text: duplicate, size: 'large', bold: true }] });
    if (d.refundOf) {
      blocks.push({ type: 'text', align: 'center', runs: [{ text: ctx.text('refund'), size: 'large', bold: true }] });
      blocks.push({ type: 'text', align: 'center', runs: [{ text: ctx.text('refundOf', { number: d.refundOf }) }] });
    }
    blocks.push({ type: 'columns', columns: [{ runs: [{ text: duplicate ? `${d.number} ${duplicate}` : d.number, bold: true }], width: 3 }, { runs: [{ text: ctx.date(d.date, true) }], width: 2, align: 'right' }] });
    blocks.push({ type: 'columns', columns: [{ runs: [{ text: d.cashier }] }, { runs: [{ text: d.station }], align: 'right' }] });
    blocks.push({ type: 'rule', style: 'dashed' });
    for (const l of d.lines) {
      blocks.push({ type: 'text', runs: [{ text: l.name }] });
      blocks.push({ type: 'columns', columns: [
        { runs: [{ text: `  ${formatQuantity(l.quantity, ctx.locale)} × ${ctx.money(l.unitPrice)}` }], width: 3 },
        { runs: [{ text: `${ctx.money(l.total)} ${l.vatCode}` }], width: 2, align: 'right' },
      ] });
      if (l.note) blocks.push({ type: 'text', runs: [{ text: `  ${l.note}` }] });
    }
    if (d.note) blocks.push({ type: 'text', runs: [{ text: d.note }] });
    blocks.push({ type: 'rule', style: 'double' });
    blocks.push({ type: 'columns', columns: [{ runs: [{ text: ctx.text('total'), size: 'large', bold: true }] }, { runs: [{ text: ctx.money(d.total), size: 'large', bold: true }], align: 'right' }] });
    if (d.rounding) {
      blocks.push({ type: 'columns', columns: [{ runs: [{ text: ctx.text('rounding') }] }, { runs: [{ text: ctx.money(d.rounding) }], align: 'right' }] });
      blocks.push({ type: 'columns', columns: [{ runs: [{ text: ctx.text('due'), bold: true }] }, { runs: [{ text: ctx.money(d.total + d.rounding), bold: true }], align: 'right' }] });
    }
    for (const p of d.payments) blocks.push({ type: 'columns', columns: [{ runs: [{ text: p.method }] }, { runs: [{ text: ctx.money(p.amount) }], align: 'right' }] });
    if (d.change) blocks.push({ type: 'columns', columns: [{ runs: [{ text: ctx.text('change') }] }, { runs: [{ text: ctx.money(d.change) }], align: 'right' }] });
    if (d.vat.length) {
      blocks.push({ type: 'rule', style: 'dashed', block: 'vat' });
      blocks.push({ type: 'columns', block: 'vat', columns: [
        { runs: [{ text: ctx.text('vatTitle'), bold: true }], width: 2 }, { runs: [{ text: { fr: 'Base', nl: 'Basis', en: 'Base' }[ctx.lang], bold: true }], width: 2, align: 'right' }, { runs: [{ text: ctx.text('vatTitle'), bold: true }], width: 2, align: 'right' },
      ] });
      for (const v of d.vat) {
        blocks.push({ type: 'columns', block: 'vat', columns: [
          { runs: [{ text: `${v.code} ${formatRate(v.rate, ctx.locale)}` }], width: 2 }, { runs: [{ text: ctx.money(v.base) }], width: 2, align: 'right' }, { runs: [{ text: ctx.money(v.vat) }], width: 2, align: 'right' },
        ] });
      }
    }
    blocks.push({ type: 'space', block: 'footer' });
    for (const line of ctx.text('footer').split('\n').filter((l) => l.trim())) blocks.push({ type: 'text', block: 'footer', align: 'center', runs: [{ text: line }] });
    if (d.signature) blocks.push({ type: 'text', align: 'center', runs: [{ text: ctx.text('signature', { signature: d.signature }), size: 'small' }] });
    const barcode = d.barcode === undefined ? d.number : d.barcode;
    if (barcode) blocks.push({ type: 'barcode', block: 'barcode', symbology: 'code128', data: barcode, height: 10 });
    if (d.qr) blocks.push({ type: 'qr', block: 'qr', data: d.qr, size: 24 });
    blocks.push({ type: 'cut' });
    return blocks;
  },
});
