// What `pnpm mutation` mutates, and which tests must kill the mutants. One entry per target; each has its
// Stryker configuration in `<name>.stryker.config.mjs`. A target whose folder does not exist yet is skipped.

/** @typedef {{ name: string, title: string, mutate: string[], testFiles: string[], requires: string, goal: number, env?: Record<string, string> }} Target */

/** @type {Target[]} */
export const targets = [
  {
    name: 'money',
    title: '`kernel/src/money`',
    requires: 'kernel/src/money',
    mutate: ['kernel/src/money/**/*.ts', '!kernel/src/money/**/*.spec.ts'],
    testFiles: ['kernel/src/money/**/*.spec.ts'],
    goal: 95,
  },
  {
    name: 'pricing',
    title: '`plugins/pricing/src/domain`',
    requires: 'plugins/pricing/src/domain',
    mutate: ['plugins/pricing/src/domain/**/*.ts', '!plugins/pricing/src/domain/**/*.spec.ts'],
    testFiles: ['plugins/pricing/src/domain/**/*.spec.ts'],
    goal: 95,
  },
  {
    name: 'journal',
    title: '`kernel/src/journal` + `sequences.ts` (SQLite)',
    requires: 'kernel/src/journal',
    mutate: ['kernel/src/journal/**/*.ts', '!kernel/src/journal/**/*.spec.ts', 'kernel/src/sequences.ts'],
    testFiles: ['kernel/src/journal/**/*.spec.ts', 'kernel/test/journal*.test.ts', 'kernel/test/mutation-journal.test.ts', 'kernel/test/sequences.test.ts'],
    goal: 95,
    // The journal's tests need a database; one is enough to pin the logic, and SQLite needs no server.
    env: { COMPTOIR_TEST_DATABASES: 'sqlite' },
  },
  {
    name: 'sales',
    title: '`plugins/sales/src/domain` (lines and totals)',
    requires: 'plugins/sales/src',
    mutate: ['plugins/sales/src/domain/**/*.ts', '!plugins/sales/src/**/*.spec.ts'],
    testFiles: ['plugins/sales/src/**/*.spec.ts'],
    goal: 95,
  },
  {
    name: 'pos',
    title: '`plugins/pos` checkout and closures (SQLite)',
    requires: 'plugins/pos/src',
    mutate: ['plugins/pos/src/services/checkout*.ts', 'plugins/pos/src/services/*closure*.ts', 'plugins/pos/src/domain/**/*.ts', '!plugins/pos/src/**/*.spec.ts'],
    testFiles: ['plugins/pos/src/**/*.spec.ts', 'plugins/pos/test/checkout*.test.ts', 'plugins/pos/test/*closure*.test.ts', 'plugins/pos/test/refunds.test.ts', 'plugins/pos/test/corrections.test.ts', 'plugins/pos/test/sale-screen.test.ts'],
    goal: 90,
    env: { COMPTOIR_TEST_DATABASES: 'sqlite' },
  },
];

/** The target named `name`, or an error that lists the known ones. */
export function targetNamed(name) {
  const t = targets.find((x) => x.name === name);
  if (!t) throw new Error(`Unknown mutation target '${name}': choose one of ${targets.map((x) => x.name).join(', ')}.`);
  return t;
}
