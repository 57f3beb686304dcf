import { NetworkError, PapersError, FeedError, EXIT, TokenRefusedError } from '../core/errors.js';
import { ago, isFresh } from '../core/freshness.js';
import type { Net } from '../core/listOptions.js';
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
  /** `--verbose`: where the data came from. */
  debug: (message: string) => void;
  /** Takes the warning of a cache fallback, when the caller says many of them in one. */
  onStale?: Net['onStale'];
  /** A list from the cache may come lean (Net's lean). */
  lean?: boolean;
}

export interface Loaded<T> {
  data: T;
  fetchedAt: number;
}

/** Data known without the network, and where it was found (for `--verbose`). */
export interface Found<T> {
  data: T;
  from: string;
}

/** What a fetch returns when its answer is a stand-in that must not be cached as the real thing. */
export class Uncached<T> {
  constructor(readonly data: T) {}
}

/**
 * The cache rules in one place: a fresh entry is used without a request; else `elsewhere` may know the
 * data without the network (a paper inside a cached list); `--offline` never fetches; when a fetch
 * fails, an entry of any age is shown with a warning instead. A fetch's `Uncached` answer is shown but
 * not written, so the next run asks again. `fetch` is given `whileWaiting`, to call when it has its
 * requests out and nothing to do but wait: it loads what the write after it needs.
 */
export async function cached<T>(
  opts: LoadOptions,
  key: string,
  what: string,
  ttl: number,
  fetch: (whileWaiting: () => void) => Promise<T | Uncached<T>>,
  elsewhere?: () => Promise<Found<T> | null> | Found<T> | null,
): Promise<Loaded<T>> {
  const entry = opts.cache.read<T>(key, { lean: opts.lean === true });
  const now = opts.now();
  if (entry && fresh(opts, entry.fetchedAt, ttl, now)) return fromEntry(opts, key, what, entry, now);
  const known = opts.refresh ? null : ((await elsewhere?.()) ?? null);
  if (known !== null) {
    opts.debug(`${what}: from ${known.from}`);
    return { data: known.data, fetchedAt: now };
  }
  if (opts.offline) {
    if (!entry) throw new CacheMissError(what);
    return fromEntry(opts, key, what, entry, now);
  }
  try {
    const got = await fetch(() => opts.cache.prepareWrite());
    const fetchedAt = opts.now();
    if (got instanceof Uncached) return { data: got.data, fetchedAt };
    await opts.cache.write(key, got, fetchedAt);
    return { data: got, fetchedAt };
  } catch (error) {
    // Nothing cached: a hint to try --offline would only lead to "nothing cached".
    if (!entry && error instanceof NetworkError && !(error instanceof TokenRefusedError)) throw error.uncached();
    if (!entry || !(error instanceof NetworkError || error instanceof FeedError)) throw error;
    if (opts.onStale) opts.onStale({ what, fetchedAt: entry.fetchedAt, reason: error.message });
    else opts.warn(`showing ${what} cached ${ago(now - entry.fetchedAt)}: ${error.message}`);
    return fromEntry(opts, key, what, entry, now);
  }
}

/** An entry fetched at this time is used without a request (unless --refresh). */
function fresh(opts: LoadOptions, fetchedAt: number, ttl: number, now: number): boolean {
  return !opts.refresh && isFresh(now - fetchedAt, ttl);
}

/**
 * Whether cached() would answer with the entry of `key` as it is (fresh, or --offline), with no other
 * source of its data, and `spare` accepts the entry's bytes: then the caller need not have it parsed.
 */
export function entrySpared(opts: LoadOptions, key: string, ttl: number, spare: (json: Buffer) => boolean): boolean {
  const peeked = opts.cache.peek(key);
  return peeked !== null && (opts.offline || fresh(opts, peeked.fetchedAt, ttl, opts.now())) && spare(peeked.bytes);
}

function fromEntry<T>(opts: LoadOptions, key: string, what: string, entry: CacheEntry<T>, now: number): Loaded<T> {
  opts.debug(`${what}: cache entry ${key}, fetched ${ago(now - entry.fetchedAt)}`);
  return { data: entry.data, fetchedAt: entry.fetchedAt };
}
