/**
 * Per-request cost: requests per second with 8 concurrent clients, side by side in one run, against
 *   - a bare Fastify 5 route (the ceiling on this machine),
 *   - the demo shop on SQLite: `GET /api/health` (public) and `GET /api/session` and `GET /api/shop` signed in,
 *   - the same demo with the signed-in context read from the database on every request (`sessionCacheSeconds: 0`).
 * Targets: health at 70 % of the bare route or more, a signed-in GET at 50 % or more.
 *
 * The machine is shared, so throughput swings from one second to the next: rounds are interleaved and the median
 * kept, and the servers' CPU time per request is measured too (process CPU during the measured window divided by
 * the requests answered), which other work on the machine disturbs far less. Both ratios to the bare route are
 * reported. Prints the figures and writes bench/results/<date>-requests.json.
 *
 *   node --conditions=source --import tsx bench/requests.bench.ts      (BENCH_SECONDS=5 BENCH_ROUNDS=5 by default)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { seedDemo } from '@comptoir/kernel/host';
import { startTestKernel, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import pricing from '@comptoir/pricing';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 8;

interface Load { perSecond: number; p50Ms: number; p99Ms: number; requests: number; errors: number; serverCpuMicrosPerRequest: number }

/**
 * Loads one URL from a separate process (bench/load.mjs), so that the client does not share the server's event
 * loop, and measures this process's CPU (the servers) from the end of the warm-up to the end of the load.
 */
async function load(url: string, cookie?: string): Promise<Load> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'load.mjs'), url, String(SECONDS), String(CONNECTIONS), ...(cookie ? [cookie] : [])]);
  let out = '';
  let cpuFrom: NodeJS.CpuUsage | null = null;
  child.stdout.on('data', (d) => {
    out += d;
    if (!cpuFrom && out.includes('warm\n')) cpuFrom = process.cpuUsage();
  });
  await once(child, 'close');
  const cpu = process.cpuUsage(cpuFrom ?? undefined);
  const res = JSON.parse(out.trim().split('\n').at(-1)!) as Load;
  if (res.errors) throw new Error(`${url}: ${res.errors} answers were not 200`);
  return { ...res, serverCpuMicrosPerRequest: Math.round((cpu.user + cpu.system) / res.requests) };
}

/** The demo shop as `comptoir demo` starts it (catalogue and pricing, demo data, log level warn), and a cashier's cookie. */
async function demo(options: { sessionCacheSeconds?: number }): Promise<{ tk: TestKernel; cookie: string }> {
  const tk = await startTestKernel('sqlite', { plugins: [catalog, pricing], logLevel: 'warn', ...options });
  await seedDemo(tk.kernel);
  const client = tk.anonymous();
  await client.login('caisse', 'demo-caisse');
  return { tk, cookie: `cpt_session=${client.cookie('cpt_session')}` };
}

const bare = Fastify({ logger: false });
bare.get('/', async () => ({ status: 'ok' }));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
const cached = await demo({});
const uncached = await demo({ sessionCacheSeconds: 0 });

const targets: Record<string, () => Promise<Load>> = {
  bareFastify: () => load(`${bareUrl}/`),
  health: () => load(`${cached.tk.baseUrl}/api/health`),
  session: () => load(`${cached.tk.baseUrl}/api/session`, cached.cookie),
  shop: () => load(`${cached.tk.baseUrl}/api/shop`, cached.cookie),
  sessionWithoutCache: () => load(`${uncached.tk.baseUrl}/api/session`, uncached.cookie),
  shopWithoutCache: () => load(`${uncached.tk.baseUrl}/api/shop`, uncached.cookie),
};
const rounds: Record<string, Load[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
for (let i = 0; i < ROUNDS; i++) {
  for (const [name, measure] of Object.entries(targets)) rounds[name].push(await measure());
}
await cached.tk.close();
await uncached.tk.close();
await bare.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = Object.fromEntries(Object.entries(rounds).map(([k, xs]) => [k, {
  perSecond: median(xs.map((x) => x.perSecond)),
  p50Ms: median(xs.map((x) => x.p50Ms)),
  p99Ms: median(xs.map((x) => x.p99Ms)),
  serverCpuMicrosPerRequest: median(xs.map((x) => x.serverCpuMicrosPerRequest)),
  rounds: xs.map((x) => x.perSecond),
}]));
const pct = (x: number) => Math.round(x * 1000) / 10;
const share = (k: string) => pct(figures[k].perSecond / figures.bareFastify.perSecond);
const cpuShare = (k: string) => pct(figures.bareFastify.serverCpuMicrosPerRequest / figures[k].serverCpuMicrosPerRequest);
const compared = ['health', 'session', 'shop', 'sessionWithoutCache', 'shopWithoutCache'];
const results = {
  date: new Date().toISOString(),
  node: process.version,
  machine: `${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
  connections: CONNECTIONS,
  secondsPerRound: SECONDS,
  requestsPerSecond: figures,
  percentOfBareFastify: Object.fromEntries(compared.map((k) => [k, share(k)])),
  percentOfBareFastifyByCpu: Object.fromEntries(compared.map((k) => [k, cpuShare(k)])),
  targets: { health: '≥ 70 %', signedInGet: '≥ 50 %' },
};
console.log(JSON.stringify(results, null, 2));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${new Date().toISOString().slice(0, 10)}-requests.json`), `${JSON.stringify(results, null, 2)}\n`);
