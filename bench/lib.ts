/**
 * Helpers shared by the benchmarks: percentiles, timing with the process's CPU time, the PostgreSQL server's CPU
 * time, the machine's load, and writing the results. The machine running them is shared, so every figure is
 * reported with the load average, and CPU time (steadier than wall time under load) beside the durations.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

/** The p-th percentile (nearest rank) of `xs`. */
export function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Milliseconds rounded to the microsecond. */
export const ms = (x: number): number => Math.round(x * 1000) / 1000;

/** p50, p90, p99 and the maximum of durations in milliseconds. */
export function stats(xs: readonly number[]): { p50: number; p90: number; p99: number; max: number; n: number } {
  return { p50: ms(pct(xs, 50)), p90: ms(pct(xs, 90)), p99: ms(pct(xs, 99)), max: ms(Math.max(...xs)), n: xs.length };
}

/** The 1, 5 and 15 minutes load averages, to two decimals. */
export const load = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);

/** Node's version, the cores and the load, for the head of a results file. */
export const machine = () => ({ date: new Date().toISOString(), node: process.version, machine: `${cpus().length} cores, ${cpus()[0]?.model ?? ''}`.trim(), loadAverageAtStart: load() });

/** This process's CPU time (user + system) in milliseconds since `from` (a `process.cpuUsage()`). */
export function cpuMs(from?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

/** Runs `fn(i)` n times one after the other; each run's wall time and this process's CPU time, in milliseconds. */
export async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn(i);
    wall.push(performance.now() - t);
    cpu.push(cpuMs(c));
  }
  return { wall, cpu };
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * The CPU time the PostgreSQL server processes serving `databaseUrl` have used so far, in milliseconds (from
 * /proc, so only for a server on this machine; null elsewhere). Per query it is too coarse (10 ms ticks): read it
 * before and after a run and divide.
 */
export async function pgServerCpuMs(databaseUrl: string | undefined): Promise<number | null> {
  if (!databaseUrl) return null;
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    let ticks = 0;
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
      } catch {
        return null;
      }
    }
    return ticks * TICK_MS;
  } finally {
    await c.end();
  }
}

/** Writes `results` to bench/results/<date>-<name>.json and says where. */
export function writeResults(name: string, results: unknown): string {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${new Date().toISOString().slice(0, 10)}-${name}.json`);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${out}`);
  return out;
}

/** A deterministic pseudo-random generator (mulberry32), so every run draws the same data. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
