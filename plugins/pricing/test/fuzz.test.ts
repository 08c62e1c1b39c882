import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOperations, startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import catalog from '@comptoir/catalog';
import pricing from '../src/index.js';
import { createArticle, createCustomer, fixedClock } from './helpers.js';

// Every operation of the kernel, the catalogue and pricing, fed wrong input field by field: none may answer 5xx.
describe.each(testDialects())('every catalogue and pricing operation fed wrong input (%s)', (dialect) => {
  let tk: TestKernel;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [catalog, pricing], clock: fixedClock });
    await createArticle(tk.admin);
    await createCustomer(tk.admin);
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('answers 4xx, never 5xx, to wrong types, bounds, control characters and nesting in every field', async () => {
    const report = await fuzzOperations(tk.admin, { skip: ['POST /api/auth/logout', 'GET /api/events'] });
    console.log(`fuzz (${dialect}): ${report.operations} operations, ${report.requests} requests, ${report.findings.length} answered 5xx`);
    const found = report.findings.map((f) => `${f.method} ${f.url} ${f.field}=${f.value} → ${f.status}`);
    expect(found).toEqual([]);
  });
});
