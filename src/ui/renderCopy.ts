import { fullTextKey, renderKey } from '../core/cacheKey.js';
import { copyFits, type RenderCopy, type RenderStamp } from '../core/renderCopy.js';
import type { Cache } from '../io/cache.js';

// A full text rendered for a terminal, kept in the cache as the entry `render:<id>` (one per paper: a
// render for another width or colour, or of a refreshed text, replaces it).

/**
 * The cached render of a paper's full text when it was made from this very text for this terminal by
 * this papers (every part of the stamp equal, and the entry's fetch time the copy's), else null. The
 * cache checks the copy on reading (core/renderCopy.ts isRenderCopy): its text is colour and printable
 * text only, or it is set aside.
 */
export function readRenderCopy(cache: Cache, id: string, stamp: RenderStamp): string | null {
  const entry = cache.read<RenderCopy>(renderKey(id));
  // writeRenderCopy stamps the entry with the copy's own fetch time: an entry whose time differs was
  // not written by papers (and may claim an age it has not), so it fits nothing and is rendered over.
  return entry !== null && entry.fetchedAt === entry.data.fetchedAt && copyFits(entry.data, stamp) ? entry.data.text : null;
}

/** Keeps a render for the next show; returns why it could not, or null. */
export function writeRenderCopy(cache: Cache, id: string, stamp: RenderStamp, text: string): string | null {
  const copy: RenderCopy = { ...stamp, text };
  // Made from the full text: the eviction after the write keeps it.
  return cache.writeDerived(renderKey(id), copy, stamp.fetchedAt, [fullTextKey(id)]);
}
