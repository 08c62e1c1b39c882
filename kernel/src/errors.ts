/** Text a person reads, in the shop's languages; a plain string is used for every language. */
export type LocalizedText = string | { fr: string; nl?: string; en?: string };

export type Language = 'fr' | 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'nl', 'en'];

/** Picks the text for a language, falling back to French, then English. */
export function localize(text: LocalizedText, lang: Language): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? text.fr ?? text.en ?? '';
}

/** One invalid field of a request, as the UI shows it under that field. */
export interface FieldError {
  field: string;
  code: string;
  message: LocalizedText;
}

/**
 * A domain error: a stable code, an HTTP status and a sentence for a person.
 * Mapped to application/problem+json at the HTTP edge.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly text: LocalizedText;
  readonly errors?: FieldError[];
  readonly extra?: Record<string, unknown>;

  constructor(
    code: string,
    text: LocalizedText,
    options: { status?: number; errors?: FieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(localize(text, 'en'), { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.status = options.status ?? 400;
    this.text = text;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

/** A request whose fields are invalid; nothing was changed. */
export class ValidationError extends DomainError {
  constructor(errors: FieldError[], text: LocalizedText = {
    fr: 'Certaines données sont invalides.',
    nl: 'Sommige gegevens zijn ongeldig.',
    en: 'Some fields are invalid.',
  }) {
    super('VALIDATION_FAILED', text, { status: 400, errors });
    this.name = 'ValidationError';
  }
}

/** Something looked up by a key that does not exist. */
export class NotFoundError extends DomainError {
  constructor(code: string, text: LocalizedText) {
    super(code, text, { status: 404 });
    this.name = 'NotFoundError';
  }
}

/** Raised when a document was changed by someone else since it was read; `what` names it ("l’article BIE-0001"). */
export class VersionConflictError extends DomainError {
  constructor(what: LocalizedText) {
    const w = (lang: Language) => localize(what, lang);
    super('VERSION_CONFLICT', {
      fr: `Quelqu’un d’autre a modifié ${w('fr')} entre-temps. Rechargez puis recommencez.`,
      nl: `Iemand anders heeft ${w('nl')} intussen gewijzigd. Herlaad en probeer opnieuw.`,
      en: `Someone else changed ${w('en')} in the meantime. Reload and try again.`,
    }, { status: 409 });
    this.name = 'VersionConflictError';
  }
}

/** A problem with the installation (plugins, configuration): reported at start-up, not to shop users. */
export class KernelError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'KernelError';
    this.code = code;
  }
}
