import { afterCommit, sql, type EntityManager, type EventBus, type Kernel, type PrintDocument } from '@comptoir/kernel';
import { DeviceErrors } from '../messages.js';
import { DeviceError, type Device } from '../types.js';
import type { DeviceService } from './device.service.js';
import type { DeviceStatuses } from './device-status.js';

const { query, run, insertReturningId } = sql;

export type JobStatus = 'pending' | 'sending' | 'done' | 'cancelled';
export type JobSource = 'receipt' | 'reprint' | 'drawer' | 'test';

/** A print job as the API shows it (the document itself is left out of lists). */
export interface PrintJob {
  id: number;
  deviceId: number;
  stationId: number | null;
  source: JobSource;
  reference: string;
  status: JobStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  lastErrorCode: string | null;
  drawerPin: 2 | 5 | null;
  copyOfId: number | null;
  createdAt: string;
  doneAt: string | null;
}

/** What to print, and where. */
export interface JobInput {
  deviceId: number;
  stationId: number | null;
  source: JobSource;
  reference?: string;
  document: PrintDocument | null;
  drawerPin?: 2 | 5 | null;
  copyOfId?: number | null;
  userId?: number | null;
}

/** Retry delays: 1 s, 2 s, 4 s… up to 30 s, for as long as it takes (a job is never given up by itself). */
export const RETRY = { firstMs: 1000, maxMs: 30_000 };
/** A worker holds a job this long; a job still `sending` after it (the server stopped mid-job) is taken again. */
export const LEASE_MS = 30_000;
/** A drawer kick older than this is dropped when its job finally prints: a drawer must not spring open minutes after the sale. */
export const DRAWER_WINDOW_MS = 120_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** Delay before attempt `attempts + 1`. */
export function retryDelay(attempts: number): number {
  return Math.min(RETRY.maxMs, RETRY.firstMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The durable print queue. A job is a row written before anything is sent (inside the caller's transaction when
 * there is one); the worker sends it after the commit, one job at a time per printer and in order, and marks it
 * `done` only once the printer confirmed it. A failure (refused connection, cable pulled mid-job, paper out,
 * cover open) puts it back to `pending` with the next attempt later; a server restart finds it in the table.
 * Delivery is at least once: a job interrupted mid-way prints again whole, never not at all.
 */
export class PrintQueue {
  private readonly kernel: Kernel;
  private readonly devices: DeviceService;
  private readonly statuses: DeviceStatuses;
  private readonly events: EventBus;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly busy = new Set<number>();
  /**
   * Rebuilds a receipt's document from the sale (set by the till's side): a receipt job reserved in the sale's
   * transaction whose document never came (the server stopped between the commit and the `committed` hook).
   */
  receiptSource: ((em: EntityManager, number: string) => Promise<PrintDocument>) | null = null;

  constructor({ kernel, devices, devicesStatuses, events }: { kernel: Kernel; devices: DeviceService; devicesStatuses: DeviceStatuses; events: EventBus }) {
    this.kernel = kernel;
    this.devices = devices;
    this.statuses = devicesStatuses;
    this.events = events;
  }

  /**
   * Stores a job (in `em`'s transaction if any) and wakes the worker once it is committed. A job whose document is
   * still to come (`dueInMs`) waits that long before the worker builds it itself.
   */
  async enqueue(em: EntityManager, input: JobInput, dueInMs = 0): Promise<PrintJob> {
    const now = iso(Date.now());
    const due = iso(Date.now() + dueInMs);
    const id = await insertReturningId(em,
      `insert into devices_print_job (device_id, station_id, source, reference, document, drawer_pin, status, attempts, next_attempt_at, copy_of_id, user_id, created_at)
       values (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)`,
      [input.deviceId, input.stationId, input.source, input.reference ?? '', input.document ? JSON.stringify(input.document) : null, input.drawerPin ?? null,
        due, input.copyOfId ?? null, input.userId ?? null, now]);
    if (dueInMs) return this.get(em, id);
    // Someone wants this printer: the jobs waiting before this one are tried now too, in their order.
    await run(em, "update devices_print_job set next_attempt_at = ? where device_id = ? and status = 'pending' and next_attempt_at > ?", [now, input.deviceId, now]);
    afterCommit(em, () => this.wake());
    return this.get(em, id);
  }

  /** Gives a reserved receipt job its document and drawer pulse and makes it due now; false if there is none to fill. */
  async fill(em: EntityManager, reference: string, deviceId: number, document: PrintDocument, drawerPin: 2 | 5 | null): Promise<boolean> {
    const now = iso(Date.now());
    const rows = await query<{ id: number }>(em,
      `update devices_print_job set document = ?, drawer_pin = ?, next_attempt_at = ?
       where source = 'receipt' and reference = ? and device_id = ? and status = 'pending' and document is null returning id`,
      [JSON.stringify(document), drawerPin, now, reference, deviceId]);
    if (rows.length) afterCommit(em, () => this.wake());
    return rows.length > 0;
  }

  /** Whether a receipt job exists for this ticket number (reserved, filled, printed or moved). */
  async hasReceipt(em: EntityManager, reference: string): Promise<boolean> {
    const rows = await query<{ id: number }>(em, "select id from devices_print_job where source = 'receipt' and reference = ? limit 1", [reference]);
    return rows.length > 0;
  }

  async get(em: EntityManager, id: number): Promise<PrintJob> {
    const rows = await query<Record<string, unknown>>(em, `select ${JOB_COLUMNS} from devices_print_job where id = ?`, [id]);
    if (!rows.length) throw DeviceErrors.jobNotFound(id);
    return jobOf(rows[0]);
  }

  /** The stored document of a job (null for a drawer kick). */
  async document(em: EntityManager, id: number): Promise<PrintDocument | null> {
    const rows = await query<{ document: string | null }>(em, 'select document from devices_print_job where id = ?', [id]);
    if (!rows.length) throw DeviceErrors.jobNotFound(id);
    return rows[0].document ? JSON.parse(rows[0].document) as PrintDocument : null;
  }

  /** Jobs, newest first: those not done yet, or all of them, of a station or of the whole shop. */
  async list(em: EntityManager, filter: { stationId?: number; status?: JobStatus | 'open'; limit?: number }): Promise<PrintJob[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.stationId !== undefined) { where.push('station_id = ?'); params.push(filter.stationId); }
    if (filter.status === 'open') where.push("status in ('pending', 'sending')");
    else if (filter.status) { where.push('status = ?'); params.push(filter.status); }
    params.push(filter.limit ?? 100);
    const rows = await query<Record<string, unknown>>(em,
      `select ${JOB_COLUMNS} from devices_print_job ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ?`, params);
    return rows.map(jobOf);
  }

  /** Tries a waiting job now (and the jobs before it on its printer). */
  async retry(em: EntityManager, id: number): Promise<PrintJob> {
    const job = await this.get(em, id);
    if (job.status === 'done') throw DeviceErrors.jobDone(id);
    if (job.status === 'cancelled') throw DeviceErrors.jobNotFound(id);
    const now = iso(Date.now());
    await run(em, "update devices_print_job set next_attempt_at = ? where device_id = ? and status = 'pending'", [now, job.deviceId]);
    afterCommit(em, () => this.wake());
    return this.get(em, id);
  }

  /** Moves a job not printed yet to another printer: it is cancelled here and queued there (in one transaction). */
  async moveTo(em: EntityManager, id: number, target: Device, userId: number | null): Promise<PrintJob> {
    if (target.kind !== 'receipt-printer' && target.kind !== 'label-printer') throw DeviceErrors.notPrinter(target.name);
    return em.transactional(async (tem) => {
      const job = await this.get(tem, id);
      if (job.status === 'done') throw DeviceErrors.jobDone(id);
      // Taken only if no worker holds it and nobody moved it meanwhile.
      const taken = await query<{ id: number }>(tem, "update devices_print_job set status = 'cancelled' where id = ? and status = 'pending' returning id", [id]);
      if (!taken.length) throw DeviceErrors.jobNotDone(id);
      const document = await this.document(tem, id);
      return this.enqueue(tem, {
        deviceId: target.id, stationId: target.stationId ?? job.stationId, source: job.source, reference: job.reference, document,
        drawerPin: job.drawerPin, copyOfId: id, userId,
      });
    });
  }

  /** Prints a printed job's document again (a test page, a label); receipts are reprinted through the till, as duplicates. */
  async copy(em: EntityManager, id: number, target: Device | null, userId: number | null): Promise<PrintJob> {
    const job = await this.get(em, id);
    if (job.status !== 'done') throw DeviceErrors.jobNotDone(id);
    const document = await this.document(em, id);
    if (!document) throw DeviceErrors.jobNotReprintable(id);
    const to = target ?? await this.devices.get(em, job.deviceId);
    if (to.kind !== 'receipt-printer' && to.kind !== 'label-printer') throw DeviceErrors.notPrinter(to.name);
    return this.enqueue(em, { deviceId: to.id, stationId: to.stationId ?? job.stationId, source: job.source === 'receipt' ? 'reprint' : job.source, reference: job.reference, document, copyOfId: id, userId });
  }

  /** Whether a job is being sent to this device right now (a status query would disturb it). */
  isBusy(deviceId: number): boolean {
    return this.busy.has(deviceId);
  }

  /** Starts the worker: the jobs left by the previous run are due now. */
  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Stops the worker and waits for the job in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs a pass now (or right after the current one). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) { this.again = true; return; }
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    this.running = this.pass()
      .catch((e) => this.kernel.log.error({ err: e }, 'devices: the print queue failed; it tries again shortly'))
      .finally(() => {
        this.running = null;
        if (this.again) { this.again = false; this.wake(); } else this.schedule();
      });
  }

  /** Sleeps until the next job is due (at most 30 s, so that jobs written by another server are seen). */
  private schedule(): void {
    if (this.stopped) return;
    void query<{ due: string | null }>(this.kernel.em(), "select min(next_attempt_at) as due from devices_print_job where status in ('pending', 'sending')")
      .then((rows) => {
        if (this.stopped || this.running || this.timer) return;
        const due = rows[0]?.due ? Date.parse(rows[0].due) : Infinity;
        const wait = Math.max(0, Math.min(due - Date.now(), RETRY.maxMs));
        this.timer = setTimeout(() => { this.timer = null; this.wake(); }, wait);
        this.timer.unref();
      })
      .catch(() => {
        if (this.stopped || this.timer) return;
        this.timer = setTimeout(() => { this.timer = null; this.wake(); }, RETRY.maxMs);
        this.timer.unref();
      });
  }

  /** Sends the first due job of every printer, all printers at once. */
  private async pass(): Promise<void> {
    const em = this.kernel.em();
    const now = iso(Date.now());
    // The oldest unfinished job of each printer, if it is due: a printer prints its jobs in order.
    const heads = await query<Record<string, unknown>>(em,
      `select ${JOB_COLUMNS} from devices_print_job j
       where j.status in ('pending', 'sending') and j.next_attempt_at <= ?
         and j.id = (select min(k.id) from devices_print_job k where k.device_id = j.device_id and k.status in ('pending', 'sending'))
       order by j.id`, [now]);
    await Promise.all(heads.map(jobOf).filter((j) => !this.busy.has(j.deviceId)).map((j) => this.send(j)));
  }

  private async send(job: PrintJob): Promise<void> {
    const em = this.kernel.em();
    const started = Date.now();
    // Claim it: one worker (of this server or another) wins; the lease covers a server that stops mid-job.
    const claimed = await query<{ id: number }>(em,
      "update devices_print_job set status = 'sending', attempts = attempts + 1, next_attempt_at = ? where id = ? and status = ? and next_attempt_at = ? returning id",
      [iso(started + LEASE_MS), job.id, job.status, job.nextAttemptAt]);
    if (!claimed.length) return;
    this.busy.add(job.deviceId);
    const attempts = job.attempts + 1;
    let device: Device | null = null;
    try {
      device = await this.devices.get(em, job.deviceId);
      let document = await this.document(em, job.id);
      if (!document && job.source === 'receipt' && this.receiptSource) {
        // Reserved with the sale, its document never came: build it from the sale now (without the drawer: too late).
        document = await this.receiptSource(em, job.reference);
        await run(em, 'update devices_print_job set document = ? where id = ?', [JSON.stringify(document), job.id]);
      }
      const late = started - Date.parse(job.createdAt) > DRAWER_WINDOW_MS;
      const drawer = job.drawerPin && !late ? { pin: job.drawerPin } : null;
      if (!document && !drawer) {
        await this.finish(em, job, 'done');
        return;
      }
      const driver = this.devices.driverOf(device);
      if (!driver.print) throw new DeviceError('DEVICE_CANNOT_PRINT', 'error', `driver '${driver.name}' does not print`);
      const seen = await driver.print(device, { document, drawer });
      this.statuses.set(device, seen && seen.state !== 'unknown' ? seen.state : 'online', seen?.detail);
      await this.finish(em, job, 'done');
    } catch (e) {
      const err = e instanceof DeviceError ? e : new DeviceError('DEVICE_ERROR', 'error', (e as Error)?.message ?? String(e), { cause: e });
      if (device) this.statuses.set(device, err.state, err.message);
      await run(em,
        "update devices_print_job set status = 'pending', next_attempt_at = ?, last_error = ?, last_error_code = ? where id = ? and status = 'sending'",
        [iso(Date.now() + retryDelay(attempts)), err.message.slice(0, 500), err.code.slice(0, 40), job.id]);
      this.publish({ ...job, status: 'pending', attempts, lastError: err.message, lastErrorCode: err.code });
    } finally {
      this.busy.delete(job.deviceId);
    }
  }

  private async finish(em: EntityManager, job: PrintJob, status: 'done'): Promise<void> {
    const at = iso(Date.now());
    await run(em, "update devices_print_job set status = ?, done_at = ?, last_error = null, last_error_code = null where id = ? and status = 'sending'", [status, at, job.id]);
    this.publish({ ...job, status, attempts: job.attempts + 1, doneAt: at, lastError: null, lastErrorCode: null });
  }

  private publish(job: PrintJob): void {
    this.events.publish({ type: 'devices.job', data: job, ...(job.stationId !== null ? { stationId: job.stationId } : {}), permission: 'devices.use' });
  }
}

const JOB_COLUMNS = 'id, device_id, station_id, source, reference, status, attempts, next_attempt_at, last_error, last_error_code, drawer_pin, copy_of_id, created_at, done_at';

function jobOf(r: Record<string, unknown>): PrintJob {
  return {
    id: Number(r.id), deviceId: Number(r.device_id), stationId: r.station_id == null ? null : Number(r.station_id), source: r.source as JobSource,
    reference: String(r.reference ?? ''), status: r.status as JobStatus, attempts: Number(r.attempts), nextAttemptAt: String(r.next_attempt_at),
    lastError: (r.last_error as string | null) ?? null, lastErrorCode: (r.last_error_code as string | null) ?? null,
    drawerPin: r.drawer_pin == null ? null : (Number(r.drawer_pin) as 2 | 5), copyOfId: r.copy_of_id == null ? null : Number(r.copy_of_id),
    createdAt: String(r.created_at), doneAt: (r.done_at as string | null) ?? null,
  };
}
