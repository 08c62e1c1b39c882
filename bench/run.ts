/**
 * Benchmarks: `pnpm bench`. Boots the demo shop on SQLite and on PostgreSQL and measures what a till does
 * most: look up a scanned barcode, search the catalogue, number documents, journal events.
 * Prints the figures and writes them to bench/results/<date>.json. Tests never assert durations; this does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedDemo } from '@comptoir/kernel/host';
import { startTestKernel, testDialects } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => Math.round(x * 1000) / 1000;

async function timed(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, machine: `${(await import('node:os')).cpus().length} cores` };
for (const dialect of testDialects()) {
  const tk = await startTestKernel(dialect, { plugins: [catalog] });
  const t0 = performance.now();
  await seedDemo(tk.kernel);
  const seedMs = performance.now() - t0;
  const client = tk.anonymous();
  await client.login('caisse', 'demo-caisse');
  const codes: string[] = (await tk.kernel.em().getConnection().execute('select code from catalog_barcode order by id')).map((r: any) => r.code);

  const lookups = await timed(2000, async (i) => {
    const r = await client.get(`/api/catalog/barcodes/${codes[(i * 7919) % codes.length]}`);
    if (r.status !== 200) throw new Error(`lookup failed: ${r.status}`);
  });
  const words = ['biere', 'triple', 'pomme', 'fromage', 'eau', 'chips', 'cafe', 'savon', 'pain', 'vin rouge'];
  const searches = await timed(500, async (i) => {
    const r = await client.get(`/api/catalog/articles?q=${encodeURIComponent(words[i % words.length])}&pageSize=50`);
    if (r.status !== 200) throw new Error('search failed');
  });
  const em = tk.kernel.em();
  const t1 = performance.now();
  for (let i = 0; i < 1000; i++) await em.transactional((tem) => tk.kernel.sequences.next(tem, 'BENCH', 2026));
  const seqPerSec = 1000 / ((performance.now() - t1) / 1000);
  const t2 = performance.now();
  await Promise.all(Array.from({ length: 20 }, async () => {
    for (let i = 0; i < 50; i++) await tk.kernel.em().transactional((tem) => tk.kernel.sequences.next(tem, 'BENCH-PAR', 2026));
  }));
  const seqParPerSec = 1000 / ((performance.now() - t2) / 1000);
  const t3 = performance.now();
  for (let i = 0; i < 1000; i++) await tk.kernel.journal.append(tk.kernel.em(), { chain: 'bench', type: 'bench.event', payload: { i, amount: 1234 } });
  const journalPerSec = 1000 / ((performance.now() - t3) / 1000);
  const t4 = performance.now();
  const verify = await tk.kernel.journal.verify(tk.kernel.em());
  const verifyMs = performance.now() - t4;
  if (!verify.ok) throw new Error('journal verify failed in bench');

  results[dialect] = {
    demoSeedMs: Math.round(seedMs),
    barcodeLookupHttpMs: { p50: ms(pct(lookups, 50)), p99: ms(pct(lookups, 99)), n: lookups.length },
    articleSearchHttpMs: { p50: ms(pct(searches, 50)), p99: ms(pct(searches, 99)), n: searches.length },
    sequenceNextPerSec: Math.round(seqPerSec),
    sequenceNextPerSec20Concurrent: Math.round(seqParPerSec),
    journalAppendPerSec: Math.round(journalPerSec),
    journalVerifyMs: { entries: verify.chains.reduce((n, c) => n + c.entries, 0), ms: Math.round(verifyMs) },
  };
  await tk.close();
}

console.log(JSON.stringify(results, null, 2));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().slice(0, 10)}-kernel-catalog.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${file}`);
