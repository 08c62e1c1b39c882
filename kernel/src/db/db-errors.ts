import { DomainError, VersionConflictError, type LocalizedText } from '../errors.js';

/**
 * Database refusals turned into answers a person can act on (409 or 422), never a 500: a unique index or a
 * constraint that a concurrent request hit first, a lost optimistic lock, a value the column cannot hold.
 * `toProblem` applies it to every error a route lets escape; a plugin that knows which field a unique index
 * guards catches the error itself with `isUniqueViolation` and throws its own sentence.
 */

type DbError = Error & { code?: string | number; sqlState?: string; detail?: string; constraint?: string };

const NAMES = {
  unique: 'UniqueConstraintViolationException',
  foreignKey: 'ForeignKeyConstraintViolationException',
  notNull: 'NotNullConstraintViolationException',
  check: 'CheckConstraintViolationException',
  deadlock: 'DeadlockException',
  lockWait: 'LockWaitTimeoutException',
  optimistic: 'OptimisticLockError',
} as const;

/** Whether an error is a unique-index violation (MikroORM's, or the driver's own on raw SQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as DbError | null;
  if (!e || typeof e !== 'object') return false;
  return e.name === NAMES.unique || e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * The field (camelCase) a unique violation is about, when the database says it: PostgreSQL's detail
 * `Key (code)=(X) already exists.`, SQLite's `UNIQUE constraint failed: catalog_article.code`.
 */
export function uniqueViolationField(err: unknown): string | undefined {
  const e = err as DbError;
  const text = `${e?.detail ?? ''}\n${e?.message ?? ''}`;
  const pg = /Key \(([^)]+)\)=/.exec(text);
  if (pg) return pg[1].split(',').map((c) => camel(c.trim().replace(/^lower\((.*)\)$/, '$1').replace(/"/g, ''))).at(-1);
  const sqlite = /UNIQUE constraint failed: ([^\s,]+)/.exec(text);
  if (sqlite) return camel(sqlite[1].split('.').at(-1)!);
  return undefined;
}

const TAKEN = (field: string | undefined): LocalizedText => field
  ? { fr: `La valeur de « ${field} » est déjà utilisée.`, nl: `De waarde van '${field}' is al in gebruik.`, en: `The value of '${field}' is already in use.` }
  : { fr: 'Cette valeur est déjà utilisée.', nl: 'Deze waarde is al in gebruik.', en: 'This value is already in use.' };

/** The conflict a unique violation means, naming its field when the database said it. */
export function uniqueConflict(err: unknown, text?: LocalizedText): DomainError {
  const field = uniqueViolationField(err);
  return new DomainError('ALREADY_EXISTS', text ?? TAKEN(field), {
    status: 409, cause: err,
    ...(field ? { errors: [{ field, code: 'ALREADY_EXISTS', message: text ?? TAKEN(field) }] } : {}),
  });
}

const PG_VALUE_ERRORS: Record<string, LocalizedText> = {
  '22003': { fr: 'Une valeur dépasse ce que la base de données peut enregistrer.', nl: 'Een waarde is groter dan wat de database kan bewaren.', en: 'A value is out of the range the database can store.' },
  '22001': { fr: 'Un texte est trop long.', nl: 'Een tekst is te lang.', en: 'A text is too long.' },
  '22021': { fr: 'Un texte contient un caractère interdit.', nl: 'Een tekst bevat een verboden teken.', en: 'A text contains a forbidden character.' },
  '22P05': { fr: 'Un texte contient un caractère interdit.', nl: 'Een tekst bevat een verboden teken.', en: 'A text contains a forbidden character.' },
  '22P02': { fr: 'Une valeur n’a pas le bon format.', nl: 'Een waarde heeft niet het juiste formaat.', en: 'A value has the wrong format.' },
  '22008': { fr: 'Une date est hors limites.', nl: 'Een datum valt buiten de grenzen.', en: 'A date is out of range.' },
  '22007': { fr: 'Une date n’a pas le bon format.', nl: 'Een datum heeft niet het juiste formaat.', en: 'A date has the wrong format.' },
  '54000': { fr: 'Une valeur est trop grande.', nl: 'Een waarde is te groot.', en: 'A value is too large.' },
};

/**
 * The 409 or 422 a database error means, or null when it is not one of those (a lost connection, a bug:
 * those stay 500). Applied by `toProblem` to anything a route lets escape.
 */
export function databaseProblem(err: unknown): DomainError | null {
  const e = err as DbError | null;
  if (!e || typeof e !== 'object' || !(e instanceof Error)) return null;
  if (isUniqueViolation(e)) return uniqueConflict(e);
  if (e.name === NAMES.optimistic) return new VersionConflictError({ fr: 'cette fiche', nl: 'deze fiche', en: 'this record' });
  const code = String(e.code ?? e.sqlState ?? '');
  if (e.name === NAMES.foreignKey || code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new DomainError('REFERENCE_CONFLICT', {
      fr: 'Cette opération référence une fiche qui n’existe pas, ou supprimerait une fiche encore utilisée.',
      nl: 'Deze bewerking verwijst naar een fiche die niet bestaat, of zou een fiche verwijderen die nog gebruikt wordt.',
      en: 'This operation refers to a record that does not exist, or would remove a record still in use.',
    }, { status: 409, cause: e });
  }
  if (e.name === NAMES.deadlock || e.name === NAMES.lockWait || code === '40001' || code === '40P01' || code === '55P03' || code === 'SQLITE_BUSY') {
    return new DomainError('CONCURRENT_UPDATE', {
      fr: 'Une autre opération modifiait les mêmes données au même moment : réessayez.',
      nl: 'Een andere bewerking wijzigde dezelfde gegevens op hetzelfde moment: probeer opnieuw.',
      en: 'Another operation was changing the same data at the same time: try again.',
    }, { status: 409, cause: e });
  }
  if (e.name === NAMES.notNull || e.name === NAMES.check || code === '23502' || code === '23514' || code === 'SQLITE_CONSTRAINT_NOTNULL' || code === 'SQLITE_CONSTRAINT_CHECK') {
    return new DomainError('VALUE_REFUSED', {
      fr: 'Une valeur obligatoire manque ou n’est pas permise.',
      nl: 'Een verplichte waarde ontbreekt of is niet toegelaten.',
      en: 'A required value is missing or not allowed.',
    }, { status: 422, cause: e });
  }
  const valueText = PG_VALUE_ERRORS[code];
  if (valueText) return new DomainError('VALUE_OUT_OF_RANGE', valueText, { status: 422, cause: e });
  if (code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH' || code === 'SQLITE_RANGE') {
    return new DomainError('VALUE_OUT_OF_RANGE', PG_VALUE_ERRORS['22003'], { status: 422, cause: e });
  }
  // better-sqlite3 refuses an integer above 2^63 given as a JavaScript number or bigint.
  if (e instanceof RangeError && /BigInt|integer|too large/i.test(e.message)) {
    return new DomainError('VALUE_OUT_OF_RANGE', PG_VALUE_ERRORS['22003'], { status: 422, cause: e });
  }
  return null;
}
