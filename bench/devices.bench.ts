/**
 * The devices' benchmarks (`pnpm bench`, or `node --conditions=source --import tsx bench/devices.bench.ts`):
 *  1. receipts rendered to ESC/POS bytes per second (the kernel's sample receipt, and a 40-line one), beside the
 *     kernel's own text layout of the same documents (`receiptLines`) in the same run: the ratio says what the
 *     encoder costs over laying out the characters;
 *  2. from a checkout to the last byte (the cut) at the simulated printer over TCP: each sale's checkout request is
 *     sent, and the time until its receipt's cut reaches the printer is taken (p50/p95), on each database.
 * Prints the figures and writes them to bench/results/<date>-devices.json. BENCH_DEVICES_N sets the sales measured.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { startTestKernel, testDialects } from '@comptoir/kernel/testing';
import { receiptLines, type Dialect, type PrintBlock, type PrintDocument, type PrintService } from '@comptoir/kernel';
import catalog from '@comptoir/catalog';
import sales from '@comptoir/sales';
import pos from '@comptoir/pos';
import devices from '@comptoir/devices';
import escpos, { PrinterSimulator, renderEscPos } from '@comptoir/device-escpos';

const N = Number(process.env.BENCH_DEVICES_N ?? 100);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => Math.round(x * 1000) / 1000;
const results: Record<string, unknown> = { loadAverageBefore: loadavg().map((x) => Math.round(x * 100) / 100) };

/** Runs `fn` for about `seconds` and answers the calls per second. */
function perSecond(fn: () => unknown, seconds = 1.5): number {
  for (let i = 0; i < 50; i++) fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) { fn(); n++; }
  return Math.round(n / ((performance.now() - t0) / 1000));
}

// 1. Rendering.
{
  const tk = await startTestKernel('sqlite', { plugins: [] });
  const sample = await tk.kernel.container.resolve<PrintService>('print').render(tk.kernel.em(), 'kernel.receipt', { lang: 'fr' });
  await tk.close();
  const line = sample.blocks.findIndex((b) => b.type === 'text' && b.runs[0]?.text.startsWith('Pain'));
  const long: PrintDocument = { ...sample, blocks: [...sample.blocks.slice(0, line), ...Array.from({ length: 40 }, () => sample.blocks.slice(line, line + 2)).flat() as PrintBlock[], ...sample.blocks.slice(line + 2)] };
  const render: Record<string, unknown> = {};
  for (const [name, doc] of [['sample3Lines', sample], ['long40Lines', long]] as const) {
    const escposPerSec = perSecond(() => renderEscPos({ document: doc, drawer: { pin: 2 } }));
    const textLayoutPerSec = perSecond(() => receiptLines(doc));
    render[name] = { bytes: renderEscPos({ document: doc, drawer: null }).length, escposPerSec, textLayoutPerSec, escposCostVsTextLayout: Math.round((textLayoutPerSec / escposPerSec) * 100) / 100 };
  }
  results.render = render;
  console.log('render', JSON.stringify(render));
}

// 2. Checkout → last byte at the printer.
async function toPrinter(dialect: Dialect) {
  const arrived = new Map<string, number>();
  const printer = await new PrinterSimulator({ onReceipt: (_lines, r) => { if (r.barcodes[0]) arrived.set(r.barcodes[0].data, performance.now()); } }).start();
  const tk = await startTestKernel(dialect, { plugins: [catalog, sales, pos, devices, escpos], enable: ['devices', 'device-escpos'] });
  try {
    const st = await tk.admin.post('/api/stations', { name: 'Caisse 1' });
    const cashier = await tk.userWith(['cashier']);
    cashier.setCookie('cpt_station', tk.admin.cookie('cpt_station')!);
    await tk.admin.post('/api/devices', { stationId: st.body.id, kind: 'receipt-printer', name: 'Ticket', driver: 'escpos', connection: { type: 'tcp', host: printer.host, port: printer.port } });
    const a = await tk.admin.post('/api/catalog/articles', { code: 'B-1', name: 'Café moulu 250 g', vatCategory: 'BE-21', unit: 'piece', price: 450, barcodes: [] });
    const fromRequest: number[] = [];
    const fromAnswer: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = await cashier.post('/api/pos/tickets', {});
      await cashier.post(`/api/pos/tickets/${t.body.id}/lines`, { articleId: a.body.id, quantity: 1000 });
      const t0 = performance.now();
      const paid = await cashier.request('POST', `/api/pos/tickets/${t.body.id}/checkout`, { tenders: [{ method: 'card', amount: 450 }] }, { 'idempotency-key': randomUUID() });
      const t1 = performance.now();
      if (paid.status !== 201) throw new Error(`checkout ${paid.status} ${JSON.stringify(paid.body)}`);
      const number = paid.body.ticket.number as string;
      while (!arrived.has(number)) await new Promise((r) => setTimeout(r, 1));
      fromRequest.push(arrived.get(number)! - t0);
      fromAnswer.push(arrived.get(number)! - t1);
    }
    return {
      sales: N,
      checkoutRequestToCutMs: { p50: ms(pct(fromRequest, 50)), p95: ms(pct(fromRequest, 95)), max: ms(Math.max(...fromRequest)) },
      checkoutAnswerToCutMs: { p50: ms(pct(fromAnswer, 50)), p95: ms(pct(fromAnswer, 95)), max: ms(Math.max(...fromAnswer)) },
    };
  } finally {
    await tk.close();
    await printer.stop();
  }
}
for (const dialect of testDialects()) {
  results[dialect] = await toPrinter(dialect);
  console.log(dialect, JSON.stringify(results[dialect]));
}
results.loadAverageAfter = loadavg().map((x) => Math.round(x * 100) / 100);

console.log(JSON.stringify(results, null, 2));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().slice(0, 10)}-devices.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${file}`);
