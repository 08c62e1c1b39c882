import { CODE_PAGE_NUMBER, encodeText, openTransport, type Device, type DeviceDriver } from '@comptoir/devices';
import { CMD, WIDTH } from './commands.js';

/** A line of the display as bytes: exactly 20 characters, cut or padded; what the table lacks shows as '?'. */
export function displayLine(text: string): number[] {
  const plain = text.replace(/[\u00A0\u202F]/g, ' ').replace(/[’‘]/g, "'").replace(/œ/g, 'oe');
  return encodeText(plain.slice(0, WIDTH).padEnd(WIDTH), CODE_PAGE_NUMBER.cp858);
}

/** The bytes that show two lines. */
export function displayBytes(lines: [string, string]): Uint8Array {
  return Uint8Array.from([...CMD.init, ...CMD.overwrite, ...CMD.codePage, ...CMD.clear, ...CMD.moveTo(1, 1), ...displayLine(lines[0]), ...CMD.moveTo(1, 2), ...displayLine(lines[1])]);
}

async function show(device: Device, lines: [string, string]): Promise<void> {
  const t = await openTransport(device.connection);
  try {
    await t.write(displayBytes(lines));
  } finally {
    await t.close();
  }
}

/** Epson-compatible pole displays (2×20), on a serial line or a network port. */
export const displayDriver: DeviceDriver = {
  name: 'epson-display',
  label: { fr: 'Afficheur client Epson (2 × 20)', nl: 'Epson-klantendisplay (2 × 20)', en: 'Epson customer display (2 × 20)' },
  kinds: ['customer-display'],
  connections: ['serial', 'tcp'],
  display: show,
  async test(device, lang) {
    await show(device, [{ fr: 'Bonjour !', nl: 'Goedendag!', en: 'Hello!' }[lang], `${device.name}`.slice(0, WIDTH)]);
  },
};
