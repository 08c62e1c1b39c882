import { createRequire } from 'node:module';
import { definePlugin } from '@comptoir/kernel';
import { getDeviceDrivers } from '@comptoir/devices';
import { displayDriver } from './driver.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The customer pole display driver, contributed to the device manager. */
export const displayPlugin = definePlugin({
  name: 'device-display',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Pilote d’afficheur client (2 × 20, commandes Epson) : total et rendu monnaie vus par le client',
    nl: 'Stuurprogramma voor klantendisplay (2 × 20, Epson-commando’s): totaal en wisselgeld voor de klant',
    en: 'Customer pole display driver (2 × 20, Epson commands): total and change shown to the customer',
  },
  requires: { devices: '^0.1.0' },
  defaultEnabled: false,
  register({ kernel }) {
    getDeviceDrivers(kernel).register(displayDriver);
  },
});
