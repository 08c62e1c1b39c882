import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';
import type { Language, PrintDocument, PrintService } from '@comptoir/kernel';
import { decodeEscPos, renderEscPos } from '../src/index.js';

const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));

/** Compares with the committed golden file byte for byte (UPDATE_GOLDEN=1 rewrites it after a deliberate change). */
function expectGolden(name: string, bytes: Uint8Array): void {
  const file = golden(name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, bytes);
  expect(Buffer.from(bytes).equals(readFileSync(file)), `${name} differs from the golden file`).toBe(true);
}

describe.each(testDialects())('the kernel receipt on an ESC/POS printer (%s)', (dialect) => {
  let tk: TestKernel;
  const sample = async (lang: Language): Promise<PrintDocument> => tk.kernel.container.resolve<PrintService>('print').render(tk.kernel.em(), 'kernel.receipt', { lang });

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [] });
  });
  afterAll(async () => tk?.close());

  it('prints the same bytes as the committed golden files, in French and in Dutch', async () => {
    expectGolden('receipt-fr.bin', renderEscPos({ document: await sample('fr'), drawer: null }));
    expectGolden('receipt-nl-drawer.bin', renderEscPos({ document: await sample('nl'), drawer: { pin: 2 } }));
  });

  it('reads back as the receipt a customer gets: euro sign and accents, total in double size, barcode and QR of the ticket, cut', async () => {
    const bytes = renderEscPos({ document: await sample('fr'), drawer: null });
    const d = decodeEscPos(bytes);
    expect(d.codePages).toEqual([19]);
    expect(d.unknown).toBe(0);
    expect(d.receipts).toHaveLength(1);
    const [r] = d.receipts;
    expect(r.cut).toBe(true);
    expect(r.lines).toContain('Pain de campagne 800 g');
    expect(r.lines.some((l) => /^2 × 3,45 €\s+6,90 € A$/.test(l))).toBe(true);
    expect(r.styled.find((l) => l.includes('TOTAL'))).toMatch(/^\[2x\]\*TOTAL\*\s+\*19,39 €\*$/);
    expect(r.lines).toContain('            Merci de votre visite !');
    expect(r.lines.some((l) => l.includes('Échange sous 30 jours avec ce ticket.'))).toBe(true);
    expect(r.barcodes).toEqual([{ symbology: 'code128', data: 'T2026-000123' }]);
    expect(r.qr).toEqual(['https://comptoir.example/r/T2026-000123']);
    expect(d.kicks).toEqual([]);
    // Every text line fits the 48 characters of 80 mm paper (double size lines count double).
    for (const [i, l] of r.lines.entries()) expect(l.length * (r.styled[i].startsWith('[2x]') ? 2 : 1)).toBeLessThanOrEqual(48);
  });

  it('pulses the drawer on pin 2 or 5 after the receipt, and alone when there is nothing to print', () => {
    expect(decodeEscPos(renderEscPos({ document: null, drawer: { pin: 5 } })).kicks).toEqual([5]);
    expect(decodeEscPos(renderEscPos({ document: null, drawer: { pin: 2 } })).kicks).toEqual([2]);
  });

  it('writes Windows-1252 when the printer is set to it', async () => {
    const d = decodeEscPos(renderEscPos({ document: await sample('fr'), drawer: null }, { codePage: 'windows1252' }));
    expect(d.codePages).toEqual([16]);
    expect(d.receipts[0].lines.some((l) => l.includes('Échange sous 30 jours'))).toBe(true);
    expect(d.receipts[0].lines.find((l) => l.includes('TOTAL'))).toMatch(/19,39 €$/);
  });
});
