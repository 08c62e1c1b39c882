/**
 * Reads a supplier's file in a worker thread, so that unpacking and parsing a large or hostile upload never
 * stalls the requests of the till: the file is unpacked with a bound on its size (gzip, and the XLSX archive's
 * entries), parsed, and the table posted back. The parent bounds the time and the worker's memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { TableError, readCsv, readXlsx, xlsxUnpackedSize } from './read-table.js';

export interface ParseJob {
  bytes: Uint8Array;
  format: 'csv' | 'xlsx';
  compression?: 'gzip';
  delimiter?: string;
  /** Largest file accepted once unpacked, in bytes. */
  maxBytes: number;
}

export type ParseOutcome =
  | { ok: true; table: import('./read-table.js').Table }
  | { ok: false; code: 'TABLE_EMPTY' | 'TABLE_UNREADABLE' | 'TABLE_TOO_LARGE' | 'FILE_TOO_LARGE'; message: string };

/** Unpacks (bounded) and parses a file; run in the worker, or inline for a small file. */
export async function parseFile(job: ParseJob): Promise<ParseOutcome> {
  let bytes = job.bytes;
  try {
    if (job.compression === 'gzip') {
      try {
        bytes = gunzipSync(bytes, { maxOutputLength: job.maxBytes });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return { ok: false, code: 'FILE_TOO_LARGE', message: 'unpacked size over the limit' };
        throw e;
      }
    }
    if (bytes.length > job.maxBytes) return { ok: false, code: 'FILE_TOO_LARGE', message: 'size over the limit' };
    if (job.format === 'xlsx') {
      const unpacked = xlsxUnpackedSize(bytes);
      if (unpacked > job.maxBytes) return { ok: false, code: 'FILE_TOO_LARGE', message: 'unpacked workbook over the limit' };
    }
    return { ok: true, table: job.format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes, job.delimiter) };
  } catch (e) {
    if (e instanceof TableError) return { ok: false, code: e.code, message: e.message };
    return { ok: false, code: 'TABLE_UNREADABLE', message: (e as Error).message };
  }
}

if (parentPort && workerData) parentPort.postMessage(await parseFile(workerData as ParseJob));
