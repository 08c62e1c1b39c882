#!/usr/bin/env node
// The whole test command (README's `pnpm test`): build, lint, type-check, package tests on SQLite and
// PostgreSQL, end-to-end tests in Chromium. Fails when any step fails or any test is skipped.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const report = join('test-results');
rmSync(report, { recursive: true, force: true });
mkdirSync(report, { recursive: true });

const only = process.argv.slice(2);
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
for (const suite of ['packages', 'e2e']) {
  if (only.length && !only.includes(suite)) continue;
  const res = JSON.parse(readFileSync(join(report, `${suite}.json`), 'utf8'));
  const s = res.numPendingTests + res.numTodoTests;
  passed += res.numPassedTests; failed += res.numFailedTests; skipped += s;
  lines.push(`${suite}: ${res.numPassedTests} passed, ${res.numFailedTests} failed, ${s} skipped (${res.testResults.length} files)`);
  if (suite === 'packages') {
    // Test counts per database, from the "(sqlite)" / "(postgresql)" in test names.
    const per = { sqlite: 0, postgresql: 0 };
    for (const f of res.testResults) for (const t of f.assertionResults) {
      if (t.status !== 'passed') continue;
      const name = [...t.ancestorTitles, t.title].join(' ');
      if (/\(sqlite\)/.test(name)) per.sqlite++;
      if (/\(postgresql\)/.test(name)) per.postgresql++;
    }
    lines.push(`  per database: ${per.sqlite} on SQLite, ${per.postgresql} on PostgreSQL`);
  }
}
console.log(`\n${lines.join('\n')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed || skipped) {
  console.error(skipped ? '✖ some tests were skipped: every test must run' : '✖ some tests failed');
  process.exit(1);
}
