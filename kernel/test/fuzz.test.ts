import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOperations, startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';

describe.each(testDialects())('every kernel operation fed wrong input (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('answers 4xx, never 5xx, to wrong types, bounds, control characters and nesting in every field', async () => {
    const report = await fuzzOperations(tk.admin, { skip: ['POST /api/auth/logout', 'GET /api/events'] });
    console.log(`fuzz (${dialect}): ${report.operations} operations, ${report.requests} requests, ${report.findings.length} answered 5xx`);
    expect(report.operations).toBeGreaterThan(20);
    expect(report.findings).toEqual([]);
    // The administrator is still signed in and the journal intact: the fuzzing changed nothing it should not.
    expect((await tk.admin.get('/api/journal/verify')).body.ok).toBe(true);
  });
});
