// Public API of @comptoir/invoicing: the plugin (default export), its entities, services and domain rules.
import { invoicingPlugin } from './plugin.js';

export default invoicingPlugin;
export { invoicingPlugin };
export * from './entities/index.js';
export { formatStructured, invoiceCommunication, isStructured, structuredDigits } from './domain/structured-communication.js';
export { BE_CREDIT_MENTION, creditNoteMentions } from './domain/mentions.js';
export { SERIES } from './services/store.js';
export { type ConversionInput } from './services/conversion.service.js';
export { CONVERSIONS } from './domain/kinds.js';
export type { DocumentService, LineInput, HeaderInput, CreateInput, Actor } from './services/documents.service.js';
export { LIST_COUNT_CAP } from './services/document-reads.js';
export type { DocumentReads, DocumentPage, DocumentView, DocumentSummary, LineView, LinkedDocument, PaymentStatus, ListQuery } from './services/document-reads.js';
export type { IssueService } from './services/issue.service.js';
export type { PaymentService, PaymentInput } from './services/payment.service.js';
export type { DocumentPrintData } from './templates/document.template.js';
