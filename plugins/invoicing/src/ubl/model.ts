/**
 * An invoice or credit note as EN 16931 sees it (amounts in cents, quantities in thousandths, rates in basis points),
 * before it is written as Peppol BIS Billing 3.0 UBL (`ubl-writer.ts`) and checked (`ubl-rules.ts`).
 */
export interface UblParty {
  name: string;
  street: string;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** With its country prefix (BE0123456749), or '' when the party has none. */
  vatNumber: string;
  /** The Peppol electronic address: scheme (EAS: 0208 Belgian enterprise number, 9957 French VAT) and identifier. */
  endpoint: { scheme: string; id: string } | null;
}

export interface UblLine {
  id: string;
  name: string;
  /** The seller's article code, if any. */
  sellerCode: string;
  quantity: number;
  /** Line net amount, VAT excluded, after the line's allowance. */
  net: number;
  /** Net price in cents for `baseQuantity` thousandths. */
  price: number;
  baseQuantity: number;
  /** The line's allowance (discount), cents; 0 when none. */
  allowance: number;
  rate: number;
}

export interface UblDocument {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  dueDate: string | null;
  buyerReference: string;
  notes: string[];
  /** The invoice a credit note corrects. */
  billingReference: { number: string; date: string } | null;
  seller: UblParty;
  buyer: UblParty;
  /** The structured communication (remittance information) for the transfer. */
  paymentId: string | null;
  paymentTerms: string;
  /** Document-level allowances, one per VAT rate (the document discount spread over the rates). */
  allowances: Array<{ amount: number; rate: number; reason: string }>;
  taxSubtotals: Array<{ rate: number; taxable: number; tax: number }>;
  lines: UblLine[];
  lineExtension: number;
  allowanceTotal: number;
  taxExclusive: number;
  taxTotal: number;
  taxInclusive: number;
  payable: number;
}

/** UNCL5305 VAT category of a rate: standard (S) above zero, zero-rated (Z) at zero. */
export const vatCategory = (rate: number): 'S' | 'Z' => (rate > 0 ? 'S' : 'Z');
