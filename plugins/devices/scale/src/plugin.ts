import { createRequire } from 'node:module';
import { definePlugin } from '@comptoir/kernel';
import { getDeviceDrivers } from '@comptoir/devices';
import { scaleDriver } from './driver.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The serial scale driver (Mettler Toledo 8217 protocol), contributed to the device manager. */
export const scalePlugin = definePlugin({
  name: 'device-scale',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Pilote de balance (protocole Mettler Toledo 8217) : la caisse lit le poids stable des articles au poids',
    nl: 'Stuurprogramma voor weegschaal (Mettler Toledo 8217-protocol): de kassa leest het stabiele gewicht van gewogen artikelen',
    en: 'Scale driver (Mettler Toledo 8217 protocol): the till reads the stable weight of weighed articles',
  },
  requires: { devices: '^0.1.0' },
  defaultEnabled: false,
  register({ kernel }) {
    getDeviceDrivers(kernel).register(scaleDriver);
  },
});
