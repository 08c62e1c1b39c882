import { describe, expect, it } from 'vitest';
import { DomainError, NotFoundError, ValidationError, VersionConflictError } from '../errors.js';
import { problem, toProblem } from './problem.js';

/** A schema error as Fastify hands it over. */
function schemaError(validation: object[], validationContext = 'body') {
  return Object.assign(new Error('invalid'), { statusCode: 400, validation, validationContext });
}

describe('problems answered to the browser', () => {
  it('carry a type, a title and a detail in the request’s language', () => {
    expect(problem(404, 'ARTICLE_NOT_FOUND', { fr: 'Article introuvable.', nl: 'Artikel niet gevonden.' }, 'nl')).toEqual({
      type: 'urn:comptoir:problem:article-not-found', title: 'Niet gevonden', status: 404, code: 'ARTICLE_NOT_FOUND', detail: 'Artikel niet gevonden.',
    });
  });

  it('fall back to French when a text has no translation', () => {
    expect(problem(409, 'X', { fr: 'Conflit de caisse.' }, 'en').detail).toBe('Conflit de caisse.');
  });

  it('turn a domain error into its status, code and sentence', () => {
    const p = toProblem(new DomainError('PIN_LOCKED', { fr: 'Code PIN bloqué.', en: 'PIN locked.' }, { status: 423, extra: { retryAfterSeconds: 60 } }), 'fr');
    expect(p).toEqual({ type: 'urn:comptoir:problem:pin-locked', title: 'Verrouillé', status: 423, code: 'PIN_LOCKED', detail: 'Code PIN bloqué.', retryAfterSeconds: 60 });
  });

  it('list each invalid field of a validation error in the request’s language', () => {
    const p = toProblem(new ValidationError([{ field: 'vatNumber', code: 'VAT_INVALID', message: { fr: 'Numéro de TVA invalide.', nl: 'Ongeldig btw-nummer.' } }]), 'nl');
    expect(p).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: 'Sommige gegevens zijn ongeldig.', errors: [{ field: 'vatNumber', code: 'VAT_INVALID', message: 'Ongeldig btw-nummer.' }] });
  });

  it('say what was not found, and what changed meanwhile', () => {
    expect(toProblem(new NotFoundError('USER_NOT_FOUND', 'Utilisateur 4 introuvable.'), 'fr')).toMatchObject({ status: 404, title: 'Introuvable' });
    const conflict = new VersionConflictError({ fr: 'le ticket T-2026-000042', nl: 'ticket T-2026-000042', en: 'ticket T-2026-000042' });
    expect(toProblem(conflict, 'fr')).toMatchObject({
      status: 409, code: 'VERSION_CONFLICT', detail: 'Quelqu’un d’autre a modifié le ticket T-2026-000042 entre-temps. Rechargez puis recommencez.',
    });
    expect(toProblem(conflict, 'nl').detail).toBe('Iemand anders heeft ticket T-2026-000042 intussen gewijzigd. Herlaad en probeer opnieuw.');
  });

  it('name the field of each schema error, including a missing or unknown property inside an object', () => {
    const p = toProblem(schemaError([
      { keyword: 'required', instancePath: '/address', params: { missingProperty: 'city' } },
      { keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'siret' } },
      { keyword: 'additionalProperties', instancePath: '/lines/0', params: { additionalProperty: 'discount' } },
      { keyword: 'minimum', instancePath: '/lines/0/quantity', params: { limit: 1 } },
      { keyword: 'enum', instancePath: '/country', params: { allowedValues: ['BE', 'FR'] } },
    ]), 'fr');
    expect(p.status).toBe(400);
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.errors).toEqual([
      { field: 'address.city', code: 'SCHEMA_REQUIRED', message: 'Champ obligatoire : city.' },
      { field: 'siret', code: 'SCHEMA_ADDITIONALPROPERTIES', message: 'Champ inconnu : siret.' },
      { field: 'lines.0.discount', code: 'SCHEMA_ADDITIONALPROPERTIES', message: 'Champ inconnu : discount.' },
      { field: 'lines.0.quantity', code: 'SCHEMA_MINIMUM', message: 'Doit être au moins 1.' },
      { field: 'country', code: 'SCHEMA_ENUM', message: 'Valeurs permises : BE, FR.' },
    ]);
    expect(p.detail).toBe('Requête invalide : address.city — Champ obligatoire : city. ; siret — Champ inconnu : siret. ; '
      + 'lines.0.discount — Champ inconnu : discount. ; lines.0.quantity — Doit être au moins 1. ; country — Valeurs permises : BE, FR.');
  });

  it('name the part of the request when the whole of it is wrong', () => {
    const p = toProblem(schemaError([{ keyword: 'type', instancePath: '', params: { type: 'object' } }], 'querystring'), 'en');
    expect(p.errors).toEqual([{ field: 'querystring', code: 'SCHEMA_TYPE', message: 'Must be of type object.' }]);
  });

  it('say in the user’s language what is wrong with a body Fastify refused, with a stable code', () => {
    const tooLarge = Object.assign(new Error('Body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toProblem(tooLarge, 'fr')).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', title: 'Requête trop volumineuse', detail: 'La requête dépasse la taille permise.' });
    const notJson = Object.assign(new Error("Body is not valid JSON but content-type is set to 'application/json'"), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(toProblem(notJson, 'nl')).toMatchObject({ status: 400, code: 'BODY_INVALID', detail: 'De inhoud van de aanvraag is geen geldige JSON.' });
    const empty = Object.assign(new Error('Body cannot be empty'), { statusCode: 400, code: 'FST_ERR_CTP_EMPTY_JSON_BODY' });
    expect(toProblem(empty, 'en')).toMatchObject({ status: 400, code: 'BODY_EMPTY', detail: 'The request body is empty although it is announced as JSON.' });
    const media = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    expect(toProblem(media, 'fr')).toMatchObject({ status: 415, code: 'BODY_MEDIA_TYPE', title: 'Type de contenu non pris en charge', detail: 'Type de contenu non pris en charge : envoyez du JSON.' });
  });

  it('keep the status of any other client error Fastify raised itself', () => {
    const err = Object.assign(new Error('Not Acceptable'), { statusCode: 406, code: 'FST_ERR_NOT_ACCEPTABLE' });
    expect(toProblem(err, 'fr')).toMatchObject({ status: 406, code: 'FST_ERR_NOT_ACCEPTABLE', detail: 'Not Acceptable' });
  });

  it('hide the details of an unexpected error and say nothing was saved', () => {
    const p = toProblem(new TypeError("Cannot read properties of undefined (reading 'id')"), 'fr');
    expect(p).toEqual({
      type: 'urn:comptoir:problem:internal-error', title: 'Erreur interne', status: 500, code: 'INTERNAL_ERROR',
      detail: 'Une erreur inattendue est survenue ; rien n’a été enregistré. Le détail est dans le journal du serveur.',
    });
  });
});

describe('errors below the HTTP edge', () => {
  it('turn money overflow into a 422 that says so, not a 500', async () => {
    const { MoneyError } = await import('../money/index.js');
    const p = toProblem(new MoneyError('MONEY_UNSAFE' as any, 'The line total (…) is too large'), 'fr');
    expect(p).toMatchObject({ status: 422, code: 'MONEY_UNSAFE', detail: 'Un montant ou une quantité dépasse les limites permises.' });
  });

  it('turn a unique violation into a 409 naming the field, and a lost optimistic lock into a version conflict', () => {
    const unique = Object.assign(new Error('UNIQUE constraint failed: catalog_article.code'), { name: 'UniqueConstraintViolationException', code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(toProblem(unique, 'en')).toMatchObject({ status: 409, code: 'ALREADY_EXISTS', errors: [{ field: 'code' }] });
    const pg = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', detail: 'Key (vat_number)=(BE0412345614) already exists.' });
    expect(toProblem(pg, 'en').errors).toEqual([{ field: 'vatNumber', code: 'ALREADY_EXISTS', message: "The value of 'vatNumber' is already in use." }]);
    const lock = Object.assign(new Error('locked'), { name: 'OptimisticLockError' });
    expect(toProblem(lock, 'fr')).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect(toProblem(Object.assign(new Error('x'), { code: '22003' }), 'fr')).toMatchObject({ status: 422, code: 'VALUE_OUT_OF_RANGE' });
    expect(toProblem(new Error('a bug'), 'fr').status).toBe(500);
  });
});
