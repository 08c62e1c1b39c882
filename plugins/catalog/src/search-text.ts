/** Lower case without accents, so that "Café" is found by "cafe" on SQLite and PostgreSQL alike. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a search, folded, without LIKE wildcards (at most 8: more narrows nothing a person types). */
export function searchWords(q: string): string[] {
  return [...new Set(foldText(q).replace(/[%_\\]/g, ' ').split(' ').filter(Boolean))].slice(0, 8);
}
