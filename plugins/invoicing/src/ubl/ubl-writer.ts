import { vatCategory, type UblDocument, type UblLine, type UblParty } from './model.js';

/** Cents as a UBL amount: 1234 → "12.34", −5 → "-0.05". */
export function amount(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Thousandths as a UBL quantity: 1250 → "1.25", 6000 → "6". */
export function quantity(thousandths: number): string {
  const abs = Math.abs(thousandths);
  const frac = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${thousandths < 0 ? '-' : ''}${Math.floor(abs / 1000)}${frac ? `.${frac}` : ''}`;
}

/** Basis points as a UBL percent: 2100 → "21", 550 → "5.5". */
export const percent = (bp: number) => quantity(bp * 10);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function el(name: string, content: string | null | undefined, attrs: Record<string, string> = {}): string {
  if (content === null || content === undefined || content === '') return '';
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<${name}${a}>${content}</${name}>`;
}
const text = (name: string, value: string | null | undefined, attrs: Record<string, string> = {}) => el(name, value ? esc(value) : value, attrs);
const money = (name: string, cents: number) => `<${name} currencyID="EUR">${amount(cents)}</${name}>`;
const taxCategory = (tag: string, rate: number) =>
  `<cac:${tag}><cbc:ID>${vatCategory(rate)}</cbc:ID><cbc:Percent>${percent(rate)}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:${tag}>`;

function party(p: UblParty): string {
  return `<cac:Party>${p.endpoint ? text('cbc:EndpointID', p.endpoint.id, { schemeID: p.endpoint.scheme }) : ''}`
    + `<cac:PartyName>${text('cbc:Name', p.name)}</cac:PartyName>`
    + `<cac:PostalAddress>${text('cbc:StreetName', p.street)}${text('cbc:CityName', p.city)}${text('cbc:PostalZone', p.postalCode)}`
    + `<cac:Country>${text('cbc:IdentificationCode', p.country)}</cac:Country></cac:PostalAddress>`
    + (p.vatNumber ? `<cac:PartyTaxScheme>${text('cbc:CompanyID', p.vatNumber)}<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>` : '')
    + `<cac:PartyLegalEntity>${text('cbc:RegistrationName', p.name)}${p.endpoint?.scheme === '0208' ? text('cbc:CompanyID', p.endpoint.id, { schemeID: '0208' }) : ''}</cac:PartyLegalEntity>`
    + '</cac:Party>';
}

function line(l: UblLine, credit: boolean): string {
  const tag = credit ? 'CreditNoteLine' : 'InvoiceLine';
  return `<cac:${tag}>${text('cbc:ID', l.id)}`
    + `<cbc:${credit ? 'CreditedQuantity' : 'InvoicedQuantity'} unitCode="C62">${quantity(l.quantity)}</cbc:${credit ? 'CreditedQuantity' : 'InvoicedQuantity'}>`
    + money('cbc:LineExtensionAmount', l.net)
    + (l.allowance ? `<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>${money('cbc:Amount', l.allowance)}</cac:AllowanceCharge>` : '')
    + `<cac:Item>${text('cbc:Name', l.name)}${l.sellerCode ? `<cac:SellersItemIdentification>${text('cbc:ID', l.sellerCode)}</cac:SellersItemIdentification>` : ''}${taxCategory('ClassifiedTaxCategory', l.rate)}</cac:Item>`
    + `<cac:Price>${money('cbc:PriceAmount', l.price)}${l.baseQuantity !== 1000 ? `<cbc:BaseQuantity unitCode="C62">${quantity(l.baseQuantity)}</cbc:BaseQuantity>` : ''}</cac:Price>`
    + `</cac:${tag}>`;
}

/** The document as Peppol BIS Billing 3.0 (UBL 2.1 Invoice or CreditNote), elements in the schema's order. */
export function writeUbl(d: UblDocument): string {
  const credit = d.kind === 'credit_note';
  const root = credit ? 'CreditNote' : 'Invoice';
  const parts = [
    '<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>',
    '<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>',
    text('cbc:ID', d.number),
    text('cbc:IssueDate', d.issueDate),
    credit ? '' : text('cbc:DueDate', d.dueDate),
    credit ? '<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>' : '<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>',
    ...d.notes.map((n) => text('cbc:Note', n)),
    '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>',
    text('cbc:BuyerReference', d.buyerReference || d.number),
    d.billingReference ? `<cac:BillingReference><cac:InvoiceDocumentReference>${text('cbc:ID', d.billingReference.number)}${text('cbc:IssueDate', d.billingReference.date)}</cac:InvoiceDocumentReference></cac:BillingReference>` : '',
    `<cac:AccountingSupplierParty>${party(d.seller)}</cac:AccountingSupplierParty>`,
    `<cac:AccountingCustomerParty>${party(d.buyer)}</cac:AccountingCustomerParty>`,
    d.paymentId ? `<cac:PaymentMeans><cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>${text('cbc:PaymentID', d.paymentId)}</cac:PaymentMeans>` : '',
    d.paymentTerms ? `<cac:PaymentTerms>${text('cbc:Note', d.paymentTerms)}</cac:PaymentTerms>` : '',
    ...d.allowances.map((a) => `<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>${text('cbc:AllowanceChargeReason', a.reason)}${money('cbc:Amount', a.amount)}${taxCategory('TaxCategory', a.rate)}</cac:AllowanceCharge>`),
    `<cac:TaxTotal>${money('cbc:TaxAmount', d.taxTotal)}${d.taxSubtotals.map((s) => `<cac:TaxSubtotal>${money('cbc:TaxableAmount', s.taxable)}${money('cbc:TaxAmount', s.tax)}${taxCategory('TaxCategory', s.rate)}</cac:TaxSubtotal>`).join('')}</cac:TaxTotal>`,
    '<cac:LegalMonetaryTotal>' + money('cbc:LineExtensionAmount', d.lineExtension) + money('cbc:TaxExclusiveAmount', d.taxExclusive) + money('cbc:TaxInclusiveAmount', d.taxInclusive)
      + (d.allowanceTotal ? money('cbc:AllowanceTotalAmount', d.allowanceTotal) : '') + money('cbc:PayableAmount', d.payable) + '</cac:LegalMonetaryTotal>',
    ...d.lines.map((l) => line(l, credit)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">\n${parts.filter(Boolean).join('\n')}\n</${root}>\n`;
}
