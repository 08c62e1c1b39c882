// Public API of @comptoir/kernel: what plugins may import. Anything else is internal; what only the host and
// the CLI need is in @comptoir/kernel/host, test helpers in @comptoir/kernel/testing.
export { definePlugin, type PluginDefinition, type PluginContext, type DemoContext, type PermissionDefinition, type ScreenDefinition, type WidgetDefinition } from './plugin/define.js';
export { containerPrefix } from './plugin/container.js';
export { Kernel, KERNEL_VERSION, SOFTWARE, getKernelHooks, type Clock } from './kernel.js';
export { defineHooks, AsyncSeriesHook, AsyncSeriesWaterfallHook, AsyncSeriesBailHook, AsyncParallelHook, SyncHook, SyncWaterfallHook, SyncBailHook } from './hooks.js';
export { RouteRegistrar, type RouteDefinition, type RouteContext, type RoutePermission } from './http/routes.js';
export { problem, toProblem, type Problem } from './http/problem.js';
export { schemas, MAX_INT32, hasControlCharacter, MAX_JSON_DEPTH } from './http/input.js';
export { DomainError, ValidationError, NotFoundError, VersionConflictError, KernelError, localize, LANGUAGES, type LocalizedText, type FieldError, type Language } from './errors.js';
export { defineMigration, type Migration, type Dialect } from './db/migrations.js';
export { afterCommit, type Effect } from './db/after-commit.js';
/** Raw SQL and batched writes for hot paths: `sql.query`, `sql.run`, `sql.insertRows`, `sql.updateRows`… */
export * as sql from './db/sql.js';
export { databaseProblem, isUniqueViolation, uniqueViolationField, uniqueConflict } from './db/db-errors.js';
export { Sequences, type DocumentNumber } from './sequences.js';
export { Journal, sealRows, TECHNICAL_CHAIN, TRAINING_CHAIN, SIGNED_CHAINS, type JournalRecord, type JournalVerification, type JournalSeal, type JournalAnchor, type JournalAnchorSource } from './journal/journal.js';
export { printableFingerprint, fingerprintOf, verifySignature, type InstallationKey } from './journal/signing.js';
export type { JournalArchives, ArchiveResult } from './journal/archive.js';
export { archivePeriod, type ArchivePeriod, type ArchiveManifest } from './journal/archive-format.js';
export { canonicalJson } from './journal/canonical.js';
export { EventBus, type ServerEvent } from './events.js';
export { Settings } from './settings.js';
export { AuthService, type AuthContext, type UserInput } from './auth/auth.service.js';
export { hashSecret, verifySecret } from './auth/password.js';
export { APPROVAL_HEADER, currentApproval, type Approval } from './auth/approval.js';
export { User, Station, Shop } from './entities/index.js';
export * from './money/index.js';
export { asClass, asFunction, asValue, type AwilixContainer } from 'awilix';
export { EntitySchema, Collection, type EntityManager } from '@mikro-orm/core';
export type { UiPlugin, UiScreen, UiWidget } from './http/shell-ui.js';
export { defineTemplate, DEFAULT_PAPER, type PrintTemplateDefinition, type PrintDocument, type PrintBlock, type PrintKind, type PaperSpec, type TextRun, type TextSize, type Align, type TemplateContext, type TemplateOverride } from './print/model.js';
export { PrintService, type StoredOverride, type RegisteredTemplate, type TemplateDescription } from './print/print.service.js';
export { receiptLines, columnWidths, wrapWords } from './print/layout.js';
export { linearBarcode, ean13, code128, gs1CheckDigit, type LinearBarcode } from './print/barcode.js';
export { qrCode, type QrCode, type QrErrorCorrection } from './print/qr.js';
export type { ReceiptData } from './print/templates/receipt.js';
