import { DomainError, ValidationError, type FieldError } from '@comptoir/kernel';

/**
 * Refuses a write. When every problem is a value someone else already holds (a code, a barcode), the answer is
 * a 409 ALREADY_EXISTS naming the fields, the same as when the database's unique index refuses it in a race;
 * otherwise a 400 listing every invalid field.
 */
export function refuse(errors: FieldError[]): never {
  if (errors.every((e) => e.code.endsWith('_TAKEN'))) {
    throw new DomainError('ALREADY_EXISTS', {
      fr: 'Une valeur est déjà utilisée par un autre enregistrement.',
      nl: 'Een waarde wordt al door een ander record gebruikt.',
      en: 'A value is already used by another record.',
    }, { status: 409, errors });
  }
  throw new ValidationError(errors);
}
