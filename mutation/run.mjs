#!/usr/bin/env node
// `pnpm mutation [target…]`: runs StrykerJS on each target (all by default, one after the other since the files
// are mutated in place), then writes the score table to mutation/reports/summary.md and a dated copy of the
// figures to bench/results/. `--summary` only rebuilds the table from the JSON reports already there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { targets, targetNamed } from './targets.mjs';
import { scoreOf } from './score.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'mutation', 'reports');
mkdirSync(reports, { recursive: true });

const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
const names = args.filter((a) => !a.startsWith('--'));
const chosen = names.length ? names.map(targetNamed) : targets;

const durations = {};
if (!summaryOnly) {
  for (const target of chosen) {
    if (!existsSync(join(root, target.requires))) {
      console.log(`\n○ ${target.name}: ${target.requires} does not exist yet, skipped`);
      continue;
    }
    console.log(`\n▶ mutation testing of ${target.name}`);
    const started = Date.now();
    const r = spawnSync(join(root, 'node_modules', '.bin', 'stryker'), ['run', `mutation/${target.name}.stryker.config.mjs`], { cwd: root, stdio: 'inherit' });
    durations[target.name] = Math.round((Date.now() - started) / 1000);
    if (r.status !== 0) {
      console.error(`✖ stryker failed on ${target.name} (exit ${r.status ?? r.signal})`);
      process.exit(1);
    }
  }
}

const rows = [];
for (const target of targets) {
  const file = join(reports, `${target.name}.json`);
  if (!existsSync(file)) continue;
  const s = scoreOf(JSON.parse(readFileSync(file, 'utf8')));
  rows.push({ target, ...s, seconds: durations[target.name] ?? null });
}
const pct = (x) => (x === null ? '—' : `${x.toFixed(1)} %`);
const table = [
  '| code | mutants | killed | timeout | survived | no coverage | ignored | score | goal |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.target.title} | ${r.total} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${pct(r.score)} | ${r.target.goal} % |`),
].join('\n');
const below = rows.filter((r) => r.score !== null && r.score < r.target.goal);
const text = `# Mutation scores\n\nStrykerJS with the vitest runner, coverage per test, ${new Date().toISOString().slice(0, 10)}.\n` +
  `Score = (killed + timeout) / (mutants − ignored). Mutants marked equivalent in the code are "ignored".\n\n${table}\n` +
  (below.length ? `\nBelow the goal: ${below.map((r) => r.target.name).join(', ')}.\n` : '');
writeFileSync(join(reports, 'summary.md'), text);
console.log(`\n${text}`);

if (!summaryOnly && Object.keys(durations).length) {
  const day = new Date().toISOString().slice(0, 10);
  const figures = {
    date: new Date().toISOString(), node: process.version, machine: `${cpus().length} cores`,
    workers: Math.min(2, Number(process.env.MUTATION_WORKERS ?? 2)),
    targets: Object.fromEntries(rows.filter((r) => r.seconds !== null).map((r) => [r.target.name, {
      mutants: r.total, killed: r.killed, timeout: r.timeout, survived: r.survived, noCoverage: r.noCoverage, ignored: r.ignored,
      score: r.score === null ? null : Math.round(r.score * 10) / 10, seconds: r.seconds,
    }])),
  };
  const out = join(root, 'bench', 'results', `${day}-mutation-${Object.keys(durations).join('-')}.json`);
  writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`figures saved to ${out.slice(root.length)}`);
}
if (below.length && process.env.MUTATION_ENFORCE === '1') process.exit(1);
