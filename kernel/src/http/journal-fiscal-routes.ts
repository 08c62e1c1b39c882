import type { Kernel } from '../kernel.js';
import { NotFoundError } from '../errors.js';
import { printableFingerprint } from '../journal/signing.js';
import { archiveFileName } from '../journal/archive-format.js';
import type { RouteRegistrar } from './routes.js';

const periodParam = { type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$' } as const;

/** The journal's signing key and archives: the public key for the Z, archives to list, produce and download. */
export function journalFiscalRoutes(r: RouteRegistrar, kernel: Kernel): void {
  r.get('/journal/public-key', {
    permission: 'kernel.journal', summary: 'The installation’s public key (Ed25519) and its fingerprint, printed on the Z',
    handler: async () => ({
      algorithm: 'Ed25519', publicKey: kernel.signingKey.publicKeyPem,
      fingerprint: kernel.signingKey.fingerprint, printable: printableFingerprint(kernel.signingKey.fingerprint),
    }),
  });

  r.get('/journal/archives', {
    permission: 'kernel.journal', summary: 'The journal archives kept in the data folder, oldest first',
    handler: async () => kernel.archives.list(),
  });

  r.post<{ Body: { period: string } }>('/journal/archives', {
    permission: 'kernel.journal', summary: 'Produce the archive of an ended month or year (or check it again: the same bytes)',
    description: '409 ARCHIVE_PERIOD_OPEN while the period runs; 409 ARCHIVE_DIFFERS when the archive made again differs from the one kept.',
    schema: { body: { type: 'object', required: ['period'], additionalProperties: false, properties: { period: periodParam } } },
    handler: async (req, ctx) => {
      const res = await kernel.archives.produce(ctx.em, req.body.period, ctx.user?.id ?? null);
      return { period: res.period, name: archiveFileName(res.period), sha256: res.sha256, created: res.created, entries: res.entries };
    },
  });

  r.get<{ Params: { period: string } }>('/journal/archives/:period', {
    permission: 'kernel.journal', summary: 'Download an archive (a tar of JSON Lines and a signed manifest); the export is journaled',
    schema: { params: { type: 'object', properties: { period: periodParam } } },
    handler: async (req, ctx, reply) => {
      const bytes = kernel.archives.read(req.params.period);
      if (!bytes) throw new NotFoundError('ARCHIVE_NOT_FOUND', { fr: `Aucune archive pour ${req.params.period}`, nl: `Geen archief voor ${req.params.period}`, en: `No archive for ${req.params.period}` });
      await kernel.journal.technical(ctx.em, 'journal.exported', { archive: archiveFileName(req.params.period), ip: ctx.ip }, ctx.user?.id ?? null);
      return reply.type('application/x-tar').header('content-disposition', `attachment; filename="${archiveFileName(req.params.period)}"`).header('cache-control', 'no-store').send(bytes);
    },
  });
}
