import type { AwilixContainer, Resolver } from 'awilix';
import { KernelError } from '../errors.js';

/** The prefix of every container name a plugin registers: its name in camel case ('shop-notes' → 'shopNotes'). */
export function containerPrefix(plugin: string): string {
  return plugin.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Whether `name` carries the plugin's prefix: the prefix itself, or the prefix followed by a capital or digit. */
function hasPrefix(name: string, prefix: string): boolean {
  return name === prefix || (name.startsWith(prefix) && /[A-Z0-9]/.test(name[prefix.length]));
}

/**
 * Who registered each name of the root container. The kernel's own services are claimed by 'kernel'; a
 * second claim of a name stops the start with a message naming both owners.
 */
export class ContainerNames {
  private readonly owners = new Map<string, string>();

  claim(name: string, owner: string): void {
    const first = this.owners.get(name);
    if (first !== undefined) {
      throw new KernelError('CONTAINER_NAME_TAKEN', first === owner
        ? `Plugin '${owner}' registers '${name}' in the container twice.`
        : `Plugins '${first}' and '${owner}' both register '${name}' in the container: a name has one owner. Rename it in '${owner}'.`);
    }
    this.owners.set(name, owner);
  }

  /** The name's owner, if registered. */
  ownerOf(name: string): string | undefined {
    return this.owners.get(name);
  }
}

/**
 * The root container as one plugin sees it: it resolves everything, but registers only names carrying the
 * plugin's prefix and not yet taken. Scopes created from it are ordinary request scopes.
 */
export function pluginContainer(root: AwilixContainer, plugin: string, names: ContainerNames): AwilixContainer {
  const prefix = containerPrefix(plugin);
  const register = (arg1: string | symbol | Record<string | symbol, Resolver<unknown>>, arg2?: Resolver<unknown>) => {
    const entries = typeof arg1 === 'object' ? arg1 : { [arg1]: arg2 as Resolver<unknown> };
    for (const name of Object.keys(entries)) {
      if (!hasPrefix(name, prefix)) {
        throw new KernelError('CONTAINER_NAME_PREFIX',
          `Plugin '${plugin}' registers '${name}' in the container: its names must start with '${prefix}' (e.g. '${prefix}${name[0].toUpperCase()}${name.slice(1)}').`);
      }
      names.claim(name, plugin);
    }
    root.register(entries as Record<string, Resolver<unknown>>);
    return guarded;
  };
  const guarded: AwilixContainer = new Proxy(root, {
    get(target, prop) {
      if (prop === 'register') return register;
      if (prop === 'loadModules') {
        return () => {
          throw new KernelError('CONTAINER_LOAD_MODULES', `Plugin '${plugin}': register services by name with container.register, not loadModules.`);
        };
      }
      return Reflect.get(target, prop, target);
    },
  });
  return guarded;
}
