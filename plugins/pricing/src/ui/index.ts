/**
 * UI of the pricing plugin (@comptoir/pricing), discovered by the shell through
 * "comptoir": { "ui": "./src/ui/index.ts" } in the package.json. Screens load lazily; their path, tag and
 * permission match the `screens` of the plugin's definition (src/plugin.ts).
 */
import type { PluginUi } from '@comptoir/shell';
import { messages } from './messages.js';

export const ui: PluginUi = {
  plugin: 'pricing',
  messages,
  screens: [
    {
      path: 'pricing/check',
      tag: 'cpt-pricing-checker',
      title: 'pricing.checker.title',
      icon: 'search',
      permission: 'pricing.read',
      group: 'pricing.group',
      order: 230,
      load: () => import('./price-checker-screen.js'),
    },
    {
      path: 'pricing/lists',
      tag: 'cpt-pricing-lists',
      title: 'pricing.lists.title',
      icon: 'menu',
      permission: 'pricing.read',
      group: 'pricing.group',
      order: 240,
      load: () => import('./price-lists-screen.js'),
    },
    {
      path: 'pricing/articles',
      tag: 'cpt-pricing-articles',
      title: 'pricing.articles.title',
      icon: 'calculator',
      permission: 'pricing.read',
      group: 'pricing.group',
      order: 250,
      load: () => import('./article-prices-screen.js'),
    },
    {
      path: 'pricing/customers',
      tag: 'cpt-pricing-customers',
      title: 'pricing.customers.title',
      icon: 'user',
      permission: 'pricing.read',
      group: 'pricing.group',
      order: 260,
      load: () => import('./customer-prices-screen.js'),
    },
    {
      path: 'pricing/labels',
      tag: 'cpt-pricing-labels',
      title: 'pricing.labels.title',
      icon: 'tag',
      permission: 'pricing.labels',
      group: 'pricing.group',
      order: 270,
      load: () => import('./labels-screen.js'),
    },
    {
      path: 'pricing/nomenclature',
      tag: 'cpt-pricing-nomenclature',
      title: 'pricing.nomenclature.title',
      icon: 'barcode',
      permission: 'pricing.read',
      group: 'pricing.group',
      order: 280,
      load: () => import('./nomenclature-screen.js'),
    },
    {
      path: 'pricing/import',
      tag: 'cpt-pricing-import',
      title: 'pricing.import.title',
      icon: 'file',
      permission: 'pricing.import',
      group: 'pricing.group',
      order: 290,
      load: () => import('./import-screen.js'),
    },
  ],
};

export default ui;
