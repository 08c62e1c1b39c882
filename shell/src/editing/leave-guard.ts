/**
 * Unsaved work: an editor with changes registers a guard; the shell asks before leaving the screen (a link, the
 * back button, signing out) and the browser asks before the tab closes or reloads.
 */
import { confirmDialog } from '../elements/dialog.js';
import { t } from '../i18n/i18n.js';

/** Returns null when nothing is unsaved, else what is being edited ('' when it has no name). */
export type LeaveGuard = () => string | null;

const guards = new Set<LeaveGuard>();
let listening = false;

function onBeforeUnload(e: BeforeUnloadEvent): void {
  if (unsavedWork() === null) return;
  // The browser shows its own question; the text cannot be chosen any more.
  e.preventDefault();
  e.returnValue = '';
}

/** Registers a guard; returns the function that removes it (call it when the editor goes away). */
export function registerLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  if (!listening && typeof window !== 'undefined') {
    window.addEventListener('beforeunload', onBeforeUnload);
    listening = true;
  }
  return () => guards.delete(guard);
}

/** What is unsaved ('' when unnamed), or null when every editor is saved. */
export function unsavedWork(): string | null {
  for (const guard of guards) {
    const what = guard();
    if (what !== null) return what;
  }
  return null;
}

/** True when there is nothing unsaved, or the person chose to leave anyway. */
export async function confirmLeave(): Promise<boolean> {
  const what = unsavedWork();
  if (what === null) return true;
  return confirmDialog({
    title: t('form.unsaved.title'),
    message: what ? t('form.unsaved.text', { what }) : t('form.unsaved.textAnonymous'),
    confirmLabel: t('form.unsaved.leave'),
    cancelLabel: t('form.unsaved.stay'),
    danger: true,
    testid: 'unsaved',
    focus: 'cancel',
  });
}
