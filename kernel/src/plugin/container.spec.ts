import { describe, expect, it } from 'vitest';
import { asValue, createContainer, InjectionMode } from 'awilix';
import { ContainerNames, containerPrefix, pluginContainer } from './container.js';

describe('container names of plugins', () => {
  it('prefixes with the plugin name in camel case', () => {
    expect(containerPrefix('catalog')).toBe('catalog');
    expect(containerPrefix('shop-notes')).toBe('shopNotes');
    expect(containerPrefix('device-escpos-2')).toBe('deviceEscpos2');
  });

  it('registers through the plugin’s view and resolves everything from the root', () => {
    const root = createContainer({ injectionMode: InjectionMode.PROXY, strict: true });
    const names = new ContainerNames();
    root.register({ clock: asValue('horloge') });
    names.claim('clock', 'kernel');
    const view = pluginContainer(root, 'stock', names);
    view.register({ stockLevels: asValue(12) }).register('stockMoves', asValue([]));
    expect(root.resolve('stockLevels')).toBe(12);
    expect(view.resolve('clock')).toBe('horloge');
    expect(view.resolve('stockMoves')).toEqual([]);
    expect(names.ownerOf('stockLevels')).toBe('stock');
    expect(() => view.register('levels', asValue(1))).toThrow("Plugin 'stock' registers 'levels' in the container: its names must start with 'stock' (e.g. 'stockLevels').");
    expect(() => view.register('stockLevels', asValue(1))).toThrow("Plugin 'stock' registers 'stockLevels' in the container twice.");
    expect(root.resolve('stockLevels')).toBe(12);
  });
});
