// A small HTTP load generator, run as its own process so that it does not share the servers' event loop:
// `node bench/load.mjs <url> <seconds> <connections> [cookie]` keeps <connections> requests in flight over
// keep-alive connections, prints `warm` after one second of warm-up, then {perSecond, p50Ms, p99Ms, requests, errors}.
import http from 'node:http';

const [url, secondsArg, connectionsArg, cookie] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 5);
const connections = Number(connectionsArg ?? 8);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const headers = cookie ? { cookie } : {};

function once() {
  return new Promise((resolve) => {
    const req = http.get({ host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
  });
}

async function run(ms, record) {
  const end = Date.now() + ms;
  const latencies = [];
  let errors = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (Date.now() < end) {
      const t = process.hrtime.bigint();
      const status = await once();
      if (status !== 200) errors++;
      if (record) latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }));
  return { latencies, errors };
}

await run(1000, false);
// The caller measures the server's CPU from here on.
process.stdout.write('warm\n');
const started = process.hrtime.bigint();
const { latencies, errors } = await run(seconds * 1000, true);
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const pct = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] * 1000) / 1000;
console.log(JSON.stringify({ perSecond: Math.round(latencies.length / elapsed), p50Ms: pct(50), p99Ms: pct(99), requests: latencies.length, errors }));
agent.destroy();
