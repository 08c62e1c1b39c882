import { defineHooks } from '@comptoir/kernel';
import type { DeviceDriver } from './types.js';

/** The drivers contributed by the enabled driver packages. */
export class DriverRegistry {
  private readonly drivers = new Map<string, DeviceDriver>();

  /** Adds a driver; a name taken twice stops the start with both names. */
  register(driver: DeviceDriver): void {
    if (!/^[a-z][a-z0-9-]{1,39}$/.test(driver.name)) throw new TypeError(`Device driver name '${driver.name}' must be lower-case letters, digits or '-'`);
    if (this.drivers.has(driver.name)) throw new TypeError(`Device driver '${driver.name}' is registered twice`);
    this.drivers.set(driver.name, driver);
  }

  get(name: string): DeviceDriver | undefined {
    return this.drivers.get(name);
  }

  list(): DeviceDriver[] {
    return [...this.drivers.values()];
  }
}

const holder = defineHooks(() => ({ registry: new DriverRegistry() }));

/** The driver registry of a kernel: driver packages call `getDeviceDrivers(kernel).register(driver)` in `register`. */
export const getDeviceDrivers = (kernel: object): DriverRegistry => holder(kernel).registry;
