import { createRequire } from 'node:module';
import { asClass, definePlugin, getKernelHooks, type RouteRegistrar, type PluginContext } from '@comptoir/kernel';
import { devicesEntities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { DeviceService } from './services/device.service.js';
import { DeviceStatuses } from './services/device-status.js';
import { DeviceMonitor } from './services/device-monitor.js';
import { PrintQueue } from './services/print-queue.js';
import { TillPrinting } from './services/till-printing.js';
import { CustomerDisplays } from './services/customer-display.js';
import { deviceRoutes } from './http/device-routes.js';
import { jobRoutes } from './http/job-routes.js';
import { weighRoutes } from './http/weigh-routes.js';

// The version lives in package.json only, where changesets bump it.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const label = (fr: string, nl: string, en: string) => ({ fr, nl, en });

/** The device manager: devices per station, the driver registry, live states and the durable print queue. */
export const devicesPlugin = definePlugin({
  name: 'devices',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Périphériques : imprimantes de tickets, tiroir-caisse, afficheurs… par poste, avec une file d’impression qui ne perd rien',
    nl: 'Randapparatuur: ticketprinters, kassalade, klantendisplays… per kassa, met een afdrukwachtrij die niets verliest',
    en: 'Peripherals: receipt printers, cash drawers, displays… per station, with a print queue that loses nothing',
  },
  enhances: ['pos'],
  defaultEnabled: false,
  entities: devicesEntities,
  migrations,
  permissions: {
    'devices.use': { label: label('Voir les périphériques, tester, relancer les impressions', 'Randapparatuur bekijken, testen, afdrukken opnieuw proberen', 'See devices, test them, retry prints'), roles: ['admin', 'manager', 'cashier'] },
    'devices.configure': { label: label('Configurer les périphériques', 'Randapparatuur instellen', 'Configure devices'), roles: ['admin', 'manager'] },
    'devices.reprint': { label: label('Réimprimer (duplicata)', 'Herdrukken (duplicaat)', 'Reprint (duplicate)'), roles: ['admin', 'manager'] },
  },
  // Built from src/ui into dist/ui (`comptoir-dev ui`); `module` names the file that defines `tag`.
  screens: [
    { path: 'settings/devices', tag: 'cpt-devices-settings', module: 'devices-screen.js', title: 'devices.title', permission: 'devices.use', icon: 'plug', group: 'nav.group.settings', order: 912 },
  ],
  register({ kernel, container }) {
    container.register({
      devicesStatuses: asClass(DeviceStatuses).singleton(),
      devices: asClass(DeviceService).singleton(),
      devicesMonitor: asClass(DeviceMonitor).singleton(),
      devicesPrintQueue: asClass(PrintQueue).singleton(),
      devicesTillPrinting: asClass(TillPrinting).singleton(),
      devicesDisplays: asClass(CustomerDisplays).singleton(),
    });
    container.resolve<TillPrinting>('devicesTillPrinting').tap();
    container.resolve<CustomerDisplays>('devicesDisplays').tap();
    getKernelHooks(kernel).stopping.tapPromise('devices', async () => {
      await container.resolve<DeviceMonitor>('devicesMonitor').stop();
      await container.resolve<PrintQueue>('devicesPrintQueue').stop();
    });
  },
  routes(r: RouteRegistrar, ctx: PluginContext) {
    jobRoutes(r, ctx);
    deviceRoutes(r, ctx);
    weighRoutes(r, ctx);
  },
  start({ container }) {
    // Jobs left by the previous run (printer off, server stopped mid-job) are sent again from here.
    container.resolve<PrintQueue>('devicesPrintQueue').start();
    container.resolve<DeviceMonitor>('devicesMonitor').start();
  },
});
