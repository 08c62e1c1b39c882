import type { PluginContext, RouteContext, RouteRegistrar } from '@comptoir/kernel';
import { DomainError } from '@comptoir/kernel';
import type { CashService, TicketService } from '@comptoir/pos';
import { DeviceErrors } from '../messages.js';
import type { DeviceService } from '../services/device.service.js';
import type { JobStatus, PrintQueue } from '../services/print-queue.js';
import type { TillPrinting } from '../services/till-printing.js';
import { idParams, jobsQuery, targetBody } from './schemas.js';

const stationRequired = () => new DomainError('DEVICES_STATION_REQUIRED', {
  fr: 'Ce navigateur n’est pas un poste enregistré : demandez à un responsable de l’enregistrer.',
  nl: 'Deze browser is geen geregistreerde kassa: vraag een verantwoordelijke hem te registreren.',
  en: 'This browser is not a registered station: ask a manager to register it.',
}, { status: 409 });

const tillRequired = () => new DomainError('DEVICES_TILL_DISABLED', {
  fr: 'Un ticket se réimprime par la caisse, qui n’est pas activée.', nl: 'Een ticket wordt via de kassa herdrukt, die niet ingeschakeld is.', en: 'A receipt is reprinted through the till, which is not enabled.',
}, { status: 409 });

/** The print queue: list, retry, send elsewhere, reprint (`devices.use`; reprinting a receipt: `devices.reprint`). */
export function jobRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const queue = container.resolve<PrintQueue>('devicesPrintQueue');
  const devices = container.resolve<DeviceService>('devices');
  const till = container.resolve<TillPrinting>('devicesTillPrinting');

  r.get<{ Querystring: { status?: JobStatus | 'open'; scope?: 'station' | 'shop'; limit?: number } }>('/jobs', {
    permission: 'devices.use', summary: 'Print jobs, newest first: this station’s (scope=station) or the shop’s; status=open for those not printed yet',
    schema: { querystring: jobsQuery },
    handler: async (req, ctx) => {
      const stationId = req.query.scope === 'shop' ? undefined : ctx.station?.id;
      if (req.query.scope !== 'shop' && stationId === undefined) throw stationRequired();
      return queue.list(ctx.em, { stationId, status: req.query.status, limit: req.query.limit });
    },
  });
  r.get<{ Params: { id: number } }>('/jobs/:id', {
    permission: 'devices.use', summary: 'A print job', schema: { params: idParams },
    handler: async (req, ctx) => queue.get(ctx.em, req.params.id),
  });
  r.post<{ Params: { id: number } }>('/jobs/:id/retry', {
    permission: 'devices.use', summary: 'Try a waiting job now (after the paper was changed or the printer switched on)', schema: { params: idParams },
    handler: async (req, ctx) => ctx.transactional((em) => queue.retry(em, req.params.id)),
  });
  r.post<{ Params: { id: number }; Body: { deviceId: number } }>('/jobs/:id/move', {
    permission: 'devices.use', summary: 'Send a job not printed yet to another printer (cancelled here, queued there)', status: 201,
    schema: { params: idParams, body: { ...targetBody, required: ['deviceId'] } },
    handler: async (req, ctx) => queue.moveTo(ctx.em, req.params.id, await devices.get(ctx.em, req.body.deviceId), ctx.user?.id ?? null),
  });
  r.post<{ Params: { id: number }; Body: { deviceId?: number } }>('/jobs/:id/reprint', {
    permission: 'devices.reprint',
    summary: 'Print a printed job again, on its printer or another; a receipt comes out as a journaled duplicate (DUPLICATA n) through the till',
    status: 201, schema: { params: idParams, body: targetBody },
    handler: async (req, ctx) => {
      const job = await queue.get(ctx.em, req.params.id);
      const target = req.body?.deviceId ? await devices.get(ctx.em, req.body.deviceId) : null;
      if (job.source !== 'receipt' && job.source !== 'reprint') return ctx.transactional((em) => queue.copy(em, job.id, target, ctx.user?.id ?? null));
      return reprintReceipt(ctx, job.reference, job.id, target?.id ?? job.deviceId);
    },
  });

  /** A receipt again: the till marks it DUPLICATA n and journals it, and the duplicate is queued, in one transaction. */
  async function reprintReceipt(ctx: RouteContext, number: string, jobId: number, deviceId: number) {
    if (!ctx.station) throw stationRequired();
    if (!ctx.container.hasRegistration('posCash')) throw tillRequired();
    const job = await queue.get(ctx.em, jobId);
    if (job.status !== 'done') throw DeviceErrors.jobNotDone(jobId);
    const tickets = ctx.container.resolve<TicketService>('posTickets');
    const cash = ctx.container.resolve<CashService>('posCash');
    const station = ctx.station;
    const shop = await ctx.shop();
    return ctx.transactional(async (em) => {
      const ticket = await tickets.byNumber(em, number);
      const receipt = await cash.reprint(em, ticket.id, { stationId: station.id, stationNumber: station.number, stationName: station.name, user: ctx.user, lang: ctx.lang }, shop);
      return queue.enqueue(em, {
        deviceId, stationId: station.id, source: 'reprint', reference: number, document: await till.receiptDocument(em, receipt), copyOfId: jobId, userId: ctx.user?.id ?? null,
      });
    });
  }
}
