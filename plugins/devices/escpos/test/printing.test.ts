import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@comptoir/kernel/testing';
import { createKernel } from '@comptoir/kernel/host';
import catalog from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '@comptoir/pos';
import devices from '@comptoir/devices';
import escpos from '../src/index.js';
import { EventStream } from '../../../../kernel/test/support/sse.js';
import { PrinterSimulator } from '../src/index.js';
import { addPrinter, jobFor, openDeviceShop, sell, waitForJob, type DeviceShop } from './shop.js';

/** A receipt of the ticket, whole (cut), as the printer printed it. */
const printedReceipts = (printer: PrinterSimulator, number: string) =>
  printer.decoded().receipts.filter((r) => r.cut && r.lines.some((l) => l.includes(number)));

describe.each(testDialects())('receipts on an ESC/POS printer over TCP (%s)', (dialect) => {
  let shop: DeviceShop;
  let printer: PrinterSimulator;
  let device: any;

  beforeAll(async () => {
    shop = await openDeviceShop(dialect);
    printer = await new PrinterSimulator().start();
    device = await addPrinter(shop, printer);
  });
  afterAll(async () => {
    await shop?.tk.close();
    await printer?.stop();
  });
  afterEach(() => {
    Object.assign(printer.condition, { paperOut: false, paperLow: false, coverOpen: false, dropAfter: null });
  });

  it('prints the receipt of a cash sale after its commit and opens the drawer', async () => {
    const ticket = await sell(shop, 'cash');
    const job = await jobFor(shop.cashier, ticket.number);
    const done = await waitForJob(shop.cashier, job.id, (j) => j.status === 'done');
    expect(done).toMatchObject({ source: 'receipt', reference: ticket.number, deviceId: device.id, drawerPin: 2, attempts: 1 });
    const [receipt] = printedReceipts(printer, ticket.number);
    expect(receipt.lines.some((l) => /^Café moulu \d+$/.test(l))).toBe(true);
    expect(receipt.lines.find((l) => l.includes('TOTAL'))).toMatch(/4,50 €$/);
    expect(receipt.barcodes).toEqual([{ symbology: 'code128', data: ticket.number }]);
    expect(printer.decoded().kicks).toEqual([2]);
    const d = await shop.cashier.get(`/api/devices/${device.id}`);
    expect(d.body.status.state).toBe('online');
  });

  it('does not open the drawer for a card payment', async () => {
    printer.clear();
    const ticket = await sell(shop, 'card');
    const job = await jobFor(shop.cashier, ticket.number);
    expect((await waitForJob(shop.cashier, job.id, (j) => j.status === 'done')).drawerPin).toBeNull();
    expect(printedReceipts(printer, ticket.number)).toHaveLength(1);
    expect(printer.decoded().kicks).toEqual([]);
  });

  it('keeps the receipt while the printer is off, tells the cashier over SSE, and prints it once the printer is back', async () => {
    const events = await new EventStream().open(shop.tk.baseUrl, shop.cashier.cookie('cpt_session'), shop.cashier.cookie('cpt_station'));
    try {
      await printer.stop();
      printer.clear();
      const ticket = await sell(shop, 'card');
      const job = await jobFor(shop.cashier, ticket.number);
      const failed = await waitForJob(shop.cashier, job.id, (j) => j.attempts >= 1 && j.status === 'pending');
      expect(failed.lastErrorCode).toBe('DEVICE_OFFLINE');
      await events.readUntil('"state":"offline"');
      expect(events.text).toContain('event: devices.status');
      expect((await shop.cashier.get(`/api/devices/${device.id}`)).body.status.state).toBe('offline');

      await printer.start();
      await waitForJob(shop.cashier, job.id, (j) => j.status === 'done');
      expect(printedReceipts(printer, ticket.number)).toHaveLength(1);
      await events.readUntil('"state":"online"');
    } finally {
      events.close();
    }
  });

  it('prints the whole receipt again when the connection drops in the middle of it', async () => {
    printer.clear();
    printer.condition.dropAfter = 200;
    const ticket = await sell(shop, 'card');
    const job = await jobFor(shop.cashier, ticket.number);
    const done = await waitForJob(shop.cashier, job.id, (j) => j.status === 'done');
    expect(done.attempts).toBe(2);
    // The torn first half, then the whole receipt.
    expect(printer.decoded().receipts.filter((r) => r.cut)).toHaveLength(1);
    expect(printedReceipts(printer, ticket.number)).toHaveLength(1);
  });

  it('waits without printing while the paper is out, and prints when the cashier retries after changing the roll', async () => {
    printer.clear();
    printer.condition.paperOut = true;
    const ticket = await sell(shop, 'card');
    const job = await jobFor(shop.cashier, ticket.number);
    const waiting = await waitForJob(shop.cashier, job.id, (j) => j.lastErrorCode === 'PRINTER_PAPER_OUT');
    expect(waiting.status).toBe('pending');
    expect(printer.bytes.length).toBe(0);
    expect((await shop.cashier.get(`/api/devices/${device.id}`)).body.status.state).toBe('paper-out');

    printer.condition.paperOut = false;
    const retried = await shop.cashier.post(`/api/devices/jobs/${job.id}/retry`, {});
    expect(retried.status).toBe(200);
    await waitForJob(shop.cashier, job.id, (j) => j.status === 'done');
    expect(printedReceipts(printer, ticket.number)).toHaveLength(1);
  });

  it('reports a low roll but still prints, and a cover left open stops printing', async () => {
    printer.condition.paperLow = true;
    const test = await shop.cashier.post(`/api/devices/${device.id}/test`, {});
    expect(test.status).toBe(200);
    expect(test.body.status.state).toBe('paper-low');
    expect(printer.decoded().receipts.at(-1)?.lines.join('\n')).toContain('€ 12,50 - àâçéèêëîïôoeùûü ÀÇÉÈÊÔÙ - ij Één café');

    printer.condition.coverOpen = true;
    const refused = await shop.cashier.post(`/api/devices/${device.id}/test`, {});
    expect(refused.status).toBe(502);
    expect(refused.body.code).toBe('DEVICES_DEVICE_FAILED');
    expect((await shop.cashier.get(`/api/devices/${device.id}`)).body.status.state).toBe('cover-open');
  });

  it('sends a waiting job to another printer, and reprints a receipt as a journaled duplicate', async () => {
    const other = await new PrinterSimulator().start();
    try {
      const second = await addPrinter(shop, other, 'Imprimante bureau');
      printer.condition.paperOut = true;
      const ticket = await sell(shop, 'card');
      const job = await jobFor(shop.cashier, ticket.number);
      await waitForJob(shop.cashier, job.id, (j) => j.lastErrorCode === 'PRINTER_PAPER_OUT');
      const moved = await shop.cashier.post(`/api/devices/jobs/${job.id}/move`, { deviceId: second.id });
      expect(moved.status).toBe(201);
      expect(moved.body).toMatchObject({ deviceId: second.id, copyOfId: job.id, reference: ticket.number });
      await waitForJob(shop.cashier, moved.body.id, (j) => j.status === 'done');
      expect((await shop.cashier.get(`/api/devices/jobs/${job.id}`)).body.status).toBe('cancelled');
      expect(printedReceipts(other, ticket.number)).toHaveLength(1);

      // A cashier may not reprint; a manager gets a duplicate, marked and journaled by the till.
      expect((await shop.cashier.post(`/api/devices/jobs/${moved.body.id}/reprint`, {})).status).toBe(403);
      const again = await shop.manager.post(`/api/devices/jobs/${moved.body.id}/reprint`, {});
      expect(again.status).toBe(201);
      await waitForJob(shop.manager, again.body.id, (j) => j.status === 'done');
      // The duplicate's barcode is the bare ticket number (so scanning it finds the sale); its text says DUPLICATA 1.
      const duplicate = other.decoded().receipts.filter((r) => r.barcodes[0]?.data === ticket.number && r.lines.some((l) => l.includes('DUPLICATA 1')));
      expect(duplicate).toHaveLength(1);
      const journal = await shop.tk.kernel.em().getConnection().execute("select count(*) as n from kernel_journal_entry where type = 'pos.duplicate'");
      expect(Number(journal[0].n)).toBe(1);
    } finally {
      printer.condition.paperOut = false;
      await other.stop();
    }
  });

  it('kicks the drawer when the till opens it without a sale', async () => {
    printer.clear();
    const res = await shop.manager.post('/api/pos/cash/drawer', { reason: 'Monnaie pour un client' });
    expect(res.status).toBe(201);
    const job = await jobFor(shop.manager, 'Monnaie pour un client', 'drawer');
    expect(job).toMatchObject({ source: 'drawer', drawerPin: 2 });
    await waitForJob(shop.manager, job.id, (j) => j.status === 'done');
    expect(printer.decoded().kicks).toEqual([2]);
    expect(printer.decoded().receipts).toEqual([]);
  });

  it('prints a receipt reserved with its sale even when the server stopped before the receipt was handed over', async () => {
    await printer.stop();
    printer.clear();
    const ticket = await sell(shop, 'card');
    const job = await jobFor(shop.cashier, ticket.number);
    await waitForJob(shop.cashier, job.id, (j) => j.attempts >= 1 && j.status === 'pending');
    // What a server that died between the sale's commit and the `committed` hook leaves: the job, without its document.
    await shop.tk.kernel.em().getConnection().execute('update devices_print_job set document = null, next_attempt_at = ? where id = ?', [new Date().toISOString(), job.id]);
    await printer.start();
    await shop.cashier.post(`/api/devices/jobs/${job.id}/retry`, {});
    await waitForJob(shop.cashier, job.id, (j) => j.status === 'done');
    const [receipt] = printedReceipts(printer, ticket.number);
    expect(receipt.barcodes).toEqual([{ symbology: 'code128', data: ticket.number }]);
    expect(receipt.lines.some((l) => /^Café moulu \d+$/.test(l))).toBe(true);
  });

  it('resumes the queue after a server restart: a receipt stored while the printer was off prints after the restart', async () => {
    await printer.stop();
    printer.clear();
    const ticket = await sell(shop, 'card');
    const job = await jobFor(shop.cashier, ticket.number);
    await waitForJob(shop.cashier, job.id, (j) => j.attempts >= 1);
    const tk = await shop.tk.restart();
    shop = { ...shop, tk };
    await printer.start();
    await waitForJob(tk.admin, job.id, (j) => j.status === 'done', 40_000);
    expect(printedReceipts(printer, ticket.number)).toHaveLength(1);
  });
});

// Two servers on one PostgreSQL database (several tills): both queues see every job; each receipt prints once.
describe.runIf(testDialects().includes('postgresql'))('two servers sharing a PostgreSQL database', () => {
  it('print each waiting receipt exactly once when the printer comes back', async () => {
    const shop = await openDeviceShop('postgresql');
    const printer = await new PrinterSimulator().start();
    const second = await createKernel({
      plugins: [catalog, sales, pos, devices, escpos], dataDir: shop.tk.db.dataDir, databaseUrl: shop.tk.db.databaseUrl, logLevel: 'silent', shellDir: null, http: false,
    });
    try {
      await addPrinter(shop, printer);
      await printer.stop();
      printer.clear();
      const numbers: string[] = [];
      for (let i = 0; i < 8; i++) numbers.push((await sell(shop, 'card')).number);
      // The printer's first job fails and waits; the others wait behind it (a printer prints its jobs in order).
      await waitForJob(shop.cashier, (await jobFor(shop.cashier, numbers[0])).id, (j) => j.attempts >= 1);
      await printer.start();
      // Both servers' workers now race for the same jobs.
      await shop.cashier.post(`/api/devices/jobs/${(await jobFor(shop.cashier, numbers[0])).id}/retry`, {});
      second.container.resolve<{ wake(): void }>('devicesPrintQueue').wake();
      for (const n of numbers) await waitForJob(shop.cashier, (await jobFor(shop.cashier, n)).id, (j) => j.status === 'done', 60_000);
      for (const n of numbers) expect(printedReceipts(printer, n), n).toHaveLength(1);
    } finally {
      await second.close();
      await shop.tk.close();
      await printer.stop();
    }
  });
});
