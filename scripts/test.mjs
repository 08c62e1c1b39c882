#!/usr/bin/env node
// The whole test command (README's `pnpm test`): build, lint, type-check, package tests on SQLite and
// PostgreSQL, end-to-end tests in Chromium on both. Fails when any step fails, any test is skipped, or the
// package or end-to-end tests did not run as many tests on PostgreSQL as on SQLite (and some on each).
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const report = join('test-results');
rmSync(report, { recursive: true, force: true });
mkdirSync(report, { recursive: true });

const only = process.argv.slice(2);
const started = Date.now();
if (process.env.COMPTOIR_TEST_DATABASES) {
  console.warn(`COMPTOIR_TEST_DATABASES=${process.env.COMPTOIR_TEST_DATABASES} narrows the databases: the per-database check below will fail.`);
}
const steps = [
  ['build', bin('tsc'), ['-b', 'tsconfig.build.json']],
  ['build', bin('vite'), ['build', 'shell', '--logLevel', 'warn']],
  // Each plugin builds its own browser UI (comptoir-dev ui), which the server serves next to the shell.
  ['build', 'pnpm', ['run', 'build:ui']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json']],
  ['packages', bin('vitest'), ['run', '--project', 'packages', '--reporter=default', '--reporter=json', `--outputFile.json=${report}/packages.json`]],
  ['e2e', bin('vitest'), ['run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${report}/e2e.json`]],
].filter(([name]) => !only.length || only.includes(name));

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

let passed = 0, failed = 0, skipped = 0;
const lines = [];
const uneven = [];
for (const suite of ['packages', 'e2e']) {
  if (only.length && !only.includes(suite)) continue;
  const res = JSON.parse(readFileSync(join(report, `${suite}.json`), 'utf8'));
  const s = res.numPendingTests + res.numTodoTests;
  passed += res.numPassedTests; failed += res.numFailedTests; skipped += s;
  lines.push(`${suite}: ${res.numPassedTests} passed, ${res.numFailedTests} failed, ${s} skipped (${res.testResults.length} files)`);
  // Test counts per database, from the "(sqlite)" / "(postgresql)" that describe.each puts in test names.
  const per = { sqlite: 0, postgresql: 0 };
  for (const f of res.testResults) for (const t of f.assertionResults) {
    if (t.status !== 'passed') continue;
    const name = [...t.ancestorTitles, t.title].join(' ');
    if (/\(sqlite\)/.test(name)) per.sqlite++;
    if (/\(postgresql\)/.test(name)) per.postgresql++;
  }
  lines.push(`  per database: ${per.sqlite} on SQLite, ${per.postgresql} on PostgreSQL`);
  if (per.sqlite === 0 || per.sqlite !== per.postgresql) uneven.push(`${suite}: ${per.sqlite} on SQLite, ${per.postgresql} on PostgreSQL`);
}
console.log(`\n${lines.join('\n')}`);
console.log(`duration: ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed || skipped) {
  console.error(skipped ? '✖ some tests were skipped: every test must run' : '✖ some tests failed');
  process.exit(1);
}
if (uneven.length) {
  console.error(`✖ every persistence and end-to-end test runs on SQLite and on PostgreSQL alike; counted ${uneven.join('; ')}`);
  process.exit(1);
}
