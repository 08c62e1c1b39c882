/** Languages the catalogue keeps names in (UI languages of Comptoir). */
export type Language = 'fr' | 'nl' | 'en';

export const LANGUAGES: readonly Language[] = Object.freeze(['fr', 'nl', 'en'] as const);

/** A text in each UI language. */
export type LocalizedText = Readonly<Record<Language, string>>;

/**
 * Values a UI needs to rebuild a translated message (expected check digit, position of a
 * bad character…). Keys depend on the error code and are documented next to each code.
 */
export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * Failure of a validation function. `code` is stable (translate it in the UI), `message` is a
 * developer-facing English sentence saying exactly what is wrong.
 */
export interface ValidationFailure<Code extends string> {
  readonly ok: false;
  readonly code: Code;
  readonly message: string;
  readonly params: ErrorParams;
}

/** Quote a user input in a message when it is not a plain token, and shorten very long inputs. */
export function displayInput(input: string): string {
  const short = input.length > 40 ? `${input.slice(0, 40)}…` : input;
  return /^[A-Za-z0-9._-]+$/.test(input) ? short : JSON.stringify(short);
}
