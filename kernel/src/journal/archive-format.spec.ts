import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archivePeriod, nextPeriodLabel } from './archive-format.js';
import { verifyArchives } from './archive-verify.js';
import { packTar, unpackTar } from './tar.js';

describe('archive periods', () => {
  it('runs a month from midnight to midnight in Brussels, summer time included', () => {
    expect(archivePeriod('2026-03')).toMatchObject({ kind: 'month', from: '2026-03-01', to: '2026-03-31', start: '2026-02-28T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z' });
    expect(archivePeriod('2026-02')).toMatchObject({ to: '2026-02-28' });
    expect(archivePeriod('2028-02')).toMatchObject({ to: '2028-02-29' });
    expect(archivePeriod('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31', start: '2025-12-31T23:00:00.000Z', end: '2026-12-31T23:00:00.000Z' });
  });

  it('refuses what is not a month or a year, in the user’s language', () => {
    for (const bad of ['2026-13', '2026-1', '26', '2026-11-01', '']) expect(() => archivePeriod(bad)).toThrow(/is not an archive period/);
  });

  it('knows the period after', () => {
    expect(['2026-11', '2026-12', '2026'].map(nextPeriodLabel)).toEqual(['2026-12', '2027-01', '2027']);
  });
});

describe('the archive’s tar', () => {
  const members = [{ name: 'README.txt', data: Buffer.from('hello\n') }, { name: 'journal.jsonl', data: Buffer.alloc(1300, 97) }];

  it('gives the same bytes for the same members, and reads them back', () => {
    const a = packTar(members, 1_800_000_000);
    expect(a.equals(packTar(members, 1_800_000_000))).toBe(true);
    expect(a.length % 512).toBe(0);
    expect(unpackTar(a)).toEqual(members);
  });

  it('is read by the system’s tar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'comptoir-tar-'));
    writeFileSync(join(dir, 'a.tar'), packTar(members, 1_800_000_000));
    expect(execFileSync('tar', ['tf', join(dir, 'a.tar')]).toString().trim().split('\n')).toEqual(['README.txt', 'journal.jsonl']);
  });

  it('says a file that is not an archive is not one, and one cut short is cut short', () => {
    expect(verifyArchives([{ file: 'x.tar', bytes: Buffer.alloc(1024, 1) }]).archives[0].problems).toEqual(['not a tar archive (bad header at byte 0)']);
    const cut = packTar(members, 0).subarray(0, 1024);
    expect(verifyArchives([{ file: 'x.tar', bytes: cut }]).archives[0].problems[0]).toMatch(/cut short/);
  });
});
