/** Runs `parse-worker` on a file, bounded in time and memory: the event loop stays free while it parses. */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFile, type ParseJob, type ParseOutcome } from './parse-worker.js';
import { xlsxUnpackedSize } from './read-table.js';

export type WorkerOutcome = ParseOutcome | { ok: false; code: 'PARSE_TIMEOUT' | 'FILE_TOO_LARGE'; message: string };

/** Heap of the parsing worker: a 100,000-row workbook fits well inside; a decompression bomb does not. */
const WORKER_HEAP_MB = 1024;

/** Files this small are read on the spot: bounded in size, they parse in milliseconds, and a worker would cost more. */
const INLINE_BYTES = 512 * 1024;

function small(job: ParseJob): boolean {
  if (job.compression || job.bytes.length > INLINE_BYTES) return false;
  if (job.format === 'csv') return true;
  try {
    return xlsxUnpackedSize(job.bytes) <= 4 * INLINE_BYTES;
  } catch {
    return true; // not a zip: the reader says why, at once
  }
}

export function parseInWorker(job: ParseJob, timeoutMs: number): Promise<WorkerOutcome> {
  if (small(job)) return parseFile(job);
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  const worker = import.meta.url.endsWith('.ts')
    // From the TypeScript sources (tests, `--conditions=source`): the worker registers tsx, then loads the .ts file.
    ? new Worker(`import(${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href)})`
      + `.then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./parse-worker.ts', import.meta.url).href)}); })`, { ...options, eval: true })
    : new Worker(new URL('./parse-worker.js', import.meta.url), options);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ ok: false, code: 'PARSE_TIMEOUT', message: `over ${timeoutMs} ms` }), timeoutMs);
    worker.once('message', (m: ParseOutcome) => settle(m));
    worker.once('error', (e: Error & { code?: string }) => settle(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? { ok: false, code: 'FILE_TOO_LARGE', message: 'out of memory while reading' }
      : { ok: false, code: 'TABLE_UNREADABLE', message: e.message }));
    worker.once('exit', (code) => settle({ ok: false, code: 'TABLE_UNREADABLE', message: `reader stopped (${code})` }));
  });
}
