import type { EntityManager } from '@mikro-orm/core';
import { DomainError } from './errors.js';
import { query } from './db/sql.js';

/** A document number: the series, the fiscal year and the number within them. */
export interface DocumentNumber {
  series: string;
  year: number;
  value: number;
  /** Printable form: `<series>-<year>-<value padded to 6>`, e.g. `T-2026-000042`. */
  formatted: string;
}

/**
 * Gapless document numbers per series and fiscal year. `next` must run inside the transaction that
 * creates the document: the counter row stays locked until that transaction ends, so concurrent
 * creators queue, and a rolled-back document gives its number back.
 */
export class Sequences {
  async next(em: EntityManager, series: string, year: number): Promise<DocumentNumber> {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(series)) {
      throw new DomainError('SEQUENCE_SERIES_INVALID', `Series '${series}' must be 1-64 letters, digits, '-', '_' or '.'`);
    }
    if (!Number.isInteger(year) || year < 1970 || year > 9999) {
      throw new DomainError('SEQUENCE_YEAR_INVALID', `Year ${year} is not a valid fiscal year`);
    }
    if (!em.isInTransaction()) {
      throw new DomainError('SEQUENCE_OUTSIDE_TRANSACTION',
        'Document numbers are allocated inside the transaction that creates the document', { status: 500 });
    }
    const rows = await query<{ last_value: number }>(em,
      `insert into kernel_sequence (series, year, last_value) values (?, ?, 1)
       on conflict (series, year) do update set last_value = kernel_sequence.last_value + 1
       returning last_value`,
      [series, year]);
    const value = Number(rows[0].last_value);
    return { series, year, value, formatted: `${series}-${year}-${String(value).padStart(6, '0')}` };
  }

  /** The last number given in a series and year (0 when none), for reports and checks. */
  async current(em: EntityManager, series: string, year: number): Promise<number> {
    const rows = await query<{ last_value: number }>(em,
      'select last_value from kernel_sequence where series = ? and year = ?', [series, year]);
    return rows.length ? Number(rows[0].last_value) : 0;
  }
}
