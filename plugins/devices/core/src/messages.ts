import { DomainError, NotFoundError, VersionConflictError } from '@comptoir/kernel';

/** The device manager's refusals: a stable code, a sentence in three languages, the HTTP status. */
export const DeviceErrors = {
  deviceNotFound: (id: number) => new NotFoundError('DEVICES_DEVICE_NOT_FOUND', {
    fr: `L’appareil ${id} n’existe pas.`, nl: `Apparaat ${id} bestaat niet.`, en: `Device ${id} does not exist.`,
  }),
  jobNotFound: (id: number) => new NotFoundError('DEVICES_JOB_NOT_FOUND', {
    fr: `La tâche d’impression ${id} n’existe pas.`, nl: `Afdruktaak ${id} bestaat niet.`, en: `Print job ${id} does not exist.`,
  }),
  stationNotFound: (id: number) => new DomainError('DEVICES_STATION_NOT_FOUND', {
    fr: `Le poste ${id} n’existe pas.`, nl: `Kassa ${id} bestaat niet.`, en: `Station ${id} does not exist.`,
  }, { status: 422 }),
  driverUnknown: (driver: string) => new DomainError('DEVICES_DRIVER_UNKNOWN', {
    fr: `Aucun pilote « ${driver} » n’est activé : activez son extension (comptoir plugins enable device-${driver}).`,
    nl: `Geen stuurprogramma ‘${driver}’ is ingeschakeld: schakel de plug-in in (comptoir plugins enable device-${driver}).`,
    en: `No driver '${driver}' is enabled: enable its plugin (comptoir plugins enable device-${driver}).`,
  }, { status: 422 }),
  driverKind: (driver: string, kind: string) => new DomainError('DEVICES_DRIVER_KIND', {
    fr: `Le pilote « ${driver} » ne gère pas ce type d’appareil (${kind}).`,
    nl: `Stuurprogramma ‘${driver}’ ondersteunt dit soort apparaat niet (${kind}).`,
    en: `Driver '${driver}' does not handle this kind of device (${kind}).`,
  }, { status: 422 }),
  driverConnection: (driver: string, type: string) => new DomainError('DEVICES_DRIVER_CONNECTION', {
    fr: `Le pilote « ${driver} » ne se connecte pas par ${type}.`,
    nl: `Stuurprogramma ‘${driver}’ maakt geen verbinding via ${type}.`,
    en: `Driver '${driver}' does not connect through ${type}.`,
  }, { status: 422 }),
  viaTarget: (id: number) => new DomainError('DEVICES_VIA_NOT_PRINTER', {
    fr: `Un tiroir-caisse se branche sur une imprimante de tickets : l’appareil ${id} n’en est pas une.`,
    nl: `Een kassalade wordt op een ticketprinter aangesloten: apparaat ${id} is er geen.`,
    en: `A cash drawer plugs into a receipt printer: device ${id} is not one.`,
  }, { status: 422 }),
  nameTaken: (name: string) => new DomainError('DEVICES_NAME_TAKEN', {
    fr: `Ce poste a déjà un appareil nommé « ${name} ».`, nl: `Deze kassa heeft al een apparaat met de naam ‘${name}’.`, en: `This station already has a device named '${name}'.`,
  }, { status: 409 }),
  inUse: () => new DomainError('DEVICES_DEVICE_IN_USE', {
    fr: 'Cet appareil a des tâches d’impression : désactivez-le plutôt que de le supprimer.',
    nl: 'Dit apparaat heeft afdruktaken: schakel het uit in plaats van het te verwijderen.',
    en: 'This device has print jobs: deactivate it rather than delete it.',
  }, { status: 409 }),
  notPrinter: (name: string) => new DomainError('DEVICES_NOT_A_PRINTER', {
    fr: `« ${name} » n’est pas une imprimante.`, nl: `‘${name}’ is geen printer.`, en: `'${name}' is not a printer.`,
  }, { status: 422 }),
  jobDone: (id: number) => new DomainError('DEVICES_JOB_DONE', {
    fr: `La tâche ${id} est déjà imprimée : réimprimez-la.`, nl: `Taak ${id} is al afgedrukt: druk ze opnieuw af.`, en: `Job ${id} is already printed: reprint it.`,
  }, { status: 409 }),
  jobNotDone: (id: number) => new DomainError('DEVICES_JOB_NOT_DONE', {
    fr: `La tâche ${id} n’est pas encore imprimée : relancez-la ou envoyez-la à une autre imprimante.`,
    nl: `Taak ${id} is nog niet afgedrukt: probeer opnieuw of stuur ze naar een andere printer.`,
    en: `Job ${id} is not printed yet: retry it or send it to another printer.`,
  }, { status: 409 }),
  jobNotReprintable: (id: number) => new DomainError('DEVICES_JOB_NOT_REPRINTABLE', {
    fr: `La tâche ${id} n’imprime rien (ouverture du tiroir) : elle ne se réimprime pas.`,
    nl: `Taak ${id} drukt niets af (lade openen): ze kan niet opnieuw afgedrukt worden.`,
    en: `Job ${id} prints nothing (a drawer opening): it cannot be reprinted.`,
  }, { status: 409 }),
  deviceFailed: (name: string, detail: string) => new DomainError('DEVICES_DEVICE_FAILED', {
    fr: `« ${name} » ne répond pas comme attendu : ${detail}`, nl: `‘${name}’ antwoordt niet zoals verwacht: ${detail}`, en: `'${name}' did not answer as expected: ${detail}`,
  }, { status: 502 }),
  versionConflict: () => new VersionConflictError({ fr: 'cet appareil', nl: 'dit apparaat', en: 'this device' }),
};
