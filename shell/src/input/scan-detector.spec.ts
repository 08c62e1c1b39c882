import { describe, expect, it } from 'vitest';
import { ScanDetector, isPrintable } from './scan-detector.js';

/** Feed `text` one character every `interval` ms starting at `start`; returns the results and the last time. */
function type(d: ScanDetector, text: string, start: number, interval: number) {
  const results = [];
  let t = start;
  for (const ch of text) {
    results.push(d.feed(ch, t));
    t += interval;
  }
  return { results, last: t - interval };
}

describe('ScanDetector', () => {
  it('detects a fast burst ending with Enter', () => {
    const d = new ScanDetector();
    const { last } = type(d, '5410000000017', 1000, 8);
    const r = d.feed('Enter', last + 10);
    expect(r.scan).toBe('5410000000017');
    expect(r.consumeKey).toBe(true);
    expect(d.pending).toBe('');
  });

  it('accepts exactly 6 characters with 35 ms gaps', () => {
    const d = new ScanDetector();
    const { last } = type(d, 'ABC123', 0, 35);
    expect(d.feed('Enter', last + 35).scan).toBe('ABC123');
  });

  it('rejects bursts shorter than the minimum length', () => {
    const d = new ScanDetector();
    const { last } = type(d, '12345', 0, 5);
    const r = d.feed('Enter', last + 5);
    expect(r.scan).toBeNull();
    expect(r.consumeKey).toBe(false);
  });

  it('never treats human typing as a scan', () => {
    const d = new ScanDetector();
    // 120 ms between keys: a fast human typist.
    const { results, last } = type(d, '5410000000017', 0, 120);
    expect(results.every((r) => r.scan === null)).toBe(true);
    const r = d.feed('Enter', last + 120);
    expect(r.scan).toBeNull();
    expect(r.consumeKey).toBe(false);
    expect(d.flush(last + 1000)).toBeNull();
  });

  it('is not fooled by human typing with occasional fast key rollovers', () => {
    const d = new ScanDetector();
    // "bonjour" typed with pairs of keys close together but pauses in between.
    const times = [0, 20, 140, 160, 300, 330, 480];
    const word = 'bonjour';
    for (let i = 0; i < word.length; i++) expect(d.feed(word[i], times[i]).scan).toBeNull();
    expect(d.feed('Enter', 500).scan).toBeNull();
  });

  it('a gap larger than 35 ms restarts the burst', () => {
    const d = new ScanDetector();
    type(d, 'abc', 0, 10); // 0, 10, 20
    const r = d.feed('d', 80); // 60 ms gap
    expect(r.burstStart).toBe(true);
    expect(r.burstLength).toBe(1);
    const { last } = type(d, '12345', 90, 10);
    expect(d.feed('Enter', last + 10).scan).toBe('d12345');
  });

  it('reports burst starts so the caller can snapshot the focused field', () => {
    const d = new ScanDetector();
    const { results } = type(d, '123456', 0, 10);
    expect(results.map((r) => r.burstStart)).toEqual([true, false, false, false, false, false]);
    expect(results.map((r) => r.burstLength)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('ends a scan after a 100 ms pause without Enter (flush)', () => {
    const d = new ScanDetector();
    const { last } = type(d, '96385074', 0, 12);
    expect(d.flush(last + 50)).toBeNull();
    expect(d.pending).toBe('96385074');
    expect(d.flush(last + 100)).toBe('96385074');
    expect(d.pending).toBe('');
  });

  it('reports a burst ended by a pause on the next key when flush was not called', () => {
    const d = new ScanDetector();
    const { last } = type(d, '96385074', 0, 12);
    const r = d.feed('x', last + 500);
    expect(r.scan).toBe('96385074');
    expect(r.burstStart).toBe(true);
    expect(d.pending).toBe('x');
  });

  it('Enter after the pause does not belong to the scan', () => {
    const d = new ScanDetector();
    const { last } = type(d, '96385074', 0, 12);
    expect(d.flush(last + 100)).toBe('96385074');
    const r = d.feed('Enter', last + 150);
    expect(r.scan).toBeNull();
    expect(r.consumeKey).toBe(false);
  });

  it('ignores Shift (scanners press it for upper-case letters)', () => {
    const d = new ScanDetector();
    let t = 0;
    for (const ch of 'AB-12cd') {
      if (ch >= 'A' && ch <= 'Z') d.feed('Shift', (t += 2));
      d.feed(ch, (t += 6));
    }
    expect(d.feed('Enter', t + 6).scan).toBe('AB-12cd');
  });

  it('non printable keys and modifier combinations break the burst', () => {
    const d = new ScanDetector();
    type(d, '1234', 0, 5);
    d.feed('Backspace', 25);
    type(d, '56', 30, 5);
    expect(d.feed('Enter', 40).scan).toBeNull();

    type(d, '123', 100, 5);
    d.feed('v', 115, true); // Ctrl+V
    type(d, '456', 120, 5);
    expect(d.feed('Enter', 135).scan).toBeNull();
  });

  it('handles consecutive scans', () => {
    const d = new ScanDetector();
    let { last } = type(d, '1111111', 0, 5);
    expect(d.feed('Enter', last + 5).scan).toBe('1111111');
    ({ last } = type(d, '2222222', last + 200, 5));
    expect(d.feed('Enter', last + 5).scan).toBe('2222222');
  });

  it('a lone Enter or Enter after slow typing is never consumed', () => {
    const d = new ScanDetector();
    expect(d.feed('Enter', 0).consumeKey).toBe(false);
    type(d, 'abcdef', 100, 50);
    expect(d.feed('Enter', 400).consumeKey).toBe(false);
  });

  it('honours custom options', () => {
    const d = new ScanDetector({ minLength: 3, maxInterval: 50, endPause: 200 });
    const { last } = type(d, 'abc', 0, 50);
    expect(d.flush(last + 150)).toBeNull();
    expect(d.flush(last + 200)).toBe('abc');
  });

  it('isPrintable', () => {
    expect(isPrintable('a')).toBe(true);
    expect(isPrintable(' ')).toBe(true);
    expect(isPrintable('é')).toBe(true);
    expect(isPrintable('Enter')).toBe(false);
    expect(isPrintable('F2')).toBe(false);
    expect(isPrintable('\t')).toBe(false);
  });
});
