import { localize, type Language, type PluginContext, type RouteRegistrar } from '@comptoir/kernel';
import type { ImportRequest, ImportService, RejectedRow } from '../services/import.service.js';
import { IMPORT_FIELDS } from '../import/map-rows.js';
import { idParams } from './schemas.js';

const importBody = {
  type: 'object', required: ['format', 'content', 'mapping'], additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['csv', 'xlsx'] },
    content: { type: 'string', minLength: 1 },
    compression: { type: 'string', enum: ['gzip'] },
    mapping: { type: 'object', additionalProperties: false, properties: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, { type: 'string', maxLength: 120 }])) },
    delimiter: { type: 'string', enum: [';', ',', '\t', '|'] },
    decimalSeparator: { type: 'string', enum: [',', '.'] },
    supplierCode: { type: 'string', maxLength: 32 },
    retailListCode: { type: 'string', maxLength: 32 },
    wholesaleListCode: { type: 'string', maxLength: 32 },
  },
} as const;

const reasons = (rows: RejectedRow[], lang: Language) => rows.map((r) => ({ row: r.row, reasons: r.reasons.map((t) => localize(t, lang)) }));

const DESCRIPTION = 'The file is sent base64-encoded in `content` (gzip it first and say `compression: "gzip"` for large files: the '
  + 'server accepts request bodies up to 5 MiB). `mapping` names, for each field, the header of its column: code, barcode, name, '
  + 'familyCode, vatCategory (BE-21, 21, 21 %), unit (piece, kg, litre), purchasePrice (without VAT), retailPrice (with VAT: the '
  + 'catalogue’s price and the default list’s base price), wholesalePrice (without VAT), packBarcode, packQuantity, content (33 cl, 500 g). '
  + 'Articles are matched by code, else by barcode: running the same file again updates instead of duplicating. A row whose code and '
  + 'barcode name two different articles is rejected as a conflict naming both. The preview lists every update with `{ field, from, to }`. '
  + 'The file is read in a worker thread: more than 64 MB once unpacked (gzip, XLSX entries) is refused with 413 IMPORT_FILE_TOO_LARGE, '
  + 'more than 60 s of parsing with 422 IMPORT_PARSE_TIMEOUT.';

/** Import of a supplier's catalogue, with a preview and saved column mappings. */
/** A supplier's XLSX of 100,000 rows is ~10 MB, base64 adds a third: accept up to 64 MiB on the import routes. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

export function importRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const imports = () => container.resolve<ImportService>('pricingImport');

  r.post<{ Body: ImportRequest }>('/imports/preview', {
    permission: 'pricing.import', summary: 'Preview a supplier catalogue import: the first rows as mapped, what would change, the rejected rows with reasons',
    description: DESCRIPTION, schema: { body: importBody }, bodyLimit: IMPORT_BODY_LIMIT,
    handler: async (req, ctx) => {
      const p = await imports().preview(ctx.em, req.body);
      return { ...p, rejected: reasons(p.rejected, ctx.lang) };
    },
  });

  r.post<{ Body: ImportRequest }>('/imports', {
    permission: 'pricing.import', summary: 'Import a supplier catalogue (CSV or XLSX): creates or updates articles, barcodes, prices and packs',
    description: DESCRIPTION, schema: { body: importBody }, bodyLimit: IMPORT_BODY_LIMIT,
    handler: async (req, ctx) => {
      const report = await imports().import(ctx.em, req.body, ctx.user);
      return { ...report, rejected: reasons(report.rejected, ctx.lang) };
    },
  });

  r.get('/import-profiles', {
    permission: 'pricing.import', summary: 'Saved column mappings',
    handler: async (_req, ctx) => (await imports().profiles(ctx.em)).map((p) => ({ id: p.id, name: p.name, settings: p.settings })),
  });
  r.put<{ Body: { name: string; settings: Record<string, unknown> } }>('/import-profiles', {
    permission: 'pricing.import', summary: 'Save a column mapping under a name (the same name replaces it)',
    schema: { body: { type: 'object', required: ['name', 'settings'], additionalProperties: false, properties: { name: { type: 'string', maxLength: 80 }, settings: { type: 'object' } } } },
    handler: async (req, ctx) => {
      const p = await imports().saveProfile(ctx.em, req.body.name, req.body.settings);
      return { id: p.id, name: p.name, settings: p.settings };
    },
  });
  r.delete<{ Params: { id: number } }>('/import-profiles/:id', {
    permission: 'pricing.import', summary: 'Delete a saved mapping', schema: { params: idParams },
    handler: async (req, ctx) => { await imports().deleteProfile(ctx.em, req.params.id); },
  });
}
