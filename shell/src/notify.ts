/** Toast notifications: any code calls toast(); the <cpt-toaster> element (in <cpt-app>) shows them. */
import { ApiError } from './api/client.js';
import { i18n, t } from './i18n/i18n.js';

export type ToastLevel = 'info' | 'success' | 'warning' | 'error';

export interface Toast {
  id: number;
  message: string;
  level: ToastLevel;
  /** Smaller second line. */
  detail?: string;
  /** ms before auto-dismiss; 0 = sticky. */
  timeout: number;
}

type Listener = (toasts: readonly Toast[]) => void;

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

function emit(): void {
  for (const l of listeners) l(toasts);
}

export function onToasts(listener: Listener): () => void {
  listeners.add(listener);
  listener(toasts);
  return () => listeners.delete(listener);
}

/** Show a toast. Returns its id (for dismissToast). */
export function toast(message: string, level: ToastLevel = 'info', options: { detail?: string; timeout?: number } = {}): number {
  const id = nextId++;
  const timeout = options.timeout ?? (level === 'error' ? 8000 : level === 'warning' ? 6000 : 4000);
  toasts = [...toasts.slice(-4), { id, message, level, detail: options.detail, timeout }];
  emit();
  if (timeout > 0) setTimeout(() => dismissToast(id), timeout);
  return id;
}

export function dismissToast(id: number): void {
  const before = toasts.length;
  toasts = toasts.filter((x) => x.id !== id);
  if (toasts.length !== before) emit();
}

/**
 * A user-facing message for an error: the shell's translation of `error.<CODE>` when it has
 * one, else the server's `detail`/`title`, else a generic message.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (i18n.has(`error.${err.code}`)) return t(`error.${err.code}`);
    if (err.detail) return err.detail;
    if (err.title) return err.title;
    if (i18n.has(`error.status.${err.status}`)) return t(`error.status.${err.status}`);
    return t('error.generic');
  }
  if (err instanceof Error && err.message) return err.message;
  return t('error.generic');
}

/** The server's detail when it adds something to errorMessage(err) (e.g. remaining attempts, retry time). */
export function errorDetail(err: unknown): string | undefined {
  if (err instanceof ApiError && err.detail && err.detail !== errorMessage(err)) return err.detail;
  return undefined;
}

/** Toast an error (API or other). */
export function toastError(err: unknown): number {
  return toast(errorMessage(err), 'error', { detail: errorDetail(err) });
}
