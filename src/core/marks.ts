import { addDays } from './dates.js';
import { isArxivId } from './ref.js';
import { isObject } from './coerce.js';

/**
 * What the reader has seen and read, grouped by the day (New York, YYYY-MM-DD) each id was marked,
 * and the newest day the last `papers new` covered. Read implies seen.
 */
export interface Marks {
  seen: MarkSet;
  read: MarkSet;
  newThrough: string | null;
}

/** What a list needs to know of the marks. */
export interface MarkView {
  isSeen(id: string): boolean;
  isRead(id: string): boolean;
}

/**
 * Ids marked, grouped by the day they were marked: the file's own shape, kept as it is read. A year
 * of marks is ~18,000 ids, and a step per id in JavaScript costs ~1-2 µs here (such loops run once
 * per process, unoptimised): so the ids are checked a day at a time by one regular expression, looked
 * up in a Set that the engine builds from the arrays in one call, and written as the arrays they are.
 */
class MarkSet {
  /** Day → the ids marked that day, in the order they were marked. Never changed: a change makes a new set. */
  readonly days: ReadonlyMap<string, readonly string[]>;
  #ids: Set<string> | undefined;

  constructor(days: ReadonlyMap<string, readonly string[]> = new Map()) {
    this.days = days;
  }

  /** Whether the id is marked (on any day). */
  has(id: string): boolean {
    return this.#lookup().has(id);
  }

  /** How many ids are marked. */
  get size(): number {
    return this.#lookup().size;
  }

  #lookup(): Set<string> {
    if (this.#ids) return this.#ids;
    const ids = new Set<string>();
    // Set's own add, called by the array's own forEach: no step in JavaScript per id, and no spread of
    // every day into one call's arguments (a planted file of 300,000 days overflowed that).
    for (const marked of this.days.values()) marked.forEach(ids.add, ids);
    return (this.#ids = ids);
  }

  /** These marks and `ids` marked on `day`, but for those already marked (on any day), which keep theirs. */
  with(ids: readonly string[], day: string): MarkSet {
    const added = [...new Set(ids)].filter((id) => !this.has(id));
    if (added.length === 0) return this;
    const days = new Map(this.days);
    days.set(day, [...(days.get(day) ?? []), ...added]);
    return new MarkSet(days);
  }

  /** These marks without `ids`. */
  without(ids: readonly string[]): MarkSet {
    if (!ids.some((id) => this.has(id))) return this;
    const drop = new Set(ids);
    const days = new Map<string, readonly string[]>();
    for (const [day, marked] of this.days) {
      const kept = marked.filter((id) => !drop.has(id));
      if (kept.length > 0) days.set(day, kept);
    }
    return new MarkSet(days);
  }

  /** The marks made on `oldest` or after. */
  since(oldest: string): MarkSet {
    const days = [...this.days].filter(([day]) => day >= oldest);
    // Usually no mark is that old: then nothing is copied.
    return days.length === this.days.size ? this : new MarkSet(new Map(days));
  }

  /** The file's shape: the ids of each day, days in order. */
  toJSON(): Record<string, readonly string[]> {
    return Object.fromEntries([...this.days].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

export const NO_MARKS: Marks = { seen: new MarkSet(), read: new MarkSet(), newThrough: null };

/** Marks older than this many days are dropped at the next write. */
const KEEP_DAYS = 366;

/** Marks the ids seen on `day` (a mark already there keeps its day). */
export function withSeen(marks: Marks, ids: readonly string[], day: string): Marks {
  const seen = marks.seen.with(ids, day);
  return seen === marks.seen ? marks : { ...marks, seen };
}

/** Marks the ids read (and so seen) on `day`, or takes their read mark away (`read` false; they stay seen). */
export function withRead(marks: Marks, ids: readonly string[], read: boolean, day: string): Marks {
  if (!read) return { ...marks, read: marks.read.without(ids) };
  return { ...withSeen(marks, ids, day), read: marks.read.with(ids, day) };
}

/** Drops marks made more than a year before `today`. */
export function pruned(marks: Marks, today: string): Marks {
  const oldest = addDays(today, -KEEP_DAYS);
  return { seen: marks.seen.since(oldest), read: marks.read.since(oldest), newThrough: marks.newThrough };
}

/**
 * The file's shape: ids grouped by the day they were marked, which keeps a year of marks small
 * (one short string per paper) and pruning a matter of dropping keys.
 */
export function marksToJson(marks: Marks): string {
  return `${JSON.stringify({ version: 1, newThrough: marks.newThrough, seen: marks.seen, read: marks.read })}\n`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A day's ids as JSON text when every one is a new-style arXiv id exactly as isArxivId accepts it
 * (a month 01-12 from 0704; four digits after the dot through 1412, five after): the common case,
 * checked in one match. Anything else (an old-style id, or something planted) is checked id by id.
 */
const NEW_ID = '(?:(?:07(?:0[4-9]|1[0-2])|(?:0[89]|1[0-3])(?:0[1-9]|1[0-2])|14(?:0[1-9]|1[0-2]))\\.\\d{4}|(?:1[5-9]|[2-9]\\d)(?:0[1-9]|1[0-2])\\.\\d{5})';
const NEW_IDS = new RegExp(`^\\[(?:"${NEW_ID}"(?:,"${NEW_ID}")*)?\\]$`);

/** The ids of one day of a file that are ids, in their order. */
function checkedIds(ids: unknown[]): string[] {
  try {
    if (NEW_IDS.test(JSON.stringify(ids))) return ids as string[];
  } catch {
    // a day of a million ids (a planted file) overflows the expression: checked id by id below
  }
  return ids.filter((id): id is string => typeof id === 'string' && isArxivId(id));
}

/**
 * The marks in a parsed file, or null when it is not a marks file at all. Ids and days that do not
 * validate are dropped: the file sits in a directory other programs may write to.
 */
export function marksFrom(raw: unknown): Marks | null {
  if (!isObject(raw) || raw.version !== 1) return null;
  const days = (value: unknown): MarkSet => {
    const out = new Map<string, readonly string[]>();
    if (!isObject(value)) return new MarkSet(out);
    for (const [day, ids] of Object.entries(value)) {
      if (!DAY.test(day) || !Array.isArray(ids)) continue;
      const checked = checkedIds(ids);
      if (checked.length > 0) out.set(day, checked);
    }
    return new MarkSet(out);
  };
  const newThrough = typeof raw.newThrough === 'string' && DAY.test(raw.newThrough) ? raw.newThrough : null;
  return { seen: days(raw.seen), read: days(raw.read), newThrough };
}
