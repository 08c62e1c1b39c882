import { DomainError, type PluginContext, type RouteRegistrar } from '@comptoir/kernel';
import { DeviceErrors } from '../messages.js';
import type { DeviceService } from '../services/device.service.js';
import type { DeviceStatuses } from '../services/device-status.js';
import { DeviceError } from '../types.js';
import { idParams } from './schemas.js';

/** A scale's refusals: what the cashier reads, with a stable code. */
export const ScaleErrors = {
  notAScale: (name: string) => new DomainError('SCALE_NOT_A_SCALE', {
    fr: `« ${name} » n’est pas une balance.`, nl: `‘${name}’ is geen weegschaal.`, en: `'${name}' is not a scale.`,
  }, { status: 422 }),
  motion: (name: string) => new DomainError('SCALE_MOTION', {
    fr: `Le poids ne se stabilise pas sur « ${name} » : laissez l’article immobile sur le plateau et pesez à nouveau.`,
    nl: `Het gewicht op ‘${name}’ wordt niet stabiel: laat het artikel stil op de schaal liggen en weeg opnieuw.`,
    en: `The weight on '${name}' does not settle: leave the article still on the pan and weigh again.`,
  }, { status: 409 }),
  overload: (name: string) => new DomainError('SCALE_OVERLOAD', {
    fr: `« ${name} » est en surcharge : l’article dépasse la portée de la balance.`,
    nl: `‘${name}’ is overbelast: het artikel is zwaarder dan het weegbereik.`,
    en: `'${name}' is overloaded: the article is heavier than the scale’s capacity.`,
  }, { status: 422 }),
  underZero: (name: string) => new DomainError('SCALE_UNDER_ZERO', {
    fr: `« ${name} » indique un poids négatif : videz le plateau et remettez la balance à zéro.`,
    nl: `‘${name}’ geeft een negatief gewicht: maak de schaal leeg en zet ze op nul.`,
    en: `'${name}' shows a negative weight: empty the pan and zero the scale.`,
  }, { status: 422 }),
  noAnswer: (name: string) => new DomainError('SCALE_NO_ANSWER', {
    fr: `« ${name} » ne répond pas : vérifiez qu’elle est allumée et son câble.`,
    nl: `‘${name}’ antwoordt niet: controleer of ze aanstaat en de kabel.`,
    en: `'${name}' does not answer: check it is on and its cable.`,
  }, { status: 504 }),
};

/** `POST /api/devices/:id/weigh`: the till asks a scale for a stable weight (a weighed article). */
export function weighRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const devices = container.resolve<DeviceService>('devices');
  const statuses = container.resolve<DeviceStatuses>('devicesStatuses');

  r.post<{ Params: { id: number }; Body: { timeoutMs?: number } }>('/:id/weigh', {
    permission: 'pos.sell',
    summary: 'Reads a stable weight from a scale: { weight (thousandths of kg), stable: true }, or SCALE_MOTION, SCALE_OVERLOAD, SCALE_UNDER_ZERO, SCALE_NO_ANSWER',
    schema: {
      params: idParams,
      body: { type: 'object', additionalProperties: false, properties: { timeoutMs: { type: 'integer', minimum: 200, maximum: 30_000 } } },
    },
    handler: async (req, ctx) => {
      const device = await devices.get(ctx.em, req.params.id);
      const driver = devices.driverOf(device);
      if (device.kind !== 'scale' || !driver.weigh) throw ScaleErrors.notAScale(device.name);
      try {
        const read = await driver.weigh(device, { timeoutMs: req.body?.timeoutMs ?? 5000 });
        statuses.set(device, 'online');
        return read;
      } catch (e) {
        const err = e instanceof DeviceError ? e : new DeviceError('DEVICE_ERROR', 'error', (e as Error).message);
        statuses.set(device, err.code === 'SCALE_MOTION' || err.code === 'SCALE_OVERLOAD' || err.code === 'SCALE_UNDER_ZERO' ? 'online' : err.state, err.message);
        switch (err.code) {
          case 'SCALE_MOTION': throw ScaleErrors.motion(device.name);
          case 'SCALE_OVERLOAD': throw ScaleErrors.overload(device.name);
          case 'SCALE_UNDER_ZERO': throw ScaleErrors.underZero(device.name);
          case 'DEVICE_NO_ANSWER': case 'DEVICE_OFFLINE': throw ScaleErrors.noAnswer(device.name);
          default: throw DeviceErrors.deviceFailed(device.name, err.message);
        }
      }
    },
  });
}
