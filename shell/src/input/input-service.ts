/**
 * Input service (DOM side): one capture-phase keydown listener on window that
 *  1. feeds the ScanDetector — a detected barcode scan is removed from the text field it was
 *     typed into (the field's value and caret are restored), its terminating Enter is swallowed,
 *     and the code is handed to the barcode handler (set by <cpt-app>: the active screen's
 *     onBarcode()/`barcode` event, or a toast "Code-barres lu : …");
 *  2. dispatches global keyboard shortcuts from the ShortcutRegistry.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ScanDetector, type ScanDetectorOptions, isPrintable } from './scan-detector.js';
import { ShortcutRegistry, type ShortcutDefinition } from './shortcuts.js';

interface FieldSnapshot {
  el: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  start: number | null;
  end: number | null;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'password', 'number', '']);

/** True when the element is a text-editing control (typing goes into it). */
export function isEditable(el: EventTarget | null | undefined): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
  if (el instanceof HTMLSelectElement) return true;
  return el.isContentEditable;
}

/** The element that really has focus, looking inside (open) shadow roots. */
export function deepActiveElement(): Element | null {
  let el: Element | null = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export class InputService {
  readonly shortcuts = new ShortcutRegistry();
  readonly detector: ScanDetector;
  /** Receives every detected scan. */
  barcodeHandler: ((code: string) => void) | null = null;

  private snapshot: FieldSnapshot | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;

  constructor(options?: ScanDetectorOptions) {
    this.detector = new ScanDetector(options);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    window.addEventListener('keydown', this.onKeydown, true);
  }

  stop(): void {
    this.started = false;
    window.removeEventListener('keydown', this.onKeydown, true);
    if (this.timer) clearTimeout(this.timer);
  }

  /** Simulate a scan (tests, demo, or a scanner connected through another channel such as WebHID/serial). */
  injectScan(code: string): void {
    this.deliver(code);
  }

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.isComposing) return;
    const target = (e.composedPath()[0] ?? e.target) as EventTarget | null;
    const modifiers = e.ctrlKey || e.altKey || e.metaKey;
    const previousSnapshot = this.snapshot;
    const r = this.detector.feed(e.key, e.timeStamp, modifiers);

    if (r.scan) this.complete(r.scan, previousSnapshot);

    if (r.burstStart) {
      this.snapshot =
        target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
          ? { el: target, value: target.value, start: safeSelection(target, 'start'), end: safeSelection(target, 'end') }
          : null;
    }

    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.detector.pending) {
      this.timer = setTimeout(() => {
        const code = this.detector.flush(performance.now());
        if (code) this.complete(code, this.snapshot);
      }, this.detector.endPause + 5);
    }

    if (r.consumeKey) {
      // The Enter that ends a scan must not submit a form or trigger anything else.
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }

    // Printable keys that arrive inside a fast burst belong to a (probable) scan: no shortcuts.
    if (isPrintable(e.key) && r.burstLength > 1) return;
    if (this.shortcuts.handle(e, isEditable(target))) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  private complete(code: string, snapshot: FieldSnapshot | null): void {
    this.snapshot = null;
    if (snapshot && snapshot.el.isConnected && snapshot.el.value !== snapshot.value) {
      // The scanner typed into a text field: put the field back as it was.
      snapshot.el.value = snapshot.value;
      try {
        if (snapshot.start !== null && snapshot.end !== null) snapshot.el.setSelectionRange(snapshot.start, snapshot.end);
      } catch {
        /* some input types have no selection */
      }
      snapshot.el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    this.deliver(code);
  }

  private deliver(code: string): void {
    window.dispatchEvent(new CustomEvent('cpt-barcode', { detail: { code } }));
    this.barcodeHandler?.(code);
  }
}

function safeSelection(el: HTMLInputElement | HTMLTextAreaElement, which: 'start' | 'end'): number | null {
  try {
    return which === 'start' ? el.selectionStart : el.selectionEnd;
  } catch {
    return null;
  }
}

/** The shell-wide input service (started by <cpt-app>). */
export const inputService = new InputService();
/** The shell-wide shortcut registry. */
export const shortcuts = inputService.shortcuts;

/** Register a global shortcut; returns the unregister function. */
export function registerShortcut(def: ShortcutDefinition): () => void {
  return shortcuts.register(def);
}

/** Lit controller: registers shortcuts while its host element is connected (use in screens). */
export class ShortcutController implements ReactiveController {
  private offs: (() => void)[] = [];
  constructor(
    host: ReactiveControllerHost,
    private readonly defs: ShortcutDefinition[],
  ) {
    host.addController(this);
  }
  hostConnected(): void {
    this.offs = this.defs.map((d) => shortcuts.register(d));
  }
  hostDisconnected(): void {
    for (const off of this.offs) off();
    this.offs = [];
  }
}
