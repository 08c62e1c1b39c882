/**
 * The fiscal journal's costs (`node --conditions=source --import tsx bench/journal-archive.bench.ts`):
 *  1. appending an entry to a signed chain (`closures`: chained + Ed25519-signed) beside an unsigned one, same run;
 *  2. producing a month's archive of N ticket entries, each sealing 3 rows, and verifying it offline.
 * On the databases of COMPTOIR_TEST_DATABASES (default both). Prints the figures and writes them to
 * bench/results/<date>-journal-archive.json. BENCH_ARCHIVE_N sets the entries archived (default 20,000).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sealRows } from '@comptoir/kernel';
import { startTestKernel, testDialects } from '@comptoir/kernel/testing';
import { verifyArchives } from '@comptoir/kernel/host';

const N = Number(process.env.BENCH_ARCHIVE_N ?? 20_000);
const APPENDS = 500;
const clock = { at: Date.parse('2026-11-03T08:00:00Z'), now() { return new Date(this.at); } };
const results: Record<string, unknown> = { date: new Date().toISOString(), loadBefore: loadavg(), entries: N };

for (const dialect of testDialects()) {
  clock.at = Date.parse('2026-11-03T08:00:00Z');
  const tk = await startTestKernel(dialect, { plugins: [], clock });
  try {
    // Warmed up, then the two chains in turn, so that the machine's load falls on both alike.
    for (let i = 0; i < 100; i++) await tk.kernel.journal.append(tk.kernel.em(), { chain: 'warm-up', type: 'bench', payload: { i } });
    const perAppend: Record<string, number> = { unsigned: 0, closures: 0 };
    for (let i = 0; i < APPENDS; i++) {
      for (const chain of ['unsigned', 'closures']) {
        const t0 = performance.now();
        await tk.kernel.journal.append(tk.kernel.em(), { chain, type: 'bench', payload: { i } });
        perAppend[chain] += (performance.now() - t0) / APPENDS;
      }
    }
    const t1 = performance.now();
    for (let i = 0; i < N; i += 100) {
      await tk.kernel.em().transactional(async (em) => {
        for (let j = i; j < Math.min(N, i + 100); j++) {
          const seals = [];
          for (let k = 0; k < 3; k++) seals.push(await sealRows(em, { table: 'kernel_user', column: 'id', value: 1, columns: ['id', 'username'] }));
          await tk.kernel.journal.append(em, { chain: 'tickets', type: 'pos.ticket', payload: { n: j, total: 1250, seals } });
        }
      });
      clock.at += 60_000;
    }
    const fill = performance.now() - t1;
    clock.at = Date.parse('2026-12-02T08:00:00Z');
    const t2 = performance.now();
    const produced = await tk.kernel.archives.produce(tk.kernel.em(), '2026-11');
    const build = performance.now() - t2;
    const bytes = readFileSync(produced.file);
    const t3 = performance.now();
    const report = verifyArchives([{ file: produced.file, bytes }], tk.kernel.signingKey.fingerprint);
    const verify = performance.now() - t3;
    if (!report.ok) throw new Error(JSON.stringify(report.archives[0].problems.slice(0, 3)));
    const r = {
      appendMs: { unsigned: +perAppend.unsigned.toFixed(3), signedClosure: +perAppend.closures.toFixed(3), ratio: +(perAppend.closures / perAppend.unsigned).toFixed(2) },
      fillSeconds: +(fill / 1000).toFixed(1),
      archive: { entries: produced.entries, sealedRows: report.archives[0].sealedRows, megabytes: +(bytes.length / 1e6).toFixed(2), buildSeconds: +(build / 1000).toFixed(2), verifySeconds: +(verify / 1000).toFixed(2) },
    };
    results[dialect] = r;
    console.log(`${dialect}: append ${r.appendMs.unsigned} ms unsigned, ${r.appendMs.signedClosure} ms signed closure (×${r.appendMs.ratio}); archive of ${r.archive.entries} entries / ${r.archive.sealedRows} sealed rows, ${r.archive.megabytes} MB: built in ${r.archive.buildSeconds} s, verified offline in ${r.archive.verifySeconds} s`);
  } finally {
    await tk.close();
  }
}
results.loadAfter = loadavg();
console.log(`load average before ${(results.loadBefore as number[]).map((x) => x.toFixed(1)).join(' ')}, after ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', `${new Date().toISOString().slice(0, 10)}-journal-archive.json`), `${JSON.stringify(results, null, 2)}\n`);
