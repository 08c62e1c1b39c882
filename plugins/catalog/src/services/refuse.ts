import { DomainError, ValidationError, VersionConflictError, type FieldError, type LocalizedText } from '@comptoir/kernel';

/**
 * Refuses a write. When every problem is a value someone else already holds (a code, a barcode), the answer is
 * a 409 ALREADY_EXISTS naming the fields, the same as when the database's unique index refuses it in a race;
 * otherwise a 400 listing every invalid field.
 */
export function refuse(errors: FieldError[]): never {
  if (errors.every((e) => e.code.endsWith('_TAKEN') || e.code === 'ALREADY_EXISTS')) {
    throw new DomainError('ALREADY_EXISTS', {
      fr: 'Une valeur est déjà utilisée par un autre enregistrement.',
      nl: 'Een waarde wordt al door een ander record gebruikt.',
      en: 'A value is already used by another record.',
    }, { status: 409, errors });
  }
  throw new ValidationError(errors);
}

/**
 * Runs a write and turns what a concurrent writer causes into answers a person can act on: the database's
 * unique index refusing a value another request just stored (409 ALREADY_EXISTS naming the field; a barcode's
 * index names `barcodes`), or a lost optimistic lock (409 VERSION_CONFLICT on `what`). The kernel maps these
 * generically too; here the field and the record are named in the shop's words.
 */
export async function raceSafe<T>(work: () => Promise<T>, what: LocalizedText): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const err = e as Error & { detail?: string; code?: string };
    if (err?.name === 'UniqueConstraintViolationException' || err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      const text = `${err.detail ?? ''}\n${err.message}`;
      const field = /catalog_barcode/.test(text) ? 'barcodes'
        : (/UNIQUE constraint failed: [\w]+\.(\w+)/.exec(text)?.[1] ?? /Key \(([^),]+)\)=/.exec(text)?.[1] ?? 'code').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      refuse([{ field, code: 'ALREADY_EXISTS', message: { fr: `Cette valeur de « ${field} » vient d’être enregistrée par quelqu’un d’autre.`, nl: `Deze waarde van '${field}' werd net door iemand anders bewaard.`, en: `This value of '${field}' was just saved by someone else.` } }]);
    }
    if (err?.name === 'OptimisticLockError') throw new VersionConflictError(what);
    throw e;
  }
}
