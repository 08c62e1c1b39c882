import { DomainError } from '@comptoir/kernel';

/** The plugin's errors, with a stable code and a sentence in French, Dutch and English. */
export const FiscalErrors = {
  trainingOff: () => new DomainError('TRAINING_MODE_OFF', {
    fr: 'Le mode formation n’est activé ni pour ce poste ni pour vous : ce ticket serait une vraie vente.',
    nl: 'De opleidingsmodus staat niet aan voor deze kassa of voor u: dit ticket zou een echte verkoop zijn.',
    en: 'Training mode is on neither for this station nor for you: this ticket would be a real sale.',
  }, { status: 409 }),
  stationRequired: () => new DomainError('STATION_REQUIRED', {
    fr: 'Un ticket de formation se fait à un poste de caisse enregistré.',
    nl: 'Een opleidingsticket wordt op een geregistreerde kassa gemaakt.',
    en: 'A training ticket is made at a registered station.',
  }, { status: 409 }),
  notFound: (what: string) => new DomainError('NOT_FOUND', { fr: `${what} introuvable`, nl: `${what} niet gevonden`, en: `${what} not found` }, { status: 404 }),
  closureUnsigned: (number: string) => new DomainError('CLOSURE_UNSIGNED', {
    fr: `La clôture ${number} n’a pas de signature (elle précède la clé de l’installation).`,
    nl: `De afsluiting ${number} heeft geen handtekening (ze is ouder dan de sleutel van de installatie).`,
    en: `Closure ${number} has no signature (it predates the installation's key).`,
  }, { status: 404 }),
};

/** What a training receipt prints at its top and bottom. */
export const TRAINING_BANNER = 'MODE FORMATION — NON VALABLE';
