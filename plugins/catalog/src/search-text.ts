/** Lower case without accents, so that "Café" is found by "cafe" on SQLite and PostgreSQL alike. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern for a search fragment; wildcards typed by the user are dropped. */
export function likeFragment(q: string): string {
  return `%${foldText(q).replace(/[%_\\]/g, '')}%`;
}
