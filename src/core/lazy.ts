/**
 * A heavy package loaded by the one module that uses it, on first use: `load()` (awaited once, by
 * whatever path gets to it) and then `get()` synchronously, for packages whose API is synchronous
 * (a width, a colour, a parse). Own modules import that module statically; only the package waits.
 */
export interface Lazy<T> {
  load(): Promise<T>;
  /** The loaded package; calling it before `load()` resolved is a bug in papers, and says which. */
  get(): T;
}

/** `importer` must be a literal `() => import('name')`, so that the build can point it at the vendor bundle. */
export function lazy<T>(name: string, importer: () => Promise<T>): Lazy<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load: async () => (loaded ??= await (loading ??= importer())),
    get: () => {
      if (loaded === undefined) throw new Error(`${name} was used before it was loaded (await its load() first)`);
      return loaded;
    },
  };
}
