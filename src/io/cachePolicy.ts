import { NetworkError, PapersError, FeedError, EXIT } from '../core/errors.js';
import { ago } from '../core/freshness.js';
import type { Cache, CacheEntry } from './cache.js';

/** Nothing cached for what `--offline` asked: exit 1, with what to do. */
export class CacheMissError extends PapersError {
  constructor(what: string) {
    super(`nothing cached for ${what}`, EXIT.failure, 'run it once without --offline to fetch it');
    this.name = 'CacheMissError';
  }
}

export interface LoadOptions {
  cache: Cache;
  now: () => number;
  offline: boolean;
  refresh: boolean;
  warn: (message: string) => void;
}

export interface Loaded<T> {
  data: T;
  fetchedAt: number;
}

/**
 * The cache rules in one place: a fresh entry is used without a request; else `elsewhere` may know the
 * data without the network (a paper inside a cached list); `--offline` never fetches; when a fetch
 * fails, an entry of any age is shown with a warning instead.
 */
export async function cached<T>(
  opts: LoadOptions,
  key: string,
  what: string,
  ttl: number,
  fetch: () => Promise<T>,
  elsewhere?: () => T | null,
): Promise<Loaded<T>> {
  const entry = opts.cache.read<T>(key);
  const now = opts.now();
  if (entry && !opts.refresh && now - entry.fetchedAt >= 0 && now - entry.fetchedAt < ttl) return fromEntry(entry);
  const known = opts.refresh ? null : (elsewhere?.() ?? null);
  if (known !== null) return { data: known, fetchedAt: now };
  if (opts.offline) {
    if (!entry) throw new CacheMissError(what);
    return fromEntry(entry);
  }
  try {
    const data = await fetch();
    const fetchedAt = opts.now();
    await opts.cache.write(key, data, fetchedAt);
    return { data, fetchedAt };
  } catch (error) {
    if (!entry || !(error instanceof NetworkError || error instanceof FeedError)) throw error;
    opts.warn(`showing ${what} cached ${ago(now - entry.fetchedAt)}: ${error.message}`);
    return fromEntry(entry);
  }
}

function fromEntry<T>(entry: CacheEntry<T>): Loaded<T> {
  return { data: entry.data, fetchedAt: entry.fetchedAt };
}
