import { describe, expect, it, vi } from 'vitest';
import { ShortcutRegistry, matchesShortcut, parseShortcut } from './shortcuts.js';

describe('parseShortcut / matchesShortcut', () => {
  it('parses modifiers and keys', () => {
    expect(parseShortcut('Ctrl+Shift+F')).toMatchObject({ key: 'f', ctrl: true, shift: true, alt: false, printable: true });
    expect(parseShortcut('F2')).toMatchObject({ key: 'F2', ctrl: false, printable: false });
    expect(parseShortcut('Ctrl++')).toMatchObject({ key: '+', ctrl: true });
  });

  it('matches events', () => {
    expect(matchesShortcut('F2', { key: 'F2' })).toBe(true);
    expect(matchesShortcut('F2', { key: 'F2', ctrlKey: true })).toBe(false);
    expect(matchesShortcut('?', { key: '?', shiftKey: true })).toBe(true);
    expect(matchesShortcut('Ctrl+S', { key: 's', ctrlKey: true })).toBe(true);
    expect(matchesShortcut('Ctrl+S', { key: 'S', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(matchesShortcut('Shift+F3', { key: 'F3' })).toBe(false);
    expect(matchesShortcut('Shift+F3', { key: 'F3', shiftKey: true })).toBe(true);
  });
});

describe('ShortcutRegistry', () => {
  it('dispatches to the most recently registered handler', () => {
    const r = new ShortcutRegistry();
    const a = vi.fn();
    const b = vi.fn();
    r.register({ keys: 'F2', description: 'a', handler: a });
    const off = r.register({ keys: 'F2', description: 'b', handler: b });
    expect(r.handle({ key: 'F2' })).toBe(true);
    expect(b).toHaveBeenCalledOnce();
    expect(a).not.toHaveBeenCalled();
    off();
    r.handle({ key: 'F2' });
    expect(a).toHaveBeenCalledOnce();
  });

  it('falls through when a handler returns false', () => {
    const r = new ShortcutRegistry();
    const a = vi.fn();
    r.register({ keys: 'Escape', description: 'a', handler: a });
    r.register({ keys: 'Escape', description: 'b', handler: () => false });
    expect(r.handle({ key: 'Escape' })).toBe(true);
    expect(a).toHaveBeenCalledOnce();
  });

  it('does not fire printable shortcuts while typing in a text field', () => {
    const r = new ShortcutRegistry();
    const slash = vi.fn();
    const f2 = vi.fn();
    r.register({ keys: '/', description: 'search', handler: slash });
    r.register({ keys: 'F2', description: 'search', handler: f2 });
    expect(r.handle({ key: '/' }, true)).toBe(false);
    expect(slash).not.toHaveBeenCalled();
    expect(r.handle({ key: 'F2' }, true)).toBe(true);
    expect(r.handle({ key: '/' }, false)).toBe(true);
    expect(slash).toHaveBeenCalledOnce();
  });

  it('lists visible shortcuts once per key combination and notifies changes', () => {
    const r = new ShortcutRegistry();
    const changes = vi.fn();
    r.onChange(changes);
    r.register({ keys: 'F2', description: 'a', handler: () => {} });
    r.register({ keys: 'f2', description: 'b', handler: () => {} });
    r.register({ keys: 'F9', description: 'hidden', handler: () => {}, hidden: true });
    expect(r.visible().map((e) => e.description)).toEqual(['b']);
    expect(changes).toHaveBeenCalledTimes(3);
    expect(r.list()).toHaveLength(3);
  });
});
