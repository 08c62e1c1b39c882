/**
 * Database refusals that a concurrent burst can cause, mapped to what a person can act on: a unique index
 * refusing a second row with the same value (two requests creating the same code at the same moment) is a 409
 * naming the field; an optimistic-lock failure (two edits of the same version) is a 409 version conflict. Any
 * plugin's unique index is covered, so a race never answers 500.
 */
import { DomainError, VersionConflictError } from '../errors.js';

const camel = (column: string) => column.replace(/_id$/, '').replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The columns a unique-violation message names: SQLite `UNIQUE constraint failed: t.a, t.b`, PostgreSQL `Key (a, b)=(…)` or the index name. */
export function uniqueViolationFields(message: string, detail?: string): string[] {
  const sqlite = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/.exec(message);
  if (sqlite) return sqlite[1].split(', ').map((c) => camel(c.split('.').pop()!));
  const pg = /Key \(([^)]+)\)=/.exec(detail ?? message);
  if (pg) return pg[1].split(',').map((c) => camel(c.trim().replace(/"/g, '')));
  return [];
}

/** A DomainError for a database refusal caused by a concurrent write, or null for any other error. */
export function fromDatabaseError(err: unknown): DomainError | null {
  if (!(err instanceof Error)) return null;
  if (err.name === 'UniqueConstraintViolationException') {
    const detail = (err as { detail?: string }).detail;
    const fields = uniqueViolationFields(err.message, detail);
    const names = fields.join(', ') || '?';
    const text = {
      fr: `Cette valeur est déjà utilisée (${names}) : un autre enregistrement la porte déjà.`,
      nl: `Deze waarde is al in gebruik (${names}): een ander record heeft ze al.`,
      en: `This value is already used (${names}): another record already has it.`,
    };
    return new DomainError('ALREADY_EXISTS', text, { status: 409, cause: err, errors: fields.map((field) => ({ field, code: 'ALREADY_EXISTS', message: text })) });
  }
  if (err.name === 'OptimisticLockError') {
    return new VersionConflictError({ fr: 'cet enregistrement', nl: 'dit record', en: 'this record' });
  }
  return null;
}
