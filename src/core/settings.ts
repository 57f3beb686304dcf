import { UsageError } from './errors.js';
import { plural } from './plural.js';
import { DEFAULT_TABLE_COLUMNS, FORMATS, TABLE_COLUMNS, type Format, type TableColumn } from './formats.js';
import { DEFAULTS } from './listOptions.js';
import { checkIds, type Paper } from './paper.js';
import { SORT_KEYS, type SortKey } from './rank.js';
import { isObject, oneOf, wholeNumber } from './coerce.js';
import { isPaper } from './validPaper.js';
import { watchFrom, type Watch } from './watch.js';
import { sanitizeLine } from './sanitize.js';

/** Settings a user may keep, with the list options they repeat. */
export interface Settings {
  limit?: number;
  sort?: SortKey;
  format?: Format;
  columns?: TableColumn[];
  'cache-max-mb'?: number;
  /** Lists open in the interactive reader when stdin and stdout are a terminal, as with -i. */
  interactive?: boolean;
}
export type SettingKey = keyof Settings;

/** One saved paper: its data (so `saved` works offline), when it was saved, and when its data was last saved again. */
export interface SavedEntry {
  paper: Paper;
  savedAt: string;
  updatedAt?: string;
}

/** The settings file's content: settings, the reading list and the watches. */
export interface Store {
  settings: Settings;
  saved: SavedEntry[];
  watches: Watch[];
}

export const EMPTY_STORE: Store = { settings: {}, saved: [], watches: [] };

interface Spec {
  description: string;
  accepted: string;
  /** The words completion offers for its value (a comma-separated list of them when `list`). */
  values?: readonly string[];
  list?: boolean;
  fallback: string;
  parse(text: string): unknown;
}

/** A parser for `SETTINGS`: the value, or a throw that parseSetting turns into a usage error. */
function must<T>(read: (text: string) => T | null) {
  return (text: string): T => {
    const v = read(text);
    if (v === null) throw new Error('invalid');
    return v;
  };
}
const whole = (min: number, max: number) => must((t) => wholeNumber(t, min, max));
const oneOfWords = <T extends string>(values: readonly T[]) => must((t) => oneOf(t, values));

/** Every setting: what it means, what it accepts, and its default, for `config` and the README. */
export const SETTINGS: Record<SettingKey, Spec> = {
  limit: { description: 'papers a list shows (0 = all)', accepted: 'a whole number from 0', fallback: String(DEFAULTS.limit), parse: whole(0, 1_000_000) },
  sort: { description: 'the order of lists', accepted: SORT_KEYS.join(', '), fallback: DEFAULTS.sort, values: SORT_KEYS, parse: oneOfWords(SORT_KEYS) },
  format: {
    description: 'the output format (unset: table on a terminal, tsv in a pipe)',
    accepted: FORMATS.join(', '),
    fallback: '(auto)',
    values: FORMATS,
    parse: oneOfWords(FORMATS),
  },
  columns: {
    description: 'the columns of the table, the title always last',
    accepted: `a comma-separated list of ${TABLE_COLUMNS.join(', ')}`,
    fallback: DEFAULT_TABLE_COLUMNS.join(','),
    values: TABLE_COLUMNS,
    list: true,
    parse: (text) => {
      const cols = text
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      if (cols.length === 0) throw new Error();
      const parsed = cols.map(oneOfWords(TABLE_COLUMNS));
      return [...new Set([...parsed.filter((c) => c !== 'title'), 'title' as const])];
    },
  },
  'cache-max-mb': {
    description: 'the cache size cap in MiB (oldest entries go first)',
    accepted: 'a whole number from 1 to 100000',
    fallback: '50',
    parse: whole(1, 100_000),
  },
  interactive: {
    description: 'lists open in the interactive reader on a terminal, as with -i (pipes and --format still print)',
    accepted: 'true or false',
    fallback: 'false',
    values: ['true', 'false'],
    parse: must((t) => (t.trim() === 'true' ? true : t.trim() === 'false' ? false : null)),
  },
};
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** A key of `config get/set/unset`, or a usage error listing them. */
export function settingKey(text: string): SettingKey {
  if ((SETTING_KEYS as string[]).includes(text)) return text as SettingKey;
  throw new UsageError(`no setting '${text}'`, `settings are ${SETTING_KEYS.join(', ')}`);
}

/** A setting's value from the command line, or a usage error naming the accepted values. */
export function parseSetting(key: SettingKey, text: string): Settings[SettingKey] {
  try {
    return SETTINGS[key].parse(text) as Settings[SettingKey];
  } catch {
    throw new UsageError(`'${text}' is not a valid ${key}`, `${key} takes ${SETTINGS[key].accepted}`);
  }
}

/** A setting as text, the way `config get` prints it and `config set` takes it. */
export function showSetting(value: Settings[SettingKey]): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** A reading-list entry with every field of its paper checked (core/validPaper.ts): the file may have been edited or planted. */
function isSaved(value: unknown): value is SavedEntry {
  const isTime = (t: unknown): boolean => typeof t === 'string' && Number.isFinite(Date.parse(t));
  return isObject(value) && isTime(value.savedAt) && (value.updatedAt === undefined || isTime(value.updatedAt)) && isPaper(value.paper);
}

/** A saved entry with its paper's id checked again like a feed's (the file may have been edited or planted). */
function checkedEntry(entry: SavedEntry): SavedEntry {
  const [paper] = checkIds([entry.paper]);
  return paper === entry.paper ? entry : { ...entry, paper: paper! };
}

/** The store in a parsed settings file; values that do not validate are dropped and named in `problems`. */
export function storeFrom(raw: unknown): { store: Store; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(raw)) return { store: EMPTY_STORE, problems: ['the file is not a JSON object'] };
  const settings: Settings = {};
  const given = isObject(raw.settings) ? raw.settings : {};
  for (const key of SETTING_KEYS) {
    const value = given[key];
    if (value === undefined) continue;
    try {
      const parsed = SETTINGS[key].parse(showSetting(value as Settings[SettingKey]));
      (settings as Record<string, unknown>)[key] = parsed;
    } catch {
      problems.push(`ignored the bad value of ${key}`);
    }
  }
  const list: unknown[] = Array.isArray(raw.saved) ? raw.saved : [];
  const saved = list.filter(isSaved).map(checkedEntry);
  if (saved.length < list.length) problems.push(`ignored ${plural(list.length - saved.length, 'broken reading-list entry', 'broken reading-list entries')}`);
  const givenWatches: unknown[] = Array.isArray(raw.watches) ? raw.watches : [];
  const watches: Watch[] = [];
  for (const w of givenWatches) {
    const watch = watchFrom(w);
    if (watch && !watches.some((x) => x.name === watch.name)) watches.push(watch);
    else problems.push(`ignored a broken or repeated watch${isObject(w) && typeof w.name === 'string' ? ` '${sanitizeLine(w.name.slice(0, 40))}'` : ''}`);
  }
  return { store: { settings, saved, watches }, problems };
}

/**
 * The reading list out of a settings file that no longer parses (truncated, edited by hand): every
 * complete `{"paper": ..., "savedAt": ...}` object found in the text, in order, once per paper.
 */
export function recoverSaved(text: string): SavedEntry[] {
  const found: SavedEntry[] = [];
  const seen = new Set<string>();
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    const end = matchingBrace(text, start);
    if (end < 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end + 1));
    } catch {
      continue;
    }
    if (!isSaved(value)) continue;
    const entry = checkedEntry(value);
    const key = entry.paper.id ?? entry.paper.title;
    if (!seen.has(key)) {
      seen.add(key);
      found.push(entry);
    }
    start = end;
  }
  return found;
}

/** Index of the brace closing the one at `start`, skipping strings; -1 when the text ends first. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}
