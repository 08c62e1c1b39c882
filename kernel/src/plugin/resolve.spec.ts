import { describe, expect, it } from 'vitest';
import { KernelError } from '../errors.js';
import { definePlugin, type PluginDefinition } from './define.js';
import { dependentsOf, resolvePlugins } from './resolve.js';

const KERNEL = '0.1.0';

/** A plugin as a package would declare it; only what resolution looks at. */
const plugin = (name: string, extra: Partial<PluginDefinition> = {}): PluginDefinition =>
  definePlugin({ name, version: '1.0.0', kernel: '^0.1.0', ...extra });

/** The error resolution raises, so that tests can look at its code and message. */
function refusal(fn: () => unknown): KernelError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KernelError);
    return e as KernelError;
  }
  throw new Error('expected resolution to be refused');
}

const names = (list: PluginDefinition[]) => list.map((p) => p.name);

describe('resolving the enabled plugins', () => {
  // A grocery with stock and deposits: catalog first, then what needs it.
  const catalog = plugin('catalog');
  const pricing = plugin('pricing', { requires: { catalog: '^1.0.0' } });
  const pos = plugin('pos', { requires: { catalog: '^1.0.0', pricing: '^1.0.0' } });
  const stock = plugin('stock', { requires: { catalog: '^1.0.0' } });
  const deposits = plugin('deposits', { requires: { pos: '^1.0.0' } });
  const installed = [deposits, pos, stock, pricing, catalog];

  it('puts every plugin after what it requires', () => {
    const order = names(resolvePlugins(installed, ['deposits', 'pos', 'stock', 'pricing', 'catalog'], KERNEL));
    expect(order).toHaveLength(5);
    for (const [later, earlier] of [['pricing', 'catalog'], ['pos', 'catalog'], ['pos', 'pricing'], ['stock', 'catalog'], ['deposits', 'pos']]) {
      expect(order.indexOf(earlier), `${earlier} before ${later} in ${order.join(', ')}`).toBeLessThan(order.indexOf(later));
    }
  });

  it('gives the same order whatever order the plugins were installed or enabled in', () => {
    const a = names(resolvePlugins(installed, ['catalog', 'pricing', 'pos', 'stock', 'deposits'], KERNEL));
    const b = names(resolvePlugins([...installed].reverse(), ['deposits', 'stock', 'pos', 'pricing', 'catalog'], KERNEL));
    expect(a).toEqual(b);
  });

  it('leaves out installed plugins the shop did not enable', () => {
    expect(names(resolvePlugins(installed, ['catalog', 'stock'], KERNEL))).toEqual(['catalog', 'stock']);
  });

  it('enables nothing when nothing is enabled', () => {
    expect(resolvePlugins(installed, [], KERNEL)).toEqual([]);
  });

  it('refuses a plugin whose dependency is not installed, naming both', () => {
    const e = refusal(() => resolvePlugins([pricing], ['pricing'], KERNEL));
    expect(e.code).toBe('PLUGIN_MISSING_DEPENDENCY');
    expect(e.message).toBe("Plugin 'pricing' requires plugin 'catalog' (^1.0.0), which is not installed.");
  });

  it('refuses a plugin whose dependency is installed but disabled, and says how to enable it', () => {
    const e = refusal(() => resolvePlugins(installed, ['pricing'], KERNEL));
    expect(e.code).toBe('PLUGIN_MISSING_DEPENDENCY');
    expect(e.message).toBe("Plugin 'pricing' requires plugin 'catalog', which is disabled. Run: comptoir plugins enable catalog");
  });

  it('refuses an enabled plugin that is no longer installed, and says how to disable it', () => {
    const e = refusal(() => resolvePlugins([catalog], ['catalog', 'repairs'], KERNEL));
    expect(e.code).toBe('PLUGIN_UNKNOWN');
    expect(e.message).toContain("Plugin 'repairs' is enabled but not installed");
    expect(e.message).toContain('comptoir plugins disable repairs');
  });

  it('refuses the same plugin installed twice', () => {
    const e = refusal(() => resolvePlugins([catalog, plugin('catalog', { version: '1.1.0' })], ['catalog'], KERNEL));
    expect(e.code).toBe('PLUGIN_DUPLICATE');
    expect(e.message).toContain("'catalog'");
  });

  it.each(['kernel', 'docs', 'users', 'journal'])('refuses a plugin named %s, which the kernel uses for itself', (name) => {
    const e = refusal(() => resolvePlugins([plugin(name)], [], KERNEL));
    expect(e.code).toBe('PLUGIN_NAME_RESERVED');
    expect(e.message).toContain(`Plugin '${name}' cannot be named so: the kernel uses '${name}'`);
  });

  it('refuses a dependency cycle and names the whole path', () => {
    const a = plugin('alpha', { requires: { beta: '*' } });
    const b = plugin('beta', { requires: { gamma: '*' } });
    const c = plugin('gamma', { requires: { alpha: '*' } });
    const e = refusal(() => resolvePlugins([a, b, c], ['alpha', 'beta', 'gamma'], KERNEL));
    expect(e.code).toBe('PLUGIN_CYCLE');
    expect(e.message).toBe('Plugin dependency cycle: alpha → beta → gamma → alpha');
  });

  it('names only the plugins inside the cycle, not those leading to it', () => {
    const entry = plugin('entry', { requires: { left: '*' } });
    const left = plugin('left', { requires: { right: '*' } });
    const right = plugin('right', { requires: { left: '*' } });
    const e = refusal(() => resolvePlugins([entry, left, right], ['entry', 'left', 'right'], KERNEL));
    expect(e.message).toBe('Plugin dependency cycle: left → right → left');
  });

  it('refuses a plugin written for another kernel version', () => {
    const old = plugin('legacy', { version: '2.3.0', kernel: '^0.0.5' });
    const e = refusal(() => resolvePlugins([old], ['legacy'], KERNEL));
    expect(e.code).toBe('PLUGIN_KERNEL_INCOMPATIBLE');
    expect(e.message).toBe("Plugin 'legacy' 2.3.0 needs kernel ^0.0.5, but this kernel is 0.1.0.");
  });

  it('accepts a plugin whose kernel range includes this kernel', () => {
    const wide = plugin('wide', { kernel: '>=0.1.0 <1.0.0' });
    expect(names(resolvePlugins([wide], ['wide'], KERNEL))).toEqual(['wide']);
  });

  it('refuses a dependency whose installed version is outside the required range', () => {
    const oldCatalog = plugin('catalog', { version: '1.4.2' });
    const needsNew = plugin('labels', { requires: { catalog: '^2.0.0' } });
    const e = refusal(() => resolvePlugins([oldCatalog, needsNew], ['catalog', 'labels'], KERNEL));
    expect(e.code).toBe('PLUGIN_DEPENDENCY_VERSION');
    expect(e.message).toBe("Plugin 'labels' requires 'catalog' ^2.0.0, but 'catalog' 1.4.2 is installed.");
  });

  describe('optional dependencies (enhances)', () => {
    // 'aaa-invoicing' sorts before 'zz-repairs', so only the enhances edge can put repairs first.
    const repairs = plugin('zz-repairs');
    const invoicing = plugin('aaa-invoicing', { enhances: ['zz-repairs'] });

    it('orders a plugin after the one it enhances when both are enabled', () => {
      expect(names(resolvePlugins([invoicing, repairs], ['aaa-invoicing', 'zz-repairs'], KERNEL))).toEqual(['zz-repairs', 'aaa-invoicing']);
    });

    it('does not need the enhanced plugin, and does not pull it in, when it is disabled', () => {
      expect(names(resolvePlugins([invoicing, repairs], ['aaa-invoicing'], KERNEL))).toEqual(['aaa-invoicing']);
    });

    it('does not need the enhanced plugin to be installed at all', () => {
      expect(names(resolvePlugins([invoicing], ['aaa-invoicing'], KERNEL))).toEqual(['aaa-invoicing']);
    });
  });
});

describe('plugins that block disabling another', () => {
  const catalog = plugin('catalog');
  const pricing = plugin('pricing', { requires: { catalog: '^1.0.0' } });
  const stock = plugin('stock', { requires: { catalog: '^1.0.0' } });
  const repairs = plugin('repairs', { enhances: ['catalog'] });

  it('are the enabled plugins that require it, not the disabled ones nor those that merely enhance it', () => {
    expect(dependentsOf([catalog, pricing, stock, repairs], ['catalog', 'pricing', 'repairs'], 'catalog')).toEqual(['pricing']);
  });
});
