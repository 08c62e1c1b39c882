/** Small helpers for forms inside shadow roots. */
import { ApiError } from './api/client.js';

/**
 * Keydown handler for a <form>: Enter in a single-line input submits the form
 * (needed because <cpt-button type="submit"> is not a native submit button, so browsers'
 * implicit submission does not apply). Usage: <form @submit=… @keydown=${submitOnEnter}>.
 */
export function submitOnEnter(e: KeyboardEvent): void {
  if (e.key !== 'Enter' || e.defaultPrevented || e.isComposing || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
  const target = e.composedPath()[0];
  if (!(target instanceof HTMLInputElement)) return;
  if (['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type)) return;
  const form = e.currentTarget instanceof HTMLFormElement ? e.currentTarget : target.form;
  if (!form) return;
  e.preventDefault();
  form.requestSubmit();
}

/**
 * Split an API error into per-field messages and the rest. `known` lists the field names the
 * form shows (a field matches itself and its sub-fields: 'barcodes' matches 'barcodes.0').
 */
export function splitFieldErrors(err: unknown, known: string[] = []): { fields: Record<string, string>; other: { field: string; message: string }[] } {
  const fields: Record<string, string> = {};
  const other: { field: string; message: string }[] = [];
  if (!(err instanceof ApiError)) return { fields, other };
  for (const e of err.errors) {
    if (!e || !e.field) continue;
    const isKnown = known.length === 0 || known.some((k) => e.field === k || e.field.startsWith(k + '.'));
    if (isKnown) {
      if (!(e.field in fields)) fields[e.field] = e.message;
    } else other.push({ field: e.field, message: e.message });
  }
  return { fields, other };
}

/** Read a File as a data: URL, downscaling images larger than maxSize px (keeps PNG transparency). */
export async function imageFileToDataUrl(file: File, maxSize = 512): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  if (file.type === 'image/svg+xml') return url;
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('image'));
    img.src = url;
  });
  const scale = Math.min(1, maxSize / Math.max(img.naturalWidth, img.naturalHeight));
  if (scale === 1 && file.size < 300_000) return url;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
