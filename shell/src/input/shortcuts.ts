/**
 * Global keyboard shortcut registry — pure logic (no DOM), so it can be unit-tested.
 *
 * Shortcut syntax: an optional list of modifiers then a key, joined with '+':
 * 'F2', 'Escape', '/', '?', 'Ctrl+S', 'Alt+N', 'Ctrl+Shift+F'. Keys are compared on
 * KeyboardEvent.key (case-insensitive for letters). For printable keys ('/', '?', 'n'…)
 * Shift is implied by the character and ignored.
 *
 * Shortcuts registered later take precedence (a screen's shortcut overrides the shell's).
 * By default printable-key shortcuts without Ctrl/Alt/Meta do not fire while the user
 * types in a text field; function keys, Escape and modifier combos do.
 */

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

export interface ShortcutDefinition {
  /** e.g. 'F2', '/', 'Ctrl+S'. */
  keys: string;
  /** i18n key (or plain text) describing the action, listed in the help dialog. */
  description: string;
  /** Return false to let the event continue (not handled). */
  handler: (event: KeyLike) => void | boolean;
  /** Fire even while focus is in a text field (default: true for F-keys, Escape and Ctrl/Alt/Meta combos, false otherwise). */
  allowInInput?: boolean;
  /** Hide from the help dialog. */
  hidden?: boolean;
  /** Grouping in the help dialog (i18n key or text), default 'shortcuts.group.general'. */
  group?: string;
}

interface ParsedShortcut {
  key: string;
  ctrl: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
  printable: boolean;
}

export function parseShortcut(keys: string): ParsedShortcut {
  // '+' alone (or 'Ctrl++') is the plus key.
  const parts = keys === '+' ? ['+'] : keys.endsWith('++') ? [...keys.slice(0, -2).split('+'), '+'] : keys.split('+');
  const key = parts.pop() ?? '';
  const mods = parts.map((p) => p.toLowerCase());
  const printable = [...key].length === 1;
  return {
    key: printable ? key.toLowerCase() : key,
    ctrl: mods.includes('ctrl') || mods.includes('control'),
    alt: mods.includes('alt'),
    meta: mods.includes('meta') || mods.includes('cmd'),
    shift: mods.includes('shift'),
    printable,
  };
}

export function matchesShortcut(keys: string, event: KeyLike): boolean {
  const s = parseShortcut(keys);
  const eventKey = [...event.key].length === 1 ? event.key.toLowerCase() : event.key;
  if (eventKey !== s.key) return false;
  if (!!event.ctrlKey !== s.ctrl || !!event.altKey !== s.alt || !!event.metaKey !== s.meta) return false;
  if (!s.printable && !!event.shiftKey !== s.shift) return false;
  return true;
}

export interface ShortcutEntry extends ShortcutDefinition {
  id: number;
}

export class ShortcutRegistry {
  private entries: ShortcutEntry[] = [];
  private nextId = 1;
  private listeners = new Set<() => void>();

  /** Register a shortcut; returns a function that unregisters it. */
  register(def: ShortcutDefinition): () => void {
    const entry: ShortcutEntry = { ...def, id: this.nextId++ };
    this.entries.push(entry);
    this.emit();
    return () => {
      this.entries = this.entries.filter((e) => e.id !== entry.id);
      this.emit();
    };
  }

  /** All registered shortcuts (most recent last), for the help dialog. */
  list(): readonly ShortcutEntry[] {
    return this.entries;
  }

  /** Shortcuts as shown in the help dialog: visible ones, one line per key combination (the one that wins). */
  visible(): ShortcutEntry[] {
    const seen = new Set<string>();
    const out: ShortcutEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      const k = e.keys.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      if (!e.hidden) out.unshift(e);
    }
    return out;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Dispatch a key event. `inTextField` tells whether focus is in an editable field.
   * Returns true when a shortcut handled the event (the caller should preventDefault()).
   */
  handle(event: KeyLike, inTextField = false): boolean {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (!matchesShortcut(e.keys, event)) continue;
      const s = parseShortcut(e.keys);
      const allow = e.allowInInput ?? (!s.printable || s.ctrl || s.alt || s.meta);
      if (inTextField && !allow) continue;
      if (e.handler(event) === false) continue;
      return true;
    }
    return false;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
