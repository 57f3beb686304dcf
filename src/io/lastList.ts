import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArxivId } from '../core/ref.js';

import { LAST_LIST as FILE } from './cache.js';

/** The ids of the last list shown, so `papers show 3` means row 3 of it. Kept beside the cache, never in the settings. */
export interface LastList {
  ids: (string | null)[];
  at: number;
}

/** An id of the row file, checked like a feed's: the file sits where anyone may plant one. Else null. */
const checked = (id: unknown): string | null => (typeof id === 'string' && parseArxivId(id)?.id === id ? id : null);

/** Reads the remembered list, every id checked (a bad one reads as a row without an id); null when there is none or it is unreadable. */
export function recallList(cacheDir: string): LastList | null {
  try {
    const value = JSON.parse(readFileSync(join(cacheDir, FILE), 'utf8')) as LastList;
    if (!Array.isArray(value.ids) || !value.ids.every((id) => id === null || typeof id === 'string')) return null;
    return { ids: value.ids.map(checked), at: value.at };
  } catch {
    return null;
  }
}

/**
 * Remembers a list's ids. Written only when they changed, by a plain atomic rename (a temp file, then
 * rename over): this runs after every list, and loading conf for it would cost every cache hit.
 */
export function rememberList(cacheDir: string, ids: (string | null)[], now: number): void {
  const previous = recallList(cacheDir);
  if (previous && previous.ids.length === ids.length && previous.ids.every((id, i) => id === ids[i])) return;
  const file = join(cacheDir, FILE);
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(temp, JSON.stringify({ ids, at: now } satisfies LastList), { flag: 'wx' });
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
