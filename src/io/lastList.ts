import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isArxivId } from '../core/ref.js';

import type { Context } from '../context.js';
import { LAST_LIST as FILE } from './cache.js';
import { readOwnFile, writeFileAtomic } from './safeFile.js';

/** The ids of the last list shown, so `papers show 3` means row 3 of it. Kept beside the cache, never in the settings. */
export interface LastList {
  ids: (string | null)[];
  at: number;
}

/** An id of the row file, checked like a feed's: the file sits where anyone may plant one. Else null. */
const checked = (id: unknown): string | null => (typeof id === 'string' && isArxivId(id) ? id : null);

/** A row file is ids only: even a list of 100,000 papers is far below this. */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * Reads the remembered list, every id checked (a bad one reads as a row without an id); null when
 * there is none or it is unreadable (a link, a FIFO, too big, not the right shape).
 */
export function recallList(cacheDir: string): LastList | null {
  const got = readOwnFile(join(cacheDir, FILE), MAX_BYTES);
  if (got.kind !== 'ok') return null;
  try {
    const value = JSON.parse(got.text) as LastList;
    if (!Array.isArray(value.ids) || !value.ids.every((id) => id === null || typeof id === 'string')) return null;
    return { ids: value.ids.map(checked), at: value.at };
  } catch {
    return null;
  }
}

/**
 * Remembers a list's ids. Written only when they changed, by the checked atomic write (a temp file,
 * then rename over): this runs after every list, and loading conf for it would cost every cache hit.
 * A failure is silent: the row file is a convenience.
 */
function rememberList(cacheDir: string, ids: (string | null)[], now: number): void {
  const previous = recallList(cacheDir);
  if (previous && previous.ids.length === ids.length && previous.ids.every((id, i) => id === ids[i])) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileAtomic(join(cacheDir, FILE), JSON.stringify({ ids, at: now } satisfies LastList));
  } catch {
    // not remembered: `show 3` will say there is no list
  }
}

/**
 * Remembers the rows a person is looking at: call it only for a list shown in a table on a terminal
 * (or in the interactive reader). An empty list leaves the rows of the last one alone.
 */
export function rememberRows(ctx: Pick<Context, 'cache' | 'now'>, papers: readonly { id: string | null }[]): void {
  if (papers.length === 0) return;
  rememberList(
    ctx.cache().dir,
    papers.map((p) => p.id),
    ctx.now().getTime(),
  );
}
