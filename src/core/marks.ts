import { addDays } from './dates.js';
import { isArxivId } from './ref.js';
import { isObject } from './coerce.js';

/**
 * What the reader has seen and read, each id with the day it was marked (New York days, YYYY-MM-DD),
 * and the newest day the last `papers new` covered. Read implies seen.
 */
export interface Marks {
  seen: ReadonlyMap<string, string>;
  read: ReadonlyMap<string, string>;
  newThrough: string | null;
}

/** What a list needs to know of the marks. */
export interface MarkView {
  isSeen(id: string): boolean;
  isRead(id: string): boolean;
}

export const NO_MARKS: Marks = { seen: new Map(), read: new Map(), newThrough: null };

/** Marks older than this many days are dropped at the next write. */
const KEEP_DAYS = 366;

// The loops over every mark are indexed or forEach, not for-of: run once per process, they run
// unoptimised, where each step of an iterator (and each [key, value] of a Map) is a new object, and a
// year of marks is thousands of them.

/** A copy of a map of marks, without an entry array per mark (as `new Map(m)` makes). */
function copied(m: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  m.forEach((day, id) => out.set(id, day));
  return out;
}

/** Marks the ids seen on `day` (a mark already there keeps its day). */
export function withSeen(marks: Marks, ids: readonly string[], day: string): Marks {
  const seen = copied(marks.seen);
  for (let i = 0; i < ids.length; i++) if (!seen.has(ids[i]!)) seen.set(ids[i]!, day);
  return { ...marks, seen };
}

/** Marks the ids read (and so seen) on `day`, or takes their read mark away (`read` false; they stay seen). */
export function withRead(marks: Marks, ids: readonly string[], read: boolean, day: string): Marks {
  const next = copied(marks.read);
  for (const id of ids) {
    if (read) next.set(id, day);
    else next.delete(id);
  }
  return { ...(read ? withSeen(marks, ids, day) : marks), read: next };
}

/** Drops marks made more than a year before `today`. */
export function pruned(marks: Marks, today: string): Marks {
  const oldest = addDays(today, -KEEP_DAYS);
  const keep = (m: ReadonlyMap<string, string>): ReadonlyMap<string, string> => {
    let old = false;
    m.forEach((day) => {
      old ||= day < oldest;
    });
    // Usually no mark is a year old: then nothing is copied.
    if (!old) return m;
    const out = new Map<string, string>();
    m.forEach((day, id) => {
      if (day >= oldest) out.set(id, day);
    });
    return out;
  };
  return { seen: keep(marks.seen), read: keep(marks.read), newThrough: marks.newThrough };
}

/**
 * The file's shape: ids grouped by the day they were marked, which keeps a year of marks small
 * (one short string per paper) and pruning a matter of dropping keys.
 */
export function marksToJson(marks: Marks): string {
  const group = (m: ReadonlyMap<string, string>) => {
    const out: Record<string, string[]> = {};
    m.forEach((day, id) => (out[day] ??= []).push(id));
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  };
  return `${JSON.stringify({ version: 1, newThrough: marks.newThrough, seen: group(marks.seen), read: group(marks.read) })}\n`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The marks in a parsed file, or null when it is not a marks file at all. Ids and days that do not
 * validate are dropped: the file sits in a directory other programs may write to.
 */
export function marksFrom(raw: unknown): Marks | null {
  if (!isObject(raw) || raw.version !== 1) return null;
  const ungroup = (value: unknown): Map<string, string> => {
    const out = new Map<string, string>();
    if (!isObject(value)) return out;
    for (const [day, ids] of Object.entries(value)) {
      if (!DAY.test(day) || !Array.isArray(ids)) continue;
      for (let i = 0; i < ids.length; i++) {
        const id: unknown = ids[i];
        if (typeof id === 'string' && isArxivId(id) && !out.has(id)) out.set(id, day);
      }
    }
    return out;
  };
  const newThrough = typeof raw.newThrough === 'string' && DAY.test(raw.newThrough) ? raw.newThrough : null;
  return { seen: ungroup(raw.seen), read: ungroup(raw.read), newThrough };
}
