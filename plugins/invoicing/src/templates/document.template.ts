/** The A4 document of invoicing: quote, order, delivery note, invoice or credit note, with the VAT per rate. */
import { defineTemplate, formatQuantity, formatRate, type Language, type PrintBlock, type TemplateContext } from '@comptoir/kernel';
import type { DocumentType } from '../entities/document.entity.js';

/** What the document prints. Amounts in cents, quantities in thousandths, rates in hundredths of a percent. */
export interface DocumentPrintData {
  type: DocumentType;
  /** Null on a draft: it prints as a draft, without a number. */
  number: string | null;
  date: string | null;
  dueDate: string | null;
  validUntil: string | null;
  customer: { name: string; address: string; vatNumber: string };
  deliveryAddress: string;
  customerReference: string;
  pricesIncludeVat: boolean;
  lines: Array<{ kind: string; description: string; quantity: number; unitPrice: number; vatRate: number; discount: string; total: number }>;
  rates: Array<{ rate: number; base: number; vat: number }>;
  subtotal: number;
  discount: number;
  base: number;
  vat: number;
  total: number;
  paid: number;
  balance: number | null;
  structuredCommunication: string | null;
  paymentTerms: string;
  mentions: string[];
  notes: string;
}

type Texts = Record<Language, string>;
const TITLES: Record<DocumentType, Texts> = {
  quote: { fr: 'DEVIS', nl: 'OFFERTE', en: 'QUOTE' },
  order: { fr: 'BON DE COMMANDE', nl: 'BESTELBON', en: 'ORDER' },
  delivery: { fr: 'BON DE LIVRAISON', nl: 'LEVERINGSBON', en: 'DELIVERY NOTE' },
  invoice: { fr: 'FACTURE', nl: 'FACTUUR', en: 'INVOICE' },
  credit_note: { fr: 'NOTE DE CRÉDIT', nl: 'CREDITNOTA', en: 'CREDIT NOTE' },
};
const W: Record<string, Texts> = {
  draft: { fr: 'PROJET — sans valeur', nl: 'ONTWERP — zonder waarde', en: 'DRAFT — not valid' },
  number: { fr: 'Numéro', nl: 'Nummer', en: 'Number' },
  date: { fr: 'Date', nl: 'Datum', en: 'Date' },
  due: { fr: 'Échéance', nl: 'Vervaldag', en: 'Due date' },
  valid: { fr: 'Valable jusqu’au', nl: 'Geldig tot', en: 'Valid until' },
  yourRef: { fr: 'Votre référence', nl: 'Uw referentie', en: 'Your reference' },
  vatNo: { fr: 'TVA', nl: 'BTW', en: 'VAT' },
  delivery: { fr: 'Livraison', nl: 'Levering', en: 'Delivery' },
  description: { fr: 'Description', nl: 'Omschrijving', en: 'Description' },
  qty: { fr: 'Qté', nl: 'Aantal', en: 'Qty' },
  unit: { fr: 'Prix unit.', nl: 'Eenheidsprijs', en: 'Unit price' },
  rate: { fr: 'TVA', nl: 'BTW', en: 'VAT' },
  amount: { fr: 'Montant', nl: 'Bedrag', en: 'Amount' },
  subtotal: { fr: 'Sous-total', nl: 'Subtotaal', en: 'Subtotal' },
  discount: { fr: 'Remise', nl: 'Korting', en: 'Discount' },
  base: { fr: 'Base', nl: 'Basis', en: 'Base' },
  totalExcl: { fr: 'Total HTVA', nl: 'Totaal excl. btw', en: 'Total excl. VAT' },
  totalVat: { fr: 'Total TVA', nl: 'Totaal btw', en: 'Total VAT' },
  total: { fr: 'TOTAL TVAC', nl: 'TOTAAL INCL. BTW', en: 'TOTAL INCL. VAT' },
  paid: { fr: 'Déjà payé', nl: 'Reeds betaald', en: 'Already paid' },
  balance: { fr: 'Solde à payer', nl: 'Te betalen saldo', en: 'Balance due' },
  communication: { fr: 'Communication structurée', nl: 'Gestructureerde mededeling', en: 'Structured communication' },
  exclSide: { fr: 'Prix hors TVA', nl: 'Prijzen excl. btw', en: 'Prices excluding VAT' },
  inclSide: { fr: 'Prix TVA comprise', nl: 'Prijzen incl. btw', en: 'Prices including VAT' },
};

export const documentTemplate = defineTemplate<DocumentPrintData>({
  name: 'document',
  kind: 'document',
  title: { fr: 'Document commercial (A4)', nl: 'Handelsdocument (A4)', en: 'Business document (A4)' },
  description: { fr: 'Devis, commandes, bons de livraison, factures et notes de crédit', nl: 'Offertes, bestellingen, leveringsbons, facturen en creditnota’s', en: 'Quotes, orders, delivery notes, invoices and credit notes' },
  logo: true,
  texts: {
    header: {
      label: { fr: 'Coordonnées du magasin', nl: 'Gegevens van de winkel', en: 'Shop details' }, multiline: true,
      default: { fr: '{street}\n{postalCode} {city}\nTVA {vatNumber}', nl: '{street}\n{postalCode} {city}\nBTW {vatNumber}', en: '{street}\n{postalCode} {city}\nVAT {vatNumber}' },
    },
    footer: {
      label: { fr: 'Pied de page (conditions)', nl: 'Voettekst (voorwaarden)', en: 'Footer (terms)' }, multiline: true,
      default: { fr: 'Nos conditions générales de vente s’appliquent.', nl: 'Onze algemene verkoopsvoorwaarden zijn van toepassing.', en: 'Our general terms of sale apply.' },
    },
  },
  blocks: {
    logo: { label: { fr: 'Logo', nl: 'Logo', en: 'Logo' } },
    header: { label: { fr: 'En-tête (adresse, TVA)', nl: 'Koptekst (adres, btw)', en: 'Header (address, VAT)' } },
    footer: { label: { fr: 'Pied de page', nl: 'Voettekst', en: 'Footer' } },
  },
  sample: () => ({
    type: 'invoice', number: 'FAC-2026-000042', date: '2026-06-15', dueDate: '2026-07-15', validUntil: null,
    customer: { name: 'Café du Coin SRL', address: 'Rue Haute 12\n1000 Bruxelles', vatNumber: 'BE0123456749' }, deliveryAddress: '', customerReference: 'BC-778',
    pricesIncludeVat: false,
    lines: [
      { kind: 'article', description: 'Triple 33 cl (casier de 24)', quantity: 5000, unitPrice: 2890, vatRate: 2100, discount: '', total: 14450 },
      { kind: 'article', description: 'Consigne casier', quantity: 5000, unitPrice: 390, vatRate: 0, discount: '', total: 1950 },
    ],
    rates: [{ rate: 2100, base: 14450, vat: 3035 }, { rate: 0, base: 1950, vat: 0 }],
    subtotal: 16400, discount: 0, base: 16400, vat: 3035, total: 19435, paid: 0, balance: 19435,
    structuredCommunication: '+++260/0000/04214+++', paymentTerms: '', mentions: [], notes: '',
  }),
  render(d, ctx) {
    const t = (key: string) => W[key][ctx.lang];
    const money = (c: number) => ctx.money(c);
    const blocks: PrintBlock[] = [];
    const { shop } = ctx;
    if (ctx.logo) blocks.push({ type: 'image', block: 'logo', src: ctx.logo, width: 40, align: 'left' });
    blocks.push({ type: 'text', block: 'header', runs: [{ text: shop.name, size: 'large', bold: true }] });
    const header = ctx.text('header', { name: shop.name, street: shop.street, postalCode: shop.postalCode, city: shop.city, vatNumber: shop.vatNumber, phone: shop.phone });
    for (const line of header.split('\n').filter((l) => l.trim())) blocks.push({ type: 'text', block: 'header', runs: [{ text: line }] });
    blocks.push({ type: 'space' });
    blocks.push({ type: 'text', runs: [{ text: TITLES[d.type][ctx.lang], size: 'huge', bold: true }] });
    if (d.number === null) blocks.push({ type: 'text', runs: [{ text: t('draft'), bold: true }] });
    blocks.push({ type: 'space' });
    const customer = [d.customer.name, ...d.customer.address.split('\n'), ...(d.customer.vatNumber ? [`${t('vatNo')} ${d.customer.vatNumber}`] : [])];
    const facts: string[] = [];
    if (d.number) facts.push(`${t('number')} : ${d.number}`);
    if (d.date) facts.push(`${t('date')} : ${day(ctx, d.date)}`);
    if (d.dueDate) facts.push(`${t('due')} : ${day(ctx, d.dueDate)}`);
    if (d.validUntil) facts.push(`${t('valid')} : ${day(ctx, d.validUntil)}`);
    if (d.customerReference) facts.push(`${t('yourRef')} : ${d.customerReference}`);
    for (let i = 0; i < Math.max(customer.length, facts.length); i++) {
      blocks.push({ type: 'columns', columns: [{ runs: [{ text: facts[i] ?? '' }], width: 1 }, { runs: [{ text: customer[i] ?? '', bold: i === 0 }], width: 1 }] });
    }
    if (d.deliveryAddress && d.deliveryAddress !== d.customer.address) {
      blocks.push({ type: 'space' });
      blocks.push({ type: 'text', runs: [{ text: `${t('delivery')} : ${d.deliveryAddress.split('\n').join(', ')}` }] });
    }
    blocks.push({ type: 'space' });
    blocks.push({ type: 'text', runs: [{ text: t(d.pricesIncludeVat ? 'inclSide' : 'exclSide'), size: 'small' }] });
    const row = (cells: [string, string, string, string, string], bold = false): PrintBlock => ({
      type: 'columns', columns: [
        { runs: [{ text: cells[0], bold }], width: 8 }, { runs: [{ text: cells[1], bold }], width: 2, align: 'right' }, { runs: [{ text: cells[2], bold }], width: 3, align: 'right' },
        { runs: [{ text: cells[3], bold }], width: 2, align: 'right' }, { runs: [{ text: cells[4], bold }], width: 3, align: 'right' },
      ],
    });
    blocks.push(row([t('description'), t('qty'), t('unit'), t('rate'), t('amount')], true));
    blocks.push({ type: 'rule' });
    for (const l of d.lines) {
      if (l.kind === 'section') blocks.push({ type: 'text', runs: [{ text: l.description, bold: true }] });
      else if (l.kind === 'text') blocks.push({ type: 'text', runs: [{ text: l.description }] });
      else if (l.kind === 'subtotal') blocks.push({ type: 'columns', columns: [{ runs: [{ text: l.description || t('subtotal'), bold: true }], width: 15 }, { runs: [{ text: money(l.total), bold: true }], width: 3, align: 'right' }] });
      else {
        blocks.push(row([l.description + (l.discount ? ` (${t('discount')} ${l.discount})` : ''), formatQuantity(l.quantity, ctx.locale), money(l.unitPrice), formatRate(l.vatRate, ctx.locale), money(l.total)]));
      }
    }
    blocks.push({ type: 'rule' });
    const sum = (label: string, cents: number, bold = false): PrintBlock => ({ type: 'columns', columns: [{ runs: [{ text: '' }], width: 9 }, { runs: [{ text: label, bold }], width: 6 }, { runs: [{ text: money(cents), bold }], width: 3, align: 'right' }] });
    if (d.discount) {
      blocks.push(sum(t('subtotal'), d.subtotal));
      blocks.push(sum(t('discount'), -d.discount));
    }
    // The VAT per rate: base and VAT of each rate, as EN 16931 totals them.
    blocks.push({ type: 'columns', columns: [{ runs: [{ text: t('rate'), bold: true }], width: 3 }, { runs: [{ text: t('base'), bold: true }], width: 3, align: 'right' }, { runs: [{ text: t('rate'), bold: true }], width: 3, align: 'right' }, { runs: [{ text: '' }], width: 9 }] });
    for (const r of d.rates) {
      blocks.push({ type: 'columns', columns: [{ runs: [{ text: formatRate(r.rate, ctx.locale) }], width: 3 }, { runs: [{ text: money(r.base) }], width: 3, align: 'right' }, { runs: [{ text: money(r.vat) }], width: 3, align: 'right' }, { runs: [{ text: '' }], width: 9 }] });
    }
    blocks.push({ type: 'space' });
    blocks.push(sum(t('totalExcl'), d.base));
    blocks.push(sum(t('totalVat'), d.vat));
    blocks.push(sum(t('total'), d.total, true));
    if (d.balance !== null && d.paid) {
      blocks.push(sum(t('paid'), -d.paid));
      blocks.push(sum(t('balance'), d.balance, true));
    }
    if (d.structuredCommunication) {
      blocks.push({ type: 'space' });
      blocks.push({ type: 'text', runs: [{ text: `${t('communication')} : ` }, { text: d.structuredCommunication, bold: true }] });
    }
    if (d.paymentTerms) blocks.push({ type: 'text', runs: [{ text: d.paymentTerms }] });
    if (d.mentions.length) {
      blocks.push({ type: 'space' });
      for (const m of d.mentions) blocks.push({ type: 'text', runs: [{ text: m, bold: true }] });
    }
    if (d.notes) {
      blocks.push({ type: 'space' });
      for (const line of d.notes.split('\n')) blocks.push({ type: 'text', runs: [{ text: line }] });
    }
    blocks.push({ type: 'space', block: 'footer' });
    for (const line of ctx.text('footer').split('\n').filter((l) => l.trim())) blocks.push({ type: 'text', block: 'footer', runs: [{ text: line, size: 'small' }] });
    return blocks;
  },
});

/** A day 'YYYY-MM-DD' as the shop writes it (never shifted by the time zone). */
function day(ctx: TemplateContext, iso: string): string {
  return new Intl.DateTimeFormat(ctx.locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
