import { AsyncSeriesHook, AsyncSeriesWaterfallHook, SyncHook, SyncWaterfallHook, AsyncParallelHook, AsyncSeriesBailHook, SyncBailHook } from 'tapable';

export { AsyncSeriesHook, AsyncSeriesWaterfallHook, SyncHook, SyncWaterfallHook, AsyncParallelHook, AsyncSeriesBailHook, SyncBailHook };

/**
 * Declares a plugin's hook set, created lazily once per kernel and frozen (webpack's
 * `getCompilationHooks` idiom). Returns the accessor other plugins call with the kernel.
 *
 *   export const getCatalogHooks = defineHooks(() => ({
 *     articleSaved: new AsyncSeriesHook<[ArticleSavedEvent]>(['event']),
 *   }));
 */
export function defineHooks<T extends object>(create: () => T): (host: object) => Readonly<T> {
  const map = new WeakMap<object, Readonly<T>>();
  return (host: object) => {
    let hooks = map.get(host);
    if (!hooks) {
      hooks = Object.freeze(create());
      map.set(host, hooks);
    }
    return hooks;
  };
}
