// The server's types, declared once (imported, never copied), and small helpers the screens share.
import { html, t } from '@comptoir/shell';
import type { DocumentSummary, PaymentStatus } from '../services/document-reads.js';

export type { DocumentPage, DocumentSummary, DocumentView, LineView, LinkedDocument, ListQuery, PaymentStatus } from '../services/document-reads.js';
export { CONVERSIONS, DOCUMENT_TYPES, PAYMENT_METHODS, type DocumentType, type PaymentMethod } from '../domain/kinds.js';

const BADGES: Record<PaymentStatus, string> = { unpaid: 'warning', partial: 'warning', paid: 'success', overdue: 'error' };

/** A document's state as a badge: draft, issued, or an invoice's payment status. */
export function statusBadge(d: Pick<DocumentSummary, 'status' | 'paymentStatus'>) {
  if (d.paymentStatus) return html`<span class="badge ${BADGES[d.paymentStatus]}" data-testid="invoicing-status">${t(`invoicing.payment.${d.paymentStatus}`)}</span>`;
  return html`<span class="badge ${d.status === 'issued' ? 'primary' : ''}" data-testid="invoicing-status">${t(`invoicing.status.${d.status}`)}</span>`;
}
