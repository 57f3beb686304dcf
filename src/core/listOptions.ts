import { oneOf as pickOne, wholeNumber as readWhole } from './coerce.js';
import { UsageError } from './errors.js';
import { pattern, readsText, type Filters } from './filter.js';
import { DEFAULT_TABLE_COLUMNS, FIELD_FORMATS, FORMATS, type Format, type TableColumn } from './formats.js';
import { FIELDS, type Field } from './paper.js';
import { SORT_KEYS, type ListSortKey, type SortKey } from './rank.js';
import type { Settings } from './settings.js';
import { compileWatch, type CompiledWatch, type Watch } from './watch.js';
import type { MarkView } from './marks.js';

/** The defaults of the list and network options: help, settings and parsing all read them here. */
export const DEFAULTS = { limit: 30, sort: 'upvotes', timeout: 20_000 } as const satisfies { limit: number; sort: SortKey; timeout: number };

/** Option values as either parser hands them over: camelCase keys, strings, booleans, lists. */
export type RawOptions = Readonly<Record<string, string | readonly string[] | boolean | undefined>>;

/** The network options of every command that may fetch. */
export interface Net {
  offline: boolean;
  refresh: boolean;
  timeout: number;
  /**
   * Set for a list that shows and matches no abstract, author list or link (needsWholePapers): a list
   * from the cache is then read without them (core/leanList.ts). Unset everywhere else: `show`, the
   * reader and the counts of `watch ls` read whole entries.
   */
  lean?: boolean;
  /**
   * Set by a command that loads many lists at once: each list shown from the cache because its fetch
   * failed comes here, to be said in one warning for them all (see staleTogether), not one each.
   */
  onStale?: (fallback: StaleFallback) => void;
}

/** A list shown from the cache because fetching it failed: what it is, when it was cached, why. */
export interface StaleFallback {
  what: string;
  fetchedAt: number;
  reason: string;
}

export interface ListOptions extends Net {
  limit: number;
  filters: Filters;
  sort: ListSortKey;
  reverse: boolean;
  format: Format | undefined;
  fields: Field[] | undefined;
  /** The fields of this list's JSON and CSV when --fields does not name them (`saved` adds savedAt). */
  allFields: readonly Field[];
  /** Columns of the terminal table. */
  columns: readonly TableColumn[];
  /**
   * The interactive reader: `asked` with -i (a terminal is then required), `setting` when the
   * `interactive` setting wants it (on a terminal only), `no` otherwise.
   */
  interactive: 'asked' | 'setting' | 'no';
  /** `--unseen`, `--unread`, `--watched`: filters on the reader's state. */
  only: { unseen: boolean; unread: boolean; watched: boolean };
  /** The saved watches, whose names every listed paper carries. */
  watches: CompiledWatch[];
  /** The marks, given when `only` needs them (reading them costs a file). */
  marks?: MarkView;
}

/** What a lean list is read without (core/leanList.ts). */
const LEAN_DROPS: readonly Field[] = ['summary', 'authors', 'url', 'arxivUrl', 'pdfUrl'];

/**
 * Whether a list reads what a lean list is read without: abstracts, author lists or links. It does to
 * show them (every format but a table or TSV, `--fields` naming one, the interactive reader) or to
 * match them (`--grep` and `--exclude` read the abstract, `--author` the authors, and so do watches
 * with those rules). When it does not, a list from the cache is read lean (Net's lean).
 */
export function needsWholePapers(opts: Pick<ListOptions, 'format' | 'fields' | 'interactive' | 'filters' | 'watches'>): boolean {
  if (opts.interactive !== 'no') return true;
  if (opts.format !== undefined && opts.format !== 'table' && opts.format !== 'tsv') return true;
  if (opts.fields?.some((f) => LEAN_DROPS.includes(f))) return true;
  const reads = (f: Filters) => readsText(f) || f.author.length > 0;
  return reads(opts.filters) || opts.watches.some((w) => reads(w.filters));
}

/** A string option's value (the last one when repeated); undefined when not given. */
export function stringOption(raw: RawOptions, key: string): string | undefined {
  const v = raw[key];
  return typeof v === 'string' ? v : Array.isArray(v) ? v.at(-1) : undefined;
}

/** A repeatable option's values in order. */
export function listOption(raw: RawOptions, key: string): string[] {
  const v = raw[key];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? [...(v as readonly string[])] : [];
}

/** A flag: true when given. */
export function flagOption(raw: RawOptions, key: string): boolean {
  return raw[key] === true;
}

/** A whole number within bounds, or a usage error naming the option. */
function wholeNumber(value: string, option: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = readWhole(value, min, max);
  if (n === null) throw new UsageError(`${option} takes a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, not '${value}'`);
  return n;
}

/** One of the allowed values, or a usage error listing them. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  const v = pickOne(value, allowed);
  if (v === null) throw new UsageError(`${option} must be one of ${allowed.join(', ')}; not '${value}'`);
  return v;
}

/** The longest `--timeout`: an hour. Timers take at most 2^31-1 ms; past that one would fire at once. */
const MAX_TIMEOUT_MS = 3_600_000;

/** The network options every networked command shares. */
export function parseNet(raw: RawOptions): Net {
  const timeout = stringOption(raw, 'timeout');
  return {
    offline: flagOption(raw, 'offline'),
    refresh: flagOption(raw, 'refresh'),
    timeout: timeout === undefined ? DEFAULTS.timeout : wholeNumber(timeout, '--timeout', 1, MAX_TIMEOUT_MS),
  };
}

/**
 * What sets one list apart from the others: the sort keys and fields it offers, and its own default
 * order, which the sort setting does not replace (`saved` keeps the order papers were saved in).
 */
export interface ListKind {
  sortKeys: readonly ListSortKey[];
  fields: readonly Field[];
  sort?: ListSortKey;
}

/** What every list offers. */
const COMMON_LIST: ListKind = { sortKeys: SORT_KEYS, fields: FIELDS };

/** Validates list options once, so commands and renderers only see good values; the command line beats the settings. */
export function parseListOptions(raw: RawOptions, settings: Settings = {}, watches: readonly Watch[] = [], kind: ListKind = COMMON_LIST): ListOptions {
  const given = stringOption(raw, 'format');
  let format = given === undefined ? undefined : oneOf(given, FORMATS, '--format');
  if (flagOption(raw, 'json')) {
    if (format && format !== 'json') throw new UsageError(`--json and --format ${format} disagree; give one`);
    format = 'json';
  }
  let fields: Field[] | undefined;
  const fieldText = stringOption(raw, 'fields');
  if (fieldText !== undefined) {
    fields = fieldText
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => oneOf(f, kind.fields, '--fields'));
    if (fields.length === 0) throw new UsageError(`--fields needs at least one of ${kind.fields.join(', ')}`);
    if (format && !(FIELD_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--fields applies to ${FIELD_FORMATS.join(', ')}, not to ${format}`);
    }
  }
  // A format from the settings yields to --fields that it cannot honour.
  format ??= fields && settings.format && !(FIELD_FORMATS as readonly string[]).includes(settings.format) ? undefined : settings.format;
  const printed = given !== undefined || flagOption(raw, 'json') || fieldText !== undefined;
  let interactive: ListOptions['interactive'] = 'no';
  if (flagOption(raw, 'interactive')) {
    if (printed) throw new UsageError('--interactive shows the list in the reader; --format, --json and --fields print it', 'give one or the other');
    interactive = 'asked';
  } else if (settings.interactive && !printed) interactive = 'setting';
  const limit = stringOption(raw, 'limit');
  const minUpvotes = stringOption(raw, 'minUpvotes');
  const sort = stringOption(raw, 'sort');
  return {
    limit: limit === undefined ? (settings.limit ?? DEFAULTS.limit) : wholeNumber(limit, '--limit', 0),
    filters: {
      grep: listOption(raw, 'grep').map((p) => pattern(p, '--grep')),
      exclude: listOption(raw, 'exclude').map((p) => pattern(p, '--exclude')),
      minUpvotes: minUpvotes === undefined ? null : wholeNumber(minUpvotes, '--min-upvotes', 0),
      hasCode: flagOption(raw, 'hasCode'),
      author: listOption(raw, 'author').map((p) => pattern(p, '--author')),
      org: listOption(raw, 'org').map((p) => pattern(p, '--org')),
    },
    only: { unseen: flagOption(raw, 'unseen'), unread: flagOption(raw, 'unread'), watched: flagOption(raw, 'watched') },
    watches: watches.map(compileWatch),
    sort: sort === undefined ? (kind.sort ?? settings.sort ?? DEFAULTS.sort) : oneOf(sort, kind.sortKeys, '--sort'),
    reverse: flagOption(raw, 'reverse'),
    format,
    fields,
    allFields: kind.fields,
    columns: settings.columns ?? DEFAULT_TABLE_COLUMNS,
    interactive,
    ...parseNet(raw),
  };
}
