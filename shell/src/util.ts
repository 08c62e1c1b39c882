/** "Marie Dupont" → "MD". */
export function initials(name: string): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  if (parts.length === 1) return parts[0].slice(0, 2).toUpperCase();
  return (parts[0][0] + parts[parts.length - 1][0]).toUpperCase();
}

/**
 * Focuses an element once the page has been painted. A field focused in `firstUpdated` sits inside elements
 * (<cpt-field>) whose own shadow DOM is not rendered yet; the browser then drops the focus at once.
 */
export function focusWhenShown(target: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => requestAnimationFrame(() => target()?.focus()));
}
