#!/usr/bin/env node
// `pnpm mutation [target…]`: runs StrykerJS on each target (all by default, one after the other since the files
// are mutated in place), then writes the score table to mutation/reports/summary.md and a dated copy of the
// figures to bench/results/. `--summary` only rebuilds the table from the JSON reports already there.
// `--since <git ref>` runs only the targets a change touched: the changed source files alone are mutated, or
// the whole target when one of its tests changed.
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
const sinceAt = args.indexOf('--since');
const since = sinceAt >= 0 ? args[sinceAt + 1] : null;
if (sinceAt >= 0 && !since) throw new Error('--since needs a git reference, e.g. --since main');
const names = args.filter((a, i) => !a.startsWith('--') && (sinceAt < 0 || i !== sinceAt + 1));
let chosen = names.length ? names.map(targetNamed) : targets;
/** Files each chosen target mutates this time (all of its own when undefined). */
const only = {};
if (since) {
  const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  const changed = new Set([...git('diff', '--name-only', `${since}...HEAD`), ...git('diff', '--name-only', 'HEAD'), ...git('ls-files', '--others', '--exclude-standard')]);
  chosen = chosen.filter((t) => {
    const mine = [...changed].filter((f) => touches(t, f));
    if (!mine.length) return false;
    const tests = mine.filter((f) => /\.(spec|test)\.ts$/.test(f));
    if (!tests.length) only[t.name] = mine;
    return true;
  });
  console.log(`Changed since ${since}: ${chosen.length ? chosen.map((t) => `${t.name} (${only[t.name]?.join(', ') ?? 'all, its tests changed'})`).join('; ') : 'no mutation target'}.`);
}

/** True when `file` is one of the target's sources or tests (its folder, its listed files, its test folders). */
function touches(target, file) {
  const roots = [...target.mutate, ...target.testFiles].filter((g) => !g.startsWith('!')).map((g) => g.split('*')[0]);
  return file.endsWith('.ts') && roots.some((r) => (r.endsWith('/') || r.endsWith('.ts') ? file.startsWith(r) : file.startsWith(`${r}`)));
}

const durations = {};
if (!summaryOnly) {
  for (const target of chosen) {
    if (!existsSync(join(root, target.requires))) {
      console.log(`\n○ ${target.name}: ${target.requires} does not exist yet, skipped`);
      continue;
    }
    console.log(`\n▶ mutation testing of ${target.name}`);
    const started = Date.now();
    const env = { ...process.env, ...(only[target.name] ? { MUTATION_MUTATE: JSON.stringify(only[target.name].filter((f) => !/\.(spec|test)\.ts$/.test(f))) } : {}) };
    const r = spawnSync(join(root, 'node_modules', '.bin', 'stryker'), ['run', `mutation/${target.name}.stryker.config.mjs`], { cwd: root, stdio: 'inherit', env });
    durations[target.name] = Math.round((Date.now() - started) / 1000);
    if (r.status !== 0) {
      console.error(`✖ stryker failed on ${target.name} (exit ${r.status ?? r.signal})`);
      process.exit(1);
    }
  }
}

const rows = [];
for (const target of targets) {
  const narrowed = since && only[target.name];
  const file = join(reports, `${target.name}${narrowed ? '.changed' : ''}.json`);
  if (!existsSync(file) || (since && !(target.name in durations))) continue;
  const s = scoreOf(JSON.parse(readFileSync(file, 'utf8')));
  rows.push({ target: narrowed ? { ...target, title: `${target.title}, changed files` } : target, ...s, seconds: durations[target.name] ?? null });
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
if (!since) writeFileSync(join(reports, 'summary.md'), text);
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
