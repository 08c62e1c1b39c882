// The Stryker configuration shared by every target: vitest runner, files mutated in place, coverage per test,
// at most 2 workers (MUTATION_WORKERS=1 on a busy machine), JSON + HTML reports in mutation/reports/.
import { targetNamed } from './targets.mjs';

/** The Stryker configuration of the target `name`. */
export function strykerConfig(name) {
  const target = targetNamed(name);
  for (const [key, value] of Object.entries(target.env ?? {})) process.env[key] = value;
  // The test files go to vitest's `include` (mutation/vitest.config.ts), not to Stryker's `testFiles`: with
  // `testFiles`, Stryker 9.6 activates static mutants after the module loaded, and reports them as survivors.
  process.env.MUTATION_TESTS = JSON.stringify(target.testFiles);
  return {
    $schema: '../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'pnpm',
    testRunner: 'vitest',
    vitest: { configFile: 'mutation/vitest.config.ts', related: false },
    plugins: ['@stryker-mutator/vitest-runner'],
    // In place: the workspace's symlinked packages and `source` export conditions resolve as in `pnpm test`.
    inPlace: true,
    // Vitest strips types without checking them: no `// @ts-nocheck` written into every file of the tree, so
    // only the mutated files change while Stryker runs (and only they are put back afterwards).
    disableTypeChecks: false,
    tempDirName: `mutation/.tmp-${name}`,
    coverageAnalysis: 'perTest',
    concurrency: Math.min(2, Number(process.env.MUTATION_WORKERS ?? 2)),
    // `pnpm mutation --since <ref>` narrows a target to the source files a change touched.
    mutate: process.env.MUTATION_MUTATE ? JSON.parse(process.env.MUTATION_MUTATE) : target.mutate,
    thresholds: { high: target.goal, low: target.goal - 10, break: null },
    timeoutMS: 20_000,
    reporters: ['json', 'html', 'clear-text', 'progress-append-only'],
    // A run narrowed to changed files reports apart, so that the whole target's report stays whole.
    jsonReporter: { fileName: `mutation/reports/${name}${process.env.MUTATION_MUTATE ? '.changed' : ''}.json` },
    htmlReporter: { fileName: `mutation/reports/${name}${process.env.MUTATION_MUTATE ? '.changed' : ''}.html` },
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
    incremental: process.env.MUTATION_INCREMENTAL === '1',
    incrementalFile: `mutation/reports/${name}.incremental.json`,
    cleanTempDir: 'always',
  };
}
