import { createRequire } from 'node:module';
import { asClass, definePlugin } from '@comptoir/kernel';
import { TrainingModeSchema } from './entities/training-mode.entity.js';
import { migrations } from './migrations/index.js';
import { TrainingService } from './services/training.service.js';
import { archiveAtClosures } from './services/closure-signature.js';
import { fiscalRoutes } from './http/routes.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const label = (fr: string, nl: string, en: string) => ({ fr, nl, en });

/** French fiscal rules at the till (art. 286 I-3° bis CGI): archives at monthly and yearly closures, signed Zs, training mode. */
export const fiscalFrPlugin = definePlugin({
  name: 'fiscal-fr',
  version,
  kernel: '^0.1.0',
  description: {
    fr: 'Caisse en France (art. 286 CGI) : archives signées aux clôtures mensuelles et annuelles, signature des Z, mode formation',
    nl: 'Kassa in Frankrijk (art. 286 CGI): ondertekende archieven bij maand- en jaarafsluitingen, handtekening van de Z, opleidingsmodus',
    en: 'Till in France (art. 286 CGI): signed archives at monthly and yearly closures, signed Zs, training mode',
  },
  requires: { sales: '^0.1.0' },
  enhances: ['pos'],
  defaultEnabled: false,
  entities: [TrainingModeSchema],
  migrations,
  permissions: {
    'fiscal-fr.training': { label: label('Activer le mode formation d’un poste ou d’un utilisateur', 'De opleidingsmodus van een kassa of gebruiker inschakelen', 'Switch training mode for a station or a user'), roles: ['admin', 'manager'] },
    'fiscal-fr.train': { label: label('Faire des tickets de formation', 'Opleidingstickets maken', 'Make training tickets'), roles: ['admin', 'manager', 'cashier'] },
  },
  register({ kernel, container }) {
    container.register({ fiscalFrTraining: asClass(TrainingService).singleton() });
    if (kernel.enabled.some((p) => p.name === 'pos')) archiveAtClosures(kernel);
  },
  routes: fiscalRoutes,
  // The screens are built from src/ui into dist/ui (`comptoir-dev ui`); `module` names the file that defines `tag`.
  screens: [
    { path: 'fiscal-fr/training', tag: 'cpt-fiscal-fr-training', module: 'training-screen.js', title: 'fiscal-fr.training.title', permission: 'fiscal-fr.train', icon: 'cart', group: 'pos.group', order: 120 },
    { path: 'fiscal-fr/archives', tag: 'cpt-fiscal-fr-archives', module: 'archives-screen.js', title: 'fiscal-fr.archives.title', permission: 'kernel.journal', icon: 'calculator', group: 'pos.group', order: 130 },
  ],
});
