import { Ajv, type Options as AjvOptions, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import type { FastifyRequest } from 'fastify';
import { DomainError, type FieldError } from '../errors.js';

/**
 * What every request's input must satisfy whatever its route's schema says: bodies, query strings and path
 * parameters are checked before validation (a global `preValidation` hook), and bodies are validated without
 * any type coercion (a price `true`, `"0x10"` or `"  "` is refused, not stored as 1, 16 or 0 cents).
 */

/** How deep a JSON body may nest (objects and arrays); far above any real form, far below a stack overflow. */
export const MAX_JSON_DEPTH = 32;

// C0 controls other than tab, line feed and carriage return, and DEL: no person types them, PostgreSQL refuses
// NUL in text, and they hide content in printed receipts and exports.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const CONTROL_TEXT = {
  fr: 'Contient un caractère de contrôle (NUL, …) qui n’est pas permis.',
  nl: 'Bevat een controleteken (NUL, …) dat niet is toegelaten.',
  en: 'Contains a control character (NUL, …) that is not allowed.',
};

/** Whether a text holds a control character refused in every input (tab and line breaks are allowed). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** Refuses control characters, `__proto__` keys and nesting deeper than MAX_JSON_DEPTH in a parsed input. */
export function checkInput(value: unknown, part: string): void {
  const errors: FieldError[] = [];
  // Iterative: a body nested 100,000 deep must not overflow the stack before it is refused.
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: '', depth: 0 }];
  while (stack.length && errors.length < 20) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (CONTROL.test(v)) errors.push({ field: path || part, code: 'CONTROL_CHARACTER', message: CONTROL_TEXT });
      continue;
    }
    if (!v || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new DomainError('BODY_TOO_DEEP', {
        fr: `La requête imbrique plus de ${MAX_JSON_DEPTH} niveaux.`,
        nl: `De aanvraag nest meer dan ${MAX_JSON_DEPTH} niveaus.`,
        en: `The request nests more than ${MAX_JSON_DEPTH} levels.`,
      }, { status: 400 });
    }
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k, x] of entries) {
      const p = path ? `${path}.${k}` : k;
      if (k === '__proto__' || CONTROL.test(k)) {
        errors.push({ field: p, code: 'CONTROL_CHARACTER', message: CONTROL_TEXT });
        continue;
      }
      stack.push({ v: x, path: p, depth: depth + 1 });
    }
  }
  if (errors.length) throw new DomainError('VALIDATION_FAILED', {
    fr: `Requête invalide : ${errors.map((e) => e.field).join(', ')} — caractère de contrôle refusé.`,
    nl: `Ongeldige aanvraag: ${errors.map((e) => e.field).join(', ')} — controleteken geweigerd.`,
    en: `Invalid request: ${errors.map((e) => e.field).join(', ')} — control character refused.`,
  }, { status: 400, errors });
}

/** The largest value of a 32-bit integer column (PostgreSQL `int`): the bound of every id and count. */
export const MAX_INT32 = 2_147_483_647;

/** Schemas for what most routes take, bounded like the columns they end in. */
export const schemas = Object.freeze({
  /** A row id (`int` / `serial` column). */
  id: { type: 'integer', minimum: 1, maximum: MAX_INT32 },
  /** A count or a small integer stored in an `int` column. */
  int32: { type: 'integer', minimum: -MAX_INT32 - 1, maximum: MAX_INT32 },
} as const);

/**
 * After validation: a number coerced from a query string or a path (`?before=1e400` is Infinity) must be finite
 * and safe, or the database would be the one to refuse it.
 */
export function checkCoercedNumbers(req: FastifyRequest): void {
  const errors: FieldError[] = [];
  for (const [part, value] of [['querystring', req.query], ['params', req.params]] as const) {
    if (!value || typeof value !== 'object') continue;
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'number' && !(Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER)) {
        errors.push({ field: k || part, code: 'NUMBER_OUT_OF_RANGE', message: { fr: 'Nombre hors limites.', nl: 'Getal buiten de grenzen.', en: 'Number out of range.' } });
      }
    }
  }
  if (errors.length) throw new DomainError('VALIDATION_FAILED', { fr: 'Certaines données sont invalides.', nl: 'Sommige gegevens zijn ongeldig.', en: 'Some fields are invalid.' }, { status: 400, errors });
}

/** The global `preValidation` hook: every request's body, query string and path parameters. */
export function checkRequestInput(req: FastifyRequest): void {
  if (req.body !== undefined && typeof req.body === 'object') checkInput(req.body, 'body');
  if (req.query && typeof req.query === 'object') checkInput(req.query, 'querystring');
  if (req.params && typeof req.params === 'object') checkInput(req.params, 'params');
}

function makeAjv(options: AjvOptions): Ajv {
  const ajv = new Ajv({ useDefaults: true, removeAdditional: false, allErrors: true, addUsedSchema: false, ...options });
  // ajv-formats is CommonJS: its function is the default export's default under Node's ESM interop.
  ((formatsModule as unknown as { default: (a: Ajv) => void }).default ?? formatsModule)(ajv);
  // OpenAPI annotations some routes carry, meaningless to validation.
  ajv.addKeyword({ keyword: 'example' });
  ajv.addKeyword({ keyword: 'x-comptoir' });
  return ajv;
}

/**
 * The schema compilers: bodies are JSON and arrive typed, so no coercion at all (money, quantities and
 * identifiers must be numbers); query strings, path parameters and headers are text by nature and are coerced
 * to the types their schema names.
 */
export function validatorCompiler(): (route: { schema: object; httpPart?: string }) => ValidateFunction {
  const strict = makeAjv({ coerceTypes: false });
  const text = makeAjv({ coerceTypes: 'array' });
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : text).compile(schema);
}
