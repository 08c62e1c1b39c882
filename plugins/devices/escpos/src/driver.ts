import { DeviceError, openTransport, type Device, type DeviceDriver, type DeviceStatus, type PrintRequest, type Transport } from '@comptoir/devices';
import { DEFAULT_PAPER, type PrintDocument } from '@comptoir/kernel';
import { renderEscPos, type EscPosOptions } from './render.js';
import { DLE_EOT, stateOf } from './status.js';

/** How long the printer has to answer a status request (ms). */
const ANSWER_MS = 2000;

/** The driver's options for a device (`options` of the device). */
function optionsOf(device: Device): EscPosOptions {
  const o = device.options as { columns?: unknown; codePage?: unknown };
  return {
    columns: typeof o.columns === 'number' ? o.columns : undefined,
    codePage: o.codePage === 'windows1252' ? 'windows1252' : 'cp858',
  };
}

/** Asks the printer's paper and cover; a USB printer file cannot answer (`unknown`). */
async function ask(t: Transport): Promise<Omit<DeviceStatus, 'at'>> {
  if (!t.readable) return { state: 'unknown' };
  await t.write(Uint8Array.from([...DLE_EOT.offlineCause, ...DLE_EOT.paper]));
  const [cause, paper] = await t.read(2, ANSWER_MS);
  return stateOf(cause, paper);
}

/** Refuses to print on a printer that cannot (no paper, cover open, error): the job waits instead of being lost in its buffer. */
function refuse(s: Omit<DeviceStatus, 'at'>): void {
  if (s.state === 'paper-out') throw new DeviceError('PRINTER_PAPER_OUT', 'paper-out', 'the printer has no paper');
  if (s.state === 'cover-open') throw new DeviceError('PRINTER_COVER_OPEN', 'cover-open', 'the printer’s cover is open');
  if (s.state === 'error') throw new DeviceError('PRINTER_ERROR', 'error', s.detail ?? 'printer error');
}

async function withTransport<T>(device: Device, fn: (t: Transport) => Promise<T>): Promise<T> {
  const t = await openTransport(device.connection);
  try {
    return await fn(t);
  } finally {
    await t.close().catch(() => undefined);
  }
}

/** A test page: the code page's characters, sizes and weights, and the cut. */
export function testPage(device: Device, lang: 'fr' | 'nl' | 'en'): PrintDocument {
  const title = { fr: 'Test d’impression', nl: 'Testafdruk', en: 'Test print' }[lang];
  return {
    template: 'devices.test', kind: 'receipt', lang, paper: { ...DEFAULT_PAPER.receipt, columns: optionsOf(device).columns ?? 48 },
    blocks: [
      { type: 'text', align: 'center', runs: [{ text: title, size: 'large', bold: true }] },
      { type: 'text', align: 'center', runs: [{ text: device.name }] },
      { type: 'rule', style: 'dashed' },
      { type: 'text', runs: [{ text: '€ 12,50 — àâçéèêëîïôœùûü ÀÇÉÈÊÔÙ — ĳ Één café' }] },
      { type: 'text', runs: [{ text: 'gras', bold: true }, { text: 'normal' }, { text: 'petit', size: 'small' }] },
      { type: 'barcode', symbology: 'code128', data: 'TEST-1234', height: 8 },
      { type: 'cut' },
    ],
  };
}

/** The ESC/POS receipt printer driver (Epson TM-T20/T88 class; Star printers in ESC/POS emulation). */
export const escposDriver: DeviceDriver = {
  name: 'escpos',
  label: { fr: 'Imprimante ESC/POS (Epson, Star…)', nl: 'ESC/POS-printer (Epson, Star…)', en: 'ESC/POS printer (Epson, Star…)' },
  kinds: ['receipt-printer'],
  connections: ['tcp', 'serial', 'usb'],
  optionsSchema: {
    type: 'object', additionalProperties: false,
    properties: { columns: { type: 'integer', enum: [32, 42, 48, 56, 64] }, codePage: { type: 'string', enum: ['cp858', 'windows1252'] } },
  },
  /**
   * Asks paper and cover first (refusing to print when it cannot), sends the receipt and the drawer pulse, then asks
   * again: the answer comes after the printer received every byte before it, so a connection lost mid-job is seen.
   */
  async print(device: Device, request: PrintRequest) {
    const bytes = renderEscPos(request, optionsOf(device));
    return withTransport(device, async (t) => {
      const before = await ask(t);
      refuse(before);
      await t.write(bytes);
      const after = await ask(t);
      if (after.state === 'paper-out' || after.state === 'error') refuse(after);
      return after;
    });
  },
  status: (device) => withTransport(device, ask),
  test: (device, lang) => escposDriver.print!(device, { document: testPage(device, lang), drawer: null }),
};
