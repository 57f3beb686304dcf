import { isRenderCopy } from '../core/renderCopy.js';
import { isDayOrNull, isPaper, isPaperList } from '../core/validPaper.js';

// The cache's names: which kinds of entry papers writes, what data each holds, and how a key
// becomes a file name (and a file name is known to be papers' own).

/** The kinds of entry papers writes; a file whose name starts with anything else is not papers'. */
const ENTRY_KINDS = ['day', 'latest', 'week', 'month', 'search', 'paper', 'fulltext', 'render', 'trending'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * What each kind's data must be when read back: the directory may be shared, so an entry is checked
 * field by field (core/validPaper.ts) and one of the wrong shape is set aside like a corrupt one.
 */
export const DATA_CHECKS: Record<EntryKind, (data: unknown) => boolean> = {
  day: isPaperList,
  week: isPaperList,
  month: isPaperList,
  search: isPaperList,
  paper: isPaper,
  latest: isDayOrNull,
  // A paper's full text is the markdown as served: any string (it is cleaned where it is printed).
  fulltext: (data) => typeof data === 'string',
  // A full text rendered for a terminal: what it was made from and for, and a text of colour and printable text only.
  render: isRenderCopy,
  trending: isPaperList,
};

/**
 * The readable name of each kind, exactly: a file named otherwise (`day-notes.json`, `search-x.json`)
 * is not papers'. Search keys are free text, so they are always hashed.
 */
const READABLE_REST: Record<EntryKind, RegExp | null> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  latest: /^\d{4}-\d{2}-\d{2}$/,
  week: /^\d{4}-W\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  paper: /^\d{4}\.\d{4,5}$/,
  search: null,
  fulltext: /^\d{4}\.\d{4,5}$/,
  render: /^\d{4}\.\d{4,5}$/,
  trending: /^\d{1,2}$/,
};
export const READABLE = /^([a-z]+)-([0-9A-Za-z.-]{1,80})$/;
const HASHED = /^([a-z]+)_([0-9a-f]{32})$/;

/**
 * A file name for a key: readable when the key is plain (`day:2026-11-27` is `day-2026-11-27`), else
 * `<kind>_<hash>`. The two never meet (a readable name has no `_`), and neither is ever a path.
 */
export function entryName(key: string): string {
  const kind = /^[a-z]+(?=:)/.exec(key)?.[0] ?? 'entry';
  const rest = key.slice(kind.length + 1);
  if (isKind(kind) && READABLE_REST[kind]?.test(rest)) return `${kind}-${rest}`;
  return `${kind}_${hash128(key)}`;
}

function isKind(kind: string): kind is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(kind);
}

/** The kind of an entry file name (without `.json`) that papers would write, else null. */
export function ownKind(name: string): EntryKind | null {
  const readable = READABLE.exec(name);
  if (readable) {
    const kind = readable[1]!;
    return isKind(kind) && READABLE_REST[kind]?.test(readable[2]!) ? kind : null;
  }
  const kind = HASHED.exec(name)?.[1];
  return kind !== undefined && isKind(kind) ? kind : null;
}

/**
 * 128 bits of FNV-1a over the key's UTF-16 units, four lanes with different offsets, as hex. A name,
 * not a secret: node:crypto would cost ~5 ms at every start for it. The entry also stores its key,
 * and a file whose key is not the one asked for is set aside, never used.
 */
function hash128(key: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul((lanes[l]! ^ c) + l, 0x01000193) >>> 0;
  }
  return lanes.map((h) => h.toString(16).padStart(8, '0')).join('');
}
