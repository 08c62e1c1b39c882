import { createRequire } from 'node:module';
import { definePlugin } from '@comptoir/kernel';
import { getDeviceDrivers } from '@comptoir/devices';
import { escposDriver } from './driver.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The ESC/POS receipt printer driver, contributed to the device manager. */
export const escposPlugin = definePlugin({
  name: 'device-escpos',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Pilote d’imprimantes de tickets ESC/POS (Epson, Star…) : réseau, série ou USB, tiroir-caisse',
    nl: 'Stuurprogramma voor ESC/POS-ticketprinters (Epson, Star…): netwerk, serieel of USB, kassalade',
    en: 'ESC/POS receipt printer driver (Epson, Star…): network, serial or USB, cash drawer',
  },
  requires: { devices: '^0.1.0' },
  defaultEnabled: false,
  register({ kernel }) {
    getDeviceDrivers(kernel).register(escposDriver);
  },
});
