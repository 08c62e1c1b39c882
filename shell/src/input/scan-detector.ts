/**
 * Barcode scanner detection — pure logic, no DOM, fed with (key, timestamp) events.
 *
 * Hand-held scanners behave like a keyboard: they "type" the code very fast and
 * usually finish with Enter. A scan is a burst of at least `minLength` printable
 * characters, each arriving at most `maxInterval` ms after the previous one, that
 * ends either with Enter (arriving at most `endPause` ms after the last character)
 * or with a pause of `endPause` ms. Human typing (slower, irregular) never produces
 * such a burst: a single gap larger than `maxInterval` restarts the burst.
 *
 * Usage (see input-service.ts for the DOM binding):
 *   const d = new ScanDetector();
 *   const r = d.feed(event.key, event.timeStamp);   // on every keydown
 *   if (r.scan) … r.scan is the scanned code (Enter ended the burst)
 *   if (r.consumeKey) … the key (Enter) belongs to the scan: prevent its default action
 *   const code = d.flush(performance.now());          // from a timer, `endPause` ms after the last key
 */

export interface ScanDetectorOptions {
  /** Minimal number of printable characters in a scan (default 6). */
  minLength?: number;
  /** Maximal delay between two characters of a scan, in ms (default 35). */
  maxInterval?: number;
  /** A pause this long (ms) after the last character ends the scan; Enter must come within it (default 100). */
  endPause?: number;
}

export interface ScanFeedResult {
  /** The scanned code, when this key completed (or a previously pending burst turned out to be) a scan. */
  scan: string | null;
  /** True when this key is the Enter terminating a scan: the caller should prevent its default action. */
  consumeKey: boolean;
  /** True when this printable key started a new candidate burst (the caller may snapshot the focused field). */
  burstStart: boolean;
  /** Number of characters in the current candidate burst after this key (0 when none). */
  burstLength: number;
}

/** Keys that may be pressed by the scanner's keyboard emulation without breaking a burst. */
const NEUTRAL_KEYS = new Set(['Shift', 'CapsLock', 'Unidentified', 'Dead']);

export class ScanDetector {
  readonly minLength: number;
  readonly maxInterval: number;
  readonly endPause: number;

  private buffer = '';
  private lastTime = -Infinity;

  constructor(options: ScanDetectorOptions = {}) {
    this.minLength = options.minLength ?? 6;
    this.maxInterval = options.maxInterval ?? 35;
    this.endPause = options.endPause ?? 100;
  }

  /** Current candidate burst (for diagnostics and tests). */
  get pending(): string {
    return this.buffer;
  }

  /** Forget the current burst (e.g. when focus moves or a modifier shortcut is used). */
  reset(): void {
    this.buffer = '';
    this.lastTime = -Infinity;
  }

  /**
   * Feed one keydown. `key` is a KeyboardEvent.key value ('a', '5', 'Enter', 'Shift'…),
   * `time` a monotonic timestamp in ms. `modifiers` is true when Ctrl, Alt or Meta is held.
   */
  feed(key: string, time: number, modifiers = false): ScanFeedResult {
    // A burst left pending longer than `endPause` was ended by the pause, even if
    // nobody called flush() in time: report it now.
    let scan: string | null = null;
    if (this.buffer && time - this.lastTime > this.endPause) {
      scan = this.complete();
    }

    if (NEUTRAL_KEYS.has(key) && !modifiers) {
      return { scan, consumeKey: false, burstStart: false, burstLength: this.buffer.length };
    }

    if (key === 'Enter' && !modifiers) {
      if (this.buffer && time - this.lastTime <= this.endPause) {
        const code = this.complete();
        if (code !== null) return { scan: code, consumeKey: true, burstStart: false, burstLength: 0 };
      }
      this.reset();
      return { scan, consumeKey: false, burstStart: false, burstLength: 0 };
    }

    if (isPrintable(key) && !modifiers) {
      let burstStart = false;
      if (!this.buffer || time - this.lastTime > this.maxInterval) {
        this.buffer = key;
        burstStart = true;
      } else {
        this.buffer += key;
      }
      this.lastTime = time;
      return { scan, consumeKey: false, burstStart, burstLength: this.buffer.length };
    }

    // Any other key (Tab, arrows, Backspace, Escape, shortcuts…) breaks the burst.
    this.reset();
    return { scan, consumeKey: false, burstStart: false, burstLength: 0 };
  }

  /**
   * Call when time passes without keys (typically from a timer set `endPause` ms
   * after the last key). Returns the scanned code when the pause ends a scan.
   */
  flush(time: number): string | null {
    if (!this.buffer || time - this.lastTime < this.endPause) return null;
    return this.complete();
  }

  /** True when the current candidate burst would already qualify as a scan if it ended now. */
  get isScanning(): boolean {
    return this.buffer.length >= this.minLength;
  }

  private complete(): string | null {
    const code = this.buffer;
    this.reset();
    return code.length >= this.minLength ? code : null;
  }
}

/** A single printable character (KeyboardEvent.key of length 1, not a control character). */
export function isPrintable(key: string): boolean {
  if ([...key].length !== 1) return false;
  const cp = key.codePointAt(0) ?? 0;
  return cp >= 0x20 && cp !== 0x7f;
}
