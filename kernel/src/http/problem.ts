import type { FastifyError } from 'fastify';
import { DomainError, localize, type Language, type LocalizedText } from '../errors.js';
import { databaseProblem } from '../db/db-errors.js';

/** The problem+json body every API error is answered with. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ field: string; code: string; message: string }>;
  [extra: string]: unknown;
}

const TITLES: Record<number, LocalizedText> = {
  400: { fr: 'Requête invalide', nl: 'Ongeldige aanvraag', en: 'Bad request' },
  401: { fr: 'Connexion requise', nl: 'Aanmelding vereist', en: 'Sign-in required' },
  403: { fr: 'Accès refusé', nl: 'Toegang geweigerd', en: 'Forbidden' },
  404: { fr: 'Introuvable', nl: 'Niet gevonden', en: 'Not found' },
  409: { fr: 'Conflit', nl: 'Conflict', en: 'Conflict' },
  421: { fr: 'Adresse du serveur inconnue', nl: 'Onbekend serveradres', en: 'Misdirected request' },
  422: { fr: 'Valeur refusée', nl: 'Waarde geweigerd', en: 'Unprocessable value' },
  413: { fr: 'Requête trop volumineuse', nl: 'Aanvraag te groot', en: 'Payload too large' },
  415: { fr: 'Type de contenu non pris en charge', nl: 'Inhoudstype niet ondersteund', en: 'Unsupported media type' },
  423: { fr: 'Verrouillé', nl: 'Vergrendeld', en: 'Locked' },
  429: { fr: 'Trop de tentatives', nl: 'Te veel pogingen', en: 'Too many requests' },
  500: { fr: 'Erreur interne', nl: 'Interne fout', en: 'Internal error' },
};

/** Builds a problem from a code, status and text in the request's language. */
export function problem(status: number, code: string, text: LocalizedText, lang: Language, extra: Record<string, unknown> = {}): Problem {
  return {
    type: `urn:comptoir:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: localize(TITLES[status] ?? TITLES[status >= 500 ? 500 : 400], lang),
    status,
    code,
    detail: localize(text, lang),
    ...extra,
  };
}

const AJV_MESSAGES: Record<string, (p: any, lang: Language) => string> = {
  required: (p, l) => localize({ fr: `Champ obligatoire : ${p.missingProperty}.`, nl: `Verplicht veld: ${p.missingProperty}.`, en: `Required field: ${p.missingProperty}.` }, l),
  type: (p, l) => localize({ fr: `Doit être de type ${p.type}.`, nl: `Moet van het type ${p.type} zijn.`, en: `Must be of type ${p.type}.` }, l),
  minLength: (p, l) => localize({ fr: `Au moins ${p.limit} ${p.limit > 1 ? 'caractères' : 'caractère'}.`, nl: `Minstens ${p.limit} ${p.limit === 1 ? 'teken' : 'tekens'}.`, en: `At least ${p.limit} ${p.limit === 1 ? 'character' : 'characters'}.` }, l),
  maxLength: (p, l) => localize({ fr: `Au plus ${p.limit} ${p.limit > 1 ? 'caractères' : 'caractère'}.`, nl: `Hoogstens ${p.limit} ${p.limit === 1 ? 'teken' : 'tekens'}.`, en: `At most ${p.limit} ${p.limit === 1 ? 'character' : 'characters'}.` }, l),
  minimum: (p, l) => localize({ fr: `Doit être au moins ${p.limit}.`, nl: `Moet minstens ${p.limit} zijn.`, en: `Must be at least ${p.limit}.` }, l),
  maximum: (p, l) => localize({ fr: `Doit être au plus ${p.limit}.`, nl: `Mag hoogstens ${p.limit} zijn.`, en: `Must be at most ${p.limit}.` }, l),
  enum: (p, l) => localize({ fr: `Valeurs permises : ${p.allowedValues?.join(', ')}.`, nl: `Toegelaten waarden: ${p.allowedValues?.join(', ')}.`, en: `Allowed values: ${p.allowedValues?.join(', ')}.` }, l),
  pattern: (_p, l) => localize({ fr: 'Format invalide.', nl: 'Ongeldig formaat.', en: 'Invalid format.' }, l),
  format: (p, l) => localize({ fr: `Format ${p.format} invalide.`, nl: `Ongeldig ${p.format}-formaat.`, en: `Invalid ${p.format} format.` }, l),
  additionalProperties: (p, l) => localize({ fr: `Champ inconnu : ${p.additionalProperty}.`, nl: `Onbekend veld: ${p.additionalProperty}.`, en: `Unknown field: ${p.additionalProperty}.` }, l),
  maxItems: (p, l) => localize({ fr: `Au plus ${p.limit} ${p.limit > 1 ? 'éléments' : 'élément'}.`, nl: `Hoogstens ${p.limit} ${p.limit === 1 ? 'element' : 'elementen'}.`, en: `At most ${p.limit} ${p.limit === 1 ? 'item' : 'items'}.` }, l),
  minItems: (p, l) => localize({ fr: `Au moins ${p.limit} ${p.limit > 1 ? 'éléments' : 'élément'}.`, nl: `Minstens ${p.limit} ${p.limit === 1 ? 'element' : 'elementen'}.`, en: `At least ${p.limit} ${p.limit === 1 ? 'item' : 'items'}.` }, l),
};

/** Bodies Fastify refuses before any route sees them, said in the user's language with a stable code. */
const BODY_ERRORS: Record<string, { status: number; code: string; text: LocalizedText }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400, code: 'BODY_INVALID',
    text: { fr: 'Le corps de la requête n’est pas du JSON valide.', nl: 'De inhoud van de aanvraag is geen geldige JSON.', en: 'The request body is not valid JSON.' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400, code: 'BODY_EMPTY',
    text: { fr: 'Le corps de la requête est vide alors qu’il est annoncé en JSON.', nl: 'De inhoud van de aanvraag is leeg, hoewel JSON werd aangekondigd.', en: 'The request body is empty although it is announced as JSON.' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413, code: 'BODY_TOO_LARGE',
    text: { fr: 'La requête dépasse la taille permise.', nl: 'De aanvraag is groter dan toegelaten.', en: 'The request is larger than allowed.' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415, code: 'BODY_MEDIA_TYPE',
    text: { fr: 'Type de contenu non pris en charge : envoyez du JSON.', nl: 'Inhoudstype niet ondersteund: stuur JSON.', en: 'Unsupported content type: send JSON.' },
  },
};

/** Maps any thrown error to a problem (schema validation, domain errors, the rest as 500). */
export function toProblem(err: unknown, lang: Language): Problem {
  if (err instanceof DomainError) {
    return problem(err.status, err.code, err.text, lang, {
      ...(err.errors ? { errors: err.errors.map((e) => ({ field: e.field, code: e.code, message: localize(e.message, lang) })) } : {}),
      ...(err.extra ?? {}),
    });
  }
  const fe = err as FastifyError & { validation?: any[]; validationContext?: string };
  if (fe?.validation) {
    const errors = fe.validation.map((v) => {
      const path = String(v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      // A missing or unknown property is reported on the object that holds it: name the property itself.
      const property = v.keyword === 'required' ? v.params?.missingProperty : v.keyword === 'additionalProperties' ? v.params?.additionalProperty : undefined;
      const field = property ? [path, property].filter(Boolean).join('.') : path || fe.validationContext || '';
      const msg = AJV_MESSAGES[v.keyword]?.(v.params ?? {}, lang) ?? v.message ?? 'invalid';
      return { field, code: `SCHEMA_${String(v.keyword).toUpperCase()}`, message: msg };
    });
    return problem(400, 'VALIDATION_FAILED', {
      fr: `Requête invalide : ${errors.map((e) => `${e.field || fe.validationContext} — ${e.message}`).join(' ; ')}`,
      nl: `Ongeldige aanvraag: ${errors.map((e) => `${e.field || fe.validationContext} — ${e.message}`).join('; ')}`,
      en: `Invalid request: ${errors.map((e) => `${e.field || fe.validationContext} — ${e.message}`).join('; ')}`,
    }, lang, { errors });
  }
  const body = fe?.code ? BODY_ERRORS[fe.code] : undefined;
  if (body) return problem(body.status, body.code, body.text, lang);
  if (fe?.statusCode && fe.statusCode < 500) {
    return problem(fe.statusCode, fe.code ?? 'BAD_REQUEST', fe.message, lang);
  }
  // An amount or a quantity beyond what money arithmetic handles safely (maximum price × maximum quantity).
  if ((err as Error)?.name === 'MoneyError') {
    return problem(422, String((err as { code?: string }).code ?? 'MONEY_INVALID'), {
      fr: 'Un montant ou une quantité dépasse les limites permises.',
      nl: 'Een bedrag of een hoeveelheid overschrijdt de toegelaten grenzen.',
      en: 'An amount or a quantity exceeds the allowed limits.',
    }, lang, { reason: (err as Error).message });
  }
  // A unique index hit by a concurrent request, a lost optimistic lock, a value the column cannot hold.
  const db = databaseProblem(err);
  if (db) return toProblem(db, lang);
  return problem(500, 'INTERNAL_ERROR', {
    fr: 'Une erreur inattendue est survenue ; rien n’a été enregistré. Le détail est dans le journal du serveur.',
    nl: 'Er trad een onverwachte fout op; er werd niets opgeslagen. Details staan in het serverlogboek.',
    en: 'An unexpected error occurred; nothing was saved. Details are in the server log.',
  }, lang);
}
