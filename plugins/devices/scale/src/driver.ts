import { DeviceError, openTransport, type Device, type DeviceDriver, type Transport } from '@comptoir/devices';
import { CR, REQUEST, parseAnswer, type Reading } from './protocol.js';

/** How long to wait between two requests while the weight moves (ms). */
const RETRY_MS = 150;

/** Sends one command and reads the answer up to its CR (each byte within `ms`). */
async function ask(t: Transport, command: number, ms: number): Promise<Reading> {
  await t.write(Uint8Array.of(command));
  const bytes: number[] = [];
  for (;;) {
    const [b] = await t.read(1, ms);
    if (b === CR) break;
    bytes.push(b);
    if (bytes.length > 16) throw new DeviceError('SCALE_GARBLED', 'error', `unexpected answer ${JSON.stringify(Buffer.from(bytes).toString('latin1'))}`);
  }
  const reading = parseAnswer(Uint8Array.from(bytes));
  if (!reading) throw new DeviceError('SCALE_GARBLED', 'error', `unexpected answer ${JSON.stringify(Buffer.from(bytes).toString('latin1'))}`);
  return reading;
}

/** Asks for the weight until it is stable, within `timeoutMs`. */
export async function weigh(device: Device, { timeoutMs }: { timeoutMs: number }): Promise<{ weight: number; stable: true }> {
  const deadline = Date.now() + timeoutMs;
  const t = await openTransport(device.connection);
  // Whether the scale answered at all: a read cut by the deadline then means a moving weight, not a silent scale.
  let answered = false;
  try {
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new DeviceError('SCALE_MOTION', 'online', `the weight did not settle within ${timeoutMs} ms`);
      let r: Reading;
      try {
        r = await ask(t, REQUEST.weigh, left);
        answered = true;
      } catch (e) {
        if (e instanceof DeviceError && e.code === 'DEVICE_NO_ANSWER') {
          throw answered
            ? new DeviceError('SCALE_MOTION', 'online', `the weight did not settle within ${timeoutMs} ms`)
            : new DeviceError('DEVICE_NO_ANSWER', 'offline', `no answer within ${timeoutMs} ms`);
        }
        throw e;
      }
      if (r.kind === 'weight') return { weight: r.weight, stable: true };
      if (r.overload) throw new DeviceError('SCALE_OVERLOAD', 'online', 'over capacity');
      if (r.underZero) throw new DeviceError('SCALE_UNDER_ZERO', 'online', 'under zero');
      if (!r.motion && r.atZero) return { weight: 0, stable: true };
      await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_MS, Math.max(0, deadline - Date.now()))));
    }
  } finally {
    await t.close();
  }
}

/** Zeroes the scale (empty pan); answers its state. */
export async function zero(device: Device, timeoutMs = 2000): Promise<Reading> {
  const t = await openTransport(device.connection);
  try {
    return await ask(t, REQUEST.zero, timeoutMs);
  } finally {
    await t.close();
  }
}

/** Scales speaking the Mettler Toledo 8217 protocol, on a serial line (or a serial-to-network box). */
export const scaleDriver: DeviceDriver = {
  name: 'toledo-8217',
  label: { fr: 'Balance (protocole Mettler Toledo 8217)', nl: 'Weegschaal (Mettler Toledo 8217-protocol)', en: 'Scale (Mettler Toledo 8217 protocol)' },
  kinds: ['scale'],
  connections: ['serial', 'tcp'],
  weigh,
  async status(device) {
    const t = await openTransport(device.connection);
    try {
      const r = await ask(t, REQUEST.weigh, 2000);
      if (r.kind === 'status' && r.overload) return { state: 'error', detail: 'over capacity' };
      return { state: 'online' };
    } finally {
      await t.close();
    }
  },
};
