import type { RegisteredScreen } from './app/registry.js';

/**
 * The kernel's own administration screens, contributed by the shell itself (built with it, not loaded by URL).
 * Plugin name 'kernel' is always considered enabled.
 */
export const kernelUi: { plugin: 'kernel'; screens: Omit<RegisteredScreen, 'plugin'>[] } = {
  plugin: 'kernel',
  screens: [
    {
      path: 'settings/shop',
      tag: 'cpt-settings-shop',
      title: 'settings.shop.title',
      icon: 'store',
      permission: 'kernel.shop',
      group: 'nav.group.settings',
      order: 900,
      load: () => import('./screens/shop-screen.js'),
    },
    {
      path: 'settings/stations',
      tag: 'cpt-settings-stations',
      title: 'settings.stations.title',
      icon: 'monitor',
      permission: 'kernel.stations',
      group: 'nav.group.settings',
      order: 910,
      load: () => import('./screens/stations-screen.js'),
    },
    {
      path: 'settings/print',
      tag: 'cpt-settings-print',
      title: 'settings.print.title',
      icon: 'file',
      permission: 'kernel.print',
      group: 'nav.group.settings',
      order: 915,
      load: () => import('./screens/print-screen.js'),
    },
    {
      path: 'settings/users',
      tag: 'cpt-settings-users',
      title: 'settings.users.title',
      icon: 'user',
      permission: 'kernel.users',
      group: 'nav.group.settings',
      order: 920,
      load: () => import('./screens/users-screen.js'),
    },
    {
      path: 'settings/plugins',
      tag: 'cpt-settings-plugins',
      title: 'settings.plugins.title',
      icon: 'plug',
      permission: 'kernel.plugins',
      group: 'nav.group.settings',
      order: 930,
      load: () => import('./screens/plugins-screen.js'),
    },
  ],
};
